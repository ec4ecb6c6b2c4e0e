/**
 * Every string of the user interface, in English and Russian. `say.*` are the narration's
 * sentences: code inside them is written in backticks and shown as code.
 * Plural forms are written "one|other" (English) and "one|few|many" (Russian), for `plural()`.
 */
import { defineCatalog } from '../../src-shared/i18n/translate.ts';

export const uiCatalog = defineCatalog({
  en: {
    'app.title': 'Loopscope',
    'header.loop-status': 'Loop status',
    'header.iteration': 'Iteration',
    'header.phase': 'Phase',
    'header.time': 'Virtual time',
    'header.loop': 'loop {id}',
    'phase.before': 'No loop running',
    'phase.select': 'Poll for I/O',
    'phase.wait': 'Wait for the next timer',
    'phase.timers': 'Move due timers',
    'phase.ready': 'Run ready callbacks',
    'phase.blocked': 'Blocked: nothing can run',
    'phase.stopped': 'Loop stopped',
    'phase.closed': 'Loop closed',
    'phase.ended': 'Program ended',
    'time.seconds': '{value} s',

    'engine.loading': 'Starting Python…',
    'engine.loading-progress': 'Starting Python… {percent}%',
    'engine.ready': 'Python {version}',
    'engine.running': 'Running the program…',
    'engine.crashed': 'The Python engine failed: {error}',

    'run.run': 'Run',
    'run.stop': 'Stop',
    'run.edited': 'Code edited: press Run to see its trace',
    'plural.tasks': 'task|tasks',
    'plural.handles': 'handle|handles',

    'outcome.completed': 'The program finished (exit status {code}).',
    'outcome.raised': 'The program ended with an uncaught exception (exit status {code}).',
    'outcome.syntax-error': 'Syntax error on line {line}: {error}',
    'outcome.budget':
      'Stopped by a limit: {budget}. The trace up to there is real and can be replayed.',
    'outcome.stuck':
      'The loop had nothing to run and no timer: a real program would wait here forever.',
    'outcome.stopped': 'You stopped the run. The trace up to there can be replayed.',
    'outcome.crashed':
      'The engine crashed during the run: {error}. What it recorded before is shown.',
    'budget.events': 'too many events',
    'budget.virtual-time': 'too much virtual time',
    'budget.wall-time': 'it ran too long',
    'budget.output': 'too much output',
    'replay.fault': 'The trace does not add up at event {seq} ({message}); the replay stops there.',
    'trace.open': 'Open trace…',
    'trace.invalid': '{name} is not a Loopscope trace: {error}',
    'trace.loaded': 'Replaying the trace {name}',
    'error.unknown': 'unknown error',

    'controls.label': 'Playback',
    'controls.play': 'Play',
    'controls.pause': 'Pause',
    'controls.start': 'Go to the start',
    'controls.end': 'Go to the end',
    'controls.back-event': 'Step back',
    'controls.forward-event': 'Step forward',
    'controls.back-iteration': 'Previous loop iteration',
    'controls.forward-iteration': 'Next loop iteration',
    'controls.back-output': 'Previous line of output',
    'controls.forward-output': 'Next line of output',
    'controls.speed': 'Speed',
    'controls.scrubber': 'Step',
    'controls.step-of': 'Step {step} of {total}',
    'controls.marks': 'Marks: output, exceptions, task ends',
    'controls.keys':
      'Space: play/pause · ←/→: step · ↑/↓: iteration · O: next output · Home/End · PageUp/PageDown',

    'view.narration': 'What happens now',
    'view.ready-queue': 'Ready queue',
    'view.timers': 'Timers',
    'view.tasks': 'Tasks',
    'view.lanes': 'Timeline',
    'view.code': 'Code',
    'view.console': 'Console',

    'ready.head': 'head: runs next',
    'ready.tail': 'tail: new handles join here',
    'ready.empty': 'The ready queue is empty',
    'ready.more': '+{count} more',
    'ready.running': 'Running now',
    'ready.idle': 'The loop is between callbacks',
    'role.step': 'step',
    'role.first-step': 'first step',
    'role.wakeup': 'wake-up',
    'role.sleep': 'end of sleep',
    'role.callback': 'callback',
    'handle.cancelled': 'cancelled',
    'timers.empty': 'No timers',
    'timers.now': 'now',
    'timers.heap': 'Heap order (index 0 is due first)',
    'timers.dial': 'Dial of virtual time from 0 to {span}; the hand is the loop’s clock',
    'timers.waited': 'waited',
    'timers.blocked': 'blocked',

    'tasks.empty': 'No tasks yet',
    'tasks.internal': 'asyncio’s own',
    'tasks.badge': 'asyncio',
    'tasks.internal-hint.asyncgens':
      'asyncio’s own task: once your main coroutine has returned, asyncio.run finalizes async generators in it.',
    'tasks.internal-hint.executor':
      'asyncio’s own task: asyncio.run shuts down the default thread pool executor in it.',
    'tasks.internal-hint.other': 'asyncio’s own task, not one of your program’s.',
    'tasks.more': '{count} {tasks} in all',
    'tasks.more-internal': '{count} {tasks} in all, {internal} of them asyncio’s own',
    'status.created': 'created',
    'status.scheduled': 'scheduled',
    'status.running': 'running',
    'status.suspended': 'suspended',
    'status.ready': 'ready',
    'status.done': 'done',
    'status.failed': 'failed',
    'status.cancelled': 'cancelled',
    'awaiting.sleep': 'awaits sleep until {time}',
    'awaiting.task': 'awaits task {name}',
    'awaiting.gather': 'awaits gather of {count} {tasks}',
    'awaiting.future': 'awaits {label}',
    'task.coro': 'coroutine {coro}()',
    'task.line': 'line {line}',
    'task.result': 'returned {value}',
    'task.exception': 'raised {type}: {message}',
    'task.cancel-requested': 'cancel requested',
    'machine.title': 'State machine of {task}',
    'machine.none': 'State machine of a task',
    'lanes.legend-running': 'running',
    'lanes.legend-ready': 'ready',
    'lanes.legend-waiting': 'waiting',
    'lanes.legend-blocked': 'blocked',
    'lanes.axis': 'loop iterations; virtual time above',

    'code.label': 'Program code (editable)',
    'console.empty': 'No output yet',
    'console.label': 'Program output',

    'narration.idle': 'Press Play (Space) or step forward (→) to watch the loop at work.',
    'narration.waiting': 'The program is being run; its trace will appear here.',
    'narration.nothing': 'Choose a scenario and press Run.',

    'settings.label': 'Settings',
    'settings.language': 'Language',
    'settings.theme': 'Theme',
    'settings.presentation': 'Presentation',
    'settings.presentation-hint': 'Presentation mode (F11): large type, fewer panels',
    'settings.zoom-in': 'Zoom in',
    'settings.zoom-out': 'Zoom out',
    'settings.zoom': 'Zoom: {percent}%',
    'settings.zoom-label': 'Zoom',
    'language.system': 'System language',
    'language.en': 'English',
    'language.ru': 'Русский',
    'theme.system': 'System theme',
    'theme.light': 'Light',
    'theme.dark': 'Dark',
    'theme.contrast': 'High contrast',

    'lesson.label': 'Lesson',
    'lesson.scenario': 'Scenario',
    'lesson.open': 'Open lesson or program…',
    'lesson.empty-course': 'No lesson is open. Open a lesson file (.md) to begin.',
    'lesson.no-scenarios': 'This lesson has no runnable scenario.',
    'lesson.open-failed': 'Could not open {name}: {reason}',
    'lesson.reloaded': '{name} changed on disk: reloaded',
    'lesson.reloaded-kept-edits':
      '{name} changed on disk: reloaded; your edits to the code are kept',
    'open.not-found': 'the file is gone',
    'open.empty': 'the file is empty',
    'open.too-large': 'the file is too large',
    'open.binary': 'it is a binary file',
    'open.not-utf8': 'it is not UTF-8 text',
    'open.unsupported':
      'only lessons (.md), Python programs (.py) and Loopscope traces (.json) can be opened',
    'open.unreadable': 'it cannot be read',
    'open.one-at-a-time': '{name} was not opened: one file is shown at a time.',
    'open.menu': 'Open',
    'open.recent': 'Recent files',
    'open.recent-empty': 'Nothing opened yet',
    'open.drop-hint': 'Or drop a lesson (.md), a program (.py) or a trace (.json) on the window.',
    'drop.title': 'Drop to open',
    'drop.detail': 'a lesson (.md), a Python program (.py) or a Loopscope trace (.json)',
    'replace.title': 'Replace your edited code?',
    'replace.body':
      'You changed the code in the editor. {name} would replace it, and your changes would be lost unless you save them first.',
    'replace.cancel': 'Keep my code',
    'replace.save': 'Save my code, then open',
    'replace.discard': 'Discard my changes',

    'lesson-text.toggle': 'Lesson text',
    'lesson-text.hint': 'Show or hide what the lesson says about this scenario',
    'lesson-text.title': 'What the lesson says',
    'lesson-text.close': 'Hide the lesson text',
    'lesson-text.code': 'The code is in the editor: run it and watch the loop.',
    'lesson-text.expected': 'The lesson says it prints:',
    'lesson-text.empty': 'The lesson says nothing more about this scenario.',
    'check.matches': 'The output matches the lesson ✓',
    'check.differs': 'The output differs from the lesson',
    'check.legend': '− only in the lesson · + only in this run',
    'check.lesson': 'the lesson',
    'check.program': 'this run',

    'say.run.start':
      'The program starts: Python runs the file from the top. There is no event loop yet.',
    'say.run.end.completed': 'The program has ended, exit status {code}.',
    'say.run.end.raised': 'The program ended with an uncaught exception, exit status {code}.',
    'say.run.end.syntax-error':
      'Python could not compile the program: a syntax error on line {line}.',
    'say.run.end.budget':
      'The run was stopped by a limit ({budget}); everything up to here really happened.',
    'say.run.end.stuck':
      'The loop has nothing to run and no timer to wait for: a real program would hang here forever.',
    'say.run.end.stopped': 'The run was stopped by you.',
    'say.run.end.crashed': 'The engine failed here: {error}.',
    'say.line.task': '`{task}` executes line {line}.',
    'say.line': 'Python executes line {line}.',
    'say.output.task': '`{task}` prints “{text}”.',
    'say.output': 'The program prints “{text}”.',
    'say.stderr': 'Text goes to stderr: “{text}”.',
    'say.warning': 'Python issues a {category}: {message}',
    'say.log': 'The logger `{logger}` records a {level} message: {message}',
    'say.exception': 'An exception propagates: {type}: {message}.',
    'say.loop.create': 'asyncio creates a new event loop (it does not run yet).',
    'say.loop.start': 'The event loop starts running: from now on it alone decides what runs.',
    'say.loop.iteration': 'Iteration {n} of the loop begins.',
    'say.loop.select.poll': 'Something is ready, so the loop checks for I/O without waiting.',
    'say.loop.select.timer':
      'Nothing is ready to run: the loop will wait up to {timeout} for its next timer.',
    'say.loop.select.forever':
      'Nothing is ready and no timer is set: the loop would wait with no limit.',
    'say.loop.wait':
      'The clock jumps ahead to {time}: the loop slept until its next timer was due.',
    'say.loop.timers': 'The loop moves the timers that are due from the heap to the ready queue.',
    'say.loop.ready':
      'The loop will run the {count} {handles} that are in the ready queue now, one after another.',
    'say.loop.ready.none': 'No handle is ready: this iteration runs nothing.',
    'say.loop.stop': 'The loop stops running.',
    'say.loop.close': 'The loop is closed; anything still queued is dropped.',
    'say.clock.block.task':
      '`{task}` calls a blocking function on line {line}: the whole loop freezes for {duration}; nothing else can run.',
    'say.clock.block':
      'A blocking call on line {line} freezes the whole loop for {duration}; nothing else can run.',
    'say.handle.push.first-step':
      '`{task}`’s first step joins the tail of the ready queue: the task is scheduled, but it does not start yet.',
    'say.handle.push.step':
      '`{task}` goes back to the tail of the ready queue to take its next step.',
    'say.handle.push.wakeup':
      'What `{task}` awaited is done: its wake-up joins the tail of the ready queue.',
    'say.handle.push.callback':
      '`{callback}` is scheduled with `call_soon`: it joins the tail of the ready queue.',
    'say.timer.push.sleep':
      '`{task}` sets a timer in the heap for {time}: when it is due, the sleep ends.',
    'say.timer.push': 'A timer for `{callback}` is put in the heap, due at {time}.',
    'say.timer.due': 'The timer due at {time} moves from the heap to the tail of the ready queue.',
    'say.timer.discard':
      'The cancelled timer at the top of the heap is thrown away without running.',
    'say.timer.rebuild':
      'Too many cancelled timers: the loop drops {count} of them and rebuilds the heap.',
    'say.handle.cancel.queued':
      '`{label}` is cancelled: it stays in place until the loop reaches it and drops it.',
    'say.handle.cancel.past': 'asyncio cancels `{label}`, which has already run: nothing changes.',
    'say.handle.run.first-step':
      'The loop takes `{task}`’s first step from the ready queue and runs it: the task starts only now.',
    'say.handle.run.step':
      'The loop takes `{task}`’s next step from the head of the ready queue and runs it.',
    'say.handle.run.wakeup': 'The loop runs `{task}`’s wake-up from the head of the ready queue.',
    'say.handle.run.sleep':
      'The loop runs the timer’s callback: the sleep of `{task}` is over, and its future gets a result.',
    'say.handle.run.callback':
      'The loop takes `{callback}` from the head of the ready queue and runs it.',
    'say.handle.done': '`{label}` returns: control is back with the loop.',
    'say.handle.skip':
      'The loop takes the cancelled `{label}` from the head and drops it without running it.',
    'say.task.create':
      '`create_task` wraps `{coro}()` in the task `{task}`; the task is created, not started.',
    'say.task.create.asyncgens':
      '`asyncio.run` shuts down: your main coroutine has returned, so it finalizes async generators, in a task of its own, `{task}` (asyncio’s, not yours).',
    'say.task.create.executor':
      '`asyncio.run` shuts down the default executor (the thread pool behind `to_thread` and `run_in_executor`), in a task of its own, `{task}`.',
    'say.task.create.other': 'asyncio makes a task of its own, `{task}`, for `{coro}()`.',
    'say.future.create': 'A new `{type}` is created.',
    'say.task.run.first': '`{task}` starts running its coroutine `{coro}()`.',
    'say.task.run.asyncgens':
      '`{task}`, asyncio’s own task, finalizes the async generators that are still open.',
    'say.task.run.executor':
      '`{task}`, asyncio’s own task, waits for the default executor’s threads to finish.',
    'say.task.run.other': '`{task}`, asyncio’s own task, starts `{coro}()`.',
    'say.task.run.resume': '`{task}` resumes after its `await`.',
    'say.task.run.throw': '`{task}` resumes: `{exception}` is thrown into it at its `await`.',
    'say.task.suspend.sleep':
      '`{task}` awaits `asyncio.sleep` until {time}: it gives control back to the loop.',
    'say.task.suspend.task':
      '`{task}` awaits the task `{name}`: it gives control back to the loop until that task ends.',
    'say.task.suspend.gather':
      '`{task}` awaits `gather` of {count} {tasks}: it gives control back to the loop until they all end.',
    'say.task.suspend.future': '`{task}` awaits {label}: it gives control back to the loop.',
    'say.task.yield': '`{task}` yields with `sleep(0)`: it goes to the back of the ready queue.',
    'say.task.wake': '`{task}` wakes up: what it awaited is done.',
    'say.task.cancel.shutdown':
      '`asyncio.run` cancels `{task}`: the main coroutine has returned, and nobody awaited this task.',
    'say.task.cancel':
      '`{task}` is asked to cancel: `CancelledError` will be thrown into it at its `await`.',
    'say.task.cancel.late': 'Cancelling `{task}` has no effect: it has already ended.',
    'say.future.result.task': '`{task}` is done and returns `{value}`.',
    'say.future.result': 'A `{type}` gets its result: `{value}`.',
    'say.future.exception.task':
      '`{task}` fails with `{exception}`: the exception is stored in the task until someone looks.',
    'say.future.exception': 'A `{type}` gets an exception: `{exception}`.',
    'say.future.cancelled.task': '`{task}` is cancelled.',
    'say.future.cancelled': 'A `{type}` is cancelled.',
    'say.future.callback': '`{callback}` is registered to run when `{future}` is done.',
    'say.line.hot':
      'Line {line} runs in a tight loop: its further runs in this step are not shown one by one.',
    'say.future.dropped.exception-never-retrieved':
      'The program drops `{future}`, and nobody retrieved its exception: asyncio reports it now.',
    'say.future.dropped.pending':
      'The program drops `{future}` while it is still pending: asyncio reports it now.',
    'say.probe': 'The engine checks the loop’s queues.',
  },
  ru: {
    'app.title': 'Loopscope',
    'header.loop-status': 'Состояние цикла',
    'header.iteration': 'Итерация',
    'header.phase': 'Фаза',
    'header.time': 'Виртуальное время',
    'header.loop': 'цикл {id}',
    'phase.before': 'Цикл не запущен',
    'phase.select': 'Опрос ввода-вывода',
    'phase.wait': 'Ожидание ближайшего таймера',
    'phase.timers': 'Перенос сработавших таймеров',
    'phase.ready': 'Выполнение готовых обратных вызовов',
    'phase.blocked': 'Блокировка: ничто не выполняется',
    'phase.stopped': 'Цикл остановлен',
    'phase.closed': 'Цикл закрыт',
    'phase.ended': 'Программа завершена',
    'time.seconds': '{value} с',

    'engine.loading': 'Запускаем Python…',
    'engine.loading-progress': 'Запускаем Python… {percent}%',
    'engine.ready': 'Python {version}',
    'engine.running': 'Программа выполняется…',
    'engine.crashed': 'Сбой движка Python: {error}',

    'run.run': 'Запустить',
    'run.stop': 'Остановить',
    'run.edited': 'Код изменён: нажмите «Запустить», чтобы увидеть его трассу',
    'plural.tasks': 'задача|задачи|задач',
    'plural.handles': 'обработчик|обработчика|обработчиков',

    'outcome.completed': 'Программа завершилась (код выхода {code}).',
    'outcome.raised': 'Программа завершилась необработанным исключением (код выхода {code}).',
    'outcome.syntax-error': 'Синтаксическая ошибка в строке {line}: {error}',
    'outcome.budget':
      'Запуск остановлен ограничением: {budget}. Трасса до этого места настоящая, её можно воспроизвести.',
    'outcome.stuck':
      'Циклу нечего выполнять и нет ни одного таймера: настоящая программа ждала бы здесь вечно.',
    'outcome.stopped': 'Вы остановили запуск. Трассу до этого места можно воспроизвести.',
    'outcome.crashed': 'Движок упал во время запуска: {error}. Показано то, что он успел записать.',
    'budget.events': 'слишком много событий',
    'budget.virtual-time': 'слишком много виртуального времени',
    'budget.wall-time': 'программа работала слишком долго',
    'budget.output': 'слишком много вывода',
    'replay.fault':
      'Трасса не сходится на событии {seq} ({message}); воспроизведение останавливается там.',
    'trace.open': 'Открыть трассу…',
    'trace.invalid': '{name} — не трасса Loopscope: {error}',
    'trace.loaded': 'Воспроизводится трасса {name}',
    'error.unknown': 'неизвестная ошибка',

    'controls.label': 'Воспроизведение',
    'controls.play': 'Воспроизвести',
    'controls.pause': 'Пауза',
    'controls.start': 'В начало',
    'controls.end': 'В конец',
    'controls.back-event': 'Шаг назад',
    'controls.forward-event': 'Шаг вперёд',
    'controls.back-iteration': 'Предыдущая итерация цикла',
    'controls.forward-iteration': 'Следующая итерация цикла',
    'controls.back-output': 'Предыдущая строка вывода',
    'controls.forward-output': 'Следующая строка вывода',
    'controls.speed': 'Скорость',
    'controls.scrubber': 'Шаг',
    'controls.step-of': 'Шаг {step} из {total}',
    'controls.marks': 'Отметки: вывод, исключения, завершение задач',
    'controls.keys':
      'Пробел: пуск/пауза · ←/→: шаг · ↑/↓: итерация · O: следующий вывод · Home/End · PageUp/PageDown',

    'view.narration': 'Что происходит сейчас',
    'view.ready-queue': 'Очередь готовых',
    'view.timers': 'Таймеры',
    'view.tasks': 'Задачи',
    'view.lanes': 'Временная шкала',
    'view.code': 'Код',
    'view.console': 'Консоль',

    'ready.head': 'голова: выполнится следующим',
    'ready.tail': 'хвост: сюда встают новые',
    'ready.empty': 'Очередь готовых пуста',
    'ready.more': 'ещё {count}',
    'ready.running': 'Выполняется сейчас',
    'ready.idle': 'Цикл между обратными вызовами',
    'role.step': 'шаг',
    'role.first-step': 'первый шаг',
    'role.wakeup': 'пробуждение',
    'role.sleep': 'конец sleep',
    'role.callback': 'обратный вызов',
    'handle.cancelled': 'отменён',
    'timers.empty': 'Таймеров нет',
    'timers.now': 'сейчас',
    'timers.heap': 'Порядок в куче (индекс 0 сработает первым)',
    'timers.dial': 'Циферблат виртуального времени от 0 до {span}; стрелка — часы цикла',
    'timers.waited': 'ожидание',
    'timers.blocked': 'блокировка',

    'tasks.empty': 'Задач пока нет',
    'tasks.internal': 'служебная asyncio',
    'tasks.badge': 'asyncio',
    'tasks.internal-hint.asyncgens':
      'Служебная задача asyncio: когда главная корутина вернулась, asyncio.run закрывает в ней асинхронные генераторы.',
    'tasks.internal-hint.executor':
      'Служебная задача asyncio: в ней asyncio.run закрывает пул потоков исполнителя по умолчанию.',
    'tasks.internal-hint.other': 'Служебная задача asyncio, а не вашей программы.',
    'tasks.more': 'всего {count} {tasks}',
    'tasks.more-internal': 'всего {count} {tasks}, служебных asyncio: {internal}',
    'status.created': 'создана',
    'status.scheduled': 'запланирована',
    'status.running': 'выполняется',
    'status.suspended': 'приостановлена',
    'status.ready': 'готова',
    'status.done': 'завершена',
    'status.failed': 'упала',
    'status.cancelled': 'отменена',
    'awaiting.sleep': 'ждёт sleep до {time}',
    'awaiting.task': 'ждёт задачу {name}',
    'awaiting.gather': 'ждёт gather из {count} {tasks}',
    'awaiting.future': 'ждёт {label}',
    'task.coro': 'корутина {coro}()',
    'task.line': 'строка {line}',
    'task.result': 'вернула {value}',
    'task.exception': 'исключение {type}: {message}',
    'task.cancel-requested': 'запрошена отмена',
    'machine.title': 'Состояния задачи {task}',
    'machine.none': 'Состояния задачи',
    'lanes.legend-running': 'выполняется',
    'lanes.legend-ready': 'готова',
    'lanes.legend-waiting': 'ждёт',
    'lanes.legend-blocked': 'блокировка',
    'lanes.axis': 'итерации цикла; сверху — виртуальное время',

    'code.label': 'Код программы (можно править)',
    'console.empty': 'Вывода пока нет',
    'console.label': 'Вывод программы',

    'narration.idle':
      'Нажмите «Воспроизвести» (Пробел) или шаг вперёд (→), чтобы увидеть работу цикла.',
    'narration.waiting': 'Программа выполняется; её трасса появится здесь.',
    'narration.nothing': 'Выберите сценарий и нажмите «Запустить».',

    'settings.label': 'Настройки',
    'settings.language': 'Язык',
    'settings.theme': 'Тема',
    'settings.presentation': 'Презентация',
    'settings.presentation-hint': 'Режим презентации (F11): крупный текст, меньше панелей',
    'settings.zoom-in': 'Увеличить',
    'settings.zoom-out': 'Уменьшить',
    'settings.zoom': 'Масштаб: {percent}%',
    'settings.zoom-label': 'Масштаб',
    'language.system': 'Язык системы',
    'language.en': 'English',
    'language.ru': 'Русский',
    'theme.system': 'Системная тема',
    'theme.light': 'Светлая',
    'theme.dark': 'Тёмная',
    'theme.contrast': 'Высокий контраст',

    'lesson.label': 'Урок',
    'lesson.scenario': 'Сценарий',
    'lesson.open': 'Открыть урок или программу…',
    'lesson.empty-course': 'Урок не открыт. Откройте файл урока (.md), чтобы начать.',
    'lesson.no-scenarios': 'В этом уроке нет сценариев, которые можно запустить.',
    'lesson.open-failed': 'Не удалось открыть {name}: {reason}',
    'lesson.reloaded': '{name} изменён на диске: урок перезагружен',
    'lesson.reloaded-kept-edits':
      '{name} изменён на диске: урок перезагружен, ваши правки кода сохранены',
    'open.not-found': 'файл исчез',
    'open.empty': 'файл пуст',
    'open.too-large': 'файл слишком большой',
    'open.binary': 'это двоичный файл',
    'open.not-utf8': 'это не текст в UTF-8',
    'open.unsupported':
      'открыть можно только уроки (.md), программы на Python (.py) и трассы Loopscope (.json)',
    'open.unreadable': 'его не удаётся прочитать',
    'open.one-at-a-time': '{name} не открыт: показывается один файл за раз.',
    'open.menu': 'Открыть',
    'open.recent': 'Недавние файлы',
    'open.recent-empty': 'Пока ничего не открывали',
    'open.drop-hint': 'Или перетащите в окно урок (.md), программу (.py) или трассу (.json).',
    'drop.title': 'Отпустите, чтобы открыть',
    'drop.detail': 'урок (.md), программу на Python (.py) или трассу Loopscope (.json)',
    'replace.title': 'Заменить изменённый код?',
    'replace.body':
      'Вы изменили код в редакторе. {name} заменит его, и ваши изменения пропадут, если их сначала не сохранить.',
    'replace.cancel': 'Оставить мой код',
    'replace.save': 'Сохранить код и открыть',
    'replace.discard': 'Отбросить изменения',

    'lesson-text.toggle': 'Текст урока',
    'lesson-text.hint': 'Показать или скрыть, что урок говорит об этом сценарии',
    'lesson-text.title': 'Что говорит урок',
    'lesson-text.close': 'Скрыть текст урока',
    'lesson-text.code': 'Код — в редакторе: запустите его и смотрите на цикл.',
    'lesson-text.expected': 'По словам урока, программа выводит:',
    'lesson-text.empty': 'Больше урок об этом сценарии ничего не говорит.',
    'check.matches': 'Вывод совпадает с уроком ✓',
    'check.differs': 'Вывод отличается от урока',
    'check.legend': '− только в уроке · + только в этом запуске',
    'check.lesson': 'урок',
    'check.program': 'этот запуск',

    'say.run.start':
      'Программа запускается: Python выполняет файл сверху вниз. Цикла событий ещё нет.',
    'say.run.end.completed': 'Программа завершилась, код выхода {code}.',
    'say.run.end.raised': 'Программа завершилась необработанным исключением, код выхода {code}.',
    'say.run.end.syntax-error':
      'Python не смог скомпилировать программу: синтаксическая ошибка в строке {line}.',
    'say.run.end.budget':
      'Запуск остановлен ограничением ({budget}); всё до этого места произошло на самом деле.',
    'say.run.end.stuck':
      'Циклу нечего выполнять и нечего ждать: настоящая программа зависла бы здесь навсегда.',
    'say.run.end.stopped': 'Вы остановили запуск.',
    'say.run.end.crashed': 'Здесь движок упал: {error}.',
    'say.line.task': '`{task}` выполняет строку {line}.',
    'say.line': 'Python выполняет строку {line}.',
    'say.output.task': '`{task}` печатает «{text}».',
    'say.output': 'Программа печатает «{text}».',
    'say.stderr': 'В stderr выводится: «{text}».',
    'say.warning': 'Python выдаёт предупреждение {category}: {message}',
    'say.log': 'Логгер `{logger}` записывает сообщение уровня {level}: {message}',
    'say.exception': 'Летит исключение: {type}: {message}.',
    'say.loop.create': 'asyncio создаёт новый цикл событий (пока он не работает).',
    'say.loop.start': 'Цикл событий запускается: теперь только он решает, что выполнять.',
    'say.loop.iteration': 'Начинается итерация {n} цикла.',
    'say.loop.select.poll':
      'Есть готовые обработчики, поэтому цикл проверяет ввод-вывод без ожидания.',
    'say.loop.select.timer':
      'Выполнять нечего: цикл будет ждать до {timeout}, пока не сработает ближайший таймер.',
    'say.loop.select.forever': 'Выполнять нечего и таймеров нет: цикл ждал бы без ограничения.',
    'say.loop.wait':
      'Часы прыгают вперёд до {time}: цикл спал, пока не подошёл срок ближайшего таймера.',
    'say.loop.timers': 'Цикл переносит сработавшие таймеры из кучи в очередь готовых.',
    'say.loop.ready': 'Цикл выполнит {count} {handles} из очереди готовых, один за другим.',
    'say.loop.ready.none': 'Готовых обработчиков нет: эта итерация ничего не выполняет.',
    'say.loop.stop': 'Цикл останавливается.',
    'say.loop.close': 'Цикл закрывается; всё, что осталось в очередях, выбрасывается.',
    'say.clock.block.task':
      '`{task}` вызывает блокирующую функцию в строке {line}: весь цикл замирает на {duration}, ничто другое не выполняется.',
    'say.clock.block':
      'Блокирующий вызов в строке {line} замораживает весь цикл на {duration}; ничто другое не выполняется.',
    'say.handle.push.first-step':
      'Первый шаг `{task}` встаёт в хвост очереди готовых: задача запланирована, но ещё не запущена.',
    'say.handle.push.step':
      '`{task}` снова встаёт в хвост очереди готовых, чтобы сделать следующий шаг.',
    'say.handle.push.wakeup':
      'То, чего ждала `{task}`, готово: её пробуждение встаёт в хвост очереди готовых.',
    'say.handle.push.callback':
      '`{callback}` запланирован через `call_soon`: он встаёт в хвост очереди готовых.',
    'say.timer.push.sleep':
      '`{task}` ставит таймер в кучу на {time}: когда он сработает, sleep закончится.',
    'say.timer.push': 'Таймер для `{callback}` кладётся в кучу со сроком {time}.',
    'say.timer.due': 'Таймер со сроком {time} переходит из кучи в хвост очереди готовых.',
    'say.timer.discard': 'Отменённый таймер с вершины кучи выбрасывается без выполнения.',
    'say.timer.rebuild':
      'Отменённых таймеров слишком много: цикл выбрасывает {count} и перестраивает кучу.',
    'say.handle.cancel.queued':
      '`{label}` отменён: он остаётся на месте, пока цикл не дойдёт до него и не выбросит.',
    'say.handle.cancel.past':
      'asyncio отменяет `{label}`, который уже выполнился: ничего не меняется.',
    'say.handle.run.first-step':
      'Цикл берёт первый шаг `{task}` из очереди готовых и выполняет его: задача начинает работу только сейчас.',
    'say.handle.run.step':
      'Цикл берёт следующий шаг `{task}` из головы очереди готовых и выполняет его.',
    'say.handle.run.wakeup': 'Цикл выполняет пробуждение `{task}` из головы очереди готовых.',
    'say.handle.run.sleep':
      'Цикл выполняет обратный вызов таймера: sleep у `{task}` закончился, его future получает результат.',
    'say.handle.run.callback': 'Цикл берёт `{callback}` из головы очереди готовых и выполняет его.',
    'say.handle.done': '`{label}` возвращает управление циклу.',
    'say.handle.skip':
      'Цикл берёт отменённый `{label}` из головы очереди и выбрасывает, не выполняя.',
    'say.task.create':
      '`create_task` оборачивает `{coro}()` в задачу `{task}`; задача создана, но не запущена.',
    'say.task.create.asyncgens':
      '`asyncio.run` завершает работу: главная корутина вернулась, и он закрывает асинхронные генераторы в собственной задаче `{task}` (это задача asyncio, а не ваша).',
    'say.task.create.executor':
      '`asyncio.run` закрывает исполнитель по умолчанию (пул потоков для `to_thread` и `run_in_executor`) в собственной задаче `{task}`.',
    'say.task.create.other': 'asyncio создаёт собственную задачу `{task}` для `{coro}()`.',
    'say.future.create': 'Создаётся новый `{type}`.',
    'say.task.run.first': '`{task}` начинает выполнять свою корутину `{coro}()`.',
    'say.task.run.asyncgens':
      '`{task}`, служебная задача asyncio, закрывает асинхронные генераторы, которые ещё открыты.',
    'say.task.run.executor':
      '`{task}`, служебная задача asyncio, ждёт, пока завершатся потоки исполнителя по умолчанию.',
    'say.task.run.other': '`{task}`, служебная задача asyncio, запускает `{coro}()`.',
    'say.task.run.resume': '`{task}` продолжает работу после `await`.',
    'say.task.run.throw': '`{task}` продолжает работу: в её `await` выбрасывается `{exception}`.',
    'say.task.suspend.sleep':
      '`{task}` ждёт `asyncio.sleep` до {time}: она возвращает управление циклу.',
    'say.task.suspend.task':
      '`{task}` ждёт задачу `{name}`: она возвращает управление циклу, пока та не завершится.',
    'say.task.suspend.gather':
      '`{task}` ждёт `gather` из {count} {tasks}: она возвращает управление циклу, пока все не завершатся.',
    'say.task.suspend.future': '`{task}` ждёт {label}: она возвращает управление циклу.',
    'say.task.yield':
      '`{task}` уступает управление через `sleep(0)`: она встаёт в конец очереди готовых.',
    'say.task.wake': '`{task}` просыпается: то, чего она ждала, готово.',
    'say.task.cancel.shutdown':
      '`asyncio.run` отменяет `{task}`: главная корутина завершилась, а эту задачу никто не ждал.',
    'say.task.cancel': '`{task}` просят отмениться: в её `await` будет выброшено `CancelledError`.',
    'say.task.cancel.late': 'Отмена `{task}` ничего не меняет: задача уже завершилась.',
    'say.future.result.task': '`{task}` завершается и возвращает `{value}`.',
    'say.future.result': '`{type}` получает результат: `{value}`.',
    'say.future.exception.task':
      '`{task}` падает с `{exception}`: исключение сохраняется в задаче, пока его кто-нибудь не заберёт.',
    'say.future.exception': '`{type}` получает исключение: `{exception}`.',
    'say.future.cancelled.task': '`{task}` отменена.',
    'say.future.cancelled': '`{type}` отменён.',
    'say.future.callback':
      '`{callback}` регистрируется, чтобы выполниться, когда `{future}` будет готов.',
    'say.line.hot':
      'Строка {line} крутится в плотном цикле: её дальнейшие выполнения в этом шаге не показываются по одному.',
    'say.future.dropped.exception-never-retrieved':
      'Программа теряет `{future}`, а её исключение никто не забрал: asyncio сообщает об этом сейчас.',
    'say.future.dropped.pending':
      'Программа теряет `{future}`, пока она ещё не завершилась: asyncio сообщает об этом сейчас.',
    'say.probe': 'Движок сверяет очереди цикла.',
  },
});

export type UiKey = keyof (typeof uiCatalog)['en'];

/**
 * Every string of the user interface, in English and Russian. `say.*` are the narration's
 * sentences: code inside them is written in backticks and shown as code.
 * Nouns that are counted (`noun.*`) hold their plural forms in the order of the language's
 * `Intl.PluralRules` categories: "one|other" (English), "one|few|many|other" (Russian, where
 * `other` is for fractions); `noun.*-of` are the forms after "of" ("из 2 задач").
 */
import { frameCatalog } from '../../src-shared/i18n/catalog-frame.ts';
import { defineCatalog } from '../../src-shared/i18n/translate.ts';

export const uiCatalog = defineCatalog({
  en: {
    ...frameCatalog.en,
    'app.title': 'Loopscope',
    'header.loop-status': 'Loop status',
    'header.loop': 'loop {id}',
    'phase.wait-io': 'Wait for sockets or the next timer',
    'header.sockets': 'Sockets',
    'header.sockets.value': '{count} · {ready} ready',
    'phase.ended-raised': 'Uncaught exception',
    'phase.ended-syntax-error': 'Syntax error: not run',
    'phase.ended-stuck': 'Stuck: nothing left to run',
    'phase.ended-stopped': 'Stopped by you',
    'phase.ended-crashed': 'Cut off: the engine failed',
    'phase.ended-budget-events': 'Cut off: too many events',
    'phase.ended-budget-virtual-time': 'Cut off: too much virtual time',
    'phase.ended-budget-wall-time': 'Cut off: it ran too long',
    'phase.ended-budget-output': 'Cut off: too much output',
    'phase.ended-budget-memory': 'Cut off: too much memory',
    'phase.ended-budget-input': 'Not run: its input was too large',
    'time.at': 't = {time}',
    'time.deadline': '{at} (in {in})',
    'time.deadline-never': '{at} (never due)',
    'count.noun': '{count} {noun}',
    'noun.tasks': 'task|tasks',
    'noun.stack-frames': 'frame|frames',
    'noun.handles': 'handle|handles',
    'noun.frames': 'frame|frames',
    'noun.frames-of': 'frame|frames',
    'noun.steps': 'step|steps',
    'noun.lines': 'line|lines',
    'save.menu': 'Save',
    'save.code': 'Save code…',
    'save.replay': 'Save replay…',
    'save.after-run': 'A replay can be saved and exported once its run has ended.',
    'replay.nothing-to-save': 'There is no finished run to save yet: run the code first.',
    'replay.save-failed': 'The replay could not be saved: {error}',
    'export.open': 'Export…',
    'export.title': 'Export',
    'export.format': 'What to make',
    'export.format.png': 'a picture of the step on show',
    'export.format.svg': 'the step on show as a drawing that scales, fonts included',
    'export.format.gif': 'an animation of a range of steps, for slides',
    'export.format.webm': 'a video of a range of steps',
    'export.format.html':
      'one web page that replays the whole run, with the same views and controls, offline',
    'export.size': 'Size',
    'export.size.custom': 'Other size',
    'export.width': 'Width',
    'export.height': 'Height',
    'export.steps': 'Steps',
    'export.from': 'From step',
    'export.to': 'to step',
    'export.steps-count':
      '{steps} of {total}, counted as the Everything steps count them; played at the player’s speed',
    'export.step-on-show': 'The step on show: event {step} of {total}.',
    'export.html-note': 'The page holds all {steps} of the run and plays without Loopscope.',
    'export.look': 'In the theme and language on show: {theme}, {language}.',
    'export.invalid-size':
      'The width goes from {width} to {maxWidth} pixels and the height from {height} to {maxHeight}; a video’s sides are even.',
    'export.invalid-steps': 'Choose steps from 0 to {max}, the first before the last.',
    'export.too-many-steps': 'An animation shows at most {max} steps: choose fewer.',
    'export.progress-label': 'Export progress',
    'export.progress': '{done} of {frames}',
    'export.preparing': 'Preparing…',
    'export.start': 'Export',
    'export.cancel': 'Cancel',
    'export.close': 'Close',
    'export.failed': 'The export failed: {error}',
    'export.cancelled': 'Cancelled: nothing was saved.',
    'export.saved': 'Saved.',

    'engine.loading': 'Starting Python…',
    'engine.loading-progress': 'Starting Python… {percent}%',
    'engine.ready': 'Python {version}',
    'engine.running': 'Running the program…',
    'engine.crashed': 'The Python engine failed: {error}',

    'run.run': 'Run',
    'run.stop': 'Stop',
    'run.edited': 'Code edited: press Run to see its trace',
    'noun.sockets': 'socket|sockets',

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
    'budget.memory': 'it used too much memory',
    'budget.input': 'its standard input was larger than a program is given, so it was not run',
    'replay.fault': 'The trace does not add up at event {seq} ({message}); the replay stops there.',
    'trace.open': 'Open a replay or trace…',
    'trace.invalid': '{name} cannot be replayed: {error}',
    'trace.loaded': 'Replaying the trace {name}',
    'trace.opening': 'Opening the trace {name}…',
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
    'controls.marks': 'Marks: output, exceptions, task ends',

    'navigate.label': 'Navigate',
    'navigate.pace': 'Play',
    'navigate.pace-steps': 'step by step',
    'navigate.pace-time': 'by time: 1 virtual second = {real}',
    'navigate.pace-hint':
      'Step by step: each step in turn, at the speed chosen. By time: the loop’s clock runs N times slower than a real one, and the steps of one instant pass quickly.',
    'navigate.clock': 'clock {time}',
    'navigate.why': 'Why-arrows',
    'navigate.why-hint': 'Arrows from cause to effect for the step on show',
    'navigate.output-hint': 'Click a line of output to see the step that printed it',
    'navigate.task-hint': 'Click a task, or press T, to walk through its steps alone',
    'navigate.task': '{task}: {index} / {steps}',
    'navigate.task-back': 'Previous step of {task} ([)',
    'navigate.task-forward': 'Next step of {task} (])',
    'navigate.task-clear': 'Stop following {task} (Esc)',
    'navigate.line-none-after': 'Line {line} does not run after this step.',
    'navigate.line-none-before': 'Line {line} does not run before this step.',
    'navigate.line-never': 'Line {line} never runs in this run.',
    'navigate.task-none-after': '{task} does nothing more after this step.',
    'navigate.task-none-before': '{task} did nothing before this step.',
    'navigate.output-none': 'No step of this replay printed that output.',
    'navigate.keys':
      'Click a line number: next run of the line (Shift: previous; F8 in the code) · T: choose a task · [ ]: its steps · W: why-arrows',
    'why.label': 'Why this step happens',
    'why.completed': 'done, so it schedules',
    'why.due': 'timer due',
    'why.runs': 'runs',
    'why.cancel': 'calls cancel()',
    'why.thrown': 'throws CancelledError in',
    'awaits.label': 'Who awaits whom',

    'view.narration': 'What happens now',
    'view.lanes': 'Timeline',
    'view.frames': 'Variables',
    'frames.none': 'No task to show: choose a task’s card, or step to where a task runs.',
    'frames.scheduled': '{task} has not started: its first step waits in the ready queue.',
    'frames.paused': '{task} is paused. Its stack, innermost last:',
    'frames.outside': '{task} is paused outside your code: none of its frames are yours.',
    'frames.running': '{task} is running. Its stack as it last paused, innermost last:',
    'frames.running-first': '{task} runs its first step: its variables show when it first pauses.',
    'frames.ended': '{task} has ended: its frames are gone.',
    'frames.line': 'line {line}',
    'frames.no-locals': 'no variables',
    'frames.asyncio-value': 'an object of asyncio’s',
    'frames.link-hint': 'Choose {task} and show its card',
    'code.caller-mark': '{task} waits here in {function}() for the call it made',
    'legend.caller': 'a task’s outer frame waits at this line for its call: a ring per task',

    'timers.now': 'now',
    'timers.dial': 'Dial of virtual time from 0 to {span}; the hand is the loop’s clock',
    'timers.heap-title': 'Heap order',
    'timers.heap-hint': '(index 0 is due first)',
    'timers.waited': 'waited',
    'timers.blocked': 'blocked',

    'tasks.internal': 'asyncio’s own',
    'tasks.internal-hint.asyncgens':
      'asyncio’s own task: once your main coroutine has returned, asyncio.run finalizes async generators in it.',
    'tasks.internal-hint.executor':
      'asyncio’s own task: asyncio.run shuts down the default thread pool executor in it.',
    'tasks.internal-hint.other': 'asyncio’s own task, not one of your program’s.',
    'tasks.own-and-internal': '{tasks} of your own, and {internal} of asyncio’s',
    'status.cancelling': 'cancelling',
    'task.finish-order': 'ended #{order}',
    'task.asyncio-name': 'in asyncio: {name}',
    'incident.reraised': 'its {exception} is raised again at line {line}, in {task}',
    'incident.read-too-early': 'read too early at line {line}: {exception}',
    'incident.never-retrieved': 'its {exception} was never retrieved',
    'machine.title': 'State machine of {task}',
    'machine.changed': '{caption}: was {from}, is {to}',
    'machine.none': 'State machine of a task',
    'lanes.legend-running': 'running',
    'lanes.legend-ready': 'ready',
    'lanes.legend-waiting': 'waiting',
    'lanes.legend-blocked': 'blocked',
    'lanes.axis': 'loop iterations; virtual time above',

    'code.label': 'Program code (editable)',
    'code.raised': '{exception} stored in {task} is raised here',
    'code.caught': '{exception} raised here, caught on line {line}',
    'code.caught-bare': 'an exception raised here, caught on line {line}',
    'code.no-loop': 'RuntimeError here: no event loop is running',
    'console.hidden':
      'Not shown: {lines} printed earlier. The console keeps only the newest output.',
    'console.cut':
      'Not shown: the start of this long output. The console keeps only the newest output.',
    'console.label': 'Program output',

    'narration.idle': 'Press Play (Space) or step forward (Right arrow) to watch the loop at work.',
    'narration.waiting': 'The program is being run; its trace will appear here.',
    'narration.nothing': 'Choose a scenario and press Run.',

    'focus.asyncio': 'asyncio’s own code',
    'focus.loop': 'The event loop’s own code: between callbacks',
    'focus.step': 'asyncio runs a step of {task}',
    'focus.wakeup': 'asyncio wakes {task}',
    'focus.sleep': 'asyncio ends the sleep of {task}',
    'focus.callback': 'asyncio runs {callback}',
    'focus.task': 'asyncio’s own task {task} runs',
    'focus.run': '`asyncio.run` works outside the loop, called on line {line}',
    'focus.run-anywhere': '`asyncio.run` works outside the loop',

    'lens.label': 'Steps',
    'lens.code': 'Your code',
    'lens.loop': 'The loop',
    'lens.all': 'Everything',
    'lens.code-hint':
      'One step for each thing your code does or waits for; asyncio’s own work is folded into it',
    'lens.loop-hint': 'One step for each handle the loop runs and each change to its queues',
    'lens.all-hint': 'One step for each event the engine recorded',

    'shutdown.expand': 'What asyncio.run does in this step',
    'shutdown.go': 'Show this moment',

    'input.title': 'The program asked for input',
    'input.body':
      'Line {line} called `input()`, but a run has no keyboard: type what it should read, a line for each `input()`, and run again.',
    'input.label': 'Input for the program',
    'input.run': 'Run with this input',
    'input.using': 'Runs read this input',
    'input.clear': 'Run without input',
    'input.newline': 'end of line',

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
    'draft.restored': 'Restored your unsaved code from {time}.',
    'draft.discard': 'Discard',
    'draft.keep': 'Keep',
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
    'open.drop-hint':
      'Or drop a lesson (.md), a program (.py), a replay (.loopscope.json) or a trace (.jsonl) on the window.',
    'drop.title': 'Drop to open',
    'drop.detail':
      'a lesson (.md), a Python program (.py), a Loopscope replay (.loopscope.json) or a trace (.jsonl)',
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
    'check.matches': 'The output matches the lesson',
    'check.differs': 'The output differs from the lesson',
    'check.legend': '- only in the lesson, + only in this run',
    'check.omitted': '… and {count} more {lines} of differences',
    'check.lesson': 'the lesson',
    'check.program': 'this run',

    'say.run.start':
      'The program starts: Python runs the file from the top. There is no event loop yet.',
    'say.run.end.completed': 'The program has ended, exit status {code}.',
    'say.run.end.raised': 'The program ended with an uncaught exception, exit status {code}.',
    'say.run.end.syntax-error':
      'Python could not compile the program: a syntax error on line {line}.',
    'say.run.end.budget':
      'The run was cut off here by a limit ({budget}); everything up to here really happened.',
    'say.run.end.stuck':
      'The loop has nothing to run and no timer to wait for: a real program would hang here forever.',
    'say.run.end.stopped': 'You stopped the run here; everything up to here really happened.',
    'say.run.end.crashed': 'The engine failed here: {error}.',
    'say.run.end.input':
      'The program asked for input at line {line}, but none was given: type it below the console and run it again.',
    'say.run.end.summarized.one':
      'Line {lines} ran in a tight loop: its repeated runs were not recorded one by one.',
    'say.run.end.summarized.many':
      'Lines {lines} ran in tight loops: their repeated runs were not recorded one by one.',
    'say.run.end.full':
      'The trace filled up before the end: the program ran on to its end unrecorded, and the console shows everything it printed.',
    'say.run.end.full-unfinished':
      'The trace filled up before this: the program ran on unrecorded, the console showing what it printed, until the run was stopped.',
    'say.line.task': '{task} executes line {line}.',
    'say.line': 'Python executes line {line}.',
    'say.output.task': '{task} prints “{text}”.',
    'say.output.callback': '{callback} prints “{text}”.',
    'say.output': 'The program prints “{text}”.',
    'say.stderr': 'Text goes to stderr: “{text}”.',
    'say.warning': 'Python issues a {category}: {message}',
    'say.log': 'The logger `{logger}` records a {level} message: {message}',
    'say.exception': 'Nobody catches `{exception}`: the program ends with a traceback.',
    'say.exception.line':
      'Nobody catches `{exception}` (raised at line {line}): the program ends with a traceback.',
    'say.exception.input':
      'The program asked for input at line {line}, but none was given: `input()` raised `EOFError`. Type the input below the console and run it again.',
    'say.exception.no-loop':
      'No event loop is running, so the `create_task` call at line {line} raises `RuntimeError: no running event loop`: a task needs a running loop.',
    'say.caught': 'Line {raised} raised `{exception}`, and the `except` on line {line} catches it.',
    'say.caught.too-early':
      'Line {raised} asks for the result of {task} before {task} has finished: it raises `InvalidStateError`, and the `except` on line {line} catches it.',
    'say.caught.stored':
      'Line {raised} raises again the `{exception}` stored in {task}, and the `except` on line {line} catches it.',
    'say.caught.bare':
      'Line {raised} raised an exception, and the `except` on line {line} catches it.',
    'say.caught.no-loop':
      'No event loop is running, so the call on line {raised} raises `RuntimeError` (a task needs a running loop); the `except` on line {line} catches it.',
    'say.loop.create': 'asyncio creates a new event loop (it does not run yet).',
    'say.loop.start': 'The event loop starts running: from now on it alone decides what runs.',
    'say.loop.iteration': 'Iteration {n} of the loop begins.',
    'say.loop.select.poll': 'Something is ready, so the loop checks for I/O without waiting.',
    'say.loop.select.timer':
      'Nothing is ready to run: the loop will wait at most {timeout}, until {at}, for its next timer.',
    'say.loop.select.forever':
      'Nothing is ready and no timer is set: the loop would wait with no limit.',
    'say.loop.wait':
      'The clock jumps ahead to {at} ({elapsed} later): the loop slept until its next timer was due.',
    'say.loop.wait.io':
      'The clock jumps ahead to {at} ({elapsed} later): the loop slept in the selector until a socket became ready or its next timer was due.',
    'say.io.wait': 'The selector watches {sockets}: {list}.',
    'say.io.ready': '{sockets} became ready: {list}. For each, a callback joins the ready queue.',
    'say.io.ready.none': 'No socket became ready: the poll ended for a timer or a thread.',
    'io.wait.accept': 'fd {fd}, listening on {local}, for a new connection',
    'io.wait.read': 'fd {fd} ({local} to {peer}) for data',
    'io.wait.write': 'fd {fd} ({local} to {peer}) for room to send',
    'io.wait.both': 'fd {fd} ({local} to {peer}) for data or room to send',
    'io.ready.accept': 'fd {fd} has a connection to accept',
    'io.ready.read': 'fd {fd} has data (or the end of the stream) to read',
    'io.ready.write': 'fd {fd} can send',
    'io.ready.both': 'fd {fd} can read and send',
    'io.unbound': 'unbound',
    'say.loop.timers': 'The loop moves the timers that are due from the heap to the ready queue.',
    'say.loop.ready': 'The loop will run the {handles} in the ready queue now, one after another.',
    'say.loop.ready.one': 'The loop will run the one handle in the ready queue now.',
    'say.loop.ready.none': 'No handle is ready: this iteration runs nothing.',
    'say.loop.stop': 'The loop stops running.',
    'say.loop.close': 'The loop is closed; anything still queued is dropped.',
    'say.clock.block.task':
      '{task} calls a blocking function on line {line}: the whole loop freezes for {duration}, until {at}; nothing else can run.',
    'say.clock.block':
      'A blocking call on line {line} freezes the whole loop for {duration}, until {at}; nothing else can run.',
    'say.handle.push.first-step':
      '{task}’s first step joins the tail of the ready queue: the task is scheduled, but it does not start yet.',
    'say.handle.push.step':
      '{task} goes back to the tail of the ready queue to take its next step.',
    'say.handle.push.wakeup':
      'What {task} awaited is over: its wake-up joins the tail of the ready queue.',
    'say.handle.push.callback':
      '{callback} is scheduled with `call_soon`: it joins the tail of the ready queue.',
    'say.timer.push.sleep':
      '{task} sets a timer in the heap for {deadline}: when it is due, the sleep ends.',
    'say.timer.push': 'A timer for {callback} is put in the heap, due at {deadline}.',
    'say.timer.due': 'The timer due at {at} moves from the heap to the tail of the ready queue.',
    'say.timer.discard':
      'The cancelled timer at the top of the heap is thrown away without running.',
    'say.timer.rebuild':
      'Too many cancelled timers: the loop drops {count} of them and rebuilds the heap.',
    'say.handle.cancel.queued':
      '{label} is cancelled: it stays in place until the loop reaches it and drops it.',
    'say.handle.cancel.past': '{label} is cancelled after it has run: nothing changes.',
    'say.handle.run.first-step':
      'The loop takes {task}’s first step from the ready queue and runs it: the task starts only now.',
    'say.handle.run.step':
      'The loop takes {task}’s next step from the head of the ready queue and runs it.',
    'say.handle.run.wakeup':
      'The loop runs the wake-up of {task} from the head of the ready queue.',
    'say.handle.run.sleep':
      'The loop runs the timer’s callback: the sleep of {task} is over, and its future gets a result.',
    'say.handle.run.callback':
      'The loop takes {callback} from the head of the ready queue and runs it.',
    'say.handle.done': '{label} returns: control is back with the loop.',
    'say.handle.skip':
      'The loop takes the cancelled {label} from the head and drops it without running it.',
    'say.task.create': '`{api}` wraps {call} in {task}, a new task: it is created, not started.',
    'say.task.create.plain': '{task}, a new task, is made for {call}: it is created, not started.',
    'say.task.create.main':
      '`asyncio.run` wraps {call} in {task}, a new task: it will be the loop’s first work.',
    'say.task.create.asyncgens':
      '`asyncio.run` shuts down: your main coroutine has returned, so it finalizes async generators, in a task of its own, {task} (asyncio’s, not yours).',
    'say.task.create.executor':
      '`asyncio.run` shuts down the default executor (the thread pool behind `to_thread` and `run_in_executor`), in a task of its own, {task}.',
    'say.task.create.other': 'asyncio makes a task of its own, {task}, for `{coro}()`.',
    'say.future.create': 'A new {type} is created.',
    'say.task.run.first': '{task} starts running {call}.',
    'say.task.run.asyncgens':
      '{task}, asyncio’s own task, finalizes the async generators that are still open.',
    'say.task.run.executor':
      '{task}, asyncio’s own task, waits for the default executor’s threads to finish.',
    'say.task.run.other': '{task}, asyncio’s own task, starts {call}.',
    'say.task.run.resume': '{task} resumes after its `await`.',
    'say.task.run.throw': '{task} resumes: `{exception}` is thrown into it at its `await`.',
    'say.task.suspend.sleep':
      '{task} awaits `asyncio.sleep` until {deadline}: it gives control back to the loop.',
    'say.task.suspend.task':
      '{task} awaits {name}: it gives control back to the loop until that task ends.',
    'say.task.suspend.gather':
      '{task} awaits `gather` of {tasks}: it gives control back to the loop until they all end.',
    'say.task.suspend.many':
      '{task} awaits {tasks} at once: it gives control back to the loop until they all end.',
    'say.task.suspend.future': '{task} awaits {label}: it gives control back to the loop.',
    'say.task.yield': '{task} yields with `sleep(0)`: it goes to the back of the ready queue.',
    'say.task.frames': '{task} is paused in {stack}: its variables are kept there.',
    'say.task.frames.none': '{task} is paused outside your code.',
    'say.task.wake': '{task} wakes up: what it awaited is done.',
    'say.task.wake.cancelled': '{task} wakes up: what it awaited was cancelled.',
    'say.task.wake.failed': '{task} wakes up: what it awaited failed.',
    'say.task.cancel.shutdown':
      '`asyncio.run` cancels {task}: the main coroutine has returned, and nobody awaited this task.',
    'say.task.cancel':
      '{task} is asked to cancel: `CancelledError` will be thrown into it at its `await`.',
    'say.task.cancel.late': 'Cancelling {task} has no effect: it has already ended.',
    'say.future.result.task': '{task} ends and returns `{value}`.',
    'say.future.result': '{type} gets its result: `{value}`.',
    'say.future.exception.task':
      '{task} fails with `{exception}`: the exception is stored in the task until someone awaits it or asks for its result.',
    'say.future.exception': '{type} gets an exception: `{exception}`.',
    'say.future.cancelled.task': '{task} ends cancelled.',
    'say.future.cancelled': '{type} is cancelled.',
    'say.future.callback': '{callback} is registered to run when {future} is done.',
    'say.line.hot':
      'Line {line} runs in a tight loop: its further runs in this step are not shown one by one.',
    'say.future.dropped.exception-never-retrieved':
      'The program drops {future}, and nobody retrieved its exception: asyncio reports it now.',
    'say.future.dropped.pending':
      'The program drops {future} while it is still pending: asyncio reports it now.',
    'say.probe': 'The engine checks the loop’s queues.',

    'tell.create.main':
      '`asyncio.run` makes an event loop, wraps {call} in {task}, a new task, and starts the loop: the task’s first step waits in the ready queue.',
    'tell.create':
      '{by} creates {task} for {call} with `{api}`: a new task, whose first step waits in the ready queue; it has not started.',
    'tell.create.plain':
      '{by} creates {task} for {call}: a new task, whose first step waits in the ready queue; it has not started.',
    'tell.start':
      '{task} starts: the loop takes its first step from the ready queue, and {call} begins.',
    'tell.resume.sleep':
      'Its sleep is over, so asyncio wakes {task}: it resumes after its `await`{where}.',
    'tell.resume.task':
      '{other} has ended, so asyncio wakes {task}: it resumes after its `await`{where}.',
    'tell.resume.gather':
      'Everything it gathered has ended, so asyncio wakes {task}: it resumes after its `await`{where}.',
    'tell.resume.many':
      'The tasks it awaited have all ended, so asyncio wakes {task}: it resumes after its `await`{where}.',
    'tell.resume.future':
      'The future it awaited is done, so asyncio wakes {task}: it resumes after its `await`{where}.',
    'tell.resume.yield':
      '{task} gets its turn again: it resumes after `await asyncio.sleep(0)`{where}.',
    'tell.resume.failed':
      '{other} failed, so asyncio wakes {task}: the `{exception}` stored in {other} is raised again at its `await`{where}.',
    'tell.resume.cancelled':
      '{task} resumes with `CancelledError` at its `await`{where}: it has been cancelled.',
    'tell.resume.throw': '{task} resumes: `{exception}` is thrown into it at its `await`{where}.',
    'tell.where': ' (line {line})',
    'tell.end.wakes': 'asyncio queues the wake-up of {tasks}, which awaited it.',
    'tell.end.main': '`asyncio.run`’s done-callback is queued: once it runs, the loop stops.',
    'tell.end.gather': '`gather`’s done-callback is queued: it counts one more finished task.',
    'tell.end.shutdown-gather': '`asyncio.run` is told that one more cancelled task has ended.',
    'tell.end.callback': 'Its end queues {callback}.',
    'tell.end.cancelled': '{task} ends cancelled: the rest of its work never happens.',
    'tell.end.too-early':
      '{task} read the result of {other} at line {line} before {other} had finished: asyncio raised `InvalidStateError`, and {task} fails with it.',
    'tell.never-retrieved':
      'asyncio reports that nobody ever retrieved the exception stored in {task}:',
    'tell.log.never-retrieved':
      'asyncio reports “Task exception was never retrieved” for {task}: its `{exception}` was stored, and nobody ever looked at it.',
    'tell.shutdown.cancel':
      'The main coroutine has returned, so `asyncio.run` shuts down: it cancels the tasks still pending ({tasks}) and runs the loop until they have finished.',
    'tell.shutdown':
      'The main coroutine has returned, so `asyncio.run` shuts down: no task is left to cancel; it shuts down async generators and the default executor, and closes the loop.',
    'tell.shutdown.finish':
      '`asyncio.run` finishes shutting down: the tasks it cancelled have ended; it shuts down async generators and the default executor, and closes the loop.',
    'tell.cancel':
      '{by} cancels {task}: `CancelledError` will be thrown into it at its `await` when it next runs.',
    'tell.cancel.unstarted':
      '{by} cancels {task} before it has started: when its turn comes, its coroutine never runs.',
    'tell.wait':
      'Nothing was ready to run, so the loop waited until {at} ({elapsed} later): its next timer is due now.',
    'tell.wait.io':
      'Nothing was ready to run, so the loop waited in the selector until {at} ({elapsed} later): data arrived on a socket, or its next timer is due.',
    'tell.schedule':
      '{by} schedules {callback} with `call_soon`: it joins the tail of the ready queue.',
    'tell.schedule.timer': '{by} schedules {callback} for {deadline}: a timer goes into the heap.',
    'tell.unschedule':
      '{by} cancels {callback}: it stays where it is until the loop reaches it and drops it.',
    'tell.callback.run':
      'The loop takes {callback} from the ready queue and calls it: a callback of your program runs.',

    'plain.module': 'The program',
    'plain.task-intro': '`{binding}` (`{name}`)',
    'plain.first-step': '{task}’s first step',
    'plain.next-step': '{task}’s next step',
    'plain.wakeup': 'the wake-up of {task}',
    'plain.sleep-of': 'the end of {task}’s sleep',
    'plain.sleep-end': 'the end of a sleep',
    'plain.run-done-callback': '`asyncio.run`’s done-callback',
    'plain.gather-callback': '`gather`’s done-callback',
    'plain.shutdown-gather': '`asyncio.run`’s check on the cancelled tasks',
    'plain.release-waiter': 'the timeout’s wake-up',
    'plain.timeout': 'the deadline of `asyncio.timeout`',
    'plain.taskgroup-callback': 'the `TaskGroup`’s done-callback',
    'plain.asyncio-callback': 'an internal callback',
    'plain.gathering-future': '`gather`’s waiting future',
    'plain.shutdown-future': 'the future `asyncio.run` waits on for the cancelled tasks',
    'plain.asyncio-future': 'an internal future',
    'plain.wrapped-awaitable': 'the awaitable that `ensure_future` wrapped',

    // Classroom view (issue 9): the keys' names, legends, the dial's and the code's notes.
    // Kept together at the end so that the language blocks merge cleanly.
    'key.space': 'Space',
    'key.left': 'Left arrow',
    'key.right': 'Right arrow',
    'key.up': 'Up arrow',
    'key.down': 'Down arrow',
    'key.home': 'Home',
    'key.end': 'End',
    'key.page-up': 'PageUp',
    'key.page-down': 'PageDown',
    'key.escape': 'Esc',
    'key.o': 'O',
    'key.shift-o': 'Shift+O',
    'keys.label': 'Keys',
    'keys.play': 'play or pause',
    'keys.step': 'step',
    'keys.iteration': 'loop iteration',
    'keys.output': 'next output (with Shift: previous)',
    'keys.ends': 'start, end',
    'keys.clicker': 'step, from a presenter’s clicker',
    'keys.leave-code': 'then Tab: leave the code (Tab in it indents)',
    'noun.lesson-errors': 'error|errors',
    'noun.lesson-warnings': 'warning|warnings',
    'lesson.problems': 'The lesson {name} has {summary}: see the lesson’s text',
    'lesson.problems-title': 'Problems in this lesson file',
    'lesson.problem-error': 'Line {line}, error:',
    'lesson.problem-warning': 'Line {line}, warning:',
    'lesson.problem-error-file': 'Error:',
    'lesson.problem-warning-file': 'Warning:',
    'lesson.problems-usable':
      'The scenarios the problems leave intact can still be run; fix the file and open it again to see the rest.',
    'check.show': 'Show the differences',
    'check.hide': 'Hide the differences',
    'legend.label': 'What the marks mean',
    'legend.scrubber': 'Above the step bar',
    'legend.output': 'the program prints',
    'legend.trouble': 'stderr, an exception, or the loop blocked',
    'legend.task-end': 'a task ends',
    'legend.code': 'In the code',
    'legend.current': 'the line running now',
    'legend.paused': 'a task waits at this line: a dot per task, in its colour',
    'legend.wrap': 'a long line goes on below',
    'legend.special': 'an invisible or direction-changing character',
    'dial.no-timers': 'no timers',
    'time.milliseconds': '{value} ms',
    'noun.code-lines': 'line|lines',
    'noun.output-lines': 'line|lines',
    'code.hidden-char': 'Hidden character {code}',
    'code.hidden-chars-short': 'Hidden characters in the code',
    'code.hidden-chars':
      'The code has invisible or text-direction characters on {lines} {numbers}: what you see may not be what Python runs. The editor marks them.',
  },
  ru: {
    ...frameCatalog.ru,
    'app.title': 'Loopscope',
    'header.loop-status': 'Состояние цикла',
    'header.loop': 'цикл {id}',
    'phase.wait-io': 'Ожидание сокетов или таймера',
    'header.sockets': 'Сокеты',
    'header.sockets.value': '{count} · готовы: {ready}',
    'phase.ended-raised': 'Необработанное исключение',
    'phase.ended-syntax-error': 'Синтаксическая ошибка',
    'phase.ended-stuck': 'Зависла: выполнять больше нечего',
    'phase.ended-stopped': 'Остановлена вами',
    'phase.ended-crashed': 'Прервана: сбой движка',
    'phase.ended-budget-events': 'Прервана: много событий',
    'phase.ended-budget-virtual-time': 'Прервана: много времени',
    'phase.ended-budget-wall-time': 'Прервана: долго работала',
    'phase.ended-budget-output': 'Прервана: много вывода',
    'phase.ended-budget-memory': 'Прервана: много памяти',
    'phase.ended-budget-input': 'Не запущена: слишком большой ввод',
    'time.at': 't = {time}',
    'time.deadline': '{at} (через {in})',
    'time.deadline-never': '{at} (не наступит никогда)',
    'count.noun': '{count} {noun}',
    'noun.tasks': 'задача|задачи|задач|задачи',
    'noun.stack-frames': 'фрейм|фрейма|фреймов|фрейма',
    'noun.handles': 'обработчик|обработчика|обработчиков|обработчика',
    'noun.frames': 'кадр|кадра|кадров|кадра',
    'noun.frames-of': 'кадра|кадров|кадров|кадра',
    'noun.steps': 'шаг|шага|шагов|шага',
    'noun.lines': 'строка|строки|строк|строки',
    'save.menu': 'Сохранить',
    'save.code': 'Сохранить код…',
    'save.replay': 'Сохранить запись…',
    'save.after-run': 'Запись можно сохранить и экспортировать, когда запуск закончится.',
    'replay.nothing-to-save': 'Пока нечего сохранять: сначала выполните код до конца.',
    'replay.save-failed': 'Не удалось сохранить запись: {error}',
    'export.open': 'Экспорт…',
    'export.title': 'Экспорт',
    'export.format': 'Что сделать',
    'export.format.png': 'картинку показанного шага',
    'export.format.svg': 'показанный шаг как масштабируемый рисунок, со шрифтами',
    'export.format.gif': 'анимацию диапазона шагов для слайдов',
    'export.format.webm': 'видео диапазона шагов',
    'export.format.html':
      'одну веб-страницу, которая воспроизводит весь запуск с теми же видами и кнопками, без сети',
    'export.size': 'Размер',
    'export.size.custom': 'Другой размер',
    'export.width': 'Ширина',
    'export.height': 'Высота',
    'export.steps': 'Шаги',
    'export.from': 'С шага',
    'export.to': 'по шаг',
    'export.steps-count':
      '{steps} из {total}, как их считает режим «Всё»; со скоростью проигрывателя',
    'export.step-on-show': 'Показанный шаг: событие {step} из {total}.',
    'export.html-note': 'На странице все {steps} запуска; она играет без Loopscope.',
    'export.look': 'В теме и на языке, что сейчас на экране: {theme}, {language}.',
    'export.invalid-size':
      'Ширина — от {width} до {maxWidth} пикселей, высота — от {height} до {maxHeight}; стороны видео чётные.',
    'export.invalid-steps': 'Выберите шаги от 0 до {max}, первый раньше последнего.',
    'export.too-many-steps': 'Анимация показывает не больше {max} шагов: выберите меньше.',
    'export.progress-label': 'Ход экспорта',
    'export.progress': '{done} из {frames}',
    'export.preparing': 'Подготовка…',
    'export.start': 'Экспортировать',
    'export.cancel': 'Отменить',
    'export.close': 'Закрыть',
    'export.failed': 'Экспорт не удался: {error}',
    'export.cancelled': 'Отменено: ничего не сохранено.',
    'export.saved': 'Сохранено.',

    'engine.loading': 'Запускаем Python…',
    'engine.loading-progress': 'Запускаем Python… {percent}%',
    'engine.ready': 'Python {version}',
    'engine.running': 'Программа выполняется…',
    'engine.crashed': 'Сбой движка Python: {error}',

    'run.run': 'Запустить',
    'run.stop': 'Остановить',
    'run.edited': 'Код изменён: нажмите «Запустить», чтобы увидеть его трассу',
    'noun.sockets': 'сокет|сокета|сокетов|сокета',

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
    'budget.memory': 'программа заняла слишком много памяти',
    'budget.input': 'стандартный ввод больше, чем получает программа, поэтому она не запускалась',
    'replay.fault':
      'Трасса не сходится на событии {seq} ({message}); воспроизведение останавливается там.',
    'trace.open': 'Открыть запись или трассу…',
    'trace.invalid': 'Не удаётся воспроизвести {name}: {error}',
    'trace.loaded': 'Воспроизводится трасса {name}',
    'trace.opening': 'Открывается трасса {name}…',
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
    'controls.marks': 'Отметки: вывод, исключения, завершение задач',

    'navigate.label': 'Переходы',
    'navigate.pace': 'Показ',
    'navigate.pace-steps': 'по шагам',
    'navigate.pace-time': 'по времени: 1 виртуальная секунда = {real}',
    'navigate.pace-hint':
      'По шагам: каждый шаг по очереди, с выбранной скоростью. По времени: часы цикла идут в N раз медленнее настоящих, а шаги одного мгновения проходят быстро.',
    'navigate.clock': 'часы: {time}',
    'navigate.why': 'Стрелки «почему»',
    'navigate.why-hint': 'Стрелки от причины к следствию для показанного шага',
    'navigate.output-hint': 'Щёлкните строку вывода, чтобы увидеть шаг, который её напечатал',
    'navigate.task-hint': 'Щёлкните задачу или нажмите T, чтобы пройти только по её шагам',
    'navigate.task': 'Задача {task}: {index} / {steps}',
    'navigate.task-back': 'Предыдущий шаг задачи {task} ([)',
    'navigate.task-forward': 'Следующий шаг задачи {task} (])',
    'navigate.task-clear': 'Перестать следить за задачей {task} (Esc)',
    'navigate.line-none-after': 'Строка {line} после этого шага не выполняется.',
    'navigate.line-none-before': 'Строка {line} до этого шага не выполнялась.',
    'navigate.line-never': 'Строка {line} в этом запуске не выполняется ни разу.',
    'navigate.task-none-after': 'Задача {task} после этого шага больше ничего не делает.',
    'navigate.task-none-before': 'Задача {task} до этого шага ничего не делала.',
    'navigate.output-none': 'Этот вывод не напечатан ни одним шагом записи.',
    'navigate.keys':
      'Щелчок по номеру строки: её следующее выполнение (Shift: предыдущее; F8 в коде) · T: выбрать задачу · [ ]: её шаги · W: стрелки «почему»',
    'why.label': 'Почему происходит этот шаг',
    'why.completed': 'готово, поэтому планирует',
    'why.due': 'срок таймера',
    'why.runs': 'запускает',
    'why.cancel': 'вызывает cancel()',
    'why.thrown': 'бросает в неё CancelledError',
    'awaits.label': 'Кто кого ждёт',

    'view.narration': 'Что происходит сейчас',
    'view.lanes': 'Временная шкала',
    'view.frames': 'Переменные',
    'frames.none': 'Нет задачи: выберите карточку задачи или шагните туда, где задача работает.',
    'frames.scheduled': '{task} ещё не начата: её первый шаг ждёт в очереди готовых.',
    'frames.paused': '{task} стоит на паузе. Её стек, самый вложенный фрейм внизу:',
    'frames.outside': '{task} стоит на паузе вне вашего кода: ни один её фрейм не ваш.',
    'frames.running': '{task} выполняется. Её стек на последней паузе, самый вложенный внизу:',
    'frames.running-first':
      '{task} выполняет первый шаг: её переменные появятся, когда она впервые встанет на паузу.',
    'frames.ended': '{task} завершена: её фреймов больше нет.',
    'frames.line': 'строка {line}',
    'frames.no-locals': 'нет переменных',
    'frames.asyncio-value': 'объект asyncio',
    'frames.link-hint': 'Выбрать {task} и показать её карточку',
    'code.caller-mark': '{task} ждёт здесь в {function}() завершения своего вызова',
    'legend.caller': 'внешний фрейм задачи ждёт на этой строке свой вызов: по кольцу на задачу',

    'timers.now': 'сейчас',
    'timers.dial': 'Циферблат виртуального времени от 0 до {span}; стрелка — часы цикла',
    'timers.heap-title': 'Порядок в куче',
    'timers.heap-hint': '(индекс 0 сработает первым)',
    'timers.waited': 'ожидание',
    'timers.blocked': 'блокировка',

    'tasks.internal': 'служебная asyncio',
    'tasks.internal-hint.asyncgens':
      'Служебная задача asyncio: когда главная корутина вернулась, asyncio.run закрывает в ней асинхронные генераторы.',
    'tasks.internal-hint.executor':
      'Служебная задача asyncio: в ней asyncio.run закрывает пул потоков исполнителя по умолчанию.',
    'tasks.internal-hint.other': 'Служебная задача asyncio, а не вашей программы.',
    'tasks.own-and-internal': '{tasks} вашей программы и ещё служебных asyncio: {internal}',
    'status.cancelling': 'отменяется',
    'task.finish-order': 'завершилась {order}-й',
    'task.asyncio-name': 'в asyncio: {name}',
    'incident.reraised': 'её {exception} снова выброшено в строке {line}, в {task}',
    'incident.read-too-early': 'результат прочитан слишком рано, в строке {line}: {exception}',
    'incident.never-retrieved': 'её {exception} так никто и не забрал',
    'machine.title': 'Состояния задачи {task}',
    'machine.changed': '{caption}: была {from}, теперь {to}',
    'machine.none': 'Состояния задачи',
    'lanes.legend-running': 'выполняется',
    'lanes.legend-ready': 'готова',
    'lanes.legend-waiting': 'ждёт',
    'lanes.legend-blocked': 'блокировка',
    'lanes.axis': 'итерации цикла; сверху — виртуальное время',

    'code.label': 'Код программы (можно править)',
    'code.raised': 'здесь снова выброшено {exception} из {task}',
    'code.caught': 'здесь выброшено {exception}, перехвачено в строке {line}',
    'code.caught-bare': 'здесь выброшено исключение, перехвачено в строке {line}',
    'code.no-loop': 'здесь RuntimeError: цикл событий не запущен',
    'console.hidden':
      'Не показаны ранее выведенные строки: {lines}. Консоль хранит только последний вывод.',
    'console.cut':
      'Не показано начало этого длинного вывода. Консоль хранит только последний вывод.',
    'console.label': 'Вывод программы',

    'narration.idle':
      'Нажмите «Воспроизвести» (Пробел) или шаг вперёд (стрелка вправо), чтобы увидеть работу цикла.',
    'narration.waiting': 'Программа выполняется; её трасса появится здесь.',
    'narration.nothing': 'Выберите сценарий и нажмите «Запустить».',

    'focus.asyncio': 'собственный код asyncio',
    'focus.loop': 'Собственный код цикла событий: между обратными вызовами',
    'focus.step': 'asyncio выполняет шаг {task}',
    'focus.wakeup': 'asyncio будит {task}',
    'focus.sleep': 'asyncio завершает sleep у {task}',
    'focus.callback': 'asyncio выполняет {callback}',
    'focus.task': 'работает служебная задача asyncio {task}',
    'focus.run': '`asyncio.run` работает вне цикла; вызван в строке {line}',
    'focus.run-anywhere': '`asyncio.run` работает вне цикла',

    'lens.label': 'Шаги',
    'lens.code': 'Ваш код',
    'lens.loop': 'Цикл',
    'lens.all': 'Всё',
    'lens.code-hint':
      'Шаг — всё, что делает или чего ждёт ваш код; собственная работа asyncio входит в этот шаг',
    'lens.loop-hint':
      'Шаг — каждый обработчик, который выполняет цикл, и каждое изменение его очередей',
    'lens.all-hint': 'Шаг — каждое событие, записанное движком',

    'shutdown.expand': 'Что asyncio.run делает на этом шаге',
    'shutdown.go': 'Показать этот момент',

    'input.title': 'Программа ждала ввода',
    'input.body':
      'Строка {line} вызвала `input()`, но у запуска нет клавиатуры: введите, что ей прочитать, по строке на каждый `input()`, и запустите снова.',
    'input.label': 'Ввод для программы',
    'input.run': 'Запустить с этим вводом',
    'input.using': 'Запуски читают этот ввод',
    'input.clear': 'Запускать без ввода',
    'input.newline': 'конец строки',

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
    'draft.restored': 'Восстановлен ваш несохранённый код от {time}.',
    'draft.discard': 'Отбросить',
    'draft.keep': 'Оставить',
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
    'open.drop-hint':
      'Или перетащите в окно урок (.md), программу (.py), запись (.loopscope.json) или трассу (.jsonl).',
    'drop.title': 'Отпустите, чтобы открыть',
    'drop.detail':
      'урок (.md), программу на Python (.py), запись Loopscope (.loopscope.json) или трассу (.jsonl)',
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
    'check.matches': 'Вывод совпадает с уроком',
    'check.differs': 'Вывод отличается от урока',
    'check.legend': '- только в уроке, + только в этом запуске',
    'check.omitted': '… и ещё {count} {lines} различий',
    'check.lesson': 'урок',
    'check.program': 'этот запуск',

    'say.run.start':
      'Программа запускается: Python выполняет файл сверху вниз. Цикла событий ещё нет.',
    'say.run.end.completed': 'Программа завершилась, код выхода {code}.',
    'say.run.end.raised': 'Программа завершилась необработанным исключением, код выхода {code}.',
    'say.run.end.syntax-error':
      'Python не смог скомпилировать программу: синтаксическая ошибка в строке {line}.',
    'say.run.end.budget':
      'Здесь запуск прерван ограничением ({budget}); всё до этого места произошло на самом деле.',
    'say.run.end.stuck':
      'Циклу нечего выполнять и нечего ждать: настоящая программа зависла бы здесь навсегда.',
    'say.run.end.stopped':
      'Здесь вы остановили запуск; всё до этого места произошло на самом деле.',
    'say.run.end.crashed': 'Здесь движок упал: {error}.',
    'say.run.end.input':
      'В строке {line} программа ждала ввода, но его не было: введите его под консолью и запустите снова.',
    'say.run.end.summarized.one':
      'Строка {lines} выполнялась в плотном цикле: её повторные выполнения не записаны по одному.',
    'say.run.end.summarized.many':
      'Строки {lines} выполнялись в плотных циклах: их повторные выполнения не записаны по одному.',
    'say.run.end.full':
      'Запись заполнилась раньше конца: дальше программа работала до конца без записи, а в консоли всё, что она напечатала.',
    'say.run.end.full-unfinished':
      'Запись заполнилась ещё раньше: дальше программа работала без записи (в консоли всё, что она напечатала), пока запуск не остановили.',
    'say.line.task': '{task} выполняет строку {line}.',
    'say.line': 'Python выполняет строку {line}.',
    'say.output.task': '{task} печатает «{text}».',
    'say.output.callback': '{callback} печатает «{text}».',
    'say.output': 'Программа печатает «{text}».',
    'say.stderr': 'В stderr выводится: «{text}».',
    'say.warning': 'Python выдаёт предупреждение {category}: {message}',
    'say.log': 'Логгер `{logger}` записывает сообщение уровня {level}: {message}',
    'say.exception':
      'Никто не перехватывает `{exception}`: программа завершается с трассировкой стека.',
    'say.exception.line':
      'Никто не перехватывает `{exception}` (выброшено в строке {line}): программа завершается с трассировкой стека.',
    'say.exception.input':
      'В строке {line} программа ждала ввода, но его не было: `input()` выбросил `EOFError`. Введите данные под консолью и запустите снова.',
    'say.exception.no-loop':
      'Цикл событий не запущен, поэтому вызов `create_task` в строке {line} выбрасывает `RuntimeError: no running event loop`: задаче нужен работающий цикл.',
    'say.caught':
      'Строка {raised} выбросила `{exception}`, и `except` в строке {line} его перехватывает.',
    'say.caught.too-early':
      'Строка {raised} спрашивает результат {task}, когда {task} ещё не завершилась: это выбрасывает `InvalidStateError`, и `except` в строке {line} его перехватывает.',
    'say.caught.stored':
      'Строка {raised} снова выбрасывает `{exception}`, сохранённое в {task}, и `except` в строке {line} его перехватывает.',
    'say.caught.bare':
      'Строка {raised} выбросила исключение, и `except` в строке {line} его перехватывает.',
    'say.caught.no-loop':
      'Цикл событий не запущен, поэтому вызов в строке {raised} выбрасывает `RuntimeError` (задаче нужен работающий цикл); `except` в строке {line} его перехватывает.',
    'say.loop.create': 'asyncio создаёт новый цикл событий (пока он не работает).',
    'say.loop.start': 'Цикл событий запускается: теперь только он решает, что выполнять.',
    'say.loop.iteration': 'Начинается итерация {n} цикла.',
    'say.loop.select.poll':
      'Есть готовые обработчики, поэтому цикл проверяет ввод-вывод без ожидания.',
    'say.loop.select.timer':
      'Выполнять нечего: цикл подождёт не дольше {timeout}, до момента {at}, пока не сработает ближайший таймер.',
    'say.loop.select.forever': 'Выполнять нечего и таймеров нет: цикл ждал бы без ограничения.',
    'say.loop.wait':
      'Часы прыгают вперёд, к моменту {at} (прошло {elapsed}): цикл спал, пока не подошёл срок ближайшего таймера.',
    'say.loop.wait.io':
      'Часы прыгают вперёд, к моменту {at} (прошло {elapsed}): цикл спал в селекторе, пока не стал готов сокет или не подошёл срок ближайшего таймера.',
    'say.io.wait': 'Селектор проверяет {sockets}: {list}.',
    'say.io.ready':
      'Селектор вернул {sockets}: {list}. Для каждого в очередь готовых встаёт обратный вызов.',
    'say.io.ready.none': 'Ни один сокет не готов: опрос закончился из-за таймера или потока.',
    'io.wait.accept': 'fd {fd} слушает {local} и ждёт нового соединения',
    'io.wait.read': 'fd {fd} ({local} — {peer}) ждёт данных',
    'io.wait.write': 'fd {fd} ({local} — {peer}) ждёт места для отправки',
    'io.wait.both': 'fd {fd} ({local} — {peer}) ждёт данных или места для отправки',
    'io.ready.accept': 'на fd {fd} ждёт соединение, его можно принять',
    'io.ready.read': 'на fd {fd} пришли данные (или конец потока)',
    'io.ready.write': 'в fd {fd} можно писать',
    'io.ready.both': 'fd {fd} готов и к чтению, и к записи',
    'io.unbound': 'без адреса',
    'say.loop.timers': 'Цикл переносит сработавшие таймеры из кучи в очередь готовых.',
    'say.loop.ready': 'Цикл выполнит {handles} из очереди готовых, один за другим.',
    'say.loop.ready.one': 'Цикл выполнит единственный обработчик из очереди готовых.',
    'say.loop.ready.none': 'Готовых обработчиков нет: эта итерация ничего не выполняет.',
    'say.loop.stop': 'Цикл останавливается.',
    'say.loop.close': 'Цикл закрывается; всё, что осталось в очередях, выбрасывается.',
    'say.clock.block.task':
      '{task} вызывает блокирующую функцию в строке {line}: весь цикл замирает на {duration}, до момента {at}; ничто другое не выполняется.',
    'say.clock.block':
      'Блокирующий вызов в строке {line} замораживает весь цикл на {duration}, до момента {at}; ничто другое не выполняется.',
    'say.handle.push.first-step':
      'Первый шаг {task} встаёт в хвост очереди готовых: задача запланирована, но ещё не запущена.',
    'say.handle.push.step':
      '{task} снова встаёт в хвост очереди готовых, чтобы сделать следующий шаг.',
    'say.handle.push.wakeup':
      'Ожидание {task} закончилось: её пробуждение встаёт в хвост очереди готовых.',
    'say.handle.push.callback':
      '{callback} запланирован через `call_soon`: он встаёт в хвост очереди готовых.',
    'say.timer.push.sleep':
      '{task} ставит в кучу таймер на {deadline}: когда он сработает, sleep закончится.',
    'say.timer.push': 'Таймер для {callback} кладётся в кучу на {deadline}.',
    'say.timer.due': 'Таймер на {at} переходит из кучи в хвост очереди готовых.',
    'say.timer.discard': 'Отменённый таймер с вершины кучи выбрасывается без выполнения.',
    'say.timer.rebuild':
      'Отменённых таймеров слишком много: цикл выбрасывает {count} и перестраивает кучу.',
    'say.handle.cancel.queued':
      '{label}: отмена. Он остаётся на месте, пока цикл не дойдёт до него и не выбросит.',
    'say.handle.cancel.past': '{label}: отмена уже после выполнения, ничего не меняется.',
    'say.handle.run.first-step':
      'Цикл берёт первый шаг {task} из очереди готовых и выполняет его: задача начинает работу только сейчас.',
    'say.handle.run.step':
      'Цикл берёт следующий шаг {task} из головы очереди готовых и выполняет его.',
    'say.handle.run.wakeup': 'Цикл выполняет пробуждение {task} из головы очереди готовых.',
    'say.handle.run.sleep':
      'Цикл выполняет обратный вызов таймера: sleep у {task} закончился, его future получает результат.',
    'say.handle.run.callback': 'Цикл берёт {callback} из головы очереди готовых и выполняет его.',
    'say.handle.done': '{label}: выполнение закончено, управление снова у цикла.',
    'say.handle.skip':
      'Цикл берёт из головы очереди отменённый {label} и выбрасывает, не выполняя.',
    'say.task.create':
      '`{api}` оборачивает {call} в задачу {task}; задача создана, но не запущена.',
    'say.task.create.plain': 'Для {call} создаётся задача {task}; она создана, но не запущена.',
    'say.task.create.main':
      '`asyncio.run` оборачивает {call} в задачу {task}: это будет первая работа цикла.',
    'say.task.create.asyncgens':
      '`asyncio.run` завершает работу: главная корутина вернулась, и он закрывает асинхронные генераторы в собственной задаче {task} (это задача asyncio, а не ваша).',
    'say.task.create.executor':
      '`asyncio.run` закрывает исполнитель по умолчанию (пул потоков для `to_thread` и `run_in_executor`) в собственной задаче {task}.',
    'say.task.create.other': 'asyncio создаёт собственную задачу {task} для `{coro}()`.',
    'say.future.create': 'Создаётся новый {type}.',
    'say.task.run.first': '{task} начинает выполнять {call}.',
    'say.task.run.asyncgens':
      '{task}, служебная задача asyncio, закрывает асинхронные генераторы, которые ещё открыты.',
    'say.task.run.executor':
      '{task}, служебная задача asyncio, ждёт, пока завершатся потоки исполнителя по умолчанию.',
    'say.task.run.other': '{task}, служебная задача asyncio, запускает {call}.',
    'say.task.run.resume': '{task} продолжает работу после `await`.',
    'say.task.run.throw': '{task} продолжает работу: в её `await` выбрасывается `{exception}`.',
    'say.task.suspend.sleep':
      '{task} ждёт `asyncio.sleep` до {deadline}: она возвращает управление циклу.',
    'say.task.suspend.task':
      '{task} ждёт задачу {name}: она возвращает управление циклу, пока та не завершится.',
    'say.task.suspend.gather':
      '{task} ждёт `gather` из {tasks}: она возвращает управление циклу, пока все не завершатся.',
    'say.task.suspend.many':
      '{task} ждёт сразу {tasks}: она возвращает управление циклу, пока все не завершатся.',
    'say.task.suspend.future': '{task} ждёт {label}: она возвращает управление циклу.',
    'say.task.frames': '{task} стоит на паузе в {stack}: её переменные хранятся там.',
    'say.task.frames.none': '{task} стоит на паузе вне вашего кода.',
    'say.task.yield':
      '{task} уступает управление через `sleep(0)`: она встаёт в конец очереди готовых.',
    'say.task.wake': '{task} просыпается: то, чего она ждала, завершилось.',
    'say.task.wake.cancelled': '{task} просыпается: то, чего она ждала, отменено.',
    'say.task.wake.failed': '{task} просыпается: то, чего она ждала, упало с исключением.',
    'say.task.cancel.shutdown':
      '`asyncio.run` отменяет {task}: главная корутина завершилась, а эту задачу никто не ждал.',
    'say.task.cancel': '{task} просят отмениться: в её `await` будет выброшено `CancelledError`.',
    'say.task.cancel.late': 'Отмена {task} ничего не меняет: задача уже завершилась.',
    'say.future.result.task': '{task} завершается и возвращает `{value}`.',
    'say.future.result': '{type} получает результат: `{value}`.',
    'say.future.exception.task':
      '{task} падает с `{exception}`: исключение сохраняется в задаче, пока её не дождутся через `await` или не спросят её результат.',
    'say.future.exception': '{type} получает исключение: `{exception}`.',
    'say.future.cancelled.task': '{task} завершается отменённой.',
    'say.future.cancelled': '{type}: отменён.',
    'say.future.callback':
      '{callback} регистрируется, чтобы выполниться, когда {future} закончит работу.',
    'say.line.hot':
      'Строка {line} крутится в плотном цикле: её дальнейшие выполнения в этом шаге не показываются по одному.',
    'say.future.dropped.exception-never-retrieved':
      'Программа теряет {future}, а её исключение никто не забрал: asyncio сообщает об этом сейчас.',
    'say.future.dropped.pending':
      'Программа теряет {future}, пока она ещё не завершилась: asyncio сообщает об этом сейчас.',
    'say.probe': 'Движок сверяет очереди цикла.',

    'tell.create.main':
      '`asyncio.run` создаёт цикл событий, оборачивает {call} в задачу {task} и запускает цикл: первый шаг задачи ждёт в очереди готовых.',
    'tell.create':
      '{by} создаёт через `{api}` задачу {task} для {call}: её первый шаг ждёт в очереди готовых, сама она ещё не запущена.',
    'tell.create.plain':
      '{by} создаёт задачу {task} для {call}: её первый шаг ждёт в очереди готовых, сама она ещё не запущена.',
    'tell.start':
      '{task} запускается: цикл берёт её первый шаг из очереди готовых, и {call} начинает работу.',
    'tell.resume.sleep':
      'Sleep закончился, и asyncio будит {task}: она продолжает работу после `await`{where}.',
    'tell.resume.task':
      '{other} завершилась, и asyncio будит {task}: она продолжает работу после `await`{where}.',
    'tell.resume.gather':
      'Всё, что собирал `gather`, завершилось, и asyncio будит {task}: она продолжает работу после `await`{where}.',
    'tell.resume.many':
      'Все задачи, которых она ждала, завершились, и asyncio будит {task}: она продолжает работу после `await`{where}.',
    'tell.resume.future':
      'Future, которого она ждала, завершился, и asyncio будит {task}: она продолжает работу после `await`{where}.',
    'tell.resume.yield':
      'Снова очередь {task}: она продолжает работу после `await asyncio.sleep(0)`{where}.',
    'tell.resume.failed':
      '{other} упала, и asyncio будит {task}: исключение `{exception}`, сохранённое в {other}, снова выбрасывается в её `await`{where}.',
    'tell.resume.cancelled':
      '{task} продолжает работу с `CancelledError` в своём `await`{where}: её отменили.',
    'tell.resume.throw':
      '{task} продолжает работу: в её `await`{where} выбрасывается `{exception}`.',
    'tell.where': ' (строка {line})',
    'tell.end.wakes': 'asyncio ставит в очередь пробуждение {tasks}: они её ждали.',
    'tell.end.main':
      'В очередь встаёт обратный вызов `asyncio.run`: когда он выполнится, цикл остановится.',
    'tell.end.gather':
      'В очередь встаёт обратный вызов `gather`: он засчитает ещё одну завершённую задачу.',
    'tell.end.shutdown-gather': '`asyncio.run` узнаёт, что ещё одна отменённая задача завершилась.',
    'tell.end.callback': 'Следом в очередь встаёт {callback}.',
    'tell.end.cancelled': '{task} завершается отменённой: остаток её работы так и не выполнится.',
    'tell.end.too-early':
      '{task} прочитала результат {other} в строке {line}, когда {other} ещё не завершилась: asyncio выбросил `InvalidStateError`, и {task} падает с ним.',
    'tell.never-retrieved': 'asyncio сообщает, что исключение из {task} так никто и не забрал:',
    'tell.log.never-retrieved':
      'asyncio сообщает «Task exception was never retrieved» о задаче {task}: её `{exception}` сохранилось, но никто так его и не забрал.',
    'tell.shutdown.cancel':
      'Главная корутина вернулась, и `asyncio.run` завершает работу: он отменяет задачи, которые ещё не закончились ({tasks}), и крутит цикл, пока они не завершатся.',
    'tell.shutdown':
      'Главная корутина вернулась, и `asyncio.run` завершает работу: отменять нечего; он закрывает асинхронные генераторы и исполнитель по умолчанию и закрывает цикл.',
    'tell.shutdown.finish':
      '`asyncio.run` заканчивает завершение: отменённые задачи завершились; он закрывает асинхронные генераторы и исполнитель по умолчанию и закрывает цикл.',
    'tell.cancel':
      '{by} отменяет {task}: когда она снова получит управление, в её `await` будет выброшено `CancelledError`.',
    'tell.cancel.unstarted':
      '{by} отменяет {task}, пока она не запустилась: когда придёт её очередь, её корутина так и не начнёт работу.',
    'tell.wait':
      'Выполнять было нечего, и цикл ждал до момента {at} (прошло {elapsed}): сейчас срабатывает ближайший таймер.',
    'tell.wait.io':
      'Выполнять было нечего, и цикл ждал в селекторе до момента {at} (прошло {elapsed}): на сокет пришли данные или подошёл срок ближайшего таймера.',
    'tell.schedule':
      '{by} планирует {callback} через `call_soon`: он встаёт в хвост очереди готовых.',
    'tell.schedule.timer': '{by} планирует {callback} на {deadline}: в кучу встаёт таймер.',
    'tell.unschedule':
      '{by} отменяет {callback}: он остаётся на месте, пока цикл не дойдёт до него и не выбросит.',
    'tell.callback.run':
      'Цикл берёт {callback} из очереди готовых и вызывает: работает обратный вызов вашей программы.',

    'plain.module': 'Программа',
    'plain.task-intro': '`{binding}` (`{name}`)',
    'plain.first-step': 'первый шаг {task}',
    'plain.next-step': 'следующий шаг {task}',
    'plain.wakeup': 'пробуждение {task}',
    'plain.sleep-of': 'конец sleep у {task}',
    'plain.sleep-end': 'конец sleep',
    'plain.run-done-callback': 'обратный вызов `asyncio.run`',
    'plain.gather-callback': 'обратный вызов `gather`',
    'plain.shutdown-gather': 'проверка `asyncio.run`: завершились ли отменённые задачи',
    'plain.release-waiter': 'пробуждение по тайм-ауту',
    'plain.timeout': 'срок `asyncio.timeout`',
    'plain.taskgroup-callback': 'обратный вызов `TaskGroup`',
    'plain.asyncio-callback': 'служебный обратный вызов',
    'plain.gathering-future': 'future, которым `gather` ждёт задачи',
    'plain.shutdown-future': 'future, которым `asyncio.run` ждёт отменённые задачи',
    'plain.asyncio-future': 'служебный future',
    'plain.wrapped-awaitable': 'awaitable-объект, обёрнутый `ensure_future`',

    // Classroom view (issue 9): the keys' names, legends, the dial's and the code's notes.
    // Kept together at the end so that the language blocks merge cleanly.
    'key.space': 'Пробел',
    'key.left': 'Стрелка влево',
    'key.right': 'Стрелка вправо',
    'key.up': 'Стрелка вверх',
    'key.down': 'Стрелка вниз',
    'key.home': 'Home',
    'key.end': 'End',
    'key.page-up': 'PageUp',
    'key.page-down': 'PageDown',
    'key.escape': 'Esc',
    'key.o': 'O',
    'key.shift-o': 'Shift+O',
    'keys.label': 'Клавиши',
    'keys.play': 'пуск или пауза',
    'keys.step': 'шаг',
    'keys.iteration': 'итерация цикла',
    'keys.output': 'следующий вывод (с Shift: предыдущий)',
    'keys.ends': 'начало, конец',
    'keys.clicker': 'шаг, с пульта презентации',
    'keys.leave-code': 'затем Tab: выйти из кода (Tab в нём — отступ)',
    'noun.lesson-errors': 'ошибка|ошибки|ошибок|ошибки',
    'noun.lesson-warnings': 'предупреждение|предупреждения|предупреждений|предупреждения',
    'lesson.problems': 'В уроке {name}: {summary}; см. текст урока',
    'lesson.problems-title': 'Проблемы в файле урока',
    'lesson.problem-error': 'Строка {line}, ошибка:',
    'lesson.problem-warning': 'Строка {line}, предупреждение:',
    'lesson.problem-error-file': 'Ошибка:',
    'lesson.problem-warning-file': 'Предупреждение:',
    'lesson.problems-usable':
      'Сценарии, которых проблемы не коснулись, можно запускать; исправьте файл и откройте его снова, чтобы увидеть остальные.',
    'check.show': 'Показать различия',
    'check.hide': 'Скрыть различия',
    'legend.label': 'Что значат метки',
    'legend.scrubber': 'Над шкалой шагов',
    'legend.output': 'программа печатает',
    'legend.trouble': 'stderr, исключение или блокировка цикла',
    'legend.task-end': 'задача завершается',
    'legend.code': 'В коде',
    'legend.current': 'строка, которая выполняется сейчас',
    'legend.paused': 'задача ждёт на этой строке: по точке на задачу, её цветом',
    'legend.wrap': 'длинная строка продолжается ниже',
    'legend.special': 'невидимый символ или символ, меняющий направление текста',
    'dial.no-timers': 'таймеров нет',
    'time.milliseconds': '{value} мс',
    'noun.code-lines': 'строке|строках|строках|строках',
    'noun.output-lines': 'строка|строки|строк|строки',
    'code.hidden-char': 'Скрытый символ {code}',
    'code.hidden-chars-short': 'В коде есть скрытые символы',
    'code.hidden-chars':
      'В коде есть невидимые символы или символы, меняющие направление текста, в {lines} {numbers}: то, что вы видите, может отличаться от того, что выполнит Python. В редакторе они отмечены.',
  },
});

export type UiKey = keyof (typeof uiCatalog)['en'];

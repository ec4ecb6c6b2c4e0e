/**
 * The strings of the learning loop: predict mode, the course progress and the doctor's panel
 * (its findings' own titles and explanations are in src-shared/i18n/catalog-doctor.ts; the
 * plainer ones here are what the learner's lens, "your code", says instead). Plural forms are
 * written as in catalog-ui.ts: "one|other" and "one|few|many", chosen with `plural()`.
 */
import type { Language } from '../../src-shared/api.ts';
import { doctorCatalog, type DoctorKey } from '../../src-shared/i18n/catalog-doctor.ts';
import { createTranslator, plural, type Params } from '../../src-shared/i18n/translate.ts';
import { defineCatalog } from '../../src-shared/i18n/translate.ts';

export const learningCatalog = defineCatalog({
  en: {
    'predict.start': 'Predict',
    'predict.start-hint':
      'Hide the output and the lesson’s answer, say what the program will print, then watch it print',
    'predict.title': 'Predict the output',
    'predict.modes': 'How to predict',
    'predict.write': 'Write it',
    'predict.order': 'Order the lines',
    'predict.write-label': 'What will the program print? Write one line for each line of output.',
    'predict.order-label':
      'These are the lines the program prints, shuffled: put them in the order it prints them.',
    'predict.order-keys': 'Buttons or Alt+Up and Alt+Down move a line.',
    'predict.move-up': 'Move line {number} up',
    'predict.move-down': 'Move line {number} down',
    'predict.check': 'Check and watch it run',
    'predict.waiting': 'The program is still running: its lines come when it ends.',
    'predict.edited': 'The code was changed: run it first, then predict what it prints.',
    'predict.nothing-to-order': 'The program prints nothing: there are no lines to order.',
    'predict.close': 'Leave predict mode',
    'predict.again': 'Predict again',
    'predict.show-all': 'Show the whole run',
    'predict.watch-again': 'Watch again',
    'predict.predicted': 'You predicted',
    'predict.printed': 'The program printed',
    'predict.not-yet': 'not printed yet',
    'predict.nothing': 'nothing',
    'predict.revealed': '{shown} of {total} printed so far',
    'predict.right': 'Right: the program printed exactly what you predicted.',
    'predict.wrong': 'Your prediction goes wrong at line {number}.',
    'predict.jump': 'Go to the step that printed it',
    'predict.jump-end': 'Go to the run’s end',
    'predict.expected-hidden': 'The lesson’s answer is hidden while you predict.',
    'progress.menu': 'Progress',
    'progress.heading': 'Your progress in this course',
    'progress.offline': 'Kept on this computer only, for each language apart.',
    'progress.none': 'Nothing yet: watch a replay to its end, or predict what a program prints.',
    'progress.seen': '{count} scenario seen|{count} scenarios seen',
    'progress.right': '{count} predicted right|{count} predicted right',
    'progress.wrong': '{count} predicted wrong|{count} predicted wrong',
    'progress.scenario-seen': 'seen',
    'progress.scenario-right': 'predicted right',
    'progress.scenario-wrong': 'predicted wrong',
    'progress.reset': 'Reset my progress in English',
    'progress.reset-confirm': 'Click again to forget it all',
    'doctor.count': '{count} finding|{count} findings',
    'doctor.hint': 'What asyncio’s own teachers warn about, found in this run',
    'doctor.waiting': 'The doctor reads the run once it has ended.',
    'doctor.line': 'line {line}',
    'doctor.task': 'task {task}',
    'doctor-plain.never-awaited.title': '{name}() was called but never run',
    'doctor-plain.never-awaited.explain':
      'Calling an async function does not run it: it only prepares it. Put await in front of the call, or start it with asyncio.create_task.',
    'doctor-plain.exception-never-retrieved.title': '{name} failed, and nobody looked',
    'doctor-plain.exception-never-retrieved.explain':
      'The task stopped with an error, but nothing waited for it, so the error was only reported much later. Await the task to see its error where it happens.',
    'doctor-plain.destroyed-pending.title': '{name} was thrown away before it finished',
    'doctor-plain.destroyed-pending.explain':
      'Nothing in the program held on to this task, so Python cleaned it up in the middle of its work. Keep the task in a variable and await it.',
    'doctor-plain.task-not-kept.title': '{name} is started but not kept',
    'doctor-plain.task-not-kept.explain':
      'The task is started, but the program keeps nothing of it, so it may disappear before it finishes. Keep it in a variable, or start it in a TaskGroup.',
    'doctor-plain.blocking-call.title': 'Everything stopped for {seconds} s',
    'doctor-plain.blocking-call.explain':
      'time.sleep (or a long calculation) holds up the whole program: no other task can run meanwhile. Use await asyncio.sleep instead.',
    'doctor-plain.no-running-loop.title': 'A task was started outside asyncio.run',
    'doctor-plain.no-running-loop.explain':
      'Tasks can only start while asyncio.run is running your program. Start them inside an async function.',
    'doctor-plain.never-finishes.title': '{name} waits forever',
    'doctor-plain.never-finishes.explain':
      'This task waits for something that nothing will ever do, so the program would hang here. Check who should give it what it waits for.',
  },
  ru: {
    'predict.start': 'Предсказать',
    'predict.start-hint':
      'Скрыть вывод и ответ урока, сказать, что напечатает программа, а потом посмотреть, как она печатает',
    'predict.title': 'Предскажите вывод',
    'predict.modes': 'Как предсказывать',
    'predict.write': 'Написать',
    'predict.order': 'Расставить строки',
    'predict.write-label':
      'Что напечатает программа? Напишите по одной строке на каждую строку вывода.',
    'predict.order-label':
      'Это строки, которые печатает программа, вперемешку: расставьте их в том порядке, в каком она их печатает.',
    'predict.order-keys': 'Строку двигают кнопки или Alt+вверх и Alt+вниз.',
    'predict.move-up': 'Поднять строку {number}',
    'predict.move-down': 'Опустить строку {number}',
    'predict.check': 'Проверить и посмотреть',
    'predict.waiting': 'Программа ещё работает: её строки появятся, когда она закончит.',
    'predict.edited': 'Код изменён: сначала запустите его, потом предсказывайте вывод.',
    'predict.nothing-to-order': 'Программа ничего не печатает: расставлять нечего.',
    'predict.close': 'Выйти из режима предсказания',
    'predict.again': 'Предсказать заново',
    'predict.show-all': 'Показать весь запуск',
    'predict.watch-again': 'Посмотреть снова',
    'predict.predicted': 'Ваше предсказание',
    'predict.printed': 'Программа напечатала',
    'predict.not-yet': 'ещё не напечатано',
    'predict.nothing': 'ничего',
    'predict.revealed': 'Напечатано {shown} из {total}',
    'predict.right': 'Верно: программа напечатала в точности то, что вы предсказали.',
    'predict.wrong': 'Предсказание расходится с выводом в строке {number}.',
    'predict.jump': 'К шагу, который её напечатал',
    'predict.jump-end': 'К концу запуска',
    'predict.expected-hidden': 'Пока вы предсказываете, ответ урока скрыт.',
    'progress.menu': 'Прогресс',
    'progress.heading': 'Ваш прогресс в курсе',
    'progress.offline': 'Хранится только на этом компьютере, для каждого языка отдельно.',
    'progress.none':
      'Пока ничего: досмотрите запуск до конца или предскажите, что напечатает программа.',
    'progress.seen':
      '{count} сценарий просмотрен|{count} сценария просмотрены|{count} сценариев просмотрено',
    'progress.right':
      '{count} верное предсказание|{count} верных предсказания|{count} верных предсказаний',
    'progress.wrong':
      '{count} неверное предсказание|{count} неверных предсказания|{count} неверных предсказаний',
    'progress.scenario-seen': 'просмотрен',
    'progress.scenario-right': 'предсказан верно',
    'progress.scenario-wrong': 'предсказан неверно',
    'progress.reset': 'Сбросить прогресс на русском',
    'progress.reset-confirm': 'Нажмите ещё раз, чтобы всё забыть',
    'doctor.count': '{count} замечание|{count} замечания|{count} замечаний',
    'doctor.hint': 'О чём предупреждают учебники asyncio: что нашлось в этом запуске',
    'doctor.waiting': 'Доктор читает запуск, когда тот закончится.',
    'doctor.line': 'строка {line}',
    'doctor.task': 'задача {task}',
    'doctor-plain.never-awaited.title': '{name}() вызвана, но так и не выполнилась',
    'doctor-plain.never-awaited.explain':
      'Вызов асинхронной функции её не выполняет, а только подготавливает. Поставьте перед вызовом await или запустите её через asyncio.create_task.',
    'doctor-plain.exception-never-retrieved.title':
      '{name} упала с ошибкой, и никто этого не заметил',
    'doctor-plain.exception-never-retrieved.explain':
      'Задача остановилась с ошибкой, но никто её не ждал, поэтому об ошибке сообщили гораздо позже. Дождитесь задачи через await, чтобы увидеть ошибку там, где она случилась.',
    'doctor-plain.destroyed-pending.title': '{name} выброшена, не доделав работу',
    'doctor-plain.destroyed-pending.explain':
      'Программа нигде не держала эту задачу, и Python убрал её посреди работы. Сохраните задачу в переменной и дождитесь её через await.',
    'doctor-plain.task-not-kept.title': '{name} запущена, но не сохранена',
    'doctor-plain.task-not-kept.explain':
      'Задача запущена, но программа ничего от неё не сохранила, и она может пропасть, не закончив работу. Сохраните её в переменной или запустите в TaskGroup.',
    'doctor-plain.blocking-call.title': 'Всё остановилось на {seconds} с',
    'doctor-plain.blocking-call.explain':
      'time.sleep (или долгое вычисление) задерживает всю программу: другие задачи в это время не идут. Пишите await asyncio.sleep.',
    'doctor-plain.no-running-loop.title': 'Задачу запустили вне asyncio.run',
    'doctor-plain.no-running-loop.explain':
      'Задачи можно запускать, только пока asyncio.run выполняет вашу программу. Запускайте их внутри асинхронной функции.',
    'doctor-plain.never-finishes.title': '{name} ждёт вечно',
    'doctor-plain.never-finishes.explain':
      'Эта задача ждёт того, чего никто никогда не сделает, и программа здесь зависла бы. Проверьте, кто должен дать ей то, чего она ждёт.',
  },
});

export type LearningKey = keyof typeof learningCatalog.en;

export interface LearningLocale {
  t(key: LearningKey, params?: Params): string;
  /** A doctor's title or explanation (src-shared's catalog). */
  doctor(key: DoctorKey, params?: Params): string;
  /** A number as the language writes it: 1.2, 1,2. */
  number(value: number): string;
  /** A message whose text is plural forms, with `{count}` filled: `2 findings`, `2 замечания`. */
  count(key: LearningKey, count: number): string;
}

export function createLearningLocale(language: Language): LearningLocale {
  const t = createTranslator(learningCatalog, language);
  const doctor = createTranslator(doctorCatalog, language);
  const numbers = new Intl.NumberFormat(language, { maximumFractionDigits: 3, useGrouping: false });
  return {
    t,
    doctor,
    number: (value) => numbers.format(value),
    count: (key, count) => plural(language, count, t(key, { count })),
  };
}

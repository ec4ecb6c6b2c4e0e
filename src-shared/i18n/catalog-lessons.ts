/**
 * Strings of the lesson parser and of the `scenarios` and `check` commands.
 * Plural forms are written "one|other" (English) and "one|few|many" (Russian), for `plural()`.
 */
import { defineCatalog } from './translate.ts';

export const lessonsCatalog = defineCatalog({
  en: {
    'problem.empty': 'the file is empty',
    'problem.unterminated-fence':
      'the code block opened on this line is never closed; add a closing {fence} line',
    'problem.no-code': 'the lesson has no Python code blocks, so there is nothing to run',
    'problem.too-deep':
      'lists or quotes are nested too deep here to be read; the rest of the file is not read',
    'problem.too-many-scenarios':
      'only the first {max} scenarios of a lesson are read; this one and those after it are left out',
    'problem.too-many-blocks':
      'only the first {blocks} paragraphs and blocks of a lesson are read; the rest of the file, from here on, is not read',
    'problem.plain-text':
      'from here on, links, emphasis and inline code are shown as written: a lesson is formatted up to {tokens} pieces of markup, and a paragraph up to {characters} characters',
    'problem.nested-code':
      'this Python block is inside a list or a quote; move it to the top level to make it a scenario',
    'problem.misleading-link':
      'a link here reads {shown} but opens {opens}; it is shown with the address it opens',
    'decode.empty': 'the file is empty',
    'decode.binary': 'this is a binary file, not a Markdown lesson',
    'decode.not-utf8': 'the file is not UTF-8 text; save it in UTF-8',
    'decode.too-large': 'the file is {size} MB; a lesson may be at most {limit} MB',
    'reason.fragment': 'a fragment that starts no event loop',
    'reason.interactive-session': 'an interactive session with >>> prompts, not a program',
    'reason.unterminated-fence': 'its code block is never closed',
    'scenario.untitled': 'Example {number}',
    'scenario.repeated': '{title} (example {number})',
    'plural.scenarios': 'scenario|scenarios',
    'plural.lessons': 'lesson|lessons',
    'plural.files': 'file|files',
    'plural.lines': 'line|lines',
    'cli.scenarios.usage': 'Usage: loopscope scenarios LESSON.md [--json]',
    'cli.check.usage':
      'Usage: loopscope check LESSON.md|FOLDER... [--jobs N]\n' +
      'Runs every runnable scenario of the lessons and compares its output with the expected output.\n' +
      'Exit status: 0 when every expected output matches, 1 when one does not, 2 when a file cannot be read.',
    'cli.error': 'error: {message}',
    'cli.warning': 'warning: {message}',
    'cli.unknown-option': 'unknown option {option}',
    'cli.one-file': 'give exactly one lesson file',
    'cli.no-paths': 'give at least one lesson file or folder',
    'cli.bad-jobs': '--jobs takes a whole number from 1 to {max}',
    'cli.not-found': 'no such file or folder',
    'cli.is-folder': 'this is a folder; give a lesson file',
    'cli.unreadable': 'cannot be read: {error}',
    'cli.empty-folder': 'the folder has no .md files',
    'fs.EACCES': 'permission denied',
    'fs.EPERM': 'the operation is not permitted',
    'fs.ELOOP': 'too many levels of symbolic links',
    'fs.ENAMETOOLONG': 'the name is too long',
    'fs.EMFILE': 'too many files are open',
    'fs.ENFILE': 'too many files are open in the system',
    'fs.EIO': 'an input/output error',
    'cli.check.not-a-lesson': 'is not a lesson (a .md file); to run a program, use loopscope run',
    'cli.check.report-failed': '{path}: its report could not be written: {error}',
    'cli.engine-failed': 'the Python engine could not start: {error}',
    'cli.scenarios.summary':
      '{count} {scenarios}: {runnable} runnable, {expected} with an expected output',
    'cli.scenarios.column.number': '#',
    'cli.scenarios.column.lines': 'lines',
    'cli.scenarios.column.runnable': 'runs',
    'cli.scenarios.column.expected': 'output',
    'cli.scenarios.column.title': 'title',
    'cli.yes': 'yes',
    'cli.no': 'no',
    'cli.lines': '{start}–{end}',
    'cli.check.progress.starting': 'starting the Python engine…',
    'cli.check.progress': 'checking {done}/{total} · {file}',
    'cli.check.line': 'line {line}',
    'cli.check.not-runnable': 'not run: {reason}',
    'cli.check.no-expected': 'ran; the lesson shows no expected output',
    'cli.check.no-input':
      'the program called input(), and check gives a scenario no input (as python3 file.py < /dev/null)',
    'cli.check.run-error': 'the engine failed: {error}',
    'cli.check.diff.expected': '{location} (expected)',
    'cli.check.diff.actual': 'engine output',
    'cli.check.diff.more': '… and {count} more {lines} of differences, not shown',
    'cli.check.diff.shortened':
      'lines longer than {max} characters: {count}; only their start is shown, up to the …',
    'cli.check.outcome.raised': 'the program ended with an uncaught exception',
    'cli.check.outcome.budget': 'the run was stopped: it went over its {budget} budget',
    'cli.check.outcome.stuck':
      'the loop had nothing to run and no timer: the program would wait forever',
    'cli.check.outcome.stopped': 'the run was stopped',
    'cli.check.outcome.crashed': 'the engine crashed: {error}',
    'cli.check.budget.events': 'event',
    'cli.check.budget.virtual-time': 'virtual time',
    'cli.check.budget.wall-time': 'time',
    'cli.check.budget.output': 'output',
    'cli.check.budget.memory': 'memory',
    'cli.check.budget.input': 'input',
    'cli.check.summary': '{lessons} {lessonsWord}, {scenarios} {scenariosWord}: {parts}.',
    'cli.check.summary.passed': '{count} passed',
    'cli.check.summary.failed': '{count} failed',
    'cli.check.summary.no-expected': '{count} without an expected output',
    'cli.check.summary.not-runnable': '{count} not runnable',
    'cli.check.summary.broken': '{count} {filesWord} could not be checked.',
    'cli.check.summary.time': 'Done in {seconds} s.',
  },
  ru: {
    'problem.empty': 'файл пуст',
    'problem.unterminated-fence':
      'блок кода, открытый в этой строке, не закрыт; добавьте закрывающую строку {fence}',
    'problem.no-code': 'в уроке нет блоков кода на Python, запускать нечего',
    'problem.too-deep':
      'списки или цитаты здесь вложены слишком глубоко; остаток файла не прочитан',
    'problem.too-many-scenarios':
      'из урока читаются только первые {max} сценариев; этот и следующие за ним пропущены',
    'problem.too-many-blocks':
      'из урока читаются только первые {blocks} абзацев и блоков; остаток файла, начиная отсюда, не прочитан',
    'problem.plain-text':
      'начиная отсюда ссылки, выделение и код в строке показаны как написаны: урок оформляется до {tokens} элементов разметки, а абзац — до {characters} символов',
    'problem.nested-code':
      'этот блок Python находится внутри списка или цитаты; вынесите его на верхний уровень, чтобы он стал сценарием',
    'problem.misleading-link':
      'текст ссылки здесь — {shown}, а открывает она {opens}; рядом со ссылкой показан адрес, который она открывает',
    'decode.empty': 'файл пуст',
    'decode.binary': 'это двоичный файл, а не урок в Markdown',
    'decode.not-utf8': 'файл не в кодировке UTF-8; сохраните его в UTF-8',
    'decode.too-large': 'файл занимает {size} МБ; урок может занимать не больше {limit} МБ',
    'reason.fragment': 'фрагмент, который не запускает цикл событий',
    'reason.interactive-session': 'интерактивный сеанс с приглашениями >>>, а не программа',
    'reason.unterminated-fence': 'его блок кода не закрыт',
    'scenario.untitled': 'Пример {number}',
    'scenario.repeated': '{title} (пример {number})',
    'plural.scenarios': 'сценарий|сценария|сценариев',
    'plural.lessons': 'урок|урока|уроков',
    'plural.files': 'файл|файла|файлов',
    'plural.lines': 'строка|строки|строк',
    'cli.scenarios.usage': 'Использование: loopscope scenarios УРОК.md [--json]',
    'cli.check.usage':
      'Использование: loopscope check УРОК.md|ПАПКА... [--jobs N]\n' +
      'Запускает все запускаемые сценарии уроков и сравнивает их вывод с ожидаемым.\n' +
      'Код выхода: 0, если весь ожидаемый вывод совпал, 1, если что-то не совпало, 2, если файл не удалось прочитать.',
    'cli.error': 'ошибка: {message}',
    'cli.warning': 'предупреждение: {message}',
    'cli.unknown-option': 'неизвестный параметр {option}',
    'cli.one-file': 'укажите ровно один файл урока',
    'cli.no-paths': 'укажите хотя бы один файл урока или папку',
    'cli.bad-jobs': '--jobs принимает целое число от 1 до {max}',
    'cli.not-found': 'нет такого файла или папки',
    'cli.is-folder': 'это папка; укажите файл урока',
    'cli.unreadable': 'не удаётся прочитать: {error}',
    'cli.empty-folder': 'в папке нет файлов .md',
    'fs.EACCES': 'нет прав доступа',
    'fs.EPERM': 'операция не разрешена',
    'fs.ELOOP': 'слишком много уровней символических ссылок',
    'fs.ENAMETOOLONG': 'слишком длинное имя',
    'fs.EMFILE': 'открыто слишком много файлов',
    'fs.ENFILE': 'в системе открыто слишком много файлов',
    'fs.EIO': 'ошибка ввода-вывода',
    'cli.check.not-a-lesson':
      'это не урок (файл .md); чтобы запустить программу, есть loopscope run',
    'cli.check.report-failed': '{path}: не удалось вывести отчёт: {error}',
    'cli.engine-failed': 'не удалось запустить движок Python: {error}',
    'cli.scenarios.summary':
      '{count} {scenarios}: запускаемых — {runnable}, с ожидаемым выводом — {expected}',
    'cli.scenarios.column.number': '№',
    'cli.scenarios.column.lines': 'строки',
    'cli.scenarios.column.runnable': 'запуск',
    'cli.scenarios.column.expected': 'вывод',
    'cli.scenarios.column.title': 'название',
    'cli.yes': 'да',
    'cli.no': 'нет',
    'cli.lines': '{start}–{end}',
    'cli.check.progress.starting': 'запускается движок Python…',
    'cli.check.progress': 'проверено {done} из {total} · {file}',
    'cli.check.line': 'строка {line}',
    'cli.check.not-runnable': 'не запускался: {reason}',
    'cli.check.no-expected': 'выполнен; в уроке нет ожидаемого вывода',
    'cli.check.no-input':
      'программа вызвала input(), а check не подаёт сценарию ввода (как python3 file.py < /dev/null)',
    'cli.check.run-error': 'сбой движка: {error}',
    'cli.check.diff.expected': '{location} (ожидалось)',
    'cli.check.diff.actual': 'вывод движка',
    'cli.check.diff.more': '… и ещё {count} {lines} различий, не показаны',
    'cli.check.diff.shortened':
      'строк длиннее {max} символов: {count}; показано только их начало, до …',
    'cli.check.outcome.raised': 'программа завершилась с необработанным исключением',
    'cli.check.outcome.budget': 'запуск остановлен: превышен лимит ({budget})',
    'cli.check.outcome.stuck':
      'циклу событий нечего было выполнять и не было таймеров: программа ждала бы вечно',
    'cli.check.outcome.stopped': 'запуск остановлен',
    'cli.check.outcome.crashed': 'сбой движка: {error}',
    'cli.check.budget.events': 'число событий',
    'cli.check.budget.virtual-time': 'виртуальное время',
    'cli.check.budget.wall-time': 'время',
    'cli.check.budget.output': 'объём вывода',
    'cli.check.budget.memory': 'память',
    'cli.check.budget.input': 'ввод',
    'cli.check.summary': '{lessons} {lessonsWord}, {scenarios} {scenariosWord}: {parts}.',
    'cli.check.summary.passed': 'совпало — {count}',
    'cli.check.summary.failed': 'не совпало — {count}',
    'cli.check.summary.no-expected': 'без ожидаемого вывода — {count}',
    'cli.check.summary.not-runnable': 'не запускаемых — {count}',
    'cli.check.summary.broken': 'Не удалось проверить: {count} {filesWord}.',
    'cli.check.summary.time': 'Готово за {seconds} с.',
  },
});

export type LessonsMessageKey = keyof typeof lessonsCatalog.en;

import { defineCatalog } from '../../src-shared/i18n/translate.ts';

/** The command line's own messages (the `run` command and the usage text). */
export const runCatalog = defineCatalog({
  en: {
    usage: `Usage: loopscope <command> [options]

Commands:
  run FILE.py [--trace OUT.jsonl] [--json]   run a program in the loop engine, like python3 FILE.py
  scenarios LESSON.md [--json]               list a lesson's scenarios
  check LESSON.md|FOLDER...  [--jobs N]      run a lesson's scenarios and compare their output
  export FILE --format FORMAT                a trace for Perfetto (perfetto), pictures for
                                             slides (svg, png, gif) or an HTML replay (html)

Options for run:
  --trace OUT.jsonl     also write the trace as JSON Lines
  --json                write the trace to stdout instead of the program's output
  --max-events N        the trace holds N events; past them the program runs on
                        unrecorded (default {maxEvents})
  --max-seconds S       stop when the loop's virtual clock passes S seconds (default {maxSeconds})
  --max-memory MB       stop when the engine's process holds more than MB megabytes (default {maxMemory})
  --timeout MS          stop after MS milliseconds of real time (default {maxWall})
`,
    unknownCommand: "loopscope: unknown command '{command}'. Try 'loopscope --help'.",
    badOption: 'loopscope: {message}',
    missingFile: 'loopscope run: name a Python file to run.',
    notFound: "loopscope: cannot open '{file}': no such file.",
    isDirectory: "loopscope: cannot run '{file}': it is a directory.",
    binary: "loopscope: cannot run '{file}': it is a binary file, not Python source.",
    notUtf8: "loopscope: cannot run '{file}': it is not UTF-8 text (line {line}).",
    tooLarge: "loopscope: cannot run '{file}': it is larger than {limit} MB.",
    stdinTooLarge:
      'loopscope: the standard input is larger than {limit} MB, more than a program is given; nothing was run.',
    unreadable: "loopscope: cannot read '{file}': {reason}",
    notRegular:
      "loopscope: cannot run '{file}': it is not a regular file (a named pipe, a device or a socket).",
    lessonNotRegular: 'not a regular file (a named pipe, a device or a socket): not read',
    badWholeNumber: 'loopscope: {option} takes a whole number from 1 to {max}.',
    badSeconds: 'loopscope: {option} takes a number of seconds greater than 0.',
    unconfined:
      'loopscope: this Node.js ({version}) cannot confine the programs Loopscope runs, and Loopscope runs none unconfined. Use Node.js 20.19 or later.',
    cannotWrite: "loopscope: cannot write the trace to '{file}': {reason}",
    budgetEvents:
      'loopscope: stopped: the trace filled up (events: {count}), and the program, run on unrecorded, did not end within the events budget.',
    traceFull:
      'loopscope: the trace filled up (events: {count}); the program ran on to its end unrecorded, and only what it printed after that is in the trace.',
    budgetVirtual: 'loopscope: stopped: the loop’s clock passed {seconds} virtual seconds.',
    budgetWall: 'loopscope: stopped: the program ran longer than {ms} ms of real time.',
    budgetOutput: 'loopscope: stopped: the program printed more than {bytes} characters.',
    budgetMemory: 'loopscope: stopped: the program used more than {mb} MB of memory.',
    stuck:
      'loopscope: stopped: the event loop has nothing left to run and no timer set; a real program would wait here forever.',
    stopped: 'loopscope: stopped.',
    crashed: 'loopscope: the engine failed: {error}',
  },
  ru: {
    usage: `Использование: loopscope <команда> [параметры]

Команды:
  run ФАЙЛ.py [--trace ВЫХОД.jsonl] [--json]  выполнить программу в движке, как python3 ФАЙЛ.py
  scenarios УРОК.md [--json]                  перечислить сценарии урока
  check УРОК.md|ПАПКА... [--jobs N]           выполнить сценарии уроков и сверить их вывод
  export ФАЙЛ --format ФОРМАТ                 трасса для Perfetto (perfetto), картинки для
                                              слайдов (svg, png, gif) или HTML-запись (html)

Параметры run:
  --trace ВЫХОД.jsonl   записать ещё и трассу в формате JSON Lines
  --json                вывести трассу вместо вывода программы
  --max-events N        трасса вмещает N событий, дальше программа работает
                        без записи (по умолчанию {maxEvents})
  --max-seconds S       остановить, когда виртуальные часы цикла пройдут S секунд (по умолчанию {maxSeconds})
  --max-memory MB       остановить, когда процесс движка займёт больше MB мегабайт (по умолчанию {maxMemory})
  --timeout MS          остановить через MS миллисекунд реального времени (по умолчанию {maxWall})
`,
    unknownCommand: "loopscope: неизвестная команда «{command}». Справка: 'loopscope --help'.",
    badOption: 'loopscope: {message}',
    missingFile: 'loopscope run: укажите файл Python, который нужно выполнить.',
    notFound: 'loopscope: не удаётся открыть «{file}»: такого файла нет.',
    isDirectory: 'loopscope: не удаётся выполнить «{file}»: это папка.',
    binary:
      'loopscope: не удаётся выполнить «{file}»: это двоичный файл, а не исходный код Python.',
    notUtf8: 'loopscope: не удаётся выполнить «{file}»: это не текст в UTF-8 (строка {line}).',
    tooLarge: 'loopscope: не удаётся выполнить «{file}»: файл больше {limit} МБ.',
    stdinTooLarge:
      'loopscope: стандартный ввод больше {limit} МБ — больше, чем получает программа; ничего не запущено.',
    unreadable: 'loopscope: не удаётся прочитать «{file}»: {reason}',
    notRegular:
      'loopscope: не удаётся выполнить «{file}»: это не обычный файл (именованный канал, устройство или сокет).',
    lessonNotRegular: 'не обычный файл (именованный канал, устройство или сокет): не прочитан',
    badWholeNumber: 'loopscope: {option} принимает целое число от 1 до {max}.',
    badSeconds: 'loopscope: {option} принимает число секунд больше 0.',
    unconfined:
      'loopscope: эта версия Node.js ({version}) не может изолировать программы, которые выполняет Loopscope, а без изоляции Loopscope их не выполняет. Нужна Node.js 20.19 или новее.',
    cannotWrite: 'loopscope: не удаётся записать трассу в «{file}»: {reason}',
    budgetEvents:
      'loopscope: остановлено: запись заполнилась (событий: {count}), а программа, продолженная без записи, не закончилась в пределах бюджета событий.',
    traceFull:
      'loopscope: запись заполнилась (событий: {count}); дальше программа работала до конца без записи, и в трассе после этого только то, что она напечатала.',
    budgetVirtual: 'loopscope: остановлено: часы цикла прошли {seconds} виртуальных секунд.',
    budgetWall: 'loopscope: остановлено: программа работала дольше {ms} мс реального времени.',
    budgetOutput: 'loopscope: остановлено: программа напечатала больше {bytes} символов.',
    budgetMemory: 'loopscope: остановлено: программа заняла больше {mb} МБ памяти.',
    stuck:
      'loopscope: остановлено: циклу событий больше нечего выполнять и не назначено ни одного таймера; настоящая программа ждала бы здесь вечно.',
    stopped: 'loopscope: остановлено.',
    crashed: 'loopscope: сбой движка: {error}',
  },
});

/**
 * Strings of the replay file, the exported frames and the `export` command. The frame's words
 * are the app's own: they come from `catalog-frame.ts`, which the user interface's catalog
 * spreads too (tests/shared/export-i18n.test.ts checks that any other key both have agrees).
 * Plural forms are written "one|other" (English) and "one|few|many" (Russian), for `plural()`.
 */
import { frameCatalog } from './catalog-frame.ts';
import { defineCatalog } from './translate.ts';

export const exportCatalog = defineCatalog({
  en: {
    ...frameCatalog.en,
    'replay.empty': 'the file is empty',
    'replay.binary': 'it is a binary file, not a Loopscope replay or trace',
    'replay.not-utf8': 'it is not UTF-8 text',
    'replay.too-large': 'the file is {size} MB; a replay may be at most {limit} MB',
    'replay.too-many-events': 'the trace has more than {limit} events',
    'replay.not-json': 'it is not JSON (line {line}: {detail})',
    'replay.too-deep': 'its JSON nests deeper than {limit} levels, which no replay file does',
    'replay.truncated': 'the file is cut short: {detail}',
    'replay.truncated-end': 'the trace stops after event {seq}, before the run ended',
    'replay.unknown-format':
      'it is JSON, but neither a Loopscope replay (.loopscope.json) nor a trace',
    'replay.newer-version':
      'it was saved by a newer Loopscope (replay format {version}; this one reads {supported})',
    'replay.newer-trace':
      'its trace has format {version}, made by a newer Loopscope (this one reads {supported})',
    'replay.bad-field': 'its field "{field}" is missing or wrong',
    'replay.bad-trace': 'the trace breaks the rules: {detail}',
    'replay.no-events': 'the trace has no events',

    'plural.tasks': 'task|tasks',
    'frame.lines-above': '{count} more above',
    'frame.earlier-output': '… {count} earlier {lines}',
    'plural.lines': 'line|lines',
    'frame.outcome.completed': 'Ended: exit status {code}',
    'frame.outcome.raised': 'Ended with an uncaught exception: exit status {code}',
    'frame.outcome.syntax-error': 'Syntax error: exit status {code}',
    'frame.outcome.budget': 'Stopped by a limit',
    'frame.outcome.stuck': 'Stuck: nothing to run, no timer',
    'frame.outcome.stopped': 'Stopped by the user',
    'frame.outcome.crashed': 'The engine crashed',
    'frame.untitled': 'Program',

    'perfetto.main-thread': 'main thread: event loop',
    'perfetto.program': 'program',
    'perfetto.waiting': 'waiting',

    'cli.export.usage':
      'Usage: loopscope export LESSON.md|PROGRAM.py|TRACE.jsonl|REPLAY.loopscope.json\n' +
      '         --format perfetto|svg|png|gif|html [options]\n' +
      '\n' +
      'Options:\n' +
      '  --format F        perfetto (Chrome trace-event JSON), svg, png, gif or html\n' +
      '                    (one web page that replays the run offline)\n' +
      '  --scenario N      the lesson scenario to run (default: the first runnable one)\n' +
      '  --steps A..B      the steps to draw: one step (K), a range (A..B), or "all";\n' +
      '                    svg and png draw one file per step, gif one frame per step\n' +
      '                    (default: the last step for svg and png, every step for gif)\n' +
      '  --size WxH        picture size in pixels (default 1920x1080; gif 1280x720)\n' +
      '  --theme T         light, dark or contrast (default light)\n' +
      '  --lang L          en or ru (default: the system language)\n' +
      '  --speed X         gif playback speed, as the app’s (default 1)\n' +
      '  --embed-fonts     svg: embed the fonts, so the file looks the same everywhere\n' +
      '  -o, --output FILE where to write (default: the input’s name, in this folder)\n' +
      '\n' +
      'Exit status: 0 written, 1 the export failed, 2 bad options or input, 130 interrupted.',
    'cli.export.missing-format': 'give --format perfetto, svg, png, gif or html',
    'cli.export.no-replay-page': 'the HTML replay page is not built ({file}): run npm run build',
    'cli.export.bad-format': '--format takes perfetto, svg, png, gif or html, not {value}',
    'cli.export.bad-steps':
      '--steps takes a step (K), a range (A..B) or "all", with steps from 0 to {max}',
    'cli.export.too-many-steps':
      'a GIF of {count} steps is too long: it draws at most {max}; choose them with --steps A..B',
    'cli.export.bad-size': '--size takes WIDTHxHEIGHT, each from {min} to {max} pixels',
    'cli.export.bad-theme': '--theme takes light, dark or contrast',
    'cli.export.bad-lang': '--lang takes en or ru',
    'cli.export.bad-speed': '--speed takes a number from 0.25 to 8',
    'cli.export.bad-scenario': '--scenario takes a scenario number of this lesson: {numbers}',
    'cli.export.not-runnable': 'scenario {number} cannot run: {reason}',
    'cli.export.no-runnable': 'this lesson has no runnable scenario',
    'cli.export.lesson-errors': 'the lesson cannot be exported until the error above is fixed',
    'cli.export.unsupported-input':
      'give a lesson (.md), a program (.py), a trace (.jsonl) or a replay (.json)',
    'cli.export.cannot-read': 'cannot read {file}: {reason}',
    'cli.export.invalid-replay': '{file} cannot be opened: {reason}',
    'cli.export.file.notFound': 'no such file',
    'cli.export.file.isDirectory': 'it is a folder',
    'cli.export.file.notRegular': 'it is not a regular file (a named pipe, a device or a socket)',
    'cli.export.file.tooLarge': 'it is larger than {limit} MB',
    'cli.export.file.unreadable': '{reason}',
    'cli.export.file.binary': 'it is a binary file, not text',
    'cli.export.file.notUtf8': 'it is not UTF-8 text (line {line})',
    'cli.export.running': 'Running {file}…',
    'cli.export.engine-failed': 'the engine failed: {error}',
    'cli.export.progress': 'Drawing step {step}: {done} of {total} {frames}',
    'plural.frames': 'frame|frames',
    'cli.export.encoding': 'Encoding the GIF…',
    'cli.export.wrote': 'Wrote {file} ({size})',
    'cli.export.wrote-many': 'Wrote {count} {files}: {first} … {last}',
    'plural.files': 'file|files',
    'cli.export.cannot-write': 'cannot write {file}: {reason}',
    'cli.export.failed': 'the export failed: {reason}',
    'cli.export.interrupted': 'interrupted; nothing was written',
    'cli.export.one-input': 'give exactly one file to export',
  },
  ru: {
    ...frameCatalog.ru,
    'replay.empty': 'файл пуст',
    'replay.binary': 'это двоичный файл, а не запись или трасса Loopscope',
    'replay.not-utf8': 'это не текст в UTF-8',
    'replay.too-large': 'файл занимает {size} МБ; запись может занимать не больше {limit} МБ',
    'replay.too-many-events': 'в трассе больше {limit} событий',
    'replay.not-json': 'это не JSON (строка {line}: {detail})',
    'replay.too-deep':
      'JSON в файле вложен глубже {limit} уровней, чего не бывает ни в одной записи',
    'replay.truncated': 'файл обрывается: {detail}',
    'replay.truncated-end': 'трасса обрывается после события {seq}, до конца запуска',
    'replay.unknown-format': 'это JSON, но не запись Loopscope (.loopscope.json) и не трасса',
    'replay.newer-version':
      'файл сохранён более новой версией Loopscope (формат записи {version}; эта версия читает {supported})',
    'replay.newer-trace':
      'трасса в формате {version} записана более новой версией Loopscope (эта версия читает {supported})',
    'replay.bad-field': 'поле «{field}» отсутствует или неверно',
    'replay.bad-trace': 'трасса нарушает правила: {detail}',
    'replay.no-events': 'в трассе нет событий',

    'plural.tasks': 'задача|задачи|задач|задачи',
    'frame.lines-above': 'выше ещё {count}',
    'frame.earlier-output': '… ещё {count} {lines} выше',
    'plural.lines': 'строка|строки|строк',
    'frame.outcome.completed': 'Завершена: код выхода {code}',
    'frame.outcome.raised': 'Завершена необработанным исключением: код выхода {code}',
    'frame.outcome.syntax-error': 'Синтаксическая ошибка: код выхода {code}',
    'frame.outcome.budget': 'Остановлена ограничением',
    'frame.outcome.stuck': 'Зависла: нечего выполнять, нет таймеров',
    'frame.outcome.stopped': 'Остановлена пользователем',
    'frame.outcome.crashed': 'Сбой движка',
    'frame.untitled': 'Программа',

    'perfetto.main-thread': 'главный поток: цикл событий',
    'perfetto.program': 'программа',
    'perfetto.waiting': 'ожидание',

    'cli.export.usage':
      'Использование: loopscope export УРОК.md|ПРОГРАММА.py|ТРАССА.jsonl|ЗАПИСЬ.loopscope.json\n' +
      '         --format perfetto|svg|png|gif|html [параметры]\n' +
      '\n' +
      'Параметры:\n' +
      '  --format F        perfetto (JSON событий трассировки Chrome), svg, png, gif или html\n' +
      '                    (одна веб-страница, которая воспроизводит запуск без сети)\n' +
      '  --scenario N      сценарий урока (по умолчанию первый, который можно выполнить)\n' +
      '  --steps A..B      какие шаги рисовать: шаг (K), диапазон (A..B) или "all";\n' +
      '                    svg и png — по файлу на шаг, gif — по кадру на шаг\n' +
      '                    (по умолчанию: последний шаг для svg и png, все шаги для gif)\n' +
      '  --size WxH        размер картинки в пикселях (по умолчанию 1920x1080; gif 1280x720)\n' +
      '  --theme T         light, dark или contrast (по умолчанию light)\n' +
      '  --lang L          en или ru (по умолчанию язык системы)\n' +
      '  --speed X         скорость воспроизведения gif, как в приложении (по умолчанию 1)\n' +
      '  --embed-fonts     svg: встроить шрифты, чтобы файл везде выглядел одинаково\n' +
      '  -o, --output ФАЙЛ куда записать (по умолчанию имя исходного файла, в этой папке)\n' +
      '\n' +
      'Код выхода: 0 записано, 1 экспорт не удался, 2 неверные параметры или файл, 130 прервано.',
    'cli.export.missing-format': 'укажите --format perfetto, svg, png, gif или html',
    'cli.export.no-replay-page':
      'страница HTML-записи не собрана ({file}): выполните npm run build',
    'cli.export.bad-format': '--format принимает perfetto, svg, png, gif или html, а не {value}',
    'cli.export.bad-steps':
      '--steps принимает шаг (K), диапазон (A..B) или "all"; шаги — от 0 до {max}',
    'cli.export.too-many-steps':
      'GIF из {count} шагов слишком длинный: в нём не больше {max} шагов; выберите их с --steps A..B',
    'cli.export.bad-size': '--size принимает ШИРИНАxВЫСОТА, каждая от {min} до {max} пикселей',
    'cli.export.bad-theme': '--theme принимает light, dark или contrast',
    'cli.export.bad-lang': '--lang принимает en или ru',
    'cli.export.bad-speed': '--speed принимает число от 0.25 до 8',
    'cli.export.bad-scenario': '--scenario принимает номер сценария этого урока: {numbers}',
    'cli.export.not-runnable': 'сценарий {number} нельзя выполнить: {reason}',
    'cli.export.no-runnable': 'в этом уроке нет сценария, который можно выполнить',
    'cli.export.lesson-errors': 'урок нельзя экспортировать, пока не исправлена ошибка выше',
    'cli.export.unsupported-input':
      'укажите урок (.md), программу (.py), трассу (.jsonl) или запись (.json)',
    'cli.export.cannot-read': 'не удаётся прочитать {file}: {reason}',
    'cli.export.invalid-replay': 'не удаётся открыть {file}: {reason}',
    'cli.export.file.notFound': 'нет такого файла',
    'cli.export.file.isDirectory': 'это папка',
    'cli.export.file.notRegular': 'это не обычный файл (именованный канал, устройство или сокет)',
    'cli.export.file.tooLarge': 'файл больше {limit} МБ',
    'cli.export.file.unreadable': '{reason}',
    'cli.export.file.binary': 'это двоичный файл, а не текст',
    'cli.export.file.notUtf8': 'это не текст в UTF-8 (строка {line})',
    'cli.export.running': 'Выполняется {file}…',
    'cli.export.engine-failed': 'сбой движка: {error}',
    'cli.export.progress': 'Рисуется шаг {step}: {done} из {total} {frames}',
    'plural.frames': 'кадр|кадра|кадров',
    'cli.export.encoding': 'Кодируется GIF…',
    'cli.export.wrote': 'Записан {file} ({size})',
    'cli.export.wrote-many': 'Записано {count} {files}: {first} … {last}',
    'plural.files': 'файл|файла|файлов',
    'cli.export.cannot-write': 'не удаётся записать {file}: {reason}',
    'cli.export.failed': 'экспорт не удался: {reason}',
    'cli.export.interrupted': 'прервано; ничего не записано',
    'cli.export.one-input': 'укажите ровно один файл для экспорта',
  },
});

export type ExportKey = keyof (typeof exportCatalog)['en'];

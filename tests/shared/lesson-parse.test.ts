import { readdirSync, readFileSync } from 'node:fs';
import { beforeEach, describe, expect, test } from 'vitest';
import type { CourseIndex } from '../../src-shared/api.ts';
import type { Lesson, LessonProblem } from '../../src-shared/lesson/model.ts';
import {
  describeLessonProblem,
  findNotRunnableReason,
  MAX_BLOCKS,
  MAX_INLINE_CHARACTERS,
  MAX_INLINE_TOKENS,
  MAX_SCENARIOS,
  parseLesson,
  scenarioDisplayTitle,
} from '../../src-shared/lesson/parse.ts';
import { hugeLesson } from '../../scripts/large-inputs.mjs';
import { needsReferenceLesson, REFERENCE_LESSON as REFERENCE } from '../reference-lesson.ts';

const FIXTURES = new URL('./fixtures/lessons/', import.meta.url);
const COURSE = new URL('../../assets/lessons/', import.meta.url);

function readFixture(name: string): string {
  return readFileSync(new URL(name, FIXTURES), 'utf8');
}

/** Builds a lesson from lines, so that fences inside the test text stay readable. */
function lesson(...lines: string[]): Lesson {
  return parseLesson(lines.join('\n'), 'test.md');
}

const PROGRAM = ['```python', 'import asyncio', 'asyncio.run(main())', '```'];

describe('the reference lesson (create_task.ru.md)', () => {
  beforeEach(needsReferenceLesson);

  const reference = () => parseLesson(readFileSync(REFERENCE, 'utf8'), 'create_task.ru.md');

  test('loads without problems, titled after its file as it has no # heading', () => {
    const parsed = reference();
    expect(parsed.problems).toEqual([]);
    expect(parsed.title).toBe('create_task');
  });

  test('has three scenarios, all runnable, each with an expected output', () => {
    const { scenarios } = reference();
    expect(scenarios).toHaveLength(3);
    expect(scenarios.map((s) => s.runnable)).toEqual([true, true, true]);
    expect(scenarios.map((s) => s.expected !== null)).toEqual([true, true, true]);
  });

  test('takes each title from the bold numbered point above the code', () => {
    expect(reference().scenarios.map((s) => s.title)).toEqual([
      '1. При создании задача только планируется к выполнению, но не начинает выполняться сразу',
      '2. Созданную задачу нужно ожидать с ключевым словом await',
      '4. Порядок создания задач с помощью asyncio.create_task() может не совпадать с порядком завершения задач',
    ]);
  });

  test('an output block fenced as python after a "Вывод:" label is the expected output', () => {
    const [first] = reference().scenarios;
    expect(first?.expected?.label).toBe('Вывод:');
    expect(first?.expected?.fenceLanguage).toBe('python');
    expect(first?.expected?.text.split('\n')[0]).toBe('Задача my_task создана, но еще не запущена');
    expect(first?.expected?.text.trimEnd().split('\n')).toHaveLength(5);
  });

  test('an output introduced by a sentence ending with a colon is found too', () => {
    const second = reference().scenarios[1];
    expect(second?.expected).toMatchObject({ label: null, fenceLanguage: '' });
    expect(second?.expected?.text).toBe('Корутина запустилась\n');
    expect(second?.discussion.text).toMatch(/^В данном примере нет ожидания/);
  });

  test('keeps the explanation before the code and the paragraphs after the output', () => {
    const [first, , third] = reference().scenarios;
    expect(first?.explanation.text).toMatch(/^При создании задачи в цикле событий/);
    expect(first?.discussion.text).toMatch(/^В данном коде также использован параметр\s+name/);
    expect(first?.discussion.text).toMatch(/P\.S\./);
    expect(third?.expected?.text.trimEnd().split('\n')).toEqual([
      'Корутина 1 запустилась',
      'Корутина 2 запустилась',
      'Корутина 2 завершена',
      'Корутина 1 завершена',
    ]);
  });

  test('records source lines of the code and of the expected output', () => {
    const [first] = reference().scenarios;
    expect(first?.lines).toEqual({ start: 19, end: 41 });
    expect(first?.expected?.lines).toEqual({ start: 45, end: 51 });
  });

  test('renders emphasis inside inline code and wiki links as emphasized text', () => {
    const html = reference()
      .blocks.map((b) => (b.kind === 'prose' ? b.html : ''))
      .join('');
    expect(html).toContain('<code>asyncio.<strong>create_task</strong>()</code>');
    expect(html).toContain('<em class="wiki-link">Корутины</em>');
    expect(html).not.toContain('[[');
  });
});

describe('expected outputs', () => {
  test.each([
    'Вывод:',
    'Вывод программы:',
    'Результат:',
    'Output:',
    'Result:',
    'Expected output:',
    '**Вывод:**',
    '**Output:**',
    '**Result**:',
    'Output',
  ])('a block after the label %s is the expected output', (label) => {
    const [scenario] = lesson(...PROGRAM, '', label, '', '```', 'done', '```').scenarios;
    expect(scenario?.expected?.text).toBe('done\n');
    expect(scenario?.expected?.label).toBe(label.replace(/\*/g, ''));
  });

  test.each(['', 'text', 'txt', 'output', 'console'])(
    'a block tagged "%s" after a sentence ending with a colon is the expected output',
    (tag) => {
      const [scenario] = lesson(
        ...PROGRAM,
        '',
        'The program prints:',
        '',
        '```' + tag,
        'done',
        '```',
      ).scenarios;
      expect(scenario?.expected).toMatchObject({ text: 'done\n', label: null, fenceLanguage: tag });
    },
  );

  test('a python block after a sentence ending with a colon is the next scenario', () => {
    const parsed = lesson(...PROGRAM, '', 'Now the same with two tasks:', '', ...PROGRAM);
    expect(parsed.scenarios).toHaveLength(2);
    expect(parsed.scenarios[0]?.expected).toBeNull();
    expect(parsed.scenarios[1]?.explanation.text).toBe('Now the same with two tasks:');
  });

  test('a whole program fenced as python after a label is a scenario, not an output', () => {
    const parsed = lesson(...PROGRAM, '', 'Output:', '', ...PROGRAM);
    expect(parsed.scenarios).toHaveLength(2);
    expect(parsed.scenarios[0]?.expected).toBeNull();
  });

  test('a plain block with no sentence before it is not an expected output', () => {
    const parsed = lesson(...PROGRAM, '', '```', 'done', '```');
    expect(parsed.scenarios[0]?.expected).toBeNull();
    expect(parsed.blocks.map((b) => b.kind)).toEqual(['scenario', 'prose']);
  });

  test('a plain block after a sentence without a colon is not an expected output', () => {
    const parsed = lesson(...PROGRAM, '', 'It prints two lines.', '', '```', 'done', '```');
    expect(parsed.scenarios[0]?.expected).toBeNull();
  });

  test('a new section title ends the search for the output', () => {
    const parsed = lesson(...PROGRAM, '', '## Next', '', 'Output:', '', '```', 'done', '```');
    expect(parsed.scenarios[0]?.expected).toBeNull();
  });

  test('a scenario has at most one expected output', () => {
    const parsed = lesson(
      ...PROGRAM,
      '',
      'Output:',
      '',
      '```',
      'a',
      '```',
      '',
      'Output:',
      '',
      '```',
      'b',
      '```',
    );
    expect(parsed.scenarios[0]?.expected?.text).toBe('a\n');
    expect(parsed.blocks.map((b) => b.kind)).toEqual([
      'scenario',
      'prose',
      'expected-output',
      'prose',
      'prose',
    ]);
  });

  test('a fragment keeps the output the lesson shows for it', () => {
    const [scenario] = lesson(
      '```python',
      'print(1)',
      '```',
      '',
      'Output:',
      '',
      '```',
      '1',
      '```',
    ).scenarios;
    expect(scenario?.runnable).toBe(false);
    expect(scenario?.expected?.text).toBe('1\n');
  });
});

describe('runnable scenarios', () => {
  test.each([
    ['asyncio.run', 'import asyncio\nasyncio.run(main())'],
    ['a Runner', 'import asyncio\nwith asyncio.Runner() as runner:\n    runner.run(main())'],
    [
      'run_until_complete',
      'import asyncio\nloop = asyncio.new_event_loop()\nloop.run_until_complete(main())',
    ],
    ['run_forever', 'import asyncio\nloop = asyncio.new_event_loop()\nloop.run_forever()'],
    ['run imported from asyncio', 'from asyncio import run, sleep\nrun(main())'],
    ['everything imported from asyncio', 'from asyncio import *\nrun(main())'],
    ['asyncio under another name', 'import asyncio as aio\naio.run(main())'],
  ])('a program that starts the loop with %s is runnable', (_name, code) => {
    expect(findNotRunnableReason(code)).toBeNull();
  });

  test.each([
    ['a signature', 'asyncio.create_task(coro, *, name=None, context=None)'],
    ['a signature that names run_until_complete', 'loop.run_until_complete(future)'],
    [
      'a coroutine without the call',
      'import asyncio\n\nasync def main():\n    await asyncio.sleep(1)',
    ],
    ['a commented-out call', 'import asyncio\n# asyncio.run(main())'],
    ['a call named in a string', 'import asyncio\nprint("then asyncio.run(main()) starts it")'],
    [
      'a call named in a docstring',
      'import asyncio\n\nasync def main():\n    """Start me with\n    asyncio.run(main())\n    """',
    ],
    ['a call after an escaped quote', "import asyncio\nprint('it\\'s asyncio.run(main())')"],
  ])('%s is a fragment', (_name, code) => {
    expect(findNotRunnableReason(code)).toBe('fragment');
  });

  test('a "#" inside a string does not hide the rest of the line', () => {
    expect(findNotRunnableReason("import asyncio\nprint('#'); asyncio.run(main())")).toBeNull();
  });

  test('the call after a docstring or an unclosed one-line string still counts', () => {
    const docstring = 'import asyncio\n"""A program.\n"""\nasyncio.run(main())';
    expect(findNotRunnableReason(docstring)).toBeNull();
    expect(findNotRunnableReason("import asyncio\nx = 'oops\nasyncio.run(main())")).toBeNull();
  });

  test('an interactive session is not a program, even when it calls asyncio.run', () => {
    expect(findNotRunnableReason('>>> import asyncio\n>>> asyncio.run(main())')).toBe(
      'interactive-session',
    );
    const [scenario] = lesson('```pycon', 'x = 1', '```').scenarios;
    expect(scenario?.notRunnableReason).toBe('interactive-session');
  });

  test('blocks tagged py, python3 and Python are scenarios; other languages are prose', () => {
    const parsed = lesson(
      '```py',
      'x = 1',
      '```',
      '```python3',
      'x = 2',
      '```',
      '```Python',
      'x = 3',
      '```',
      '```bash',
      'python3 main.py',
      '```',
    );
    expect(parsed.scenarios.map((s) => s.language)).toEqual(['py', 'python3', 'python']);
    expect(parsed.blocks.at(-1)?.kind).toBe('prose');
  });

  test('scenario ids and numbers follow the order of the code blocks', () => {
    const parsed = lesson(...PROGRAM, '', ...PROGRAM);
    expect(parsed.scenarios.map((s) => [s.id, s.number])).toEqual([
      ['scenario-1', 1],
      ['scenario-2', 2],
    ]);
  });
});

describe('sections and titles', () => {
  test('the lesson title is the first # heading', () => {
    expect(lesson('Intro.', '', '# Tasks', '', '## More').title).toBe('Tasks');
  });

  test('without a # heading the title is the file name without its language suffix', () => {
    expect(parseLesson('text', 'lessons/create_task.ru.md').title).toBe('create_task');
    expect(parseLesson('text', 'C:\\course\\gather.md').title).toBe('gather');
  });

  test('headings of levels 1 to 3 start sections; deeper ones do not', () => {
    const parsed = lesson('# One', '## Two', '### Three', '#### Four', '', ...PROGRAM);
    expect(parsed.sections.map((s) => [s.kind, s.level, s.title])).toEqual([
      ['heading', 1, 'One'],
      ['heading', 2, 'Two'],
      ['heading', 3, 'Three'],
    ]);
    expect(parsed.scenarios[0]?.title).toBe('Three');
  });

  test('a paragraph opening with a bold numbered point is a section titled by the bold text', () => {
    const parsed = lesson(
      '## Points',
      '',
      '**2. Tasks are only scheduled.** They start later:',
      '',
      ...PROGRAM,
    );
    expect(parsed.sections[1]).toMatchObject({
      kind: 'point',
      level: 3,
      title: '2. Tasks are only scheduled',
    });
    expect(parsed.scenarios[0]?.title).toBe('2. Tasks are only scheduled');
    expect(parsed.scenarios[0]?.explanation.text).toBe('They start later:');
  });

  test('a bold point of only a number takes the first sentence as its title', () => {
    const parsed = lesson(
      '**1.** Loops can be made by hand. Before 3.7 they were.',
      '',
      ...PROGRAM,
    );
    expect(parsed.sections[0]?.title).toBe('1. Loops can be made by hand');
  });

  test('a bold paragraph that is not numbered is ordinary prose', () => {
    expect(lesson('**Note.** Careful.', '', ...PROGRAM).sections).toEqual([]);
  });

  test('emphasis inside inline code is dropped from plain titles', () => {
    const parsed = lesson('### Особенности `asyncio.**create_task**()`');
    expect(parsed.sections[0]?.title).toBe('Особенности asyncio.create_task()');
    expect(parsed.sections[0]?.titleHtml).toBe(
      'Особенности <code>asyncio.<strong>create_task</strong>()</code>',
    );
  });

  test('a scenario with no section above it has no title and is shown as "Example N"', () => {
    const [scenario] = lesson(...PROGRAM).scenarios;
    expect(scenario?.title).toBeNull();
    expect(scenario && scenarioDisplayTitle(scenario, 'en')).toBe('Example 1');
    expect(scenario && scenarioDisplayTitle(scenario, 'ru')).toBe('Пример 1');
  });
});

describe('explanation and discussion', () => {
  test('the explanation is the prose between the section title and the code', () => {
    const [scenario] = lesson('## Title', '', 'First.', '', '- a list', '', ...PROGRAM).scenarios;
    expect(scenario?.explanation.text).toBe('First.\n\n- a list');
    expect(scenario?.explanation.html).toBe('<p>First.</p>\n<ul>\n<li>a list</li>\n</ul>\n');
  });

  test('the discussion keeps the prose around the output but not the label', () => {
    const [scenario] = lesson(
      ...PROGRAM,
      '',
      'Nothing waits for the task.',
      '',
      '**Output:**',
      '',
      '```',
      'done',
      '```',
      '',
      'The task was cancelled.',
      '',
      '## Next',
      '',
      'Not this.',
    ).scenarios;
    expect(scenario?.discussion.text).toBe(
      'Nothing waits for the task.\n\nThe task was cancelled.',
    );
  });

  test('between two scenarios of a section, the first paragraph after the output stays with the first', () => {
    const [first, second] = lesson(
      ...PROGRAM,
      '',
      'Output:',
      '',
      '```',
      'a',
      '```',
      '',
      'That was the first.',
      '',
      'Here is a second one.',
      '',
      ...PROGRAM,
    ).scenarios;
    expect(first?.discussion.text).toBe('That was the first.');
    expect(second?.explanation.text).toBe('Here is a second one.');
  });
});

describe('problems', () => {
  test('an empty or blank text is an error', () => {
    expect(parseLesson('', 'a.md').problems).toEqual([
      { kind: 'empty', severity: 'error', line: null },
    ]);
    expect(parseLesson('\uFEFF \n\t\n', 'a.md').problems[0]?.kind).toBe('empty');
  });

  test('a lesson without Python code gets a warning', () => {
    const parsed = parseLesson(readFixture('no-code.md'), 'no-code.md');
    expect(parsed.problems).toEqual([{ kind: 'no-code', severity: 'warning', line: null }]);
    expect(parsed.scenarios).toEqual([]);
  });

  test('an unterminated fence is an error on the line that opens it', () => {
    const parsed = parseLesson(readFixture('unterminated.md'), 'unterminated.md');
    expect(parsed.problems).toEqual([
      { kind: 'unterminated-fence', severity: 'error', line: 18, fence: '```' },
    ]);
    expect(parsed.scenarios.map((s) => s.notRunnableReason)).toEqual([null, 'unterminated-fence']);
    expect(parsed.scenarios[0]?.expected?.text).toBe('');
  });

  test('the message names the fence to close it with: ~~~ or four backticks, as opened', () => {
    for (const fence of ['~~~', '````']) {
      const [problem] = lesson('text', `${fence}python`, 'print(1)', '```').problems;
      expect(problem).toMatchObject({ kind: 'unterminated-fence', fence });
      expect(describeLessonProblem(problem as LessonProblem, 'en')).toBe(
        `the code block opened on this line is never closed; add a closing ${fence} line`,
      );
    }
  });

  test('front matter (Obsidian properties) is the note’s metadata: no title, no prose', () => {
    const parsed = lesson(
      '---',
      '# a YAML comment',
      'title: Properties',
      'tags: [asyncio]',
      '---',
      '# Sleeping',
      '',
      ...PROGRAM,
    );
    expect(parsed.title).toBe('Sleeping');
    expect(parsed.scenarios[0]?.explanation.text ?? '').not.toContain('tags');
    expect(parsed.scenarios[0]?.lines.start).toBe(8);
  });

  test('code commented out (an HTML comment, an Obsidian one) is not shown and does not run', () => {
    const parsed = lesson(
      '# Comments',
      '<!--',
      ...PROGRAM,
      '-->',
      '%% a note to myself %%',
      '%%',
      ...PROGRAM,
      '%%',
      '<!-- a hidden remark -->',
      'Shown text.',
      '',
      '```python',
      'print("<!--")',
      '```',
    );
    expect(parsed.scenarios).toHaveLength(1);
    expect(parsed.scenarios[0]?.code).toBe('print("<!--")\n');
    expect(parsed.scenarios[0]?.lines.start).toBe(18);
    expect(parsed.scenarios[0]?.explanation.text).toBe('Shown text.');
  });

  test('a numbered point written without the space, or as a heading, is titled as one', () => {
    const parsed = lesson(
      '**7.Без пробела.** Текст.',
      '',
      ...PROGRAM,
      '### **8. Заголовок-пункт.**',
      '',
      ...PROGRAM,
      '**3.5 seconds** is no point.',
      '',
      ...PROGRAM,
    );
    expect(parsed.scenarios.map((s) => s.title)).toEqual([
      '7.Без пробела',
      '8. Заголовок-пункт',
      '8. Заголовок-пункт',
    ]);
  });

  test('lists nested too deep to read are an error, not a lesson that silently ends', () => {
    const parsed = lesson('- '.repeat(120) + 'x', '', ...PROGRAM);
    expect(parsed.problems).toContainEqual({ kind: 'too-deep', severity: 'error', line: 1 });
  });

  test('a fence opened on the last line is unterminated', () => {
    expect(lesson('text', '```python').problems[0]).toMatchObject({
      kind: 'unterminated-fence',
      line: 2,
    });
  });

  test('fences closed by a longer fence or inside a quote are terminated', () => {
    expect(lesson('```', 'x', '`````').problems).toEqual([
      { kind: 'no-code', severity: 'warning', line: null },
    ]);
    expect(lesson('> ```', '> x', '> ```', '', ...PROGRAM).problems).toEqual([]);
  });

  test('a Python block inside a list is shown but is not a scenario', () => {
    const parsed = lesson(
      '- step:',
      '',
      '  ```python',
      '  import asyncio',
      '  ```',
      '',
      ...PROGRAM,
    );
    expect(parsed.problems).toEqual([{ kind: 'nested-code', severity: 'warning', line: 3 }]);
    expect(parsed.scenarios).toHaveLength(1);
  });

  test('problems are described in English and in Russian', () => {
    const problem = { kind: 'unterminated-fence', severity: 'error', line: 3 } as const;
    expect(describeLessonProblem(problem, 'en')).toMatch(/never closed/);
    expect(describeLessonProblem(problem, 'ru')).toMatch(/не закрыт/);
  });
});

describe('display', () => {
  test('blocks list prose, code and expected output in reading order with their lines', () => {
    const parsed = lesson('# T', '', ...PROGRAM, '', 'Output:', '', '```', 'done', '```');
    expect(parsed.blocks.map((b) => [b.kind, b.lines.start, b.lines.end])).toEqual([
      ['prose', 1, 1],
      ['scenario', 3, 6],
      ['prose', 8, 8],
      ['expected-output', 10, 12],
    ]);
  });

  test('raw HTML in a lesson is shown as text, never interpreted', () => {
    const [block] = lesson('<script>alert(1)</script> <b>bold</b>').blocks;
    expect(block?.kind === 'prose' && block.html).toBe(
      '<p>&lt;script&gt;alert(1)&lt;/script&gt; &lt;b&gt;bold&lt;/b&gt;</p>\n',
    );
  });

  test('wiki links show their alias, or the page and heading, as emphasized text', () => {
    const [block] = lesson(
      'See [[Tasks|the tasks lesson]], [[Futures#Callbacks]] and ![[loop.png]].',
    ).blocks;
    expect(block?.kind === 'prose' && block.html).toBe(
      '<p>See <em class="wiki-link">the tasks lesson</em>, <em class="wiki-link">Futures › Callbacks</em> and <em class="wiki-link">loop.png</em>.</p>\n',
    );
  });

  test('a single line break is a line break, as in Obsidian', () => {
    const [block] = lesson('one', 'two').blocks;
    expect(block?.kind === 'prose' && block.html).toBe('<p>one<br>\ntwo</p>\n');
  });
});

describe('lessons by other authors', () => {
  test('a CRLF lesson with a byte-order mark reads like its LF twin', () => {
    const text = readFixture('crlf-bom.md');
    const crlf = (text.startsWith('\uFEFF') ? text : `\uFEFF${text}`).replace(/\r?\n/g, '\r\n');
    const fromCrlf = parseLesson(crlf, 'crlf-bom.md');
    const fromLf = parseLesson(crlf.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n'), 'crlf-bom.md');
    expect(fromCrlf).toEqual(fromLf);
    expect(fromCrlf.title).toBe('Event loop basics');
    const [scenario] = fromCrlf.scenarios;
    expect(scenario).toMatchObject({
      runnable: true,
      language: 'py',
      lines: { start: 9, end: 20 },
    });
    expect(scenario?.code).not.toContain('\r');
    expect(scenario?.expected).toMatchObject({
      label: 'Output:',
      fenceLanguage: 'text',
      text: 'hello\nworld\n',
    });
  });

  test('labels, fragments, sessions and nested code of another author are read as meant', () => {
    const parsed = parseLesson(readFixture('other-author.ru.md'), 'other-author.ru.md');
    expect(parsed.title).toBe('Циклы событий вручную');
    expect(parsed.problems).toEqual([{ kind: 'nested-code', severity: 'warning', line: 78 }]);
    expect(
      parsed.scenarios.map((s) => [
        s.title,
        s.notRunnableReason,
        s.expected?.label ?? s.expected?.text ?? null,
      ]),
    ).toEqual([
      ['Сигнатура', 'fragment', null],
      ['1. Можно создать цикл вручную', null, 'Результат:'],
      ['2. Runner', null, 'Вывод программы:'],
      ['2. Runner', 'fragment', null],
      ['2. Runner', 'interactive-session', null],
      ['3. Без подписи', null, 'слово\n'],
    ]);
  });
});

describe('the bundled course', () => {
  const index = JSON.parse(readFileSync(new URL('index.json', COURSE), 'utf8')) as CourseIndex;
  const read = (file: string) => parseLesson(readFileSync(new URL(file, COURSE), 'utf8'), file);

  test('the index lists every lesson of the folder, with titles and files in both languages', () => {
    const files = readdirSync(COURSE).filter((name) => name.endsWith('.md'));
    expect(index.lessons.flatMap((l) => [l.file.en, l.file.ru]).sort()).toEqual(files.sort());
    expect(new Set(index.lessons.map((l) => l.id)).size).toBe(index.lessons.length);
    for (const entry of index.lessons) {
      for (const language of ['en', 'ru'] as const) {
        expect(read(entry.file[language]).title).toBe(entry.title[language]);
      }
    }
  });

  test.each(index.lessons.map((l) => [l.id, l] as const))(
    '%s: both languages have the same examples, and every program has its output',
    (_id, entry) => {
      const en = read(entry.file.en);
      const ru = read(entry.file.ru);
      for (const parsed of [en, ru]) {
        expect(parsed.problems).toEqual([]);
        const runnable = parsed.scenarios.filter((s) => s.runnable);
        expect(runnable.length).toBeGreaterThanOrEqual(3);
        expect(runnable.length).toBeLessThanOrEqual(7);
        for (const scenario of runnable) {
          expect(scenario.title).not.toBeNull();
          expect(scenario.explanation.text).not.toBe('');
          // Without an expected output (a program that hangs natively, or whose traceback
          // names the reader's own paths), the lesson must say in words what it does.
          expect(scenario.discussion.text || scenario.expected).toBeTruthy();
        }
        // Most programs show their output, for `loopscope check` to hold it to the engine.
        const withOutput = runnable.filter((s) => s.expected !== null);
        expect(withOutput.length).toBeGreaterThanOrEqual(runnable.length / 2);
      }
      const shape = (l: Lesson) => l.scenarios.map((s) => [s.runnable, s.code.split('\n').length]);
      expect(shape(ru)).toEqual(shape(en));
    },
  );
});

describe('a lesson with more scenarios than are read', () => {
  test('keeps the first MAX_SCENARIOS and warns at the first one left out', () => {
    const block = (i: number) =>
      `## Step ${i}\n\n\`\`\`python\nimport asyncio\nasyncio.run(asyncio.sleep(${i}))\n\`\`\`\n`;
    const source = `# Many\n\n${Array.from({ length: MAX_SCENARIOS + 5 }, (_, i) => block(i)).join('\n')}`;
    const parsed = parseLesson(source, 'many.md');
    expect(parsed.scenarios).toHaveLength(MAX_SCENARIOS);
    expect(parsed.scenarios.at(-1)?.title).toBe(`Step ${MAX_SCENARIOS - 1}`);
    const problem = parsed.problems[0] as LessonProblem;
    expect(problem).toMatchObject({ kind: 'too-many-scenarios', severity: 'warning' });
    expect(source.split('\n')[(problem.line ?? 0) - 1]).toBe('```python');
    expect(source.split('\n')[(problem.line ?? 0) - 3]).toBe(`## Step ${MAX_SCENARIOS}`);
    expect(describeLessonProblem(problem, 'ru')).toBe(
      'из урока читаются только первые 200 сценариев; этот и следующие за ним пропущены',
    );
  });
});

describe('links', () => {
  test('a link whose text is another site’s address shows the address it opens, and is warned of', () => {
    const parsed = lesson(
      '# T',
      '',
      'Log in at [https://bank.example](https://evil.example/login).',
      '',
      'Or [www.python.org](https://python.org.evil.example/), [docs](https://docs.python.org/3/),',
      '[https://docs.python.org/3/](https://docs.python.org/3/library/asyncio.html).',
    );
    const html = parsed.blocks.map((b) => (b.kind === 'prose' ? b.html : '')).join('');
    expect(html).toContain(
      '<a href="https://evil.example/login" title="https://evil.example/login">https://bank.example</a>' +
        ' <span class="link-destination">(→ https://evil.example/login)</span>',
    );
    expect(html).toContain('(→ https://python.org.evil.example/)');
    // A link named in words, or to another page of the site it names, is as it reads.
    expect(html.match(/link-destination/g)).toHaveLength(2);
    expect(html).toContain('title="https://docs.python.org/3/">docs</a>,');
    const warnings = parsed.problems.filter((p) => p.kind === 'misleading-link');
    expect(warnings.map((p) => [p.line, p.link])).toEqual([
      [3, { shown: 'https://bank.example', opens: 'https://evil.example/login' }],
      [5, { shown: 'www.python.org', opens: 'https://python.org.evil.example/' }],
    ]);
    expect(describeLessonProblem(warnings[0] as LessonProblem, 'en')).toBe(
      'a link here reads https://bank.example but opens https://evil.example/login; it is shown with the address it opens',
    );
    expect(describeLessonProblem(warnings[0] as LessonProblem, 'ru')).toBe(
      'текст ссылки здесь — https://bank.example, а открывает она https://evil.example/login; рядом со ссылкой показан адрес, который она открывает',
    );
  });
});

describe('a lesson at the size limit (5 MB)', () => {
  const LIMIT = 5 * 1024 * 1024;

  test('a 5 MB lesson written as a course is read whole, each block at its own lines', () => {
    const source = hugeLesson(LIMIT - 4096);
    const parsed = parseLesson(source, 'huge.md');
    const lines = source.split('\n');
    expect(parsed.problems.map((p) => p.kind)).toEqual(['too-many-scenarios']);
    expect(parsed.scenarios).toHaveLength(MAX_SCENARIOS);
    for (const scenario of parsed.scenarios) {
      expect(lines[scenario.lines.start - 1]).toBe('```python');
      expect(lines.slice(scenario.lines.start, scenario.lines.end - 1).join('\n')).toBe(
        scenario.code.replace(/\n$/, ''),
      );
    }
    // The last heading of the file is read, at its line, however far down it is.
    const lastHeading = lines.findLastIndex((line) => line.startsWith('## '));
    expect(parsed.sections.at(-1)?.lines.start).toBe(lastHeading + 1);
    expect(parsed.blocks.at(-1)?.lines.end).toBeGreaterThan(lines.length - 10);
  });

  test('a 5 MB paragraph of brackets never closed is read as the text it is', () => {
    for (const brackets of ['[', '[[']) {
      const text = brackets.repeat(Math.floor((LIMIT - 64) / brackets.length));
      const parsed = parseLesson(`# T\n\n${text}]\n`, 'brackets.md');
      const prose = parsed.blocks.at(-1);
      expect(prose?.kind === 'prose' && prose.html).toBe(`<p>${text}]</p>\n`);
    }
  });

  test('a lesson of a hundred thousand short blocks keeps every one, in order', () => {
    const count = MAX_BLOCKS - 1;
    const source = `# T\n\n${Array.from({ length: count }, (_, i) => (i % 100 === 0 ? '* a' : 'b')).join('\n\n')}\n`;
    const parsed = parseLesson(source, 'paragraphs.md');
    expect(parsed.blocks).toHaveLength(count + 1);
    expect(parsed.problems.map((p) => p.kind)).toEqual(['no-code']);
    const last = parsed.blocks.at(-1);
    expect(last).toMatchObject({ kind: 'prose', lines: { start: 2 * count + 1 } });
  });

  test('a file of a million one-letter paragraphs is read up to the block limit, and says so', () => {
    const source = `# T\n\n${'a\n\n'.repeat(1_000_000)}\`\`\`python\nprint(1)\n\`\`\`\n`;
    const parsed = parseLesson(source, 'paragraphs.md');
    expect(parsed.blocks).toHaveLength(MAX_BLOCKS);
    // Block MAX_BLOCKS + 1 is the paragraph on line 2 * MAX_BLOCKS + 1; nothing after it is read.
    const warning = parsed.problems.find((p) => p.kind === 'too-many-blocks');
    expect(warning).toEqual({
      kind: 'too-many-blocks',
      severity: 'warning',
      line: 2 * MAX_BLOCKS + 1,
    });
    expect(parsed.scenarios).toHaveLength(0);
    expect(describeLessonProblem(warning as LessonProblem, 'en')).toBe(
      'only the first 100,000 paragraphs and blocks of a lesson are read; the rest of the file, from here on, is not read',
    );
    expect(describeLessonProblem(warning as LessonProblem, 'ru')).toBe(
      'из урока читаются только первые 100\u00a0000 абзацев и блоков; остаток файла, начиная отсюда, не прочитан',
    );
  });

  test('a paragraph longer than the inline limit is shown as written, and says so', () => {
    const long = '[x](y)['.repeat(Math.ceil(MAX_INLINE_CHARACTERS / 7) + 1);
    const source = `# T\n\nA **bold** start.\n\n${long}\n\nAfter it, **bold** again.\n`;
    const parsed = parseLesson(source, 'long.md');
    const html = parsed.blocks.map((block) => (block.kind === 'prose' ? block.html : ''));
    expect(html[1]).toContain('<strong>bold</strong> start');
    // The long paragraph is its text, escaped, without a single link.
    expect(html[2]).not.toContain('<a ');
    expect(html[2]).toContain('[x](y)[[x](y)[');
    // Only that paragraph: the budget is not spent, so what follows is formatted.
    expect(html[3]).toContain('<strong>bold</strong> again');
    const warning = parsed.problems.find((p) => p.kind === 'plain-text');
    expect(warning).toEqual({ kind: 'plain-text', severity: 'warning', line: 5 });
    expect(describeLessonProblem(warning as LessonProblem, 'en')).toBe(
      'from here on, links, emphasis and inline code are shown as written: a lesson is formatted up to 500,000 pieces of markup, and a paragraph up to 100,000 characters',
    );
    expect(describeLessonProblem(warning as LessonProblem, 'ru')).toBe(
      'начиная отсюда ссылки, выделение и код в строке показаны как написаны: урок оформляется до 500\u00a0000 элементов разметки, а абзац — до 100\u00a0000 символов',
    );
  });

  test('past the inline markup budget, paragraphs are shown as written, from the first one over it', () => {
    // Each paragraph is 1,000 links: three inline tokens each.
    const paragraph = '[x](y) '.repeat(1000).trim();
    const perParagraph = 3 * 1000 + 999;
    const count = Math.ceil(MAX_INLINE_TOKENS / perParagraph) + 5;
    const source = `# T\n\n${Array.from({ length: count }, () => paragraph).join('\n\n')}\n`;
    const parsed = parseLesson(source, 'links.md');
    // The paragraphs, after the title's line.
    const prose = parsed.blocks.flatMap((block) =>
      block.kind === 'prose' && block.lines.start > 1 ? [block] : [],
    );
    expect(prose).toHaveLength(count);
    const linked = prose.filter((block) => block.html.includes('<a ')).length;
    // Paragraphs are read while the budget lasts: the one that spends its last token is whole.
    expect(linked).toBe(Math.ceil(MAX_INLINE_TOKENS / perParagraph));
    const firstPlain = prose.findIndex((block) => !block.html.includes('<a '));
    const warning = parsed.problems.filter((p) => p.kind === 'plain-text');
    expect(warning).toEqual([
      { kind: 'plain-text', severity: 'warning', line: prose[firstPlain]?.lines.start },
    ]);
  });

  test('a lesson written as a course, even a long one, is formatted whole', () => {
    const paragraph = 'A [link](https://docs.python.org/3/) with **bold**, *emphasis* and `code`.';
    const source = `# T\n\n${Array.from({ length: 5000 }, () => paragraph).join('\n\n')}\n`;
    const parsed = parseLesson(source, 'course.md');
    expect(parsed.problems.map((p) => p.kind)).toEqual(['no-code']);
    const last = parsed.blocks.at(-1);
    expect(last?.kind === 'prose' && last.html).toContain('<code>code</code>');
  });

  test('a link defined at the end of a long lesson is a link at its start', () => {
    const filler = Array.from({ length: 20_000 }, (_, i) => `Paragraph ${i}.`).join('\n\n');
    const parsed = parseLesson(
      `# T\n\nSee [the docs][docs].\n\n${filler}\n\n[docs]: https://docs.python.org/3/\n`,
      'references.md',
    );
    const first = parsed.blocks[1];
    expect(first?.kind === 'prose' && first.html).toBe(
      '<p>See <a href="https://docs.python.org/3/" title="https://docs.python.org/3/">the docs</a>.</p>\n',
    );
  });

  test('a fence with blank lines, a list and a quote running across a long lesson stay whole', () => {
    const filler = Array.from({ length: 20_000 }, (_, i) => `Paragraph ${i}.`).join('\n\n');
    const code = Array.from({ length: 20_000 }, (_, i) => `print(${i})\n\nx = ${i}`).join('\n');
    const items = Array.from({ length: 20_000 }, (_, i) => `- item ${i}\n\n  more ${i}`);
    const parsed = parseLesson(
      [
        '# T',
        '',
        filler,
        '',
        '```python',
        'import asyncio',
        code,
        'asyncio.run(main())',
        '```',
        '',
        ...items,
        '',
        'after',
      ].join('\n'),
      'long.md',
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.scenarios).toHaveLength(1);
    expect(parsed.scenarios[0]?.code).toBe(`import asyncio\n${code}\nasyncio.run(main())\n`);
    const list = parsed.blocks.at(-2);
    expect(list?.kind === 'prose' && list.html.match(/<li>/g)?.length).toBe(20_000);
    expect(parsed.blocks.at(-1)).toMatchObject({ kind: 'prose', html: '<p>after</p>\n' });
  });
});

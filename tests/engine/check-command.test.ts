/**
 * `loopscope check` and `loopscope scenarios` end to end: lessons are read from disk, their
 * scenarios run in the real engine, and the report is what a course author reads.
 */
import { spawnSync } from 'node:child_process';
import {
  readdirSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import type { Language } from '../../src-shared/api.ts';
import { parseLesson } from '../../src-shared/lesson/parse.ts';
import { checkCommand } from '../../src-engine/cli/check-command.ts';
import { terminalBytes, type CliIo } from '../../src-engine/cli/io.ts';
import { scenariosCommand } from '../../src-engine/cli/scenarios-command.ts';
import { needsReferenceLesson, REFERENCE_LESSON as REFERENCE } from '../reference-lesson.ts';

const FIXTURES = fileURLToPath(new URL('../shared/fixtures/lessons/', import.meta.url));
const COURSE = fileURLToPath(new URL('../../assets/lessons/', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'loopscope-check-'));

function createTestIo(language: Language = 'en') {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: (text) => void out.push(text),
    err: (text) => void err.push(text),
    language,
    isTTY: false,
    outIsTTY: false,
  };
  return { io, stdout: () => out.join(''), stderr: () => err.join('') };
}

async function check(args: string[], language: Language = 'en') {
  const { io, stdout, stderr } = createTestIo(language);
  const status = await checkCommand(args, io);
  return { status, stdout: stdout(), stderr: stderr() };
}

describe('loopscope check', () => {
  test('every runnable example of the reference lesson prints what the lesson shows', async (context) => {
    needsReferenceLesson(context);
    const result = await check([REFERENCE]);
    expect(result.stderr).toBe('');
    expect(result.stdout.match(/✓/g)).toHaveLength(3);
    expect(result.stdout).toContain('1 lesson, 3 scenarios: 3 passed.');
    expect(result.status).toBe(0);
  });

  test('a wrong expected output fails with status 1, naming the scenario and showing the diff', async (context) => {
    needsReferenceLesson(context);
    const path = join(work, 'wrong-output.ru.md');
    const text = readFileSync(REFERENCE, 'utf8');
    expect(text).toContain('Корутина 2 завершена\nКорутина 1 завершена');
    writeFileSync(path, text.replace('Корутина 2 завершена\n', 'Корутина 2 закончилась\n'));

    const result = await check([path]);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/✗ 4\. Порядок создания задач/);
    expect(result.stdout).toContain(`--- ${path}:105 (expected)`);
    expect(result.stdout).toContain('+++ engine output');
    expect(result.stdout).toContain('-Корутина 2 закончилась');
    expect(result.stdout).toContain('+Корутина 2 завершена');
    expect(result.stdout).toContain('2 passed, 1 failed');
  });

  test('a folder with a broken file still checks the others, and exits with status 2', async () => {
    const folder = join(work, 'course');
    mkdirSync(join(folder, 'more'), { recursive: true });
    mkdirSync(join(folder, '.obsidian'), { recursive: true });
    copyFileSync(join(FIXTURES, 'crlf-bom.md'), join(folder, 'a-good.md'));
    copyFileSync(join(FIXTURES, 'unterminated.md'), join(folder, 'b-broken.md'));
    copyFileSync(join(FIXTURES, 'binary.md'), join(folder, 'c-binary.md'));
    copyFileSync(join(FIXTURES, 'not-utf8.md'), join(folder, 'more', 'd-latin.md'));
    copyFileSync(join(FIXTURES, 'other-author.ru.md'), join(folder, 'more', 'e-other.md'));
    writeFileSync(join(folder, '.obsidian', 'hidden.md'), '```python\n');
    writeFileSync(join(folder, 'notes.txt'), 'not a lesson');

    const result = await check([folder]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(
      `${join(folder, 'b-broken.md')}:18: error: the code block opened on this line is never closed`,
    );
    expect(result.stderr).toContain(
      `${join(folder, 'c-binary.md')}: error: this is a binary file, not a Markdown lesson`,
    );
    expect(result.stderr).toContain(
      `${join(folder, 'more', 'd-latin.md')}:1: error: the file is not UTF-8`,
    );
    expect(result.stderr).not.toContain('hidden.md');
    const checked = [...result.stdout.matchAll(/^\S.*\.md$/gm)].map((m) => m[0]);
    expect(checked).toEqual([join(folder, 'a-good.md'), join(folder, 'more', 'e-other.md')]);
    expect(result.stdout).not.toContain('✗');
    expect(result.stdout).toContain('3 files could not be checked.');
  });

  test.skipIf(process.platform === 'win32')(
    'a named pipe, a device or a link to one, named or in a folder, is reported at once with status 2',
    async () => {
      const folder = join(work, 'pipes');
      mkdirSync(folder);
      copyFileSync(join(FIXTURES, 'crlf-bom.md'), join(folder, 'a-good.md'));
      expect(spawnSync('mkfifo', [join(folder, 'b-pipe.md')]).status).toBe(0);
      symlinkSync('/dev/zero', join(folder, 'c-zero.md'));
      symlinkSync(folder, join(folder, 'd-folder.md'));

      const result = await check([folder, join(folder, 'b-pipe.md')]);
      const notRegular = 'not a regular file (a named pipe, a device or a socket): not read';
      expect(result.stderr).toContain(`${join(folder, 'b-pipe.md')}: error: ${notRegular}`);
      expect(result.stderr).toContain(`${join(folder, 'c-zero.md')}: error: ${notRegular}`);
      expect(result.stderr).toContain(
        `${join(folder, 'd-folder.md')}: error: this is a folder; give a lesson file`,
      );
      expect(result.stdout).toContain('1 lesson, 1 scenario: 1 passed.');
      expect(result.stdout).toContain('3 files could not be checked.');
      expect(result.status).toBe(2);
    },
  );

  test('text the lesson controls is printed with its control characters escaped', async () => {
    const folder = join(work, 'escapes');
    mkdirSync(folder);
    const path = join(folder, 'title\x1b]0;pwned\x07.md');
    const program =
      'import asyncio\nasync def main():\n    print("\\x1b[2J\\u202egnp.exe")\nasyncio.run(main())\n';
    writeFileSync(
      path,
      `# Lesson\n\n## Clear \x1b[2J the screen\n\n\`\`\`python\n${program}\`\`\`\n\nOutput:\n\n\`\`\`\nexe.png\n\`\`\`\n`,
    );
    const result = await check([folder]);
    expect(result.status).toBe(1);
    for (const control of ['\x07', '\x1b', '\u202e']) {
      expect(result.stdout + result.stderr).not.toContain(control);
    }
    expect(result.stdout).toContain('title\\x1b]0;pwned\\x07.md');
    expect(result.stdout).toContain('✗ Clear \\x1b[2J the screen');
    expect(result.stdout).toContain('+\\x1b[2J\\u202egnp.exe');
  });

  test('a title is cut to the columns a terminal draws, wide characters counting two', async () => {
    const path = join(work, 'wide.md');
    const program = 'import asyncio\nasyncio.run(asyncio.sleep(0))\n';
    writeFileSync(path, `# Wide\n\n## ${'全'.repeat(60)}\n\n\`\`\`python\n${program}\`\`\`\n`);
    const result = await check([path]);
    const line = result.stdout.split('\n').find((l) => l.includes('全')) ?? '';
    const title = line.slice(line.indexOf('全'), line.indexOf(' (line'));
    expect(title).toBe(`${'全'.repeat(35)}…`);
  });

  test('bytes written one at a time do not join into a control character in the diff', async () => {
    const path = join(work, 'pieces.md');
    const program =
      'import os\nos.write(1, b"total: \\xe2"); os.write(1, b"\\x80\\xae"); os.write(1, b"DESSAP 01\\n")\nasyncio.run(asyncio.sleep(0))\n';
    writeFileSync(
      path,
      `# Pieces\n\n\`\`\`python\nimport asyncio\n${program}\`\`\`\n\nOutput:\n\n\`\`\`\ntotal: 10 PASSED\n\`\`\`\n`,
    );
    const result = await check([path]);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('+total: \\u202eDESSAP 01');
    expect(terminalBytes(result.stdout).toString()).not.toContain('\u202e');
  });

  test('lessons by other authors (CRLF, a byte-order mark, other labels, fragments) pass', async () => {
    const result = await check([
      join(FIXTURES, 'crlf-bom.md'),
      join(FIXTURES, 'other-author.ru.md'),
    ]);
    expect(result.stdout).toContain('2 lessons, 7 scenarios: 4 passed, 3 not runnable.');
    expect(result.stderr).toContain('other-author.ru.md:78: warning:');
    expect(result.status).toBe(0);
  });

  test('every bundled lesson passes, in both languages', { timeout: 300_000 }, async () => {
    const result = await check([COURSE]);
    expect(result.stdout).not.toContain('✗');
    expect(result.stderr).toBe('');
    const lessons = [...result.stdout.matchAll(/^\S.*\.md$/gm)];
    const files = readdirSync(COURSE).filter((name) => name.endsWith('.md'));
    expect(lessons).toHaveLength(files.length);
    const scenarios = lessons
      .map((m) => parseLesson(readFileSync(m[0], 'utf8'), m[0]))
      .flatMap((l) => l.scenarios);
    const withOutput = scenarios.filter((s) => s.runnable && s.expected).length;
    expect(result.stdout).toMatch(
      new RegExp(
        `^${files.length} lessons, ${scenarios.length} scenarios: ${withOutput} passed[,.]`,
        'm',
      ),
    );
    expect(result.status).toBe(0);
  });

  test('each scenario runs in a process of its own, and results are printed in the lesson order', async () => {
    // Every scenario looks for what an earlier one would have left in its interpreter (a
    // builtin, a module attribute, a file), leaves the same, and prints what it found. The
    // first one works a while, so that with two jobs the second ends before it.
    const program = (n: number) =>
      [
        'import asyncio, builtins, os, sys',
        `left = [getattr(builtins, "LEFT", None), getattr(sys, "LEFT", None), os.path.exists("/tmp/left")]`,
        `print(${n}, "found", left)`,
        `builtins.LEFT = sys.LEFT = ${n}`,
        'open("/tmp/left", "w").close()',
        n === 1 ? 'sum(i * i for i in range(300_000))' : '',
        'asyncio.run(asyncio.sleep(0))',
      ].join('\n');
    const scenarios = [1, 2, 3, 4].map(
      (n) =>
        `## Scenario ${n}\n\n\`\`\`python\n${program(n)}\n\`\`\`\n\nOutput:\n\n\`\`\`\n${n} found [None, None, False]\n\`\`\`\n`,
    );
    const path = join(work, 'leftovers.md');
    writeFileSync(path, `# Leftovers\n\n${scenarios.join('\n')}`);
    for (const jobs of ['1', '2']) {
      const result = await check(['--jobs', jobs, path]);
      expect(result.stdout).not.toContain('✗');
      const passed = [...result.stdout.matchAll(/✓ Scenario (\d)/g)].map((m) => m[1]);
      expect(passed).toEqual(['1', '2', '3', '4']);
      expect(result.stdout).toContain('1 lesson, 4 scenarios: 4 passed.');
      expect(result.status).toBe(0);
    }
  });

  test('reports in Russian with Russian plural forms', async (context) => {
    needsReferenceLesson(context);
    const result = await check([REFERENCE], 'ru');
    expect(result.stdout).toContain('1 урок, 3 сценария: совпало — 3.');
    expect(result.status).toBe(0);
  });

  test('a program that prints for ever gets a short diff, and the lessons after it are reported', async () => {
    const folder = join(work, 'for-ever');
    mkdirSync(folder);
    const forever =
      'import asyncio\nasync def main():\n    i = 0\n    while True:\n        print(i)\n        i += 1\nasyncio.run(main())';
    writeFileSync(
      join(folder, 'a.md'),
      `# For ever\n\n\`\`\`python\n${forever}\n\`\`\`\n\nOutput:\n\n\`\`\`\n0\n1\n\`\`\`\n`,
    );
    copyFileSync(join(FIXTURES, 'crlf-bom.md'), join(folder, 'b.md'));
    writeFileSync(join(folder, 'program.py'), 'print(1)\n');
    const result = await check([folder, join(folder, 'program.py')]);
    expect(result.stdout).toMatch(/… and \d+ more lines of differences, not shown/);
    expect(
      result.stdout.split('\n').filter((line) => line.startsWith('      ')).length,
    ).toBeLessThan(210);
    expect(result.stdout).toContain(join(folder, 'b.md'));
    // A program is not a lesson: named, and not checked.
    expect(result.stderr).toContain('program.py: error: is not a lesson (a .md file)');
    expect(result.stdout).toMatch(/^2 lessons, /m);
    expect(result.status).toBe(2);
  }, 120_000);

  test('a program that prints one huge line gets the start of it in its diff, not megabytes', async () => {
    // Each scenario printed one line of megabytes, and `check` wrote the whole of it in its diff (and
    // kept every scenario's output until its lesson was reported).
    const lesson = join(work, 'huge-line.md');
    const scenario = (n: number) =>
      `## Huge ${n}\n\n\`\`\`python\nimport asyncio\nprint("${n}" * 2_000_000)\nasyncio.run(asyncio.sleep(0))\n\`\`\`\n\nOutput:\n\n\`\`\`\nshort\n\`\`\`\n\n`;
    writeFileSync(lesson, `# Huge lines\n\n${scenario(1)}${scenario(2)}`);
    const result = await check([lesson]);
    expect(result.status).toBe(1);
    expect(result.stdout.length).toBeLessThan(10_000);
    expect(result.stdout).toContain(`+${'1'.repeat(500)}…\n`);
    expect(result.stdout).toContain(`+${'2'.repeat(500)}…\n`);
    expect(result.stdout).toContain(
      'lines longer than 500 characters: 1; only their start is shown, up to the …',
    );
    const russian = await check([lesson], 'ru');
    expect(russian.stdout).toContain(
      'строк длиннее 500 символов: 1; показано только их начало, до …',
    );
  }, 120_000);

  test('a scenario a budget stopped passes when it printed what the lesson shows, and says it was stopped', async () => {
    const path = join(work, 'server.md');
    const server =
      'import asyncio\nasync def main():\n    print("serving")\n    while True:\n        await asyncio.sleep(3600)\nasyncio.run(main())';
    writeFileSync(
      path,
      `# A server\n\n\`\`\`python\n${server}\n\`\`\`\n\nOutput:\n\n\`\`\`\nserving\n\`\`\`\n`,
    );
    const result = await check([path]);
    expect(result.stdout).toMatch(
      /✓ .* — the run was stopped: it went over its virtual time budget/,
    );
    expect(result.status).toBe(0);
  });

  test('a scenario that calls input() is told that check gives it no input', async () => {
    const path = join(work, 'input.md');
    const inTask =
      'import asyncio\nasync def main():\n    print("hi", input("Name? "))\nasyncio.run(main())';
    const atTop = 'import asyncio\nname = input()\nasyncio.run(asyncio.sleep(0))';
    writeFileSync(
      path,
      `# Input\n\n\`\`\`python\n${inTask}\n\`\`\`\n\nOutput:\n\n\`\`\`\nName? hi Bob\n\`\`\`\n\n` +
        `## At the top\n\n\`\`\`python\n${atTop}\n\`\`\`\n`,
    );
    const result = await check([path]);
    const hint = 'the program called input\\(\\), and check gives a scenario no input';
    expect(result.stdout).toMatch(new RegExp(`✗ Input .*\\n +${hint}`));
    expect(result.stdout).toMatch(new RegExp(`○ At the top .*; ${hint}`));
    const russian = await check([path], 'ru');
    expect(russian.stdout).toContain('программа вызвала input(), а check не подаёт сценарию ввода');
  });

  test('a path that does not exist is reported, with status 2', async () => {
    const result = await check([join(work, 'nowhere.md')]);
    expect(result.stderr).toContain(`${join(work, 'nowhere.md')}: error: no such file or folder`);
    expect(result.status).toBe(2);
  });

  test('--jobs takes a whole number from 1 to 16', async () => {
    const lesson = join(FIXTURES, 'other-author.ru.md');
    for (const jobs of ['0', '17', 'two']) {
      const result = await check(['--jobs', jobs, lesson]);
      expect(result.stderr).toContain('--jobs takes a whole number from 1 to 16');
      expect(result.status).toBe(2);
    }
    expect((await check(['--jobs=1', lesson])).status).toBe(0);
  });
});

describe('loopscope scenarios', () => {
  test('lists the scenarios with their titles, runnable flags and expected outputs', async () => {
    const { io, stdout } = createTestIo();
    expect(await scenariosCommand([join(FIXTURES, 'other-author.ru.md')], io)).toBe(0);
    const lines = stdout().split('\n');
    expect(lines[1]).toBe('6 scenarios: 3 runnable, 3 with an expected output');
    expect(lines).toContain(
      '  4  64–67  no    no      2. Runner (a fragment that starts no event loop)',
    );
  });

  test('a title of megabytes is cut to the columns check gives it, in the table', async () => {
    // The table printed a heading of 2 MB whole, on one line.
    const path = join(work, 'long-title.md');
    const title = 'T'.repeat(2_000_000);
    writeFileSync(path, `# ${title}\n\n## ${title}\n\n\`\`\`python\nprint(1)\n\`\`\`\n`);
    const { io, stdout } = createTestIo();
    expect(await scenariosCommand([path], io)).toBe(0);
    expect(stdout().length).toBeLessThan(400);
    expect(stdout()).toContain(`long-title.md — ${'T'.repeat(71)}…\n`);
    expect(stdout()).toContain(` ${'T'.repeat(71)}… (`);
  });

  test('--json describes every scenario for tools', async (context) => {
    needsReferenceLesson(context);
    const { io, stdout } = createTestIo();
    expect(await scenariosCommand([REFERENCE, '--json'], io)).toBe(0);
    const json = JSON.parse(stdout()) as {
      scenarios: { runnable: boolean; hasExpectedOutput: boolean; lines: { start: number } }[];
    };
    expect(json.scenarios.map((s) => [s.lines.start, s.runnable, s.hasExpectedOutput])).toEqual([
      [19, true, true],
      [59, true, true],
      [84, true, true],
    ]);
  });

  test('titles are printed with their control characters escaped, in the table and in JSON', async () => {
    const path = join(work, 'bidi.md');
    writeFileSync(path, '# Title \u202eevil\n\n## Step \x1b[31mred\n\n```python\nprint(1)\n```\n');
    const table = createTestIo();
    expect(await scenariosCommand([path], table.io)).toBe(0);
    expect(table.stdout()).not.toContain('\x1b');
    expect(table.stdout()).not.toContain('\u202e');
    expect(table.stdout()).toContain('Step \\x1b[31mred');
    const json = createTestIo();
    expect(await scenariosCommand([path, '--json'], json.io)).toBe(0);
    expect(json.stdout()).not.toContain('\x1b');
    expect(json.stdout()).not.toContain('\u202e');
    expect((JSON.parse(json.stdout()) as { title: string }).title).toBe('Title \u202eevil');
  });

  test('a file that cannot be read is named, with status 2', async () => {
    const { io, stdout, stderr } = createTestIo('ru');
    const path = join(FIXTURES, 'empty.md');
    expect(await scenariosCommand([path], io)).toBe(2);
    expect(stderr()).toBe(`${path}: ошибка: файл пуст\n`);
    expect(stdout()).toBe('');
  });

  test('why the system could not read a file is said in the user’s language', async () => {
    const folder = mkdtempSync(join(work, 'links-'));
    symlinkSync(join(folder, 'b.md'), join(folder, 'a.md'));
    symlinkSync(join(folder, 'a.md'), join(folder, 'b.md'));
    const { io, stderr } = createTestIo('ru');
    expect(await scenariosCommand([join(folder, 'a.md')], io)).toBe(2);
    expect(stderr()).toBe(
      `${join(folder, 'a.md')}: ошибка: не удаётся прочитать: слишком много уровней символических ссылок\n`,
    );
  });
});

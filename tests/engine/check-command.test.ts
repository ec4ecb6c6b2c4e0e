/**
 * `loopscope check` and `loopscope scenarios` end to end: lessons are read from disk, their
 * scenarios run in the real engine, and the report is what a course author reads.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import type { Language } from '../../src-shared/api.ts';
import { parseLesson } from '../../src-shared/lesson/parse.ts';
import { checkCommand } from '../../src-engine/cli/check-command.ts';
import type { CliIo } from '../../src-engine/cli/io.ts';
import { scenariosCommand } from '../../src-engine/cli/scenarios-command.ts';

const REFERENCE = fileURLToPath(
  new URL('../../../shared/lessons/create_task.ru.md', import.meta.url),
);
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
  };
  return { io, stdout: () => out.join(''), stderr: () => err.join('') };
}

async function check(args: string[], language: Language = 'en') {
  const { io, stdout, stderr } = createTestIo(language);
  const status = await checkCommand(args, io);
  return { status, stdout: stdout(), stderr: stderr() };
}

describe('loopscope check', () => {
  test('every runnable example of the reference lesson prints what the lesson shows', async () => {
    const result = await check([REFERENCE]);
    expect(result.stderr).toBe('');
    expect(result.stdout.match(/✓/g)).toHaveLength(3);
    expect(result.stdout).toContain('1 lesson, 3 scenarios: 3 passed.');
    expect(result.status).toBe(0);
  });

  test('a wrong expected output fails with status 1, naming the scenario and showing the diff', async () => {
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
    expect(lessons).toHaveLength(18);
    const withOutput = lessons
      .map((m) => parseLesson(readFileSync(m[0], 'utf8'), m[0]))
      .flatMap((l) => l.scenarios)
      .filter((s) => s.runnable && s.expected).length;
    expect(result.stdout).toContain(
      `18 lessons, 88 scenarios: ${withOutput} passed, 8 not runnable.`,
    );
    expect(result.status).toBe(0);
  });

  test('reports in Russian with Russian plural forms', async () => {
    const result = await check([REFERENCE], 'ru');
    expect(result.stdout).toContain('1 урок, 3 сценария: совпало — 3.');
    expect(result.status).toBe(0);
  });

  test('a path that does not exist is reported, with status 2', async () => {
    const result = await check([join(work, 'nowhere.md')]);
    expect(result.stderr).toContain(`${join(work, 'nowhere.md')}: error: no such file or folder`);
    expect(result.status).toBe(2);
  });

  test('--jobs takes a whole number from 1 to 16', async () => {
    for (const jobs of ['0', '17', 'two']) {
      const result = await check(['--jobs', jobs, REFERENCE]);
      expect(result.stderr).toContain('--jobs takes a whole number from 1 to 16');
      expect(result.status).toBe(2);
    }
    expect((await check(['--jobs=1', REFERENCE])).status).toBe(0);
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

  test('--json describes every scenario for tools', async () => {
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

  test('a file that cannot be read is named, with status 2', async () => {
    const { io, stdout, stderr } = createTestIo('ru');
    const path = join(FIXTURES, 'empty.md');
    expect(await scenariosCommand([path], io)).toBe(2);
    expect(stderr()).toBe(`${path}: ошибка: файл пуст\n`);
    expect(stdout()).toBe('');
  });
});

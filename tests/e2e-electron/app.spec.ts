/**
 * The desktop app end to end, in Electron: it starts on the bundled course, runs a scenario in
 * its sandboxed engine, opens lesson files, remembers settings, keeps its pages locked down,
 * and survives hostile lessons. Skipped, with the reason, where Electron is not installed.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { LoopscopeApi } from '../../src-shared/api.ts';
import { validateTrace } from '../../src-shared/trace-validate.ts';
import { runThroughApi as runInApp } from '../hostile/lessons.ts';
import { findElectron, launchApp, outputOf, REPO, waitForEngine } from './electron-app.ts';

const electronBinary = findElectron();
test.skip(!electronBinary.path, `Skipped: ${electronBinary.reason}`);

type Api = { loopscope: LoopscopeApi };

const PROGRAM = [
  'import asyncio',
  '',
  'async def greet(name, delay):',
  '    await asyncio.sleep(delay)',
  '    print("hello", name)',
  '',
  'async def main():',
  '    await asyncio.gather(greet("loop", 2), greet("scope", 1))',
  '',
  'asyncio.run(main())',
].join('\n');

test('the app starts on the bundled course', async () => {
  const { app, page } = await launchApp();
  try {
    await expect(page).toHaveTitle(/Loopscope/);
    const course = await page.evaluate(() => (window as unknown as Api).loopscope.lessons.course());
    const index = JSON.parse(await readFile(join(REPO, 'assets/lessons/index.json'), 'utf8')) as {
      lessons: unknown[];
    };
    expect(course.lessons).toHaveLength(index.lessons.length);
    const first = course.lessons[0];
    if (first) {
      const lesson = await page.evaluate(
        (id) => (window as unknown as Api).loopscope.lessons.openBundled(id, 'en'),
        first.id,
      );
      expect(lesson).toMatchObject({ bundled: true, name: first.file.en });
      expect(lesson.text.length).toBeGreaterThan(0);
    }
    const info = await page.evaluate(() => (window as unknown as Api).loopscope.appInfo());
    expect(info).toMatchObject({ platform: 'electron', electron: expect.any(String) });
  } finally {
    await app.close();
  }
});

test('the app runs a scenario in its sandboxed engine', async () => {
  const { app, page } = await launchApp();
  try {
    const status = await waitForEngine(page);
    expect(status.python).toMatch(/^3\.14/);
    const events = validateTrace(await runInApp(page, { code: PROGRAM, filename: 'greet.py' }));
    expect(events.at(-1)).toMatchObject({ kind: 'run.end', outcome: 'completed', exitCode: 0 });
    expect(outputOf(events)).toBe('hello scope\nhello loop\n');
    const info = await page.evaluate(() => (window as unknown as Api).loopscope.appInfo());
    expect(info.python).toBe(status.python);
  } finally {
    await app.close();
  }
});

test('the app opens a lesson file given on the command line, and remembers it', async () => {
  const testInfo = test.info();
  const file = testInfo.outputPath('sleepy.py');
  await writeFile(file, PROGRAM);
  const { app, page } = await launchApp({ args: [file] });
  try {
    await expect
      .poll(() => page.evaluate(() => (window as unknown as Api).loopscope.lessons.recent()))
      .toEqual([{ token: expect.any(String), name: 'sleepy.py' }]);
    const [recent] = await page.evaluate(() =>
      (window as unknown as Api).loopscope.lessons.recent(),
    );
    const opened = await page.evaluate(
      (token) => (window as unknown as Api).loopscope.lessons.openRecent(token),
      recent?.token ?? '',
    );
    expect(opened.failures).toEqual([]);
    expect(opened.files[0]).toMatchObject({ name: 'sleepy.py', bundled: false });
    expect(opened.files[0]?.text).toContain('asyncio.gather');
    // The page never sees where the file is.
    expect(JSON.stringify(opened)).not.toContain(testInfo.outputDir);
  } finally {
    await app.close();
  }
});

test('the app opens lessons the user chooses, and reloads one edited on disk', async () => {
  const testInfo = test.info();
  const file = testInfo.outputPath('lesson.md');
  await writeFile(file, '# One\n\n```python\nprint(1)\n```\n');
  const { app, page } = await launchApp();
  try {
    await app.evaluate(({ dialog }, path) => {
      dialog.showOpenDialog = (async () => ({
        canceled: false,
        filePaths: [path],
      })) as typeof dialog.showOpenDialog;
    }, file);
    const opened = await page.evaluate(() =>
      (window as unknown as Api).loopscope.lessons.openDialog(),
    );
    expect(opened?.files.map((f) => f.name)).toEqual(['lesson.md']);
    const changed = page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          (window as unknown as Api).loopscope.lessons.onChanged((lesson) => resolve(lesson.text));
        }),
    );
    await writeFile(file, '# Two\n\n```python\nprint(2)\n```\n');
    expect(await changed).toContain('# Two');
  } finally {
    await app.close();
  }
});

test('the app remembers the settings between launches', async () => {
  const first = await launchApp();
  await first.page.evaluate(() =>
    (window as unknown as Api).loopscope.settings.set({ language: 'ru', speed: 2 }),
  );
  await first.app.close();
  const second = await launchApp({ userData: first.userData });
  try {
    const settings = await second.page.evaluate(() =>
      (window as unknown as Api).loopscope.settings.get(),
    );
    expect(settings).toMatchObject({ language: 'ru', speed: 2 });
    const labels = await second.app.evaluate(({ Menu }) =>
      Menu.getApplicationMenu()?.items.map((item) => item.label),
    );
    expect(labels).toEqual(
      expect.arrayContaining(['&Файл', '&Правка', '&Вид', '&Запуск', '&Справка']),
    );
  } finally {
    await second.app.close();
  }
});

test('the app survives hostile lessons and keeps working', async () => {
  const { app, page } = await launchApp();
  try {
    await waitForEngine(page);
    for (const name of [
      'forge_start.py',
      'busy_in_c.py',
      'escape_pyodide_js.py',
      'files_read.py',
    ]) {
      const code = await readFile(join(REPO, 'tests/hostile/lessons', name), 'utf8');
      const events = validateTrace(
        await runInApp(page, {
          code,
          filename: name,
          stdin: 'http://127.0.0.1:9/\n',
          budgets: { maxWallMs: 3000 },
        }),
      );
      expect(events.at(-1)?.kind, name).toBe('run.end');
      expect(outputOf(events), name).not.toMatch(/^LEAKED/m);
    }
    const events = validateTrace(await runInApp(page, { code: PROGRAM, filename: 'after.py' }));
    expect(events.at(-1)).toMatchObject({ outcome: 'completed' });
  } finally {
    await app.close();
  }
});

test('the app keeps its pages locked down', async () => {
  const { app, page } = await launchApp();
  try {
    const exposed = await page.evaluate(() => ({
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
      api: Object.keys((window as unknown as Api).loopscope).sort(),
      popup: window.open('https://example.com') === null,
      origin: location.origin,
      isolated: crossOriginIsolated,
    }));
    expect(exposed).toEqual({
      require: 'undefined',
      process: 'undefined',
      api: ['appInfo', 'engine', 'lessons', 'onMenuCommand', 'platform', 'setDirty', 'settings'],
      popup: true,
      origin: 'app://loopscope',
      isolated: true,
    });
    await page.evaluate(() => {
      location.href = 'https://example.com/';
    });
    await expect.poll(() => page.url()).toContain('app://loopscope/src-renderer/index.html');
    const windows = await app.evaluate(({ BrowserWindow }) =>
      BrowserWindow.getAllWindows().map((w) => ({
        url: w.webContents.getURL(),
        visible: w.isVisible(),
      })),
    );
    expect(windows).toHaveLength(2);
    expect(windows).toContainEqual({
      url: 'app://loopscope/src-engine/web/engine.html',
      visible: false,
    });
    const enginePage = app.windows().find((w) => w.url().includes('/src-engine/web/engine.html'));
    expect(enginePage).toBeDefined();
    const engineScope = await enginePage?.evaluate(() => ({
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
      bridge: Object.keys(
        (window as unknown as { loopscopeEngine: object }).loopscopeEngine,
      ).sort(),
      api: 'loopscope' in window,
      isolated: crossOriginIsolated,
    }));
    expect(engineScope).toEqual({
      require: 'undefined',
      process: 'undefined',
      bridge: ['onRun', 'onStop', 'reportEvents', 'reportRunFailed', 'reportStatus'],
      api: false,
      isolated: true,
    });
    const permission = await page.evaluate(() =>
      navigator.mediaDevices?.getUserMedia({ audio: true }).then(
        () => 'granted',
        () => 'denied',
      ),
    );
    expect(permission ?? 'denied').toBe('denied');
  } finally {
    await app.close();
  }
});

/**
 * The desktop app end to end, in Electron: it starts on the bundled course, runs a scenario in
 * its sandboxed engine, is used through its menus and controls as a teacher uses it (open a
 * lesson, run, step, present, save the code), gives back unsaved code after a restart, opens
 * lesson files, remembers settings, keeps its pages locked down, and survives hostile lessons.
 * Skipped, with the reason, where Electron is not installed.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { LoopscopeApi } from '../../src-shared/api.ts';
import { validateTrace } from '../../src-shared/trace-validate.ts';
import { runThroughApi as runInApp } from '../hostile/lessons.ts';
import {
  answerOpenDialog,
  ARTIFACTS,
  chooseMenuItem,
  findElectron,
  launchApp,
  outputOf,
  quitApp,
  REPO,
  waitForEngine,
  waitForIdle,
} from './electron-app.ts';

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

const LESSON = [
  '# Greetings',
  '',
  'Two tasks sleep; the one that sleeps less greets first.',
  '',
  '```python',
  PROGRAM,
  '```',
  '',
  'Output:',
  '',
  '```',
  'hello scope',
  'hello loop',
  '```',
  '',
].join('\n');

test('a teacher opens a lesson from the File menu, runs it, steps, presents it and saves the code', async () => {
  const file = test.info().outputPath('greetings.md');
  await writeFile(file, LESSON);
  const { app, page } = await launchApp();
  const html = page.locator('html');
  try {
    await waitForIdle(page);
    // File → Open (Ctrl/Cmd+O): the system's dialog, answered by the teacher.
    await answerOpenDialog(app, file);
    await chooseMenuItem(app, 'CmdOrCtrl+O');
    await expect(page.locator('[data-view="code"]')).toContainText('greet("scope", 1)');
    await waitForIdle(page);
    await expect(page.locator('[data-status="outcome"]')).toHaveAttribute(
      'data-outcome',
      'completed',
    );

    // Run again from the code's Run button, then step with the controls and the Run menu.
    await page.locator('[data-control="run"]').click();
    await waitForIdle(page);
    await expect(html).toHaveAttribute('data-step', '0');
    await page.locator('[data-control="forward-event"]').click();
    await expect(html).toHaveAttribute('data-step', '1');
    await chooseMenuItem(app, 'F10');
    await expect(html).toHaveAttribute('data-step', '2');
    await chooseMenuItem(app, 'Shift+F10');
    await expect(html).toHaveAttribute('data-step', '1');
    await page.locator('[data-control="end"]').click();
    await expect(page.locator('[data-view="console"]')).toContainText('hello scope');
    await expect(page.locator('[data-view="console"]')).toContainText('hello loop');

    // View → Presentation (F11), and back with the top bar's button.
    await chooseMenuItem(app, 'F11');
    await expect(html).toHaveAttribute('data-presentation', 'true');
    await page.screenshot({ path: join(ARTIFACTS, 'electron-presentation.png') });
    await page.locator('[data-control="presentation"]').click();
    await expect(html).toHaveAttribute('data-presentation', 'false');
    await page.screenshot({ path: join(ARTIFACTS, 'electron-lesson.png') });

    // File → Save Code (Ctrl/Cmd+Shift+S), to the file the teacher chooses.
    const target = test.info().outputPath('saved.py');
    await app.evaluate(({ dialog }, path) => {
      dialog.showSaveDialog = (async () => ({
        canceled: false,
        filePath: path,
      })) as typeof dialog.showSaveDialog;
    }, target);
    await chooseMenuItem(app, 'CmdOrCtrl+Shift+S');
    await expect.poll(() => readFile(target, 'utf8').catch(() => '')).toContain(PROGRAM);
  } finally {
    await quitApp(app);
  }
});

test('code typed in the editor comes back after the app is restarted', async () => {
  const first = await launchApp();
  await waitForIdle(first.page);
  await first.page.locator('.cm-content').click();
  await first.page.keyboard.press('ControlOrMeta+a');
  await first.page.keyboard.insertText('import asyncio\nprint("typed before the restart")\n');
  // The draft reaches the user-data folder as the user types, before anything is closed.
  await expect
    .poll(() => readFile(join(first.userData, 'drafts.json'), 'utf8').catch(() => ''))
    .toContain('typed before the restart');
  await quitApp(first.app);

  const second = await launchApp({ userData: first.userData });
  try {
    await waitForIdle(second.page);
    await expect(second.page.locator('[data-view="draft-notice"]')).toContainText(
      /Restored your unsaved code|Восстановлен ваш несохранённый код/,
    );
    await expect(second.page.locator('[data-view="code"]')).toContainText(
      'print("typed before the restart")',
    );
    await second.page.screenshot({ path: join(ARTIFACTS, 'electron-draft-restored.png') });
    await second.page.locator('[data-control="draft-discard"]').click();
    await expect(second.page.locator('[data-view="draft-notice"]')).toHaveCount(0);
    await expect
      .poll(() => readFile(join(first.userData, 'drafts.json'), 'utf8').catch(() => 'gone'))
      .toBe('gone');
  } finally {
    await quitApp(second.app);
  }
});

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
    await quitApp(app);
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
    await quitApp(app);
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
    await quitApp(app);
  }
});

test('the app opens lessons the user chooses, and reloads one edited on disk', async () => {
  const testInfo = test.info();
  const file = testInfo.outputPath('lesson.md');
  await writeFile(file, '# One\n\n```python\nprint(1)\n```\n');
  const { app, page } = await launchApp();
  try {
    await answerOpenDialog(app, file);
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
    await quitApp(app);
  }
});

test('the app remembers the settings between launches', async () => {
  const first = await launchApp();
  await first.page.evaluate(() =>
    (window as unknown as Api).loopscope.settings.set({ language: 'ru', speed: 2 }),
  );
  await quitApp(first.app);
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
    await quitApp(second.app);
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
    await quitApp(app);
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
      api: [
        'appInfo',
        'drafts',
        'engine',
        'lessons',
        'onMenuCommand',
        'platform',
        'setDirty',
        'settings',
      ],
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
      bridge: [
        'loadSnapshot',
        'onRun',
        'onStop',
        'reportEvents',
        'reportRunFailed',
        'reportStatus',
        'saveSnapshot',
      ],
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
    await quitApp(app);
  }
});

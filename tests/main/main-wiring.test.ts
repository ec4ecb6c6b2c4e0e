/**
 * The whole main process, bundled as it ships, run in Node against a stand-in for Electron
 * (fake-electron.ts). Where the Electron binary is missing this is how the wiring is checked:
 * the windows' web preferences, the protocol's answers, the session lock-down, the sender
 * checks, and the paths from a run request to its events, and from a file to the page.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import vm from 'node:vm';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { LessonFile, OpenResult, Settings } from '../../src-shared/api.ts';
import { assertExists } from '../../src-shared/assert.ts';
import { APP_PAGE_PATH, ENGINE_PAGE_PATH } from '../../src-main/app-origin.ts';
import { ENGINE, INVOKE, PUSH, SEND } from '../../src-main/ipc-channels.ts';
import { runStartEvent } from './trace-events.ts';
import {
  createFakeElectron,
  type FakeElectron,
  type FakeSession,
  type FakeWebContents,
} from './fake-electron.ts';

let root: string;
let fake: FakeElectron;
let lessonFile: string;
let appContents: FakeWebContents;
let engineContents: FakeWebContents;
const savedArgv = process.argv;

async function put(path: string, content: string | Uint8Array): Promise<void> {
  await mkdir(join(path, '..'), { recursive: true });
  await writeFile(path, content);
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'loopscope-wiring-'));
  const appPath = join(root, 'app');
  await put(
    join(appPath, 'dist/renderer/src-renderer/index.html'),
    '<!doctype html><title>Loopscope</title>',
  );
  await put(
    join(appPath, 'dist/renderer/src-engine/web/engine.html'),
    '<!doctype html><title>engine</title>',
  );
  await put(
    join(appPath, 'dist/renderer/pyodide/pyodide.asm.wasm'),
    new Uint8Array([0, 97, 115, 109]),
  );
  await put(join(appPath, 'secret.txt'), 'outside the served folder');
  await put(
    join(appPath, 'assets/lessons/index.json'),
    JSON.stringify({
      lessons: [
        {
          id: 'tasks',
          title: { en: 'Tasks', ru: 'Задачи' },
          file: { en: 'tasks.en.md', ru: 'tasks.ru.md' },
        },
      ],
    }),
  );
  await put(join(appPath, 'assets/lessons/tasks.en.md'), '# Tasks\n');
  await put(join(appPath, 'assets/lessons/tasks.ru.md'), '# Задачи\n');
  lessonFile = join(root, 'home', 'demo.py');
  await put(lessonFile, 'print("demo")\n');

  fake = createFakeElectron({ appPath, userData: join(root, 'user-data') });
  const result = await build({
    entryPoints: ['src-main/main.ts'],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    external: ['electron'],
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.text ?? '';
  const nodeRequire = createRequire(import.meta.url);
  const fakeRequire = (id: string) => (id === 'electron' ? fake.electron : nodeRequire(id));
  process.argv = ['/electron', '.', lessonFile];
  delete process.env.LOOPSCOPE_USER_DATA_DIR;
  const wrapper = vm.runInThisContext(
    `(function (exports, require, module, __filename, __dirname) {${code}\n})`,
  );
  const module = { exports: {} };
  wrapper(
    module.exports,
    fakeRequire,
    module,
    join(appPath, 'dist/main/main.cjs'),
    join(appPath, 'dist/main'),
  );
  // macOS sends "Open with" files as `open-file`, listened for from `will-finish-launching`.
  fake.app.emit('will-finish-launching');
  fake.app.whenReady();
  fake.app.resolveReady();
  await vi.waitFor(() => expect(fake.invokeHandlers.has(INVOKE.appInfo)).toBe(true));
  appContents = assertExists(fake.windows[0], 'the app window is made first').webContents;
  engineContents = assertExists(fake.windows[1], 'then the engine window').webContents;
});

afterAll(async () => {
  process.argv = savedArgv;
  await rm(root, { recursive: true, force: true });
});

const fromApp = (channel: string, ...args: unknown[]) =>
  fake.invoke(appContents, APP_PAGE_PATH, channel, ...args);

/** What main sent the app page on a channel, in order. */
const sentOn = (channel: string) =>
  appContents.sent.filter(([name]) => name === channel).map(([, ...args]) => args);

interface MenuItem {
  label?: string;
  submenu?: MenuItem[];
  click?: () => void;
}

/** The item of the application menu last set whose label is `label`, at any depth. */
function menuItem(label: string, items = fake.menus.at(-1) as MenuItem[]): MenuItem | undefined {
  for (const item of items) {
    const found = item.label === label ? item : menuItem(label, item.submenu ?? []);
    if (found) return found;
  }
  return undefined;
}

describe('the main process before the app is ready', () => {
  it('sandboxes every renderer, makes app:// privileged, and claims the single-instance lock', () => {
    expect(fake.app.sandboxed).toBe(true);
    expect(fake.privileged).toEqual([
      [
        {
          scheme: 'app',
          privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true },
        },
      ],
    ]);
    expect(fake.app.singleInstanceData).toEqual({ paths: [lessonFile] });
  });
});

describe('the windows', () => {
  it('are the app window and a hidden engine window, both sandboxed, isolated and without Node', () => {
    expect(fake.windows).toHaveLength(2);
    const [app, engine] = fake.windows;
    for (const window of [app, engine]) {
      expect(window?.options.webPreferences).toMatchObject({
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        webviewTag: false,
        allowRunningInsecureContent: false,
      });
    }
    expect(app?.webContents.url).toBe('app://loopscope/src-renderer/index.html');
    expect(String(app?.options.webPreferences?.preload)).toMatch(/dist\/main\/preload\.cjs$/);
    expect(engine?.options.show).toBe(false);
    expect(engine?.webContents.url).toBe('app://loopscope/src-engine/web/engine.html');
    expect(String(engine?.options.webPreferences?.preload)).toMatch(
      /dist\/main\/engine-preload\.cjs$/,
    );
    expect(engine?.options.webPreferences?.backgroundThrottling).toBe(false);
    expect((engine?.options.webPreferences?.session as FakeSession).partition).toBe(
      'loopscope-engine',
    );
  });

  it('cannot navigate, open windows or attach web views', () => {
    for (const contents of [appContents, engineContents]) {
      for (const event of [
        'will-navigate',
        'will-frame-navigate',
        'will-redirect',
        'will-attach-webview',
      ]) {
        const preventDefault = vi.fn();
        contents.emit(event, { preventDefault, url: 'https://example.com' });
        expect(preventDefault, event).toHaveBeenCalled();
      }
      expect(contents.windowOpenHandler?.({ url: 'https://example.com' })).toEqual({
        action: 'deny',
      });
    }
  });
});

describe('the sessions', () => {
  it('refuse every permission, device, screen capture, download and outside request', async () => {
    const engineSession = assertExists(
      fake.sessions.get('loopscope-engine'),
      'the engine has a session of its own',
    );
    for (const session of [fake.defaultSession, engineSession]) {
      const granted = vi.fn();
      session.permissionRequest?.({}, 'media', granted, {});
      expect(granted).toHaveBeenCalledWith(false);
      expect(session.permissionCheck?.({}, 'clipboard-read', 'app://loopscope', {})).toBe(false);
      expect(session.devicePermission?.({})).toBe(false);
      const streams = vi.fn();
      session.displayMedia?.({}, streams);
      expect(streams).toHaveBeenCalledWith(null);
      const preventDefault = vi.fn();
      session.emit('will-download', { preventDefault });
      expect(preventDefault).toHaveBeenCalled();
      const answer = vi.fn();
      session.beforeRequest?.listener({ url: 'https://example.com/' }, answer);
      expect(answer).toHaveBeenCalledWith({ cancel: true });
      expect(session.beforeRequest?.filter.urls).toEqual(
        expect.arrayContaining(['https://*/*', 'file://*/*']),
      );
    }
  });

  it('serve the app page with its CSP and cross-origin isolation, and nothing outside the build', async () => {
    const serve = assertExists(
      fake.defaultSession.handlers.get('app'),
      'the app session serves app://',
    );
    const page = await serve(new Request('app://loopscope/src-renderer/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toContain(
      "script-src 'self' 'wasm-unsafe-eval'",
    );
    expect(page.headers.get('content-security-policy')).not.toContain("'unsafe-eval'");
    expect(page.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(page.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
    expect(await page.text()).toContain('Loopscope');
    for (const url of [
      'app://loopscope/../secret.txt',
      'app://loopscope/%2e%2e/secret.txt',
      'app://loopscope/dist/../../secret.txt',
    ]) {
      expect((await serve(new Request(url))).status, url).toBe(404);
    }
    expect(
      (
        await serve(
          new Request('app://loopscope/src-renderer/index.html', { method: 'POST', body: 'x' }),
        )
      ).status,
    ).toBe(405);
  });

  it('serve the engine session only the engine page and Pyodide, under the engine CSP', async () => {
    const serve = assertExists(
      fake.sessions.get('loopscope-engine')?.handlers.get('app'),
      'the engine session serves app://',
    );
    const page = await serve(new Request('app://loopscope/src-engine/web/engine.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).not.toContain('style-src');
    const wasm = await serve(new Request('app://loopscope/pyodide/pyodide.asm.wasm'));
    expect(wasm.headers.get('content-type')).toBe('application/wasm');
    expect((await serve(new Request('app://loopscope/src-renderer/index.html'))).status).toBe(404);
  });
});

describe('IPC from the pages', () => {
  it('answers the app page, and refuses the engine page, subframes and other windows', async () => {
    expect(await fromApp(INVOKE.settingsGet)).toMatchObject({ language: 'system', speed: 1 });
    await expect(fake.invoke(engineContents, ENGINE_PAGE_PATH, INVOKE.settingsGet)).rejects.toThrow(
      /refused/,
    );
    await expect(
      fake.invoke(appContents, '/src-engine/web/engine.html', INVOKE.settingsGet),
    ).rejects.toThrow(/refused/);
    const handler = fake.invokeHandlers.get(INVOKE.settingsGet);
    await expect(
      Promise.resolve().then(() =>
        handler?.({
          sender: appContents,
          senderFrame: { url: 'app://loopscope/src-renderer/index.html', parent: {} },
        }),
      ),
    ).rejects.toThrow(/refused/);
  });

  it('validates settings and keeps them', async () => {
    const settings = (await fromApp(INVOKE.settingsSet, { theme: 'dark', speed: 2 })) as Settings;
    expect(settings).toMatchObject({ theme: 'dark', speed: 2 });
    expect(fake.electron.nativeTheme.themeSource).toBe('dark');
    await expect(
      Promise.resolve().then(() => fromApp(INVOKE.settingsSet, { speed: 100 })),
    ).rejects.toThrow();
  });

  it('keeps the checked course progress with the settings, refusing a bad one and other pages', async () => {
    expect(await fromApp(INVOKE.progressGet)).toEqual({ en: {}, ru: {} });
    const progress = {
      en: { 'create-task': { 'scenario-1': { seen: true, predicted: 'right' } } },
      ru: {},
    };
    await fromApp(INVOKE.progressSave, progress);
    expect(await fromApp(INVOKE.progressGet)).toEqual(progress);
    await expect(
      Promise.resolve().then(() =>
        fromApp(INVOKE.progressSave, { en: { 'create-task': { s: { seen: 'x' } } } }),
      ),
    ).rejects.toThrow();
    await expect(
      fake.invoke(engineContents, ENGINE_PAGE_PATH, INVOKE.progressSave, progress),
    ).rejects.toThrow(/refused/);
    expect(await fromApp(INVOKE.progressGet)).toEqual(progress);
  });

  it('keeps a checked draft of unsaved code in the user-data folder, and gives it back', async () => {
    const draft = {
      code: 'print("mine")\n',
      lesson: { bundled: true, id: 'tasks', name: 'tasks.en.md' },
      scenario: 1,
      savedAt: 1_741_083_600_000,
    };
    expect(await fromApp(INVOKE.draftsLoad)).toBeNull();
    await fromApp(INVOKE.draftsSave, draft);
    expect(JSON.parse(await readFile(join(root, 'user-data', 'drafts.json'), 'utf8'))).toEqual(
      draft,
    );
    expect(await fromApp(INVOKE.draftsLoad)).toEqual(draft);
    await expect(
      Promise.resolve().then(() => fromApp(INVOKE.draftsSave, { ...draft, path: '/etc/passwd' })),
    ).rejects.toThrow();
    await expect(
      fake.invoke(engineContents, ENGINE_PAGE_PATH, INVOKE.draftsSave, draft),
    ).rejects.toThrow(/refused/);
    await fromApp(INVOKE.draftsSave, null);
    expect(await fromApp(INVOKE.draftsLoad)).toBeNull();
  });

  it('puts the window in full screen for the presentation mode (the page may not ask for it)', async () => {
    await fromApp(INVOKE.settingsSet, { presentation: true });
    expect(fake.windows[0]?.fullScreen).toBe(true);
    await fromApp(INVOKE.settingsSet, { presentation: false });
    expect(fake.windows[0]?.fullScreen).toBe(false);
  });

  it('builds the menus in the system language', () => {
    const menu = fake.menus.at(-1) as { label: string }[];
    expect(menu.map((item) => item.label)).toEqual([
      '&Файл',
      '&Правка',
      '&Вид',
      '&Запуск',
      '&Справка',
    ]);
  });

  it('opens only https links, through the system browser', () => {
    fake.send(
      appContents,
      APP_PAGE_PATH,
      SEND.openLink,
      'https://docs.python.org/3/library/asyncio.html',
    );
    fake.send(appContents, APP_PAGE_PATH, SEND.openLink, 'file:///etc/passwd');
    fake.send(engineContents, ENGINE_PAGE_PATH, SEND.openLink, 'https://example.com/');
    expect(fake.opened).toEqual(['https://docs.python.org/3/library/asyncio.html']);
  });
});

describe('the engine, from a run request to its events', () => {
  it('sends the run to the engine page once it is ready, and its checked events to the app page', async () => {
    const runId = (await fromApp(INVOKE.engineRun, {
      code: 'print(1)',
      filename: 'main.py',
    })) as string;
    expect(runId).toMatch(/^[0-9a-f-]{36}$/);
    // The app page cannot pose as the engine page.
    fake.send(appContents, APP_PAGE_PATH, ENGINE.status, { state: 'ready', python: '6.6.6' });
    fake.send(engineContents, ENGINE_PAGE_PATH, ENGINE.status, {
      state: 'ready',
      python: '3.14.0',
    });
    expect(engineContents.sent).toContainEqual([
      ENGINE.run,
      runId,
      expect.objectContaining({
        code: 'print(1)',
        budgets: expect.objectContaining({ maxWallMs: 10_000 }),
      }),
    ]);
    fake.send(engineContents, ENGINE_PAGE_PATH, ENGINE.events, runId, [
      runStartEvent('print(1)'),
      { seq: 1, t: 0, kind: 'output', stream: 'stdout', text: '1\n' },
      { seq: 2, t: 0, kind: 'run.end', outcome: 'completed', exitCode: 0 },
    ]);
    await vi.waitFor(() =>
      expect(
        appContents.sent
          .filter(([channel]) => channel === PUSH.engineEvents)
          .flatMap(([, , events]) => events as unknown[]),
      ).toHaveLength(3),
    );
    expect(appContents.sent).toContainEqual([
      PUSH.engineStatus,
      { state: 'ready', python: '3.14.0' },
    ]);
    expect(await fromApp(INVOKE.appInfo)).toMatchObject({ python: '3.14.0', platform: 'electron' });
  });

  it('replaces an engine window whose process died', async () => {
    engineContents.emit('render-process-gone', {}, { reason: 'crashed' });
    await vi.waitFor(() => expect(fake.windows).toHaveLength(3), { timeout: 3000 });
    expect(fake.windows[1]?.destroyed).toBe(true);
    engineContents = assertExists(fake.windows[2], 'a new engine window').webContents;
    expect(engineContents.url).toBe('app://loopscope/src-engine/web/engine.html');
  });

  it('keeps no snapshot from an engine page that was given a program', async () => {
    // A page that never says "ready" (it says "running") is still sent runs; a snapshot it
    // hands over after one could hold what the program left, for every later start.
    const snapshots = join(root, 'user-data', 'engine');
    await rm(snapshots, { recursive: true, force: true });
    const runId = (await fromApp(INVOKE.engineRun, {
      code: 'print(2)',
      filename: 'main.py',
    })) as string;
    fake.send(engineContents, ENGINE_PAGE_PATH, ENGINE.status, {
      state: 'running',
      python: '3.14.0',
    });
    await vi.waitFor(() =>
      expect(
        engineContents.sent.some(([channel, id]) => channel === ENGINE.run && id === runId),
      ).toBe(true),
    );
    fake.send(engineContents, ENGINE_PAGE_PATH, ENGINE.saveSnapshot, new Uint8Array([1, 2, 3]));
    await new Promise((resolve) => setTimeout(resolve, 200));
    await expect(readdir(snapshots)).rejects.toThrow();
    fake.send(engineContents, ENGINE_PAGE_PATH, ENGINE.events, runId, [
      runStartEvent('print(2)'),
      { seq: 1, t: 0, kind: 'run.end', outcome: 'completed', exitCode: 0 },
    ]);
  });
});

describe('lessons', () => {
  it('sends the file given on the command line once the page listens, as text with a token', async () => {
    expect(appContents.sent.some(([channel]) => channel === PUSH.lessonsOpened)).toBe(false);
    fake.send(appContents, APP_PAGE_PATH, SEND.lessonsListening);
    await vi.waitFor(() =>
      expect(appContents.sent.some(([channel]) => channel === PUSH.lessonsOpened)).toBe(true),
    );
    const [, result] = appContents.sent.find(([channel]) => channel === PUSH.lessonsOpened) as [
      string,
      OpenResult,
    ];
    expect(result.files).toEqual([
      {
        token: expect.any(String),
        name: 'demo.py',
        bundled: false,
        text: expect.stringContaining('print("demo")'),
      },
    ]);
    expect(JSON.stringify(result)).not.toContain(root);
    expect(await fromApp(INVOKE.lessonsRecent)).toEqual([
      { token: result.files[0]?.token, name: 'demo.py' },
    ]);
  });

  it('serves the bundled course, and only its lessons', async () => {
    expect(await fromApp(INVOKE.lessonsCourse)).toMatchObject({ lessons: [{ id: 'tasks' }] });
    const lesson = (await fromApp(INVOKE.lessonsOpenBundled, 'tasks', 'ru')) as LessonFile;
    expect(lesson).toMatchObject({ name: 'tasks.ru.md', bundled: true, text: '# Задачи\n' });
    await expect(
      Promise.resolve().then(() => fromApp(INVOKE.lessonsOpenBundled, '../../secret', 'en')),
    ).rejects.toThrow();
    await expect(
      Promise.resolve().then(() => fromApp(INVOKE.lessonsOpenRecent, 'not-a-token')),
    ).resolves.toMatchObject({
      files: [],
    });
  });

  it('opens what the user chooses in the dialog, and saves code where they choose', async () => {
    fake.dialog.openPaths = [lessonFile];
    const opened = (await fromApp(INVOKE.lessonsOpenDialog)) as OpenResult;
    expect(opened.files.map((file) => file.name)).toEqual(['demo.py']);
    const target = join(root, 'saved.py');
    fake.dialog.savePath = target;
    expect(await fromApp(INVOKE.lessonsSaveCode, 'print("saved")\n', 'demo.py')).toBe(true);
    expect(await readFile(target, 'utf8')).toBe('print("saved")\n');
  });

  it('asks before unsaved edits are lost by closing the window', async () => {
    fake.send(appContents, APP_PAGE_PATH, SEND.setDirty, true);
    fake.dialog.messageBoxResponse = 1; // Cancel.
    const preventDefault = vi.fn();
    fake.windows[0]?.emit('close', { preventDefault });
    expect(preventDefault).toHaveBeenCalled();
    await vi.waitFor(() =>
      expect(fake.dialogCalls.some(([kind]) => kind === 'message')).toBe(true),
    );
    expect(fake.windows[0]?.destroyed).toBe(false);
  });
});

describe('lessons from outside the page', () => {
  let other: string;
  beforeAll(async () => {
    other = join(root, 'home', 'other.md');
    await put(other, '# Other\n');
  });

  it('opens files dropped on the window, and refuses a path that is not absolute', async () => {
    const opened = (await fromApp(INVOKE.lessonsOpenDropped, [other])) as OpenResult;
    expect(opened.files.map((file) => file.name)).toEqual(['other.md']);
    await expect(
      Promise.resolve().then(() => fromApp(INVOKE.lessonsOpenDropped, ['home/other.md'])),
    ).rejects.toThrow();
  });

  it('tells the page when the open lesson changes on disk, under its token', async () => {
    const [token] = ((await fromApp(INVOKE.lessonsRecent)) as { token: string }[]).map(
      (file) => file.token,
    );
    await writeFile(other, '# Other, edited\n');
    await vi.waitFor(() => expect(sentOn(PUSH.lessonsChanged)).toHaveLength(1), {
      timeout: 5000,
    });
    expect(sentOn(PUSH.lessonsChanged)[0]).toEqual([
      { token, name: 'other.md', bundled: false, text: '# Other, edited\n' },
    ]);
  });

  it('keeps the recent list newest first, in the page and in the File menu, and opens from both', async () => {
    const recent = (await fromApp(INVOKE.lessonsRecent)) as { token: string; name: string }[];
    expect(recent.map((file) => file.name)).toEqual(['other.md', 'demo.py']);
    expect(menuItem('&Недавние')?.submenu?.map((item) => item.label)).toEqual([
      'other.md',
      'demo.py',
      undefined,
      'Очистить список',
    ]);
    const demo = assertExists(recent[1], 'demo.py is in the list');
    const opened = (await fromApp(INVOKE.lessonsOpenRecent, demo.token)) as OpenResult;
    expect(opened.files.map((file) => file.name)).toEqual(['demo.py']);
    expect(menuItem('&Недавние')?.submenu?.[0]?.label).toBe('demo.py');
    const before = sentOn(PUSH.lessonsOpened).length;
    menuItem('other.md')?.click?.();
    await vi.waitFor(() => expect(sentOn(PUSH.lessonsOpened)).toHaveLength(before + 1));
    expect(sentOn(PUSH.lessonsOpened).at(-1)).toMatchObject([{ files: [{ name: 'other.md' }] }]);
  });

  it("hands a second launch's lessons to the page, and brings the window to the front", async () => {
    const window = assertExists(fake.windows[0], 'the app window');
    const focused = window.focusCount;
    const before = sentOn(PUSH.lessonsOpened).length;
    fake.app.emit('second-instance', {}, ['/electron', 'x.md'], '/', { paths: [lessonFile] });
    expect(window.focusCount).toBe(focused + 1);
    await vi.waitFor(() => expect(sentOn(PUSH.lessonsOpened)).toHaveLength(before + 1));
    expect(sentOn(PUSH.lessonsOpened).at(-1)).toMatchObject([{ files: [{ name: 'demo.py' }] }]);
  });

  it('opens "Open with" files, and holds them while the page reloads until it listens again', async () => {
    const before = sentOn(PUSH.lessonsOpened).length;
    appContents.emit('did-start-loading');
    const preventDefault = vi.fn();
    fake.app.emit('open-file', { preventDefault }, other);
    expect(preventDefault).toHaveBeenCalled();
    // The file is read meanwhile; it must wait for the page all the same.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(sentOn(PUSH.lessonsOpened)).toHaveLength(before);
    fake.send(appContents, APP_PAGE_PATH, SEND.lessonsListening);
    await vi.waitFor(() => expect(sentOn(PUSH.lessonsOpened)).toHaveLength(before + 1));
    expect(sentOn(PUSH.lessonsOpened).at(-1)).toMatchObject([{ files: [{ name: 'other.md' }] }]);
  });
});

describe('the window, the About box and quitting', () => {
  it("shows the versions in the About box, Python's as the engine reported it", async () => {
    const about = assertExists(menuItem('&О программе Loopscope'), 'Help has About');
    about.click?.();
    await vi.waitFor(() =>
      expect(fake.dialogCalls.at(-1)).toEqual([
        'message',
        fake.windows[0],
        expect.objectContaining({ detail: expect.stringContaining('3.14.0') }),
      ]),
    );
  });

  it('closes with unsaved edits once the user agrees, keeping where the window was', async () => {
    const window = assertExists(fake.windows[0], 'the app window');
    fake.send(appContents, APP_PAGE_PATH, SEND.setDirty, true);
    fake.dialog.messageBoxResponse = 0; // Close without saving.
    const preventDefault = vi.fn();
    window.emit('close', { preventDefault });
    expect(preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(window.destroyed).toBe(true));
  });

  it("writes the settings, the window's place among them, before the app quits", async () => {
    const quits = fake.app.quitCalls;
    const preventDefault = vi.fn();
    fake.app.emit('will-quit', { preventDefault });
    expect(preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(fake.app.quitCalls).toBe(quits + 1));
    const saved = JSON.parse(await readFile(join(root, 'user-data', 'settings.json'), 'utf8'));
    expect(saved.window).toMatchObject({ x: 10, y: 20, width: 1000, height: 700 });
    expect(saved.recent[0]).toBe(join(root, 'home', 'other.md'));
    expect(saved.progress.en['create-task']['scenario-1']).toEqual({
      seen: true,
      predicted: 'right',
    });
    // Once done, the quit goes through.
    const again = vi.fn();
    fake.app.emit('will-quit', { preventDefault: again });
    expect(again).not.toHaveBeenCalled();
  });
});

/**
 * A stand-in for the parts of Electron's main-process API that src-main uses, recording what
 * the app asks of it. It lets the wiring test run the real, bundled main process in Node where
 * there is no Electron binary. It imitates behaviour only as far as the app relies on it.
 */
import { EventEmitter } from 'node:events';

type Listener = (...args: unknown[]) => unknown;

export class FakeWebContents extends EventEmitter {
  static nextId = 1;
  readonly id = FakeWebContents.nextId++;
  readonly sent: [string, ...unknown[]][] = [];
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  destroyed = false;
  url = '';
  send(channel: string, ...args: unknown[]): void {
    this.sent.push([channel, ...args]);
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  /** What a frame of this page sends with an IPC call. */
  frame(path: string): { url: string; parent: null } {
    return { url: `app://loopscope${path}`, parent: null };
  }
}

export class FakeSession extends EventEmitter {
  readonly handlers = new Map<string, (request: Request) => Promise<Response> | Response>();
  permissionRequest: Listener | null = null;
  permissionCheck: Listener | null = null;
  devicePermission: Listener | null = null;
  displayMedia: Listener | null = null;
  beforeRequest: { filter: { urls: string[] }; listener: Listener } | null = null;
  readonly protocol = {
    handle: (scheme: string, handler: (request: Request) => Promise<Response> | Response) => {
      this.handlers.set(scheme, handler);
    },
  };
  readonly webRequest = {
    onBeforeRequest: (filter: { urls: string[] }, listener: Listener) => {
      this.beforeRequest = { filter, listener };
    },
  };
  constructor(readonly partition: string) {
    super();
  }
  setPermissionRequestHandler(handler: Listener): void {
    this.permissionRequest = handler;
  }
  setPermissionCheckHandler(handler: Listener): void {
    this.permissionCheck = handler;
  }
  setDevicePermissionHandler(handler: Listener): void {
    this.devicePermission = handler;
  }
  setDisplayMediaRequestHandler(handler: Listener): void {
    this.displayMedia = handler;
  }
}

export function createFakeElectron(options: { appPath: string; userData: string }) {
  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    sandboxed: false,
    paths: new Map<string, string>([
      ['userData', options.userData],
      ['documents', options.userData],
    ]),
    quitCalls: 0,
    singleInstanceData: null as unknown,
    enableSandbox() {
      app.sandboxed = true;
    },
    setPath(name: string, value: string) {
      app.paths.set(name, value);
    },
    getPath(name: string) {
      return app.paths.get(name) ?? options.userData;
    },
    getAppPath: () => options.appPath,
    getVersion: () => '0.1.0',
    getLocale: () => 'en-US',
    getPreferredSystemLanguages: () => ['ru-RU'],
    requestSingleInstanceLock(data: unknown) {
      app.singleInstanceData = data;
      return true;
    },
    quit() {
      app.quitCalls += 1;
    },
    exit() {},
    readyPromise: null as Promise<void> | null,
    resolveReady: () => {},
    whenReady() {
      app.readyPromise ??= new Promise<void>((resolve) => (app.resolveReady = resolve));
      return app.readyPromise;
    },
  });

  const sessions = new Map<string, FakeSession>();
  const defaultSession = new FakeSession('default');
  const session = {
    defaultSession,
    fromPartition(partition: string) {
      let found = sessions.get(partition);
      if (!found) {
        found = new FakeSession(partition);
        sessions.set(partition, found);
      }
      return found;
    },
  };

  const windows: FakeBrowserWindow[] = [];
  class FakeBrowserWindow extends EventEmitter {
    readonly webContents = new FakeWebContents();
    destroyed = false;
    visible = false;
    constructor(readonly options: { show?: boolean; webPreferences?: Record<string, unknown> }) {
      super();
      windows.push(this);
      app.emit('web-contents-created', {}, this.webContents);
    }
    static getAllWindows() {
      return windows.filter((w) => !w.destroyed);
    }
    loadURL(url: string) {
      this.webContents.url = url;
      return Promise.resolve();
    }
    isDestroyed() {
      return this.destroyed;
    }
    destroy() {
      this.destroyed = true;
      this.webContents.destroyed = true;
      this.webContents.emit('destroyed');
    }
    close() {
      this.destroy();
    }
    show() {
      this.visible = true;
    }
    isVisible() {
      return this.visible;
    }
    getNormalBounds() {
      return { x: 10, y: 20, width: 1000, height: 700 };
    }
    isMaximized() {
      return false;
    }
    isFullScreen() {
      return false;
    }
    isMinimized() {
      return false;
    }
    fullScreen = false;
    maximize() {}
    setFullScreen(value: boolean) {
      this.fullScreen = value;
    }
    restore() {}
    focusCount = 0;
    focus() {
      this.focusCount += 1;
    }
  }

  const invokeHandlers = new Map<string, Listener>();
  const messageListeners = new Map<string, Listener[]>();
  const ipcMain = {
    handle(channel: string, handler: Listener) {
      if (invokeHandlers.has(channel)) throw new Error(`a second handler for ${channel}`);
      invokeHandlers.set(channel, handler);
    },
    on(channel: string, listener: Listener) {
      messageListeners.set(channel, [...(messageListeners.get(channel) ?? []), listener]);
    },
  };

  const dialogCalls: [string, ...unknown[]][] = [];
  const dialog = {
    openPaths: [] as string[],
    messageBoxResponse: 0,
    savePath: null as string | null,
    async showOpenDialog(...args: unknown[]) {
      dialogCalls.push(['open', ...args]);
      return { canceled: dialog.openPaths.length === 0, filePaths: dialog.openPaths };
    },
    async showSaveDialog(...args: unknown[]) {
      dialogCalls.push(['save', ...args]);
      return { canceled: dialog.savePath === null, filePath: dialog.savePath ?? undefined };
    },
    async showMessageBox(...args: unknown[]) {
      dialogCalls.push(['message', ...args]);
      return { response: dialog.messageBoxResponse };
    },
  };

  const menus: unknown[] = [];
  const opened: string[] = [];
  const privileged: unknown[] = [];
  const electron = {
    app,
    session,
    BrowserWindow: FakeBrowserWindow,
    ipcMain,
    dialog,
    protocol: { registerSchemesAsPrivileged: (schemes: unknown) => privileged.push(schemes) },
    Menu: {
      buildFromTemplate: (template: unknown) => template,
      setApplicationMenu: (menu: unknown) => menus.push(menu),
    },
    screen: {
      getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }],
      getPrimaryDisplay: () => ({ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }),
    },
    nativeTheme: { themeSource: 'system', shouldUseDarkColors: false },
    shell: { openExternal: async (url: string) => void opened.push(url) },
  };

  /** Calls an invoke handler as the given page's top frame would. */
  async function invoke(
    contents: FakeWebContents,
    path: string,
    channel: string,
    ...args: unknown[]
  ) {
    const handler = invokeHandlers.get(channel);
    if (!handler) throw new Error(`no handler for ${channel}`);
    return handler({ sender: contents, senderFrame: contents.frame(path) }, ...args);
  }

  /** Sends a message as the given page's top frame would. */
  function send(contents: FakeWebContents, path: string, channel: string, ...args: unknown[]) {
    for (const listener of messageListeners.get(channel) ?? []) {
      listener({ sender: contents, senderFrame: contents.frame(path) }, ...args);
    }
  }

  return {
    electron,
    app,
    windows,
    sessions,
    defaultSession,
    invokeHandlers,
    invoke,
    send,
    dialog,
    dialogCalls,
    menus,
    opened,
    privileged,
  };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;

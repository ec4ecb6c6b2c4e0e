/**
 * The engine's home: a hidden, sandboxed window in its own in-memory session, with no Node,
 * no permissions, a CSP without 'unsafe-eval', and a preload that exposes only the narrow
 * `EngineBridge`. Its page starts the engine's Web Worker, in which lesson code runs; if that
 * code escapes Python into JavaScript it finds the worker's scope, and beyond it the page's
 * bridge, whose every message the main process checks (`EngineHost`).
 */
import {
  app,
  BrowserWindow,
  ipcMain,
  session,
  type IpcMainEvent,
  type IpcMainInvokeEvent,
  type Session,
} from 'electron';
import { ENGINE_PAGE_PATH, ENGINE_PAGE_URL } from './app-origin.ts';
import { isEngineAsset } from './app-protocol-paths.ts';
import { setupAppProtocol } from './app-protocol.ts';
import { ENGINE_CSP } from '../src-shared/security-headers.mjs';
import type { EnginePage, EnginePageHandlers } from './engine-host.ts';
import type { SnapshotStore } from './engine-snapshot.ts';
import { ENGINE } from './ipc-channels.ts';
import { isTrustedFrame } from './ipc-guard.ts';
import { lockDownSession, lockedDownPreferences } from './security.ts';

export const ENGINE_PARTITION = 'loopscope-engine';

export interface EngineWindowOptions {
  /** The built engine preload, `dist/main/engine-preload.cjs`. */
  preload: string;
  /** The served folder, `dist/renderer`. */
  root: string;
  developer: boolean;
  /** Where the interpreter snapshot is kept between launches. */
  snapshots: SnapshotStore;
}

/** Sets up the engine session and the IPC routes, and returns a factory of engine pages. */
export function setupEngineWindows(
  options: EngineWindowOptions,
): (handlers: EnginePageHandlers) => EnginePage {
  const engineSession: Session = session.fromPartition(ENGINE_PARTITION);
  lockDownSession(engineSession);
  setupAppProtocol(engineSession, { root: options.root, csp: ENGINE_CSP, allow: isEngineAsset });

  /** The live engine pages, by their web contents' id. */
  const pages = new Map<number, EnginePageHandlers>();
  const route = (event: IpcMainEvent | IpcMainInvokeEvent): EnginePageHandlers | null => {
    const handlers = pages.get(event.sender.id);
    return handlers && isTrustedFrame(event.senderFrame, ENGINE_PAGE_PATH) ? handlers : null;
  };
  /**
   * Pages that have been given no program yet, and whose engine has not said it is ready: only
   * they may hand over a snapshot. The page says when it is ready; main knows when it sent a
   * run, whatever the page said (a page that reported "running" first still had a program).
   */
  const preparing = new Set<number>();
  ipcMain.on(ENGINE.status, (event, status: unknown) => {
    const handlers = route(event);
    if (!handlers) return;
    if ((status as { state?: unknown } | null)?.state === 'ready')
      preparing.delete(event.sender.id);
    handlers.status(status);
  });
  ipcMain.handle(ENGINE.loadSnapshot, (event) =>
    route(event) ? options.snapshots.load().catch(() => null) : null,
  );
  ipcMain.on(ENGINE.saveSnapshot, (event, snapshot: unknown) => {
    if (!route(event) || !preparing.delete(event.sender.id)) return;
    if (snapshot instanceof Uint8Array) void options.snapshots.save(snapshot).catch(() => {});
  });
  ipcMain.on(ENGINE.events, (event, runId: unknown, events: unknown) =>
    route(event)?.events(runId, events),
  );
  ipcMain.on(ENGINE.runFailed, (event, runId: unknown, message: unknown) =>
    route(event)?.runFailed(runId, message),
  );

  return (handlers) => {
    const window = new BrowserWindow({
      show: false,
      width: 400,
      height: 300,
      webPreferences: {
        ...lockedDownPreferences(options.preload, options.developer),
        session: engineSession,
        disableDialogs: true,
        // A hidden window's timers would be slowed down; the engine's wall-clock budget
        // and its stop grace period are timers.
        backgroundThrottling: false,
      },
    });
    const contents = window.webContents;
    const id = contents.id;
    pages.set(id, handlers);
    preparing.add(id);
    let closed = false;
    const gone = (reason: string) => {
      if (!closed) handlers.gone(reason);
    };
    contents.on('render-process-gone', (_event, details) =>
      gone(`its process ended (${details.reason})`),
    );
    contents.on('unresponsive', () => gone('it stopped responding'));
    contents.on('did-fail-load', (_event, code, description) =>
      gone(`it did not load (${code} ${description})`),
    );
    contents.on('destroyed', () => {
      pages.delete(id);
      preparing.delete(id);
      gone('its window closed');
    });
    void window
      .loadURL(ENGINE_PAGE_URL)
      .catch((error: unknown) => gone(`it did not load (${String(error)})`));

    const send = (channel: string, ...args: unknown[]) => {
      if (!closed && !contents.isDestroyed()) contents.send(channel, ...args);
    };
    return {
      run: (runId, request) => {
        // Every later snapshot could hold what the program left in the interpreter.
        preparing.delete(id);
        send(ENGINE.run, runId, request);
      },
      stop: (runId) => send(ENGINE.stop, runId),
      residentBytes: () => {
        if (closed || contents.isDestroyed()) return null;
        const pid = contents.getOSProcessId();
        const metric = app.getAppMetrics().find((process) => process.pid === pid);
        // Electron gives kilobytes.
        return metric ? metric.memory.workingSetSize * 1024 : null;
      },
      destroy: () => {
        closed = true;
        pages.delete(id);
        if (!window.isDestroyed()) window.destroy();
      },
    };
  };
}

/**
 * The hidden engine page's preload: it exposes only `EngineBridge` as
 * `window.loopscopeEngine`, through the context bridge. The page can report its status and
 * the events of the runs it was given, and be told to run or stop; nothing else.
 * Sandboxed: bundled into one CommonJS file that requires only 'electron'.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { EngineStatus } from '../src-shared/api.ts';
import {
  ENGINE_BRIDGE_GLOBAL,
  type EngineBridge,
  type EngineRunRequest,
} from '../src-shared/engine-bridge.ts';
import type { TraceEvent } from '../src-shared/trace.ts';
import { ENGINE } from './ipc-channels.ts';
import { subscribe } from './preload-subscribe.ts';

const bridge = {
  reportStatus: (status: EngineStatus) => ipcRenderer.send(ENGINE.status, status),
  reportEvents: (runId: string, events: TraceEvent[]) =>
    ipcRenderer.send(ENGINE.events, runId, events),
  reportRunFailed: (runId: string, message: string) =>
    ipcRenderer.send(ENGINE.runFailed, runId, message),
  onRun: (listener: (runId: string, request: EngineRunRequest) => void) =>
    subscribe(ENGINE.run, listener),
  onStop: (listener: (runId: string) => void) => subscribe(ENGINE.stop, listener),
  loadSnapshot: () => ipcRenderer.invoke(ENGINE.loadSnapshot) as Promise<Uint8Array | null>,
  saveSnapshot: (snapshot: Uint8Array) => ipcRenderer.send(ENGINE.saveSnapshot, snapshot),
} satisfies EngineBridge;

contextBridge.exposeInMainWorld(ENGINE_BRIDGE_GLOBAL, bridge);

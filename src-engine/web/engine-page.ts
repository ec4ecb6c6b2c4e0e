/**
 * The Electron app's hidden engine page. It owns the engine (a Web Worker with Pyodide, see
 * engine.ts) and talks to the main process only through the bridge its preload exposes:
 * it reports the engine's status and each run's events, and takes run and stop requests.
 * The main process checks everything it reports; this page trusts nothing either, which the
 * engine client does (it validates every message of the worker).
 */
import type { EngineStatus } from '../../src-shared/api.ts';
import { ENGINE_BRIDGE_GLOBAL, type EngineBridge } from '../../src-shared/engine-bridge.ts';
import type { RunHandle } from '../core/engine-client.ts';
import { createWebEngine } from './engine.ts';

/** Milliseconds before a crashed engine is started again, growing with each crash in a row. */
const RESTART_DELAY_MS = 300;
/** Crashes in a row after which the page stops restarting the engine by itself. */
const MAX_RESTARTS = 5;

export function startEnginePage(bridge: EngineBridge, pyodideUrl: URL): void {
  const engine = createWebEngine({
    pyodideUrl,
    loadSnapshot: () => bridge.loadSnapshot(),
    saveSnapshot: async (snapshot) => bridge.saveSnapshot(snapshot),
  });
  const runs = new Map<string, RunHandle>();
  let crashes = 0;

  const restart = () => {
    crashes += 1;
    // After that, the next run request starts the engine again.
    if (crashes > MAX_RESTARTS) return;
    setTimeout(() => void engine.ready().catch(() => {}), RESTART_DELAY_MS * crashes);
  };

  engine.onStatus((status: EngineStatus) => {
    bridge.reportStatus(status);
    if (status.state === 'ready') crashes = 0;
    // The engine client starts a new worker on the next run; start it now, so that the
    // next run finds it ready.
    if (status.state === 'crashed') restart();
  });

  bridge.onRun((runId, request) => {
    const handle = engine.run(request, (events) => bridge.reportEvents(runId, events));
    runs.set(runId, handle);
    handle.finished
      .catch((error: unknown) => bridge.reportRunFailed(runId, String(error)))
      .finally(() => runs.delete(runId));
  });
  bridge.onStop((runId) => runs.get(runId)?.stop());

  bridge.reportStatus(engine.status);
  void engine.ready().catch(() => {});
}

const bridge = (globalThis as Record<string, unknown>)[ENGINE_BRIDGE_GLOBAL] as
  EngineBridge | undefined;
if (bridge) startEnginePage(bridge, new URL('/pyodide/', location.href));
else console.error('The engine page has no bridge: it runs only inside the Loopscope app.');

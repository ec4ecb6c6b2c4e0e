/**
 * The Electron app's hidden engine page. It owns the engine (a Web Worker per run, see
 * engine.ts) and talks to the main process only through the bridge its preload exposes: it
 * reports the engine's status and each run's events, and takes run and stop requests.
 * The main process checks everything it reports and replaces the page when its engine cannot
 * start; this page trusts nothing either (the engine client checks every message of its
 * workers).
 */
import { ENGINE_BRIDGE_GLOBAL, type EngineBridge } from '../../src-shared/engine-bridge.ts';
import { createRestartPolicy, RunRegistry } from '../../src-shared/engine-run.ts';
import { createWebEngine } from './engine.ts';

export function startEnginePage(bridge: EngineBridge, pyodideUrl: URL): void {
  const engine = createWebEngine({
    pyodideUrl,
    loadSnapshot: () => bridge.loadSnapshot(),
    saveSnapshot: async (snapshot) => bridge.saveSnapshot(snapshot),
    // A worker that cannot start makes the page report `crashed`, and main replaces the page
    // under the restart policy: one policy, applied by main.
    restarts: createRestartPolicy({ max: 0 }),
  });
  // Main names every run; the page never makes up a name.
  const runs = new RunRegistry(
    engine,
    (runId, events) => bridge.reportEvents(runId, events),
    () => {
      throw new Error('The engine page runs only what main names.');
    },
  );
  engine.onStatus((status) => bridge.reportStatus(status));
  bridge.onRun((runId, request) => {
    try {
      runs.run(request, runId);
    } catch (error) {
      bridge.reportRunFailed(runId, String(error));
    }
  });
  bridge.onStop((runId) => runs.stop(runId));
  bridge.reportStatus(engine.status);
  void engine.ready().catch(() => {});
}

const bridge = (globalThis as Record<string, unknown>)[ENGINE_BRIDGE_GLOBAL] as
  EngineBridge | undefined;
if (bridge) startEnginePage(bridge, new URL('/pyodide/', location.href));
else console.error('The engine page has no bridge: it runs only inside the Loopscope app.');

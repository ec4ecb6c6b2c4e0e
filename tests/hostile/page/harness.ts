/**
 * The hostile suite's stand-in for the Electron engine window: it gives the real engine page
 * (src-engine/web/engine-page.ts) an `EngineBridge` whose other end is the test, which plays
 * the main process with the real `EngineHost`. The test exposes `hostStatus`, `hostEvents`
 * and `hostRunFailed` as page bindings, and calls `deliverRun` and `deliverStop`.
 */
import type { EngineStatus } from '../../../src-shared/api.ts';
import {
  ENGINE_BRIDGE_GLOBAL,
  type EngineBridge,
  type EngineRunRequest,
} from '../../../src-shared/engine-bridge.ts';
import type { TraceEvent } from '../../../src-shared/trace.ts';

interface HostBindings {
  hostStatus(status: EngineStatus): void;
  hostEvents(runId: string, events: TraceEvent[]): void;
  hostRunFailed(runId: string, message: string): void;
  deliverRun(runId: string, request: EngineRunRequest): void;
  deliverStop(runId: string): void;
}

const host = window as unknown as HostBindings & Record<string, unknown>;
const runListeners = new Set<(runId: string, request: EngineRunRequest) => void>();
const stopListeners = new Set<(runId: string) => void>();

const bridge: EngineBridge = {
  reportStatus: (status) => host.hostStatus(status),
  reportEvents: (runId, events) => host.hostEvents(runId, events),
  reportRunFailed: (runId, message) => host.hostRunFailed(runId, message),
  onRun: (listener) => {
    runListeners.add(listener);
    return () => runListeners.delete(listener);
  },
  onStop: (listener) => {
    stopListeners.add(listener);
    return () => stopListeners.delete(listener);
  },
  // The harness keeps no snapshot between page loads: every load prepares the interpreter.
  loadSnapshot: async () => null,
  saveSnapshot: () => {},
};
host.deliverRun = (runId, request) => runListeners.forEach((listener) => listener(runId, request));
host.deliverStop = (runId) => stopListeners.forEach((listener) => listener(runId));
host[ENGINE_BRIDGE_GLOBAL] = bridge;
// A secret the hostile lessons try to read from the page: it must never reach their output.
host.loopscopeCanary = 'LEAKED-page-secret';

// The engine page reads the bridge when it starts, so it is loaded after it is in place.
await import('../../../src-engine/web/engine-page.ts');

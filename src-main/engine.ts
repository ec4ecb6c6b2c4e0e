/**
 * The engine feature: the engine host, its hidden pages, and the app page's engine calls.
 */
import { EngineHost, createEngineCalls } from './engine-host.ts';
import { setupEngineWindows, type EngineWindowOptions } from './engine-window.ts';
import { handleAppInvoke, sendToApp, type ContentsGetter } from './ipc-handlers.ts';
import { INVOKE, PUSH } from './ipc-channels.ts';

export function setupEngine(options: EngineWindowOptions & { appContents: ContentsGetter }): {
  readonly pythonVersion: string | null;
  dispose(): void;
} {
  const send = (channel: string, ...args: unknown[]) =>
    sendToApp(options.appContents, channel, ...args);
  const host = new EngineHost({ createPage: setupEngineWindows(options) });
  host.onStatus((status) => send(PUSH.engineStatus, status));
  const calls = createEngineCalls(host, {
    sendEvents: (runId, events) => send(PUSH.engineEvents, runId, events),
  });
  handleAppInvoke(INVOKE.engineStatus, options.appContents, () => host.status);
  handleAppInvoke(INVOKE.engineRun, options.appContents, calls.run);
  handleAppInvoke(INVOKE.engineStop, options.appContents, calls.stop);
  host.start();
  return {
    get pythonVersion() {
      return host.pythonVersion;
    },
    dispose: calls.close,
  };
}

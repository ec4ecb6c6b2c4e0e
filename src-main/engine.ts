/**
 * The engine feature: the engine host, its hidden pages, and the app page's engine calls.
 */
import { EngineHost } from './engine-host.ts';
import { setupEngineWindows, type EngineWindowOptions } from './engine-window.ts';
import { handleAppInvoke, sendToApp, type ContentsGetter } from './ipc-handlers.ts';
import { INVOKE, PUSH } from './ipc-channels.ts';

export function setupEngine(
  options: EngineWindowOptions & { appContents: ContentsGetter },
): EngineHost {
  const send = (channel: string, ...args: unknown[]) =>
    sendToApp(options.appContents, channel, ...args);
  const host = new EngineHost({
    createPage: setupEngineWindows(options),
    sendStatus: (status) => send(PUSH.engineStatus, status),
    sendEvents: (runId, events) => send(PUSH.engineEvents, runId, events),
  });
  handleAppInvoke(INVOKE.engineStatus, options.appContents, () => host.status);
  handleAppInvoke(INVOKE.engineRun, options.appContents, (request) => host.run(request));
  handleAppInvoke(INVOKE.engineStop, options.appContents, (runId) => host.stop(runId));
  host.start();
  return host;
}

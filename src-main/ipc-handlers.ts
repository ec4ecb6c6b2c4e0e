/**
 * IPC with the app page. Every call is checked to come from the app window's top frame, on the
 * app's own page, before its payload reaches the handler, which validates the payload itself;
 * and what main sends goes to that page only while it is there.
 */
import { ipcMain, type IpcMainEvent, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { APP_PAGE_PATH } from './app-origin.ts';
import { isTrustedFrame, UntrustedSenderError } from './ipc-guard.ts';

export type ContentsGetter = () => WebContents | null;

function isFromApp(event: IpcMainEvent | IpcMainInvokeEvent, appContents: ContentsGetter): boolean {
  const expected = appContents();
  return (
    expected !== null &&
    event.sender === expected &&
    isTrustedFrame(event.senderFrame, APP_PAGE_PATH)
  );
}

/** A request with an answer (`ipcRenderer.invoke`). */
export function handleAppInvoke(
  channel: string,
  appContents: ContentsGetter,
  handler: (...args: unknown[]) => unknown,
): void {
  ipcMain.handle(channel, (event, ...args: unknown[]) => {
    if (!isFromApp(event, appContents)) throw new UntrustedSenderError(`refused ${channel}`);
    return handler(...args);
  });
}

/** A message without an answer (`ipcRenderer.send`); a bad one is dropped. */
export function handleAppMessage(
  channel: string,
  appContents: ContentsGetter,
  handler: (...args: unknown[]) => void,
): void {
  ipcMain.on(channel, (event, ...args: unknown[]) => {
    if (!isFromApp(event, appContents)) return;
    try {
      handler(...args);
    } catch (error) {
      console.warn(`ipc: ${channel}: ${String(error)}`);
    }
  });
}

/** Sends to the app page, if it is still there (a closing window drops what is sent). */
export function sendToApp(appContents: ContentsGetter, channel: string, ...args: unknown[]): void {
  const contents = appContents();
  if (contents && !contents.isDestroyed()) contents.send(channel, ...args);
}

/** For the preloads: a listener on a main-to-page channel, and the way to remove it. */
import { ipcRenderer, type IpcRendererEvent } from 'electron';
import type { Unsubscribe } from '../src-shared/api.ts';

export function subscribe<A extends unknown[]>(
  channel: string,
  listener: (...args: A) => void,
): Unsubscribe {
  // The event object never reaches the page: it would hand it `sender`, the ipcRenderer.
  const wrapped = (_event: IpcRendererEvent, ...args: unknown[]) => listener(...(args as A));
  ipcRenderer.on(channel, wrapped);
  return () => {
    ipcRenderer.removeListener(channel, wrapped);
  };
}

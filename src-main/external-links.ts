/**
 * Links that leave the app. A page may not navigate away nor open windows; a link the user
 * clicks (a trusted click, seen by the preload) is sent to the main process, which opens it
 * in the system's browser only if it is an https link, and not too often: a page cannot use
 * this to open a flood of browser tabs.
 */
import { parseExternalUrl } from './ipc-validate.ts';

export interface LinkOpener {
  /** Opens the link if allowed; returns whether it was. */
  open(value: unknown): boolean;
}

export function createLinkOpener(
  openExternal: (url: string) => void,
  options: { minIntervalMs?: number; now?: () => number } = {},
): LinkOpener {
  const minInterval = options.minIntervalMs ?? 1000;
  const now = options.now ?? Date.now;
  let last = -Infinity;
  return {
    open(value) {
      let url: URL;
      try {
        url = parseExternalUrl(value);
      } catch {
        return false;
      }
      const time = now();
      if (time - last < minInterval) return false;
      last = time;
      openExternal(url.href);
      return true;
    },
  };
}

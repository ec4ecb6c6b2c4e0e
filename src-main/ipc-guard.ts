/**
 * Which frame may call which IPC channel: only the top frame of the expected page, loaded from
 * the app's own origin. A frame that navigated elsewhere, a subframe, or a frame of another
 * window is refused before its payload is even looked at.
 */
import { APP_HOST, APP_SCHEME } from './app-origin.ts';

/** The parts of Electron's `WebFrameMain` that the check needs. */
export interface FrameLike {
  readonly url: string;
  readonly parent: unknown;
}

export function isTrustedFrame(frame: FrameLike | null | undefined, pagePath: string): boolean {
  if (!frame || frame.parent !== null) return false;
  let url: URL;
  try {
    url = new URL(frame.url);
  } catch {
    return false;
  }
  return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && url.pathname === pagePath;
}

export class UntrustedSenderError extends Error {
  override name = 'UntrustedSenderError';
}

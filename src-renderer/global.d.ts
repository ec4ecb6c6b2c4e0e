import type { LoopscopeApi } from '../src-shared/api.ts';

declare global {
  interface Window {
    /** The host's API: the Electron preload's, or the web edition's host script's. */
    loopscope: LoopscopeApi;
  }
}

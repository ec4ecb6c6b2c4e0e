/**
 * Where the app's pages live: every page is served from `app://loopscope/`, never `file://`.
 */
import { PAGES } from '../src-shared/build-paths.mjs';

export const APP_SCHEME = 'app';
export const APP_HOST = 'loopscope';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** The app page (its preload provides `window.loopscope`). */
export const APP_PAGE_PATH = `/${PAGES.app}`;
/** The hidden engine page (its preload provides `window.loopscopeEngine`). */
export const ENGINE_PAGE_PATH = `/${PAGES.engine}`;

export const APP_PAGE_URL = `${APP_ORIGIN}${APP_PAGE_PATH}`;
export const ENGINE_PAGE_URL = `${APP_ORIGIN}${ENGINE_PAGE_PATH}`;

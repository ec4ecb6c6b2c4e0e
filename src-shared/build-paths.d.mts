// Types of build-paths.mjs (plain JavaScript, so that the build scripts can import it).
export const DIST_DIR: 'dist';
export const RENDERER_DIR: 'dist/renderer';
export const PAGES: Readonly<{
  app: 'src-renderer/index.html';
  web: 'src-web/index.html';
  engine: 'src-engine/web/engine.html';
}>;
export const REPLAY_PAGE_SOURCE: 'src-renderer/replay-page/index.html';
export const REPLAY_PAGE_BUILD: 'dist/replay-page';
export const REPLAY_PAGE_FILE: 'replay-player.html';
export const BUNDLES_DIR: 'assets';
export const PYODIDE_DIR: 'pyodide';
export const WEB_COURSE_DIR: 'lessons';
export const COURSE_DIR: 'assets/lessons';
export const MAIN_DIR: 'dist/main';
export const MAIN_BUNDLES: Readonly<{
  main: 'main.cjs';
  preload: 'preload.cjs';
  enginePreload: 'engine-preload.cjs';
}>;
export const CLI_BUNDLE: 'dist/cli/loopscope.mjs';
export const NODE_ENGINE: Readonly<{
  child: 'dist/engine/node-child.mjs';
  realm: 'dist/engine/node-realm.js';
}>;

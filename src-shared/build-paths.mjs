/**
 * Where the build puts what it makes, relative to the repository (or the packaged app's)
 * root. The build scripts write to these paths; the main process, the web edition's server,
 * the command line's launcher and the test setups read from them. It is plain JavaScript
 * (typed by build-paths.d.mts beside it) so that the build scripts, which Node runs without a
 * compiler, import the same module as the TypeScript code.
 */

/** Everything built. */
export const DIST_DIR = 'dist';

/**
 * The pages and everything they load, served as `app://loopscope/` by the desktop app and
 * over HTTP by the web edition's server.
 */
export const RENDERER_DIR = 'dist/renderer';

/** The three pages, relative to RENDERER_DIR (and so their URL paths, without the slash). */
export const PAGES = Object.freeze({
  /** The desktop app's page; its preload provides `window.loopscope`. */
  app: 'src-renderer/index.html',
  /** The web edition's page; its host script provides `window.loopscope`. */
  web: 'src-web/index.html',
  /** The desktop app's hidden engine page, whose worker runs the engine. */
  engine: 'src-engine/web/engine.html',
});

/** The HTML replay's page, built by vite.replay.config.ts into one file (src-shared/replay-page.ts). */
export const REPLAY_PAGE_SOURCE = 'src-renderer/replay-page/index.html';

/** Where Vite builds the HTML replay's page; the page then goes to RENDERER_DIR. */
export const REPLAY_PAGE_BUILD = 'dist/replay-page';

/** The HTML replay's built page, relative to RENDERER_DIR: the app fetches it, the CLI reads it. */
export const REPLAY_PAGE_FILE = 'replay-player.html';

/** Vite's bundles (content-hashed names), relative to RENDERER_DIR. */
export const BUNDLES_DIR = 'assets';

/** Pyodide's runtime files, copied from its npm package, relative to RENDERER_DIR. */
export const PYODIDE_DIR = 'pyodide';

/** The bundled course as the web edition fetches it, relative to RENDERER_DIR. */
export const WEB_COURSE_DIR = 'lessons';

/** The bundled course's sources, which the desktop app reads where they are. */
export const COURSE_DIR = 'assets/lessons';

/** The Electron main process and its preloads, one CommonJS file each. */
export const MAIN_DIR = 'dist/main';

/** The names of the files in MAIN_DIR, by entry point (esbuild's `entryPoints` keys + .cjs). */
export const MAIN_BUNDLES = Object.freeze({
  main: 'main.cjs',
  preload: 'preload.cjs',
  enginePreload: 'engine-preload.cjs',
});

/** The command line, run by bin/loopscope.mjs. */
export const CLI_BUNDLE = 'dist/cli/loopscope.mjs';

/**
 * The command line's engine (src-engine/node/engine.ts finds them beside each other): the
 * confined child's entry, and the realm script it runs Pyodide in.
 */
export const NODE_ENGINE = Object.freeze({
  child: 'dist/engine/node-child.mjs',
  realm: 'dist/engine/node-realm.js',
});

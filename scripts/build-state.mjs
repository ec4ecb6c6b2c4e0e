// Whether a build is older than its sources, decided in one place for everything that builds
// before it runs: the command line's launcher (bin/loopscope.mjs), `npm run web`, and the
// setups of the browser and Electron end-to-end suites. A build is stale when one of its
// outputs is missing, or when a file among its sources changed after the oldest output was
// written.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CLI_BUNDLE,
  MAIN_BUNDLES,
  NODE_ENGINE,
  MAIN_DIR,
  PAGES,
  RENDERER_DIR,
  REPLAY_PAGE_FILE,
} from '../src-shared/build-paths.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** What every build depends on: the dependencies' versions and the shared code. */
const COMMON = ['package.json', 'package-lock.json', 'src-shared'];

const PAGE_OUTPUTS = [
  ...Object.values(PAGES).map((page) => join(RENDERER_DIR, page)),
  join(RENDERER_DIR, REPLAY_PAGE_FILE),
];
/** What the pages are built from. */
const PAGE_SOURCES = [
  ...COMMON,
  'src-renderer',
  'src-web',
  'src-engine',
  'assets/lessons',
  'vite.config.ts',
  'vite.replay.config.ts',
  'vite-plugins.ts',
  'scripts/build-renderer.mjs',
];

/** The builds a launcher or a suite may need, what each is made of, and how to make it. */
export const TARGETS = {
  /** The command line and its engine: the confined child and the realm script. */
  cli: {
    outputs: [CLI_BUNDLE, NODE_ENGINE.child, NODE_ENGINE.realm],
    sources: [...COMMON, 'src-engine', 'scripts/build-engine.mjs'],
    build: async () => (await import('./build-engine.mjs')).buildEngine(),
  },
  /** The pages: the desktop app's, the web edition's and the engine's, with the course. */
  renderer: {
    outputs: PAGE_OUTPUTS,
    sources: PAGE_SOURCES,
    build: async () => (await import('./build-renderer.mjs')).buildRenderer(),
  },
  /** Everything the desktop app runs: the pages, and the main process and its preloads. */
  app: {
    outputs: [
      ...PAGE_OUTPUTS,
      ...Object.values(MAIN_BUNDLES).map((bundle) => join(MAIN_DIR, bundle)),
    ],
    sources: [
      ...PAGE_SOURCES,
      'src-main',
      'scripts/build.mjs',
      'scripts/build-engine.mjs',
      'scripts/build-main.mjs',
    ],
    build: async () => (await import('./build.mjs')).buildAll(),
  },
};

/** The newest modification time in a file or folder (0 when it does not exist). */
function newestChange(path) {
  let info;
  try {
    info = statSync(path);
  } catch {
    return 0;
  }
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestChange(join(path, name)));
  return newest;
}

/**
 * Why `target` must be built, or null when its build is up to date. `root` is the
 * repository (tests give another).
 */
export function staleReason(target, root = ROOT) {
  const { outputs, sources } = TARGETS[target];
  const missing = outputs.find((output) => !existsSync(join(root, output)));
  if (missing) return `${missing} is missing`;
  const builtAt = Math.min(...outputs.map((output) => statSync(join(root, output)).mtimeMs));
  const changed = sources.find((source) => newestChange(join(root, source)) > builtAt);
  return changed ? `${changed} changed after the last build` : null;
}

/**
 * Builds `target` when it is stale (or always, with `force`); resolves with whether it built.
 * `log` says why it builds.
 */
export async function ensureBuilt(target, { force = false, log = () => {} } = {}) {
  const reason = force ? 'a build was asked for' : staleReason(target);
  if (reason === null) return false;
  log(`Building (${reason})…`);
  await TARGETS[target].build();
  return true;
}

// Bundles the engine for Node and the command line with esbuild: the confined child's entry,
// the realm script it runs Pyodide in, and the command line.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parse } from 'acorn';
import { build } from 'esbuild';
import wabtInit from 'wabt';
import { CLI_BUNDLE, DIST_DIR, NODE_ENGINE } from '../src-shared/build-paths.mjs';

/** An esbuild entry name: a built path without the output folder and the extension. */
const entryName = (path) => path.slice(DIST_DIR.length + 1).replace(/\.m?js$/, '');

const root = fileURLToPath(new URL('..', import.meta.url));

/** WebAssembly text, assembled into its module's bytes by wabt. */
export async function assembleWat(path) {
  const wabt = await wabtInit();
  const module = wabt.parseWat(path, await readFile(path, 'utf8'));
  try {
    module.validate();
    return module.toBinary({}).buffer;
  } finally {
    module.destroy();
  }
}

/** Bundles a `.wat` file (src-engine/node/call-trampoline.wat) as its module's bytes. */
const watModules = {
  name: 'wat',
  setup(bundler) {
    bundler.onLoad({ filter: /\.wat$/ }, async ({ path }) => ({
      contents: await assembleWat(path),
      loader: 'binary',
    }));
  },
};

const common = {
  bundle: true,
  sourcemap: true,
  loader: { '.py': 'text' },
  plugins: [watModules],
  logLevel: 'warning',
  absWorkingDir: root,
};

/**
 * The realm script (src-engine/node/realm.ts): one classic script with Pyodide inside, run by
 * the child with `vm.Script` in a realm that has no `require` and no `import()`. Its
 * completion value is its exports. Pyodide's Node-only branches name Node modules; they stay
 * out of the bundle, and the dynamic imports that name them become calls to a `require` the
 * realm does not have.
 */
const REALM_GLOBAL_NAME = 'loopscopeEngineRealm';

export async function buildEngine() {
  await Promise.all([
    build({
      ...common,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      entryPoints: {
        [entryName(NODE_ENGINE.child)]: 'src-engine/node/child.ts',
        // bin/loopscope.mjs runs it from CLI_BUNDLE.
        [entryName(CLI_BUNDLE)]: 'src-engine/cli/main.ts',
      },
      outdir: DIST_DIR,
      outExtension: { '.js': '.mjs' },
      // The command line finds Pyodide's folder through its package; nothing of it is bundled.
      external: ['pyodide'],
    }),
    build({
      ...common,
      platform: 'neutral',
      format: 'iife',
      target: 'es2022',
      mainFields: ['module', 'main'],
      globalName: REALM_GLOBAL_NAME,
      footer: { js: `${REALM_GLOBAL_NAME};` },
      supported: { 'dynamic-import': false },
      external: ['node:*', 'ws'],
      entryPoints: { [entryName(NODE_ENGINE.realm)]: 'src-engine/node/realm.ts' },
      outdir: DIST_DIR,
    }),
  ]);
  const realm = await readFile(new URL(NODE_ENGINE.realm, new URL(`file://${root}/`)), 'utf8');
  if (containsDynamicImport(realm)) {
    throw new Error('The engine realm script contains import(): the realm must load nothing.');
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await buildEngine();

/**
 * Whether a script has an `import()` expression. It is parsed, not searched as text: the
 * engine's Python modules travel inside it as strings, and `from x import (` is Python.
 */
function containsDynamicImport(source) {
  const pending = [parse(source, { ecmaVersion: 'latest', sourceType: 'script' })];
  while (pending.length > 0) {
    const node = pending.pop();
    if (node.type === 'ImportExpression') return true;
    for (const value of Object.values(node)) {
      for (const child of Array.isArray(value) ? value : [value]) {
        if (child && typeof child.type === 'string') pending.push(child);
      }
    }
  }
  return false;
}

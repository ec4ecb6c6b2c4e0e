#!/usr/bin/env node
// The `loopscope` command: runs the bundled command line, building it first (about a tenth of a
// second) when it is missing or older than its sources.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = join(root, 'dist/cli/loopscope.mjs');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

const stale =
  !existsSync(cli) ||
  statSync(cli).mtimeMs <
    Math.max(newestSource(join(root, 'src-engine')), newestSource(join(root, 'src-shared')));
if (stale) {
  const { buildEngine } = await import('../scripts/build-engine.mjs');
  await buildEngine();
}
await import(new URL(`file://${cli}`).href);

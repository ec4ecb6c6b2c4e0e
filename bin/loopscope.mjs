#!/usr/bin/env node
// The `loopscope` command: runs the bundled command line, building it first (about a tenth of a
// second) when it is missing or older than its sources.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLI_BUNDLE } from '../src-shared/build-paths.mjs';
import { ensureBuilt } from '../scripts/build-state.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = join(root, CLI_BUNDLE);

await ensureBuilt('cli');
await import(new URL(`file://${cli}`).href);

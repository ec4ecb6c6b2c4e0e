// Builds the app before the Electron end-to-end tests, when there is an Electron to run it.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { findElectron, REPO } from './electron-app.ts';

export default async function setup(): Promise<void> {
  const { path, reason } = findElectron();
  if (!path) {
    console.warn(`\nElectron end-to-end tests will be skipped: ${reason}\n`);
    return;
  }
  const built =
    existsSync(join(REPO, 'dist/main/main.cjs')) &&
    existsSync(join(REPO, 'dist/renderer/src-renderer/index.html')) &&
    existsSync(join(REPO, 'dist/renderer/src-engine/web/engine.html'));
  if (!built || process.env.LOOPSCOPE_REBUILD) {
    await import(pathToFileURL(join(REPO, 'scripts/build.mjs')).href);
  }
}

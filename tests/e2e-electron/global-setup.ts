// Builds the app before the Electron end-to-end tests when its build is older than its
// sources (scripts/build-state.mjs), when there is an Electron to run it.
import { ensureBuilt } from '../../scripts/build-state.mjs';
import { findElectron } from './electron-app.ts';

export default async function setup(): Promise<void> {
  const { path, reason } = findElectron();
  if (!path) {
    // Where the binary must be there (CI's Electron jobs), a missing one is a failure.
    if (process.env.LOOPSCOPE_REQUIRE_ELECTRON) throw new Error(`No Electron: ${reason}`);
    console.warn(`\nElectron end-to-end tests will be skipped: ${reason}\n`);
    return;
  }
  await ensureBuilt('app', { force: Boolean(process.env.LOOPSCOPE_REBUILD), log: console.log });
}

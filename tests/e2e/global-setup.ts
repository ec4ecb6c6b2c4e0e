/**
 * Builds the web edition when its build is older than its sources (scripts/build-state.mjs),
 * and serves it on a free port of 127.0.0.1 for the tests (LOOPSCOPE_URL).
 */
import { ensureBuilt } from '../../scripts/build-state.mjs';
import { startWebServer } from '../../scripts/web.mjs';

export default async function globalSetup(): Promise<() => Promise<void>> {
  await ensureBuilt('renderer', { log: console.log });
  const server = await startWebServer({ port: 0 });
  process.env.LOOPSCOPE_URL = server.url;
  return () => server.close();
}

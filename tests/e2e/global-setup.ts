/**
 * Builds the web edition when its sources are newer than the build, and serves it on a free
 * port of 127.0.0.1 for the tests (LOOPSCOPE_URL).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildRenderer } from '../../scripts/build-renderer.mjs';
import { startWebServer } from '../../scripts/web.mjs';

const ROOT = new URL('../../', import.meta.url).pathname;
const BUILT = join(ROOT, 'dist/renderer/src-web/index.html');
const SOURCES = [
  'src-renderer',
  'src-web',
  'src-shared',
  'src-engine',
  'assets/lessons',
  'vite.config.ts',
];

function newestChange(path: string): number {
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return Math.max(info.mtimeMs, ...readdirSync(path).map((name) => newestChange(join(path, name))));
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  const builtAt = existsSync(BUILT) ? statSync(BUILT).mtimeMs : 0;
  const changedAt = Math.max(...SOURCES.map((s) => newestChange(join(ROOT, s))));
  if (changedAt > builtAt) await buildRenderer();
  const server = await startWebServer({ port: 0 });
  process.env.LOOPSCOPE_URL = server.url;
  return () => server.close();
}

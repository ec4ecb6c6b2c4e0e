// Builds the user interface with Vite: the Electron app's page, the web edition and the
// engine's page, into dist/renderer/; then copies the bundled course next to them.
import { cp, mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { COURSE_DIR, RENDERER_DIR, WEB_COURSE_DIR } from '../src-shared/build-paths.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

export async function buildRenderer() {
  await build({ root, configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });
  // The web edition fetches its course from lessons/ beside the pages.
  const lessons = join(root, COURSE_DIR);
  const target = join(root, RENDERER_DIR, WEB_COURSE_DIR);
  await mkdir(target, { recursive: true });
  if (existsSync(lessons)) await cp(lessons, target, { recursive: true });
}

if (import.meta.url === `file://${process.argv[1]}`) await buildRenderer();

// Builds the user interface with Vite: the Electron app's page, the web edition and the
// engine's page, into dist/renderer/; then the HTML replay's page, one file with a strict
// Content Security Policy; then copies the bundled course next to them.
import { createHash } from 'node:crypto';
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import {
  COURSE_DIR,
  RENDERER_DIR,
  REPLAY_PAGE_BUILD,
  REPLAY_PAGE_FILE,
  REPLAY_PAGE_SOURCE,
  WEB_COURSE_DIR,
} from '../src-shared/build-paths.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

export async function buildRenderer() {
  await build({ root, configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });
  await buildReplayPage();
  // The web edition fetches its course from lessons/ beside the pages.
  const lessons = join(root, COURSE_DIR);
  const target = join(root, RENDERER_DIR, WEB_COURSE_DIR);
  await mkdir(target, { recursive: true });
  if (existsSync(lessons)) await cp(lessons, target, { recursive: true });
}

/**
 * The HTML replay's page, with a policy that lets it run its own inline script (by its hash)
 * and nothing else: no other script, no fetch, no frame, no form. It opens from a file:// URL,
 * a USB stick or a learning platform, and reaches no network.
 */
async function buildReplayPage() {
  await build({ root, configFile: join(root, 'vite.replay.config.ts'), logLevel: 'warn' });
  const built = join(root, REPLAY_PAGE_BUILD, REPLAY_PAGE_SOURCE);
  const html = await readFile(built, 'utf8');
  const hashes = [...html.matchAll(/<script type="module"[^>]*>([\s\S]*?)<\/script>/g)].map(
    (match) => `'sha256-${createHash('sha256').update(match[1]).digest('base64')}'`,
  );
  if (hashes.length !== 1) throw new Error(`the replay page has ${hashes.length} scripts, not 1`);
  const policy = [
    "default-src 'none'",
    `script-src ${hashes.join(' ')}`,
    // Svelte and d3 set element styles; a style cannot run code.
    "style-src 'unsafe-inline'",
    'img-src data: blob:',
    'font-src data:',
    "connect-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-src 'none'",
    "object-src 'none'",
  ].join('; ');
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}" />`;
  const page = html.replace('<meta charset="utf-8" />', (charset) => `${charset}\n    ${meta}`);
  if (page === html)
    throw new Error('the replay page has no <meta charset> to put its policy after');
  await writeFile(join(root, RENDERER_DIR, REPLAY_PAGE_FILE), page);
}

if (import.meta.url === `file://${process.argv[1]}`) await buildRenderer();

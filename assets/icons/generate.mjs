// Regenerates the app's icons from icon.svg: PNGs for Linux, icon.ico for Windows,
// icon.icns for macOS. The results are committed; run this only after changing the SVG.
// Needs Chromium (to render the SVG), ImageMagick (`convert`) and icnsutils (`png2icns`):
//   apt-get install -y chromium imagemagick icnsutils && node assets/icons/generate.mjs
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'loopscope-icons-'));
const master = join(work, 'icon-1024.png');
const chromium = process.env.CHROMIUM ?? 'chromium';

execFileSync(chromium, [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--hide-scrollbars',
  '--default-background-color=00000000',
  '--window-size=1024,1024',
  `--screenshot=${master}`,
  pathToFileURL(join(here, 'icon.svg')).href,
]);

const png = (size, file) =>
  execFileSync('convert', [
    master,
    '-filter',
    'Lanczos',
    '-resize',
    `${size}x${size}`,
    '-strip',
    file,
  ]);

// Linux: one PNG per size, named as electron-builder expects (`icons/512x512.png`).
mkdirSync(join(here, 'png'), { recursive: true });
for (const size of [16, 24, 32, 48, 64, 128, 256, 512, 1024])
  png(size, join(here, 'png', `${size}x${size}.png`));
png(512, join(here, 'icon.png'));

// Windows: a multi-resolution ICO.
const icoSizes = [16, 24, 32, 48, 64, 128, 256];
execFileSync('convert', [
  ...icoSizes.map((s) => join(here, 'png', `${s}x${s}.png`)),
  join(here, 'icon.ico'),
]);

// macOS: an ICNS with the sizes png2icns knows.
execFileSync('png2icns', [
  join(here, 'icon.icns'),
  ...[16, 32, 48, 128, 256, 512, 1024].map((s) => join(here, 'png', `${s}x${s}.png`)),
]);

rmSync(work, { recursive: true, force: true });
console.log('icons written to', here);

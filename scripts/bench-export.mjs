// The exports' speed (`npm run bench export`): a PNG of one step at 1920×1080, a 100-step GIF
// at 1280×720, and a Perfetto trace, from a real trace recorded by `loopscope run --trace`
// (the engine's own time is measured by bench-engine).
//
// Aims: a PNG within half a second, so that "save this frame" feels immediate; a 100-step GIF
// (about a minute of animation at the app's pace) within 15 s, about 150 ms a frame, which a
// teacher waits out with a progress bar; a Perfetto trace of 200 events within 50 ms.
import { readFileSync } from 'node:fs';

const root = new URL('..', import.meta.url);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (value) => `${value.toFixed(0)} ms`;

export async function benchExport() {
  const load = (path) => import(new URL(path, root).href);
  const { parseReplayFile } = await load('src-shared/replay-file.ts');
  const { FrameSource } = await load('src-shared/export/frame-model.ts');
  const { createRasterizer } = await load('src-shared/export/raster.ts');
  const { stepPng, stepsGif, stepSvg } = await load('src-shared/export/render.ts');
  const { exportPerfetto, stringifyChromeTrace } = await load('src-shared/export/perfetto.ts');
  const { loadRasterAssets } = await load('src-engine/cli/export-assets.ts');

  const text = readFileSync(new URL('tests/shared/fixtures/export/gather.jsonl', root), 'utf8');
  const parsed = parseReplayFile(text);
  if (!parsed.ok) throw new Error(parsed.error.reason);
  const { events, code } = parsed.replay;
  const meta = {
    lesson: 'Waiting for many',
    scenario: { number: 1, title: 'gather' },
    file: 'gather.py',
  };
  const source = new FrameSource(events, { meta, code });

  let started = performance.now();
  const rasterizer = await createRasterizer(await loadRasterAssets());
  const setup = performance.now() - started;

  const big = { width: 1920, height: 1080, theme: 'light', language: 'en' };
  const svgTimes = [];
  const pngTimes = [];
  let bytes = 0;
  for (let i = 0; i < 5; i++) {
    started = performance.now();
    stepSvg(source, 60 + i, big);
    svgTimes.push(performance.now() - started);
    started = performance.now();
    bytes = stepPng(source, 60 + i, big, rasterizer).length;
    pngTimes.push(performance.now() - started);
  }
  console.log(`setup: resvg's WebAssembly and the fonts, once:        ${ms(setup)}`);
  console.log(`SVG of one step, 1920×1080 (median of 5):              ${ms(median(svgTimes))}`);
  console.log(
    `PNG of one step, 1920×1080 (median of 5):              ${ms(median(pngTimes))}   aim < 500 ms   (${Math.round(bytes / 1024)} KB)`,
  );

  const small = { width: 1280, height: 720, theme: 'light', language: 'en' };
  started = performance.now();
  const gif = await stepsGif(source, { from: 0, to: 99 }, small, rasterizer);
  const gifMs = performance.now() - started;
  console.log(
    `GIF of 100 steps, 1280×720:                            ${ms(gifMs)}   aim < 15000 ms   (${Math.round(gif.length / 1024)} KB, ${ms(gifMs / 100)} a frame)`,
  );

  started = performance.now();
  const perfetto = stringifyChromeTrace(exportPerfetto(events));
  console.log(
    `Perfetto JSON of ${events.length} events:                       ${ms(performance.now() - started)}   aim < 50 ms   (${Math.round(perfetto.length / 1024)} KB)`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { register } = await import('tsx/esm/api');
  register();
  await benchExport();
}

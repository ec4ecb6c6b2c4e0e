/**
 * The Export dialog's work, done in the export worker (export-worker.ts): the frame on show as
 * PNG or SVG, a range of steps as an animated GIF (src-shared/export's renderers, which the
 * command line uses too) or as a WebM video (WebCodecs, muxed by mediabunny), and the replay as
 * one HTML file (html-replay.ts).
 */
import { assertExists } from '../../src-shared/assert.ts';
import { embeddedFonts, FONT_FILES } from '../../src-shared/export/font-files.ts';
import { sfntFromWoff } from '../../src-shared/export/woff.ts';
import { FrameSource } from '../../src-shared/export/frame-model.ts';
import type { FrameSvgOptions } from '../../src-shared/export/frame-svg.ts';
import {
  createRasterizer,
  type Rasterizer,
  type RgbaImage,
} from '../../src-shared/export/raster.ts';
import {
  rasterFrames,
  stepsGif,
  stepSvg,
  type ExportControl,
  type RasterFrame,
} from '../../src-shared/export/render.ts';
import { frameMetaOf } from './replay-io.ts';
import { createHtmlReplay } from './html-replay.ts';
import type { ExportJob, ExportResult } from './export-protocol.ts';

// Literal URLs, so that the bundler ships these files beside the worker.
const WASM_URL = new URL('../../node_modules/@resvg/resvg-wasm/index_bg.wasm', import.meta.url);
const FONT_URLS: Readonly<Record<string, URL>> = {
  'DejaVuSans.ttf': new URL(
    '../../node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
    import.meta.url,
  ),
  'DejaVuSans-Bold.ttf': new URL(
    '../../node_modules/dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf',
    import.meta.url,
  ),
  'DejaVuSansMono.ttf': new URL(
    '../../node_modules/dejavu-fonts-ttf/ttf/DejaVuSansMono.ttf',
    import.meta.url,
  ),
  'DejaVuSansMono-Bold.ttf': new URL(
    '../../node_modules/dejavu-fonts-ttf/ttf/DejaVuSansMono-Bold.ttf',
    import.meta.url,
  ),
};
// EMOJI_FONT_FILE (font-files.ts), in its package.
const EMOJI_FONT_URL = new URL(
  '../../node_modules/@fontsource/noto-emoji/files/noto-emoji-emoji-400-normal.woff',
  import.meta.url,
);

let fonts: Promise<Uint8Array[]> | null = null;
let rasterizer: Promise<Rasterizer> | null = null;

async function fetchBytes(url: URL): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url.pathname}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/** The bundled fonts, fetched once. */
function loadFonts(): Promise<Uint8Array[]> {
  fonts ??= Promise.all(
    FONT_FILES.map((font) => {
      const url = FONT_URLS[font.file];
      if (!url) throw new Error(`no URL for the font ${font.file}`);
      return fetchBytes(url);
    }),
  ).catch((error: unknown) => {
    fonts = null;
    throw error;
  });
  return fonts;
}

/** resvg with the bundled fonts, set up once for the page. */
function loadRasterizer(): Promise<Rasterizer> {
  rasterizer ??= (async () =>
    createRasterizer({
      wasm: await fetchBytes(WASM_URL),
      fonts: [...(await loadFonts()), await sfntFromWoff(await fetchBytes(EMOJI_FONT_URL))],
    }))().catch((error: unknown) => {
    rasterizer = null;
    throw error;
  });
  return rasterizer;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/** Makes the export asked for; rejects with an AbortError when the signal cancels it. */
export async function runExport(
  request: ExportJob,
  control: ExportControl = {},
): Promise<ExportResult> {
  const { replay } = request;
  const start = replay.events[0];
  // The frames show the code that ran, which is the trace's; the file's may be edited since.
  const code = start?.kind === 'run.start' ? start.source : replay.code;
  const source = new FrameSource(replay.events, { meta: frameMetaOf(replay), code });
  const options: FrameSvgOptions = {
    width: request.width,
    height: request.height,
    theme: request.theme,
    language: request.language,
  };
  switch (request.format) {
    case 'svg': {
      // Fonts go inside the picture: a slide shows the same letters on any computer.
      const fontsEmbedded = embeddedFonts(await loadFonts(), toBase64);
      return {
        kind: 'svg',
        data: stepSvg(source, request.step, { ...options, fonts: fontsEmbedded }),
      };
    }
    case 'png': {
      const rasterizer = await loadRasterizer();
      return {
        kind: 'png',
        data: await encodePng(rasterizer.rgba(stepSvg(source, request.step, options))),
      };
    }
    case 'gif': {
      const paced = { ...options, speed: request.speed };
      const data = await stepsGif(source, request.range, paced, await loadRasterizer(), control);
      return { kind: 'gif', data };
    }
    case 'webm': {
      const paced = { ...options, speed: request.speed };
      const frames = rasterFrames(source, request.range, paced, await loadRasterizer(), control);
      return { kind: 'webm', data: await encodeWebm(frames, control) };
    }
    case 'html':
      return {
        kind: 'html',
        data: await createHtmlReplay(
          replay,
          request.playerUrl,
          {
            name: `${request.name}.loopscope.json`,
            theme: request.theme,
            language: request.language,
          },
          control,
        ),
      };
  }
}

/** Puts resvg's pixels on a canvas as they are: the frames are opaque, so nothing is lost. */
function drawImage(context: OffscreenCanvasRenderingContext2D, image: RgbaImage): void {
  const pixels = new Uint8ClampedArray(image.pixels);
  context.putImageData(new ImageData(pixels, image.width, image.height), 0, 0);
}

/**
 * A PNG of resvg's pixels by the browser's own encoder, which at 3840×2160 takes tens of
 * milliseconds where resvg's takes a second or more (the command line, with no canvas, keeps
 * resvg's).
 */
async function encodePng(image: RgbaImage): Promise<Uint8Array> {
  const canvas = new OffscreenCanvas(image.width, image.height);
  drawImage(assertExists(canvas.getContext('2d'), 'a 2D canvas to encode the PNG on'), image);
  const blob = await canvas.convertToBlob({ type: 'image/png' });
  return new Uint8Array(await blob.arrayBuffer());
}

/**
 * A WebM video of the frames: VP9 (VP8 where the browser cannot encode VP9) by the browser's
 * WebCodecs, in a WebM file written by mediabunny with each frame's own timestamp and
 * duration, so it is made faster than it plays and lasts exactly as long as the animation.
 */
async function encodeWebm(
  frames: AsyncIterable<RasterFrame>,
  control: ExportControl,
): Promise<Uint8Array> {
  const media = await import('mediabunny');
  const target = new media.BufferTarget();
  let output: InstanceType<typeof media.Output> | null = null;
  let source: InstanceType<typeof media.CanvasSource> | null = null;
  let context: OffscreenCanvasRenderingContext2D | null = null;
  let time = 0;
  try {
    for await (const frame of frames) {
      control.signal?.throwIfAborted();
      if (!output || !source || !context) {
        const canvas = new OffscreenCanvas(frame.width, frame.height);
        context = canvas.getContext('2d');
        if (!context) throw new Error('no 2D canvas to draw the video on');
        const size = { width: frame.width, height: frame.height };
        const codec = (await media.canEncodeVideo('vp9', size)) ? 'vp9' : 'vp8';
        output = new media.Output({ format: new media.WebMOutputFormat(), target });
        source = new media.CanvasSource(canvas, { codec, bitrate: media.QUALITY_HIGH });
        output.addVideoTrack(source);
        await output.start();
      }
      drawImage(context, frame);
      await source.add(time / 1000, frame.durationMs / 1000);
      time += frame.durationMs;
    }
    if (!output) throw new Error('no frames to encode');
    await output.finalize();
    if (!target.buffer) throw new Error('the video encoder wrote nothing');
    return new Uint8Array(target.buffer);
  } catch (error) {
    await output?.cancel().catch(() => {});
    throw error;
  }
}

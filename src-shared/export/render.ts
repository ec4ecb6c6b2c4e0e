/**
 * Frames for slides: one step as SVG or PNG, a range of steps as an animated GIF, with a
 * progress callback and an AbortSignal for Cancel. The frames come from one source,
 * `rasterFrames` (pixels and how long each is shown), which a browser's video encoder
 * (WebCodecs or MediaRecorder) can take as well as the GIF encoder.
 */
import * as gifencModule from 'gifenc';
import type { FrameSource } from './frame-model.ts';
import { renderFrameSvg, type FrameSvgOptions } from './frame-svg.ts';
import { isAnimationRange } from './animation-range.ts';
import type { Rasterizer, RgbaImage } from './raster.ts';

export interface ExportProgress {
  /** Frames finished, of `total`. */
  done: number;
  total: number;
  /** The step of the frame last finished. */
  step: number;
}

export interface ExportControl {
  onProgress?: (progress: ExportProgress) => void;
  /** Cancels the export: the promise rejects with the signal's reason (an AbortError). */
  signal?: AbortSignal;
}

export interface StepRange {
  from: number;
  to: number;
}

/** One picture of a range, and how long it stays on screen. */
export interface RasterFrame extends RgbaImage {
  step: number;
  durationMs: number;
}

/**
 * gifenc's functions: bundlers read its ES module, while Node's own loader reads its CommonJS
 * build, whose exports arrive as the default export.
 */
const { applyPalette, GIFEncoder, quantize } =
  'GIFEncoder' in gifencModule
    ? gifencModule
    : (gifencModule as { default: typeof gifencModule }).default;

/** Lets the page (or the terminal's Ctrl+C) have its turn between two frames. */
const breathe = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** The SVG of one step. */
export function stepSvg(source: FrameSource, step: number, options: FrameSvgOptions): string {
  return renderFrameSvg(source.frame(step), options);
}

/** The PNG of one step. */
export function stepPng(
  source: FrameSource,
  step: number,
  options: FrameSvgOptions,
  rasterizer: Rasterizer,
): Uint8Array {
  return rasterizer.png(stepSvg(source, step, options));
}

/**
 * The frames of a range as pixels, in order, at `speed` times the app's pace at 1×. Checks
 * the signal before each frame and yields to the event loop after it.
 */
export async function* rasterFrames(
  source: FrameSource,
  range: StepRange,
  options: FrameSvgOptions & { speed?: number },
  rasterizer: Rasterizer,
  control: ExportControl = {},
): AsyncGenerator<RasterFrame> {
  // Each host says so in words before it asks; this is the bound itself.
  if (!isAnimationRange(range)) throw new RangeError('The range has too many steps to animate.');
  const total = countFrames(source, range);
  const speed = options.speed ?? 1;
  let done = 0;
  for (const frame of source.frames(range.from, range.to)) {
    control.signal?.throwIfAborted();
    const image = rasterizer.rgba(renderFrameSvg(frame.data, options));
    // A frame shows for at least a GIF's shortest reliable delay (browsers slow faster ones).
    const durationMs = Math.max(20, frame.durationMs / speed);
    yield { ...image, step: frame.data.step, durationMs };
    done++;
    control.onProgress?.({ done, total, step: frame.data.step });
    await breathe();
  }
}

/** How many frames `rasterFrames` yields for a range. */
export function countFrames(source: FrameSource, range: StepRange): number {
  let count = 0;
  for (let step = range.from; step <= range.to; step++) {
    const event = step > 0 ? source.events[step - 1] : undefined;
    if (event?.kind !== 'probe' || step === range.from || step === range.to) count++;
  }
  return count;
}

/**
 * An animated GIF of a range, looping. Each frame gets its own palette of 255 colours (gifenc's
 * PNN quantiser, on a sample of the frame's pixels: the app's flat colours need no more), and
 * the pixels that did not change since the frame before are left transparent over it, which
 * is what keeps a GIF of a hundred full-size frames small.
 */
export async function encodeGif(
  frames: AsyncIterable<RasterFrame>,
  control: ExportControl = {},
): Promise<Uint8Array> {
  const gif = GIFEncoder();
  let previous: Uint8Array | null = null;
  for await (const frame of frames) {
    control.signal?.throwIfAborted();
    const palette = quantize(samplePixels(frame.pixels, 4), 255, { format: 'rgb565' });
    const index = applyPalette(frame.pixels, palette, 'rgb565');
    const same = previous?.length === frame.pixels.length ? previous : null;
    const transparentIndex = palette.length;
    if (same) {
      const pixels = new Uint32Array(frame.pixels.buffer, frame.pixels.byteOffset, index.length);
      const before = new Uint32Array(same.buffer, same.byteOffset, index.length);
      for (let i = 0; i < index.length; i++)
        if (pixels[i] === before[i]) index[i] = transparentIndex;
    }
    gif.writeFrame(index, frame.width, frame.height, {
      palette: same ? [...palette, [0, 0, 0]] : palette,
      delay: frame.durationMs,
      repeat: 0,
      // Over the frame before: transparent pixels show it through.
      ...(same ? { transparent: true, transparentIndex, dispose: 1 } : { dispose: 1 }),
    });
    previous = frame.pixels;
  }
  gif.finish();
  return gif.bytes();
}

/** Every `stride`-th pixel (and every pixel of a small picture). */
function samplePixels(pixels: Uint8Array, stride: number): Uint8Array {
  const count = Math.ceil(pixels.length / 4 / stride);
  const sample = new Uint8Array(count * 4);
  for (let i = 0, j = 0; i < pixels.length; i += 4 * stride, j += 4) {
    sample[j] = pixels[i] as number;
    sample[j + 1] = pixels[i + 1] as number;
    sample[j + 2] = pixels[i + 2] as number;
    sample[j + 3] = pixels[i + 3] as number;
  }
  return sample;
}

/** The GIF of a range of steps. */
export function stepsGif(
  source: FrameSource,
  range: StepRange,
  options: FrameSvgOptions & { speed?: number },
  rasterizer: Rasterizer,
  control: ExportControl = {},
): Promise<Uint8Array> {
  return encodeGif(rasterFrames(source, range, options, rasterizer, control), control);
}

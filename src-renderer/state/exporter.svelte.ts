/**
 * The Export dialog's state: what to export (format, size, steps), the export under way with
 * its progress, and Cancel. The work itself is export/export-job.ts, run in a worker
 * (export/export-client.ts); saving goes through the host (the desktop's save dialog, the
 * browser's downloads).
 */
import type { LoopscopeApi } from '../../src-shared/api.ts';
import { MAX_FRAME_SIZE, MIN_FRAME_SIZE } from '../../src-shared/export/frame-svg.ts';
import { isAnimationRange, MAX_ANIMATION_STEPS } from '../../src-shared/export/animation-range.ts';
import type { ExportProgress } from '../../src-shared/export/render.ts';
import type { ThemeName } from '../../src-shared/palette.ts';
import type { ReplayFile } from '../../src-shared/replay-file.ts';
import { ExportWorker } from '../export/export-client.ts';
import { RANGE_FORMATS, type ExportFormat } from '../export/export-protocol.ts';

export const EXPORT_FORMATS: readonly ExportFormat[] = ['png', 'svg', 'gif', 'webm', 'html'];

/** The formats' own names, the same in every language. */
export const FORMAT_NAMES: Readonly<Record<ExportFormat, string>> = {
  png: 'PNG',
  svg: 'SVG',
  gif: 'GIF',
  webm: 'WebM',
  html: 'HTML',
};

/** Sizes a slide or a video is usually made at; any other can be typed. */
export const SIZE_PRESETS: readonly { width: number; height: number }[] = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
  { width: 3840, height: 2160 },
  { width: 1024, height: 768 },
  { width: 854, height: 480 },
];

/** What the dialog exports from: the replay on show, and how it is shown. */
export interface ExportSubject {
  replay: ReplayFile;
  name: string;
  step: number;
  theme: ThemeName;
  speed: number;
}

export type ExportOutcome = 'saved' | 'cancelled' | 'failed';

export class Exporter {
  /** What the dialog exports, while it is open. */
  subject = $state.raw<ExportSubject | null>(null);
  format = $state<ExportFormat>('png');
  width = $state(1280);
  height = $state(720);
  from = $state(0);
  to = $state(0);
  /** While an export runs: frames done of total (total 0 while it starts). */
  progress = $state.raw<ExportProgress | null>(null);
  /** What went wrong with the last export, in words. */
  error = $state<string | null>(null);
  /** How the last export ended. */
  outcome = $state<ExportOutcome | null>(null);
  private controller: AbortController | null = null;
  private readonly worker = new ExportWorker();

  constructor(private readonly api: LoopscopeApi) {}

  get open(): boolean {
    return this.subject !== null;
  }

  get busy(): boolean {
    return this.progress !== null;
  }

  /** The last step of the replay being exported. */
  get length(): number {
    return this.subject?.replay.events.length ?? 0;
  }

  /** Whether the format draws a range of steps. */
  get ranged(): boolean {
    return RANGE_FORMATS.has(this.format);
  }

  /** Whether the size and steps asked for can be drawn; a video's sides must be even. */
  get valid(): boolean {
    const inside = (value: number, min: number, max: number) =>
      Number.isInteger(value) && value >= min && value <= max;
    const sized =
      this.format === 'html' ||
      (inside(this.width, MIN_FRAME_SIZE.width, MAX_FRAME_SIZE.width) &&
        inside(this.height, MIN_FRAME_SIZE.height, MAX_FRAME_SIZE.height) &&
        (this.format !== 'webm' || (this.width % 2 === 0 && this.height % 2 === 0)));
    const stepped =
      !this.ranged ||
      (Number.isInteger(this.from) &&
        Number.isInteger(this.to) &&
        this.from >= 0 &&
        this.from < this.to &&
        this.to <= this.length &&
        this.animatable);
    return sized && stepped;
  }

  /** Whether the range is short enough to animate (`MAX_ANIMATION_STEPS`). */
  get animatable(): boolean {
    return isAnimationRange({ from: this.from, to: this.to });
  }

  /** Opens the dialog on a replay, with the whole run as the range. */
  show(subject: ExportSubject): void {
    this.subject = subject;
    // The whole run, or as much of its start as an animation shows.
    this.from = 0;
    this.to = Math.min(subject.replay.events.length, MAX_ANIMATION_STEPS - 1);
    this.error = null;
    this.outcome = null;
  }

  close(): void {
    this.cancel();
    // The worker holds a copy of the replay, which may be large: it goes with the dialog.
    this.worker.stop();
    this.subject = null;
  }

  setSize(width: number, height: number): void {
    this.width = width;
    this.height = height;
  }

  cancel(): void {
    this.controller?.abort();
  }

  /** Exports what the dialog says and offers it to save; closes the dialog once saved. */
  async start(): Promise<ExportOutcome> {
    const subject = this.subject;
    if (!subject || this.busy || !this.valid) return 'failed';
    const controller = new AbortController();
    this.controller = controller;
    this.error = null;
    this.outcome = null;
    this.progress = { done: 0, total: 0, step: this.from };
    let outcome: ExportOutcome;
    try {
      const result = await this.worker.run(
        {
          format: this.format,
          replay: subject.replay,
          name: subject.name,
          step: subject.step,
          range: { from: this.from, to: this.to },
          width: this.width,
          height: this.height,
          theme: subject.theme,
          language: subject.replay.language ?? 'en',
          speed: subject.speed,
        },
        { signal: controller.signal, onProgress: (progress) => (this.progress = progress) },
      );
      controller.signal.throwIfAborted();
      const size = this.format === 'html' ? '' : `-${this.width}x${this.height}`;
      const steps = this.ranged
        ? `-${this.from}-${this.to}`
        : this.format === 'html'
          ? ''
          : `-${subject.step}`;
      const saved = await this.api.lessons.saveFile(
        result.data,
        `${subject.name}${steps}${size}`,
        result.kind,
      );
      outcome = saved ? 'saved' : 'cancelled';
    } catch (error) {
      if (controller.signal.aborted) outcome = 'cancelled';
      else {
        outcome = 'failed';
        this.error = error instanceof Error ? error.message : String(error);
      }
    } finally {
      this.progress = null;
      this.controller = null;
    }
    this.outcome = outcome;
    return outcome;
  }
}

/**
 * What the page and the export worker (export-worker.ts) say to each other. The page sends the
 * replay in slices, each a short task of its own, so that copying a long trace never holds up
 * the page; then the job, which the worker answers with its progress and its file.
 */
import type { Language } from '../../src-shared/api.ts';
import type { ExportProgress, StepRange } from '../../src-shared/export/render.ts';
import type { ThemeName } from '../../src-shared/palette.ts';
import type { ReplayFile } from '../../src-shared/replay-file.ts';
import type { SaveKind } from '../../src-shared/save-kinds.ts';
import type { TraceEvent } from '../../src-shared/trace.ts';

export type ExportFormat = 'png' | 'svg' | 'gif' | 'webm' | 'html';

/** The formats that draw a range of steps; the others draw one step (or, HTML, all of them). */
export const RANGE_FORMATS: ReadonlySet<ExportFormat> = new Set(['gif', 'webm']);

export interface ExportRequest {
  format: ExportFormat;
  replay: ReplayFile;
  /** The replay's name, which an HTML replay says in its status line. */
  name: string;
  /** The step on show, for PNG and SVG. */
  step: number;
  /** The steps of a GIF or a video, both ends included. */
  range: StepRange;
  width: number;
  height: number;
  theme: ThemeName;
  language: Language;
  /** The player's speed: a GIF or a video runs at the pace the app plays at. */
  speed: number;
}

/** A request as the worker runs it: with where the HTML replay's player page is. */
export interface ExportJob extends ExportRequest {
  playerUrl: string;
}

export interface ExportResult {
  data: string | Uint8Array;
  kind: SaveKind;
}

export type PageMessage =
  /** A new replay to export from: all but its events, which follow in slices. */
  | { type: 'replay'; replay: Omit<ReplayFile, 'events'> }
  | { type: 'events'; events: TraceEvent[] }
  /** Exports from the replay sent last. */
  | { type: 'export'; job: Omit<ExportJob, 'replay'> };

export type WorkerMessage =
  | { type: 'progress'; progress: ExportProgress }
  | { type: 'done'; result: ExportResult }
  | { type: 'failed'; message: string };

/**
 * `loopscope export INPUT --format perfetto|svg|png|gif|html [options]`: turns a lesson's
 * scenario, a program, a trace or a replay file into a Perfetto trace, pictures for slides or
 * an HTML replay, so that a course's slides can be rebuilt by a script. Lessons and programs
 * run in the engine first.
 */
import { randomBytes } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { LANGUAGES, type Language } from '../../src-shared/api.ts';
import { isOneOf } from '../../src-shared/assert.ts';
import { FrameSource, sourceTitleOf, type FrameMeta } from '../../src-shared/export/frame-model.ts';
import {
  MAX_FRAME_SIZE,
  MIN_FRAME_SIZE,
  type FrameSvgOptions,
} from '../../src-shared/export/frame-svg.ts';
import { exportPerfetto, stringifyChromeTrace } from '../../src-shared/export/perfetto.ts';
import { createRasterizer } from '../../src-shared/export/raster.ts';
import { isAnimationRange, MAX_ANIMATION_STEPS } from '../../src-shared/export/animation-range.ts';
import { stepPng, stepsGif, stepSvg, type ExportProgress } from '../../src-shared/export/render.ts';
import { exportCatalog, type ExportKey } from '../../src-shared/i18n/catalog-export.ts';
import { plural, type Params } from '../../src-shared/i18n/translate.ts';
import { createTerminalTranslator, escapeLine } from './terminal-text.ts';
import { describeNotRunnableReason } from '../../src-shared/lesson/parse.ts';
import type { ThemeName } from '../../src-shared/palette.ts';
import {
  createReplayFile,
  describeReplayFileError,
  MAX_REPLAY_BYTES,
  parseReplayFile,
  type ReplayFile,
} from '../../src-shared/replay-file.ts';
import { fillReplayPage } from '../../src-shared/replay-page.ts';
import type { RunRequest, TraceEvent } from '../../src-shared/trace.ts';
import { NodeEngine } from '../node/engine.ts';
import { loadEmbeddedFonts, loadRasterAssets, REPLAY_PAGE_PATH } from './export-assets.ts';
import { formatDiagnostic, readLessonFile, type CliIo } from './io.ts';
import {
  describeFileError,
  errorMessage,
  readRegularFile,
  readTextFile,
  type ReadFailure,
} from './read-file.ts';

const EXIT_OK = 0;
const EXIT_FAILED = 1;
const EXIT_BAD_INPUT = 2;
const EXIT_INTERRUPTED = 130;

export type ExportFormat = 'perfetto' | 'svg' | 'png' | 'gif' | 'html';
const FORMATS: readonly ExportFormat[] = ['perfetto', 'svg', 'png', 'gif', 'html'];
const THEMES: readonly ThemeName[] = ['light', 'dark', 'contrast'];

interface Options {
  input: string;
  format: ExportFormat;
  scenario: number | null;
  steps: string | null;
  size: { width: number; height: number } | null;
  theme: ThemeName;
  language: Language;
  speed: number;
  embedFonts: boolean;
  output: string | null;
}

/** What to draw: the run's events, its code, and where they came from. */
interface Loaded {
  replay: ReplayFile;
  meta: FrameMeta;
  /** The input's name without its extension(s), for the default output name. */
  base: string;
}

/** A failure with its exit status and its message, already translated. */
class ExportFailure extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export interface ExportEnvironment {
  /** True when a person watches: a progress bar is drawn on stderr. */
  interactive: boolean;
  /** Aborts the export (Ctrl+C). */
  signal: AbortSignal;
}

/** Runs the command from the command line, with Ctrl+C as Cancel. */
export async function exportCommand(args: string[], io: CliIo): Promise<number> {
  const controller = new AbortController();
  const interrupt = () => controller.abort(new DOMException('Interrupted', 'AbortError'));
  process.once('SIGINT', interrupt);
  try {
    return await runExport(args, io, {
      interactive: io.isTTY && io.outIsTTY,
      signal: controller.signal,
    });
  } finally {
    process.off('SIGINT', interrupt);
  }
}

export async function runExport(
  args: string[],
  io: CliIo,
  env: ExportEnvironment,
): Promise<number> {
  const t = createTerminalTranslator(exportCatalog, io.language);
  const say = (key: ExportKey, params?: Params) => `loopscope export: ${t(key, params)}\n`;
  const progress = createProgress(io, env.interactive);
  try {
    const options = parseOptions(args, io);
    if (typeof options === 'number') return options;
    const loaded = await load(options, io, progress);
    const written = await write(options, loaded, env, progress);
    progress.clear();
    const size = (bytes: number) => `${Math.max(1, Math.round(bytes / 1024))} KB`;
    const first = written[0];
    const last = written.at(-1);
    if (written.length === 1 && first)
      io.err(say('cli.export.wrote', { file: first.path, size: size(first.bytes) }));
    else if (first && last) {
      io.err(
        say('cli.export.wrote-many', {
          count: written.length,
          files: plural(io.language, written.length, t('plural.files')),
          first: first.path,
          last: last.path,
        }),
      );
    }
    return EXIT_OK;
  } catch (error) {
    progress.clear();
    if (error instanceof ExportFailure) {
      io.err(`loopscope export: ${escapeLine(error.message)}\n`);
      return error.status;
    }
    if (env.signal.aborted) {
      io.err(say('cli.export.interrupted'));
      return EXIT_INTERRUPTED;
    }
    io.err(say('cli.export.failed', { reason: errorMessage(error) }));
    return EXIT_FAILED;
  }
}

// --- Options --------------------------------------------------------------------------------

function parseOptions(args: string[], io: CliIo): Options | number {
  const t = createTerminalTranslator(exportCatalog, io.language);
  const usage = t('cli.export.usage');
  const bad = (key: ExportKey, params?: Params) => {
    io.err(`loopscope export: ${t(key, params)}\n${usage}\n`);
    return EXIT_BAD_INPUT;
  };
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        format: { type: 'string' },
        scenario: { type: 'string' },
        steps: { type: 'string' },
        size: { type: 'string' },
        theme: { type: 'string' },
        lang: { type: 'string' },
        speed: { type: 'string' },
        'embed-fonts': { type: 'boolean' },
        output: { type: 'string', short: 'o' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    io.err(`loopscope export: ${escapeLine(errorMessage(error))}\n${usage}\n`);
    return EXIT_BAD_INPUT;
  }
  const values = parsed.values;
  if (values.help) {
    io.out(`${usage}\n`);
    return EXIT_OK;
  }
  const [input, ...extra] = parsed.positionals;
  if (input === undefined || extra.length > 0) return bad('cli.export.one-input');
  const format = values.format;
  if (format === undefined) return bad('cli.export.missing-format');
  if (!isOneOf(FORMATS, format)) return bad('cli.export.bad-format', { value: format });
  let scenario: number | null = null;
  if (values.scenario !== undefined) {
    scenario = Number(values.scenario);
    if (!Number.isSafeInteger(scenario) || scenario < 1)
      return bad('cli.export.bad-scenario', { numbers: '1, 2, …' });
  }
  let size: Options['size'] = null;
  if (values.size !== undefined) {
    const match = /^(\d+)[x×](\d+)$/i.exec(values.size.trim());
    const width = Number(match?.[1]);
    const height = Number(match?.[2]);
    const fits =
      match &&
      width >= MIN_FRAME_SIZE.width &&
      width <= MAX_FRAME_SIZE.width &&
      height >= MIN_FRAME_SIZE.height &&
      height <= MAX_FRAME_SIZE.height;
    if (!fits) {
      return bad('cli.export.bad-size', {
        min: `${MIN_FRAME_SIZE.width}x${MIN_FRAME_SIZE.height}`,
        max: `${MAX_FRAME_SIZE.width}x${MAX_FRAME_SIZE.height}`,
      });
    }
    size = { width, height };
  }
  const theme = values.theme ?? 'light';
  if (!isOneOf(THEMES, theme)) return bad('cli.export.bad-theme');
  const language = values.lang ?? io.language;
  if (!isOneOf(LANGUAGES, language)) return bad('cli.export.bad-lang');
  const speed = values.speed === undefined ? 1 : Number(values.speed);
  if (!(speed >= 0.25 && speed <= 8)) return bad('cli.export.bad-speed');
  return {
    input,
    format,
    scenario,
    steps: values.steps ?? null,
    size,
    theme,
    language,
    speed,
    embedFonts: values['embed-fonts'] === true,
    output: values.output ?? null,
  };
}

/** `K`, `A..B` (either end may be left out) or `all`, within 0 to `max`; null if malformed. */
export function parseSteps(text: string, max: number): { from: number; to: number } | null {
  if (text === 'all') return { from: 0, to: max };
  const match = /^(\d*)(?:\.\.(\d*))?$/.exec(text.trim());
  if (!match || (match[1] === '' && match[2] === undefined)) return null;
  const from = match[1] === '' ? 0 : Number(match[1]);
  const to = match[2] === undefined ? from : match[2] === '' ? max : Number(match[2]);
  return from <= to && to <= max ? { from, to } : null;
}

// --- Input ----------------------------------------------------------------------------------

async function load(options: Options, io: CliIo, progress: Progress): Promise<Loaded> {
  const t = createTerminalTranslator(exportCatalog, io.language);
  const path = options.input;
  const name = basename(path);
  const extension = extname(name).toLowerCase();
  const stem = (suffixes: RegExp) => name.replace(suffixes, '') || name;
  if (extension === '.md' || extension === '.markdown') {
    return loadLesson(options, io, progress, stem(/\.(md|markdown)$/i));
  }
  if (extension === '.py') {
    const source = await readTextFile(resolve(path), MAX_PROGRAM_MB);
    if (!source.ok) throw cannotRead(t, path, source, MAX_PROGRAM_MB, io.language);
    const meta: FrameMeta = { lesson: null, scenario: null, file: name };
    const events = await run({ code: source.text, filename: resolve(path) }, name, io, progress);
    return { replay: replayOf(source.text, events, null), meta, base: stem(/\.py$/i) };
  }
  if (extension === '.json' || extension === '.jsonl') {
    const invalid = (reason: string) =>
      new ExportFailure(EXIT_BAD_INPUT, t('cli.export.invalid-replay', { file: path, reason }));
    const file = await readRegularFile(path, MAX_REPLAY_BYTES);
    if (!file.ok) throw cannotRead(t, path, file, MAX_REPLAY_BYTES / 1024 / 1024, io.language);
    const bytes = file.bytes;
    const parsed = parseReplayFile(bytes);
    if (!parsed.ok) throw invalid(describeReplayFileError(parsed.error, io.language));
    const { lesson } = parsed.replay;
    const start = parsed.replay.events[0];
    const meta: FrameMeta = {
      lesson: lesson?.title ?? null,
      scenario: lesson?.scenario ?? null,
      file: lesson?.file ?? (start?.kind === 'run.start' ? basename(start.file) : name),
    };
    return { replay: parsed.replay, meta, base: stem(/(\.loopscope)?\.(json|jsonl)$/i) };
  }
  throw new ExportFailure(EXIT_BAD_INPUT, t('cli.export.unsupported-input'));
}

/** The largest program the command line reads, in megabytes, as `run` reads. */
const MAX_PROGRAM_MB = 10;

/** A file that cannot be read (missing, a folder, a pipe, too large, not text), said plainly. */
function cannotRead(
  t: (key: ExportKey, params?: Params) => string,
  file: string,
  failure: { reason: ReadFailure; detail?: string; code?: string; line?: number },
  limitMb: number,
  language: Language,
): ExportFailure {
  const reason = t(`cli.export.file.${failure.reason}`, {
    limit: Math.round(limitMb),
    reason: describeFileError(failure, language),
    line: failure.line ?? 1,
  });
  return new ExportFailure(EXIT_BAD_INPUT, t('cli.export.cannot-read', { file, reason }));
}

async function loadLesson(
  options: Options,
  io: CliIo,
  progress: Progress,
  base: string,
): Promise<Loaded> {
  const t = createTerminalTranslator(exportCatalog, io.language);
  const read = await readLessonFile(options.input, io.language);
  for (const diagnostic of read.diagnostics) {
    if (diagnostic.severity === 'error')
      io.err(`${formatDiagnostic(options.input, diagnostic, io.language)}\n`);
  }
  const lesson = read.lesson;
  // What is wrong with the file was said above: it, not a missing scenario, is the reason.
  if (!lesson || read.diagnostics.some((d) => d.severity === 'error'))
    throw new ExportFailure(EXIT_BAD_INPUT, t('cli.export.lesson-errors'));
  const numbers = lesson.scenarios.map((s) => s.number).join(', ');
  const scenario =
    options.scenario === null
      ? lesson.scenarios.find((s) => s.runnable)
      : lesson.scenarios.find((s) => s.number === options.scenario);
  if (!scenario) {
    throw new ExportFailure(
      EXIT_BAD_INPUT,
      options.scenario === null
        ? t('cli.export.no-runnable')
        : t('cli.export.bad-scenario', { numbers: numbers || '—' }),
    );
  }
  if (!scenario.runnable) {
    const reason = scenario.notRunnableReason
      ? describeNotRunnableReason(scenario.notRunnableReason, io.language)
      : '';
    throw new ExportFailure(
      EXIT_BAD_INPUT,
      t('cli.export.not-runnable', { number: scenario.number, reason }),
    );
  }
  const events = await run(
    { code: scenario.code, filename: 'main.py' },
    basename(options.input),
    io,
    progress,
  );
  const meta: FrameMeta = {
    lesson: lesson.title,
    scenario: { number: scenario.number, title: scenario.title },
    file: lesson.fileName,
  };
  const replay = replayOf(scenario.code, events, {
    title: lesson.title,
    file: lesson.fileName,
    scenario: { number: scenario.number, title: scenario.title },
  });
  return { replay, meta, base: options.scenario === null ? base : `${base}-${scenario.number}` };
}

function replayOf(code: string, events: TraceEvent[], lesson: ReplayFile['lesson']): ReplayFile {
  return { code, events, lesson, language: null, appVersion: null };
}

/** Runs a program in the engine and returns its trace. */
async function run(
  request: RunRequest,
  name: string,
  io: CliIo,
  progress: Progress,
): Promise<TraceEvent[]> {
  const t = createTerminalTranslator(exportCatalog, io.language);
  progress.show(t('cli.export.running', { file: name }), null);
  // One run: no next child prepares beside it, so the program has the machine to itself.
  const engine = new NodeEngine({ prepareNext: false });
  try {
    const result = await engine.run(request);
    const end = result.events.at(-1);
    if (end?.kind === 'run.end' && end.outcome === 'crashed') {
      io.err(`loopscope export: ${t('cli.export.engine-failed', { error: end.error ?? '' })}\n`);
    }
    return result.events;
  } catch (error) {
    throw new ExportFailure(
      EXIT_FAILED,
      t('cli.export.engine-failed', { error: errorMessage(error) }),
    );
  } finally {
    await engine.close();
  }
}

// --- Output ---------------------------------------------------------------------------------

interface Written {
  path: string;
  bytes: number;
}

async function write(
  options: Options,
  loaded: Loaded,
  env: ExportEnvironment,
  progress: Progress,
): Promise<Written[]> {
  const { replay, meta } = loaded;
  const messages = createTerminalTranslator(exportCatalog, progress.language);
  const target = (extension: string) => options.output ?? `${loaded.base}${extension}`;
  if (options.format === 'perfetto') {
    const title = sourceTitleOf(meta, progress.language) ?? meta.file;
    const text = stringifyChromeTrace(
      exportPerfetto(replay.events, { title, language: options.language }),
    );
    return [await save(target('.perfetto.json'), text, progress.language)];
  }
  if (options.format === 'html') {
    const page = await readFile(REPLAY_PAGE_PATH, 'utf8').catch(() => null);
    if (page === null) {
      throw new ExportFailure(
        EXIT_FAILED,
        messages('cli.export.no-replay-page', { file: REPLAY_PAGE_PATH }),
      );
    }
    const name = `${loaded.base}.loopscope.json`;
    const look = { name, theme: options.theme, language: options.language };
    const file = createReplayFile({ ...replay, language: options.language });
    return [await save(target('.html'), fillReplayPage(page, file, look), progress.language)];
  }
  const source = new FrameSource(replay.events, { meta, code: codeOf(replay) });
  const gif = options.format === 'gif';
  const size = options.size ?? (gif ? { width: 1280, height: 720 } : { width: 1920, height: 1080 });
  const svgOptions: FrameSvgOptions = { ...size, theme: options.theme, language: options.language };
  const range =
    options.steps === null
      ? gif
        ? { from: 0, to: source.length }
        : { from: source.length, to: source.length }
      : parseSteps(options.steps, source.length);
  if (!range)
    throw new ExportFailure(
      EXIT_BAD_INPUT,
      messages('cli.export.bad-steps', { max: source.length }),
    );
  if (gif && !isAnimationRange(range))
    throw new ExportFailure(
      EXIT_BAD_INPUT,
      messages('cli.export.too-many-steps', {
        count: range.to - range.from + 1,
        max: MAX_ANIMATION_STEPS,
      }),
    );
  const onProgress = (p: ExportProgress) =>
    progress.show(
      messages('cli.export.progress', {
        step: p.step,
        done: p.done,
        total: p.total,
        frames: plural(progress.language, p.total, messages('plural.frames')),
      }),
      p.done / p.total,
    );
  if (gif) {
    const rasterizer = await createRasterizer(await loadRasterAssets());
    const bytes = await stepsGif(
      source,
      range,
      { ...svgOptions, speed: options.speed },
      rasterizer,
      { onProgress, signal: env.signal },
    );
    return [await save(target('.gif'), bytes, progress.language)];
  }
  if (options.format === 'svg' && options.embedFonts) svgOptions.fonts = await loadEmbeddedFonts();
  const rasterizer =
    options.format === 'png' ? await createRasterizer(await loadRasterAssets()) : null;
  const extension = `.${options.format}`;
  const single = range.from === range.to;
  const written: Written[] = [];
  const total = range.to - range.from + 1;
  for (let step = range.from; step <= range.to; step++) {
    env.signal.throwIfAborted();
    const content = rasterizer
      ? stepPng(source, step, svgOptions, rasterizer)
      : stepSvg(source, step, svgOptions);
    const path =
      single && options.steps === null
        ? target(extension)
        : numbered(target(extension), step, source.length);
    written.push(await save(path, content, progress.language));
    onProgress({ done: step - range.from + 1, total, step });
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return written;
}

function codeOf(replay: ReplayFile): string {
  const start = replay.events[0];
  // The frames show the code that ran, which is the trace's; a replay's code may be edited since.
  return start?.kind === 'run.start' ? start.source : replay.code;
}

/** `slides/frame.png` for step 7 of a run of 120 → `slides/frame-007.png`: names sort by step. */
function numbered(path: string, step: number, last: number): string {
  const extension = extname(path);
  const digits = String(last).length;
  return `${path.slice(0, path.length - extension.length)}-${String(step).padStart(digits, '0')}${extension}`;
}

/** Writes a file whole or not at all: to a temporary name beside it, then renamed. */
async function save(
  path: string,
  content: string | Uint8Array,
  language: Language,
): Promise<Written> {
  const t = createTerminalTranslator(exportCatalog, language);
  const partial = `${path}.${randomBytes(4).toString('hex')}.partial`;
  try {
    await writeFile(partial, content);
    await rename(partial, path);
  } catch (error) {
    await rm(partial, { force: true });
    throw new ExportFailure(
      EXIT_FAILED,
      t('cli.export.cannot-write', { file: path, reason: errorMessage(error) }),
    );
  }
  const bytes = typeof content === 'string' ? Buffer.byteLength(content) : content.byteLength;
  return { path, bytes };
}

// --- Progress -------------------------------------------------------------------------------

interface Progress {
  language: Language;
  show(text: string, fraction: number | null): void;
  clear(): void;
}

/** A one-line progress bar on stderr, redrawn in place; nothing when no person watches. */
function createProgress(io: CliIo, interactive: boolean): Progress {
  let shown = false;
  return {
    language: io.language,
    show(text, fraction) {
      if (!interactive) return;
      const width = 24;
      const bar =
        fraction === null
          ? ''
          : `[${'#'.repeat(Math.round(fraction * width)).padEnd(width, '.')}] `;
      const columns = (process.stderr.columns || 80) - 1;
      io.err(`\r\x1b[K${`${bar}${text}`.slice(0, columns)}`);
      shown = true;
    },
    clear() {
      if (shown) io.err('\r\x1b[K');
      shown = false;
    },
  };
}

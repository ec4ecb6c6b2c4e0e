/**
 * A picture of one step as a standalone SVG: the code with the line being run, the loop's
 * clock, iteration and phase, the ready queue, the timer heap, the tasks and their states, the
 * console's tail, and a title (lesson, scenario, step k of n). A pure function of the frame's
 * data, its size, the theme and the language; it looks like the app (the same colours, from
 * src-shared/palette.ts, and the same words, from the shared catalog).
 *
 * Sizes follow the app's presentation mode: the type grows with the picture (1.4% of its
 * width, at most 2.5% of its height), so a frame reads on a slide at 1280×720 as at 1920×1080.
 */
import { assertExists } from '../assert.ts';
import type { Language } from '../api.ts';
import { exportCatalog, type ExportKey } from '../i18n/catalog-export.ts';
import { createTranslator, plural, type Params } from '../i18n/translate.ts';
import type { OutputChunk } from '../loop-state.ts';
import {
  PALETTES,
  taskColorOf,
  type Palette,
  type PaletteColor,
  type ThemeName,
} from '../palette.ts';
import {
  sourceTitleOf,
  type FrameData,
  type FrameHandle,
  type FrameTask,
  type FrameTimer,
} from './frame-model.ts';
import {
  escapeXml,
  fitText,
  highlightPython,
  MONO,
  MONO_ADVANCE,
  SANS,
  textWidth,
} from './svg-text.ts';

/** A font to embed in the SVG as a data URL, so that it looks the same everywhere. */
export interface EmbeddedFont {
  family: 'DejaVu Sans' | 'DejaVu Sans Mono';
  weight: 400 | 700;
  /** The font file, base64. */
  base64: string;
}

export interface FrameSvgOptions {
  width: number;
  height: number;
  theme: ThemeName;
  language: Language;
  /** Fonts to embed; by default the SVG names the bundled fonts and embeds none. */
  fonts?: readonly EmbeddedFont[];
}

/** The smallest and largest pictures drawn. */
export const MIN_FRAME_SIZE = { width: 480, height: 270 };
export const MAX_FRAME_SIZE = { width: 7680, height: 4320 };

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

type Translate = (key: ExportKey, params?: Params) => string;

/** What every part of the drawing needs: the palette, the unit of type, the words. */
class Pen {
  readonly parts: string[] = [];
  readonly t: Translate;
  private clips = 0;

  constructor(
    readonly palette: Palette,
    /** The body text's size in pixels: every length is a multiple of it. */
    readonly u: number,
    readonly language: Language,
  ) {
    this.t = createTranslator(exportCatalog, language);
  }

  color(name: PaletteColor): string {
    return this.palette.colors[name];
  }

  task(order: number | null): string {
    return order === null ? this.color('muted') : taskColorOf(this.palette, order);
  }

  seconds(value: number): string {
    if (!Number.isFinite(value)) return this.t('time.infinite');
    const number = new Intl.NumberFormat(this.language, {
      maximumFractionDigits: 3,
      useGrouping: false,
    }).format(value);
    return this.t('time.seconds', { value: number });
  }

  plural(count: number, key: ExportKey): string {
    return plural(this.language, count, this.t(key));
  }

  add(part: string): void {
    this.parts.push(part);
  }

  rect(box: Box, fill: string, extra = ''): void {
    this.add(
      `<rect x="${r(box.x)}" y="${r(box.y)}" width="${r(box.w)}" height="${r(box.h)}" fill="${fill}"${extra}/>`,
    );
  }

  text(
    x: number,
    y: number,
    content: string,
    style: {
      size: number;
      fill: string;
      font?: 'sans' | 'mono';
      bold?: boolean;
      anchor?: 'end' | 'middle';
      italic?: boolean;
      spacing?: number;
    },
  ): void {
    const attributes = [
      `x="${r(x)}"`,
      `y="${r(y)}"`,
      `font-size="${r(style.size)}"`,
      `fill="${style.fill}"`,
      style.font === 'mono' ? `font-family="${MONO}"` : '',
      style.bold ? 'font-weight="bold"' : '',
      style.italic ? 'font-style="italic"' : '',
      style.anchor ? `text-anchor="${style.anchor}"` : '',
      style.spacing ? `letter-spacing="${r(style.spacing)}"` : '',
    ].filter(Boolean);
    this.add(`<text ${attributes.join(' ')} xml:space="preserve">${escapeXml(content)}</text>`);
  }

  /** A muted, italic remark (an empty queue, no output yet), cut to fit `width`. */
  note(x: number, y: number, text: string, width: number, size: number): void {
    this.text(x, y, fitText(text, width, size, 'sans'), {
      size,
      fill: this.color('muted'),
      italic: true,
    });
  }

  /** Starts a group clipped to `box`; end it with `this.add('</g>')`. */
  clip(box: Box): void {
    const id = `clip${this.clips++}`;
    this.add(
      `<clipPath id="${id}"><rect x="${r(box.x)}" y="${r(box.y)}" width="${r(box.w)}" height="${r(box.h)}"/></clipPath><g clip-path="url(#${id})">`,
    );
  }

  /** A panel as the app draws one: a box and an upper-case title; returns its inside. */
  panel(box: Box, title: string, aside = ''): Box {
    const u = this.u;
    this.rect(
      box,
      this.color('panel'),
      ` rx="${r(0.4 * u)}" stroke="${this.color('border')}" stroke-width="${r(this.stroke())}"`,
    );
    const size = 0.72 * u;
    this.text(box.x + 0.7 * u, box.y + 1.2 * u, title.toLocaleUpperCase(this.language), {
      size,
      fill: this.color('muted'),
      bold: true,
      spacing: 0.06 * size,
    });
    if (aside) {
      this.text(box.x + box.w - 0.7 * u, box.y + 1.2 * u, aside, {
        size,
        fill: this.color('muted'),
        anchor: 'end',
      });
    }
    const top = 1.75 * u;
    this.add(
      `<line x1="${r(box.x)}" y1="${r(box.y + top)}" x2="${r(box.x + box.w)}" y2="${r(box.y + top)}" stroke="${this.color('border')}" stroke-width="${r(this.stroke() / 2)}"/>`,
    );
    return { x: box.x, y: box.y + top, w: box.w, h: box.h - top };
  }

  stroke(): number {
    return Math.max(1, (this.palette === PALETTES.contrast ? 2 : 1.5) * (this.u / 16));
  }
}

const r = (value: number) => Math.round(value * 10) / 10;

/** Draws the frame. The result is a complete SVG document. */
export function renderFrameSvg(frame: FrameData, options: FrameSvgOptions): string {
  const width = clamp(Math.round(options.width), MIN_FRAME_SIZE.width, MAX_FRAME_SIZE.width);
  const height = clamp(Math.round(options.height), MIN_FRAME_SIZE.height, MAX_FRAME_SIZE.height);
  const u = Math.max(10, Math.min(0.014 * width, 0.025 * height));
  const pen = new Pen(PALETTES[options.theme], u, options.language);
  const m = 0.55 * u;
  pen.rect({ x: 0, y: 0, w: width, h: height }, pen.color('bg'));

  const titleH = 2.3 * u;
  drawTitle(pen, frame, { x: 0, y: 0, w: width, h: titleH });
  const top = titleH + m;
  const bottom = height - m;
  const leftW = Math.round((width - 3 * m) * 0.46);
  const rightX = 2 * m + leftW;
  const rightW = width - rightX - m;

  const codeH = Math.round((bottom - top - m) * 0.64);
  drawCode(pen, frame, { x: m, y: top, w: leftW, h: codeH });
  drawConsole(pen, frame, { x: m, y: top + codeH + m, w: leftW, h: bottom - top - codeH - m });

  const headerH = 2.3 * u;
  drawHeader(pen, frame, { x: rightX, y: top, w: rightW, h: headerH });
  const readyY = top + headerH + m;
  const readyH = 7.4 * u;
  drawReadyQueue(pen, frame, { x: rightX, y: readyY, w: rightW, h: readyH });
  const rowY = readyY + readyH + m;
  const timersW = Math.round((rightW - m) * 0.38);
  drawTimers(pen, frame, { x: rightX, y: rowY, w: timersW, h: bottom - rowY });
  drawTasks(pen, frame, {
    x: rightX + timersW + m,
    y: rowY,
    w: rightW - timersW - m,
    h: bottom - rowY,
  });

  const title = escapeXml(frameTitle(pen, frame));
  const style = fontFaces(options.fonts ?? []);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${SANS}" lang="${options.language}">` +
    `<title>${title}</title>${style}${pen.parts.join('')}</svg>`
  );
}

/** Words of `text` in at most `maxLines` lines of `width` (bold sans), the last cut to fit. */
function wrapText(text: string, width: number, size: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && textWidth(candidate, size, 'sans', true) > width) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  lines.push(line);
  const kept = lines.slice(0, maxLines);
  const rest = lines.slice(kept.length - 1).join(' ');
  kept[kept.length - 1] = fitText(rest, width, size, 'sans', true);
  return kept;
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, Number.isFinite(value) ? value : low));
}

function fontFaces(fonts: readonly EmbeddedFont[]): string {
  if (fonts.length === 0) return '';
  const faces = fonts.map(
    (font) =>
      `@font-face{font-family:'${font.family}';font-weight:${font.weight};src:url(data:font/ttf;base64,${font.base64}) format('truetype')}`,
  );
  return `<style>${faces.join('')}</style>`;
}

/** Lesson — scenario, or the program's file; then the step. */
function frameTitle(pen: Pen, frame: FrameData): string {
  return [sourceTitle(pen, frame), stepOf(pen, frame)].join(' · ');
}

function sourceTitle(pen: Pen, frame: FrameData): string {
  return sourceTitleOf(frame.meta, pen.language) ?? (frame.meta.file || pen.t('frame.untitled'));
}

function stepOf(pen: Pen, frame: FrameData): string {
  return pen.t('controls.step-of', { step: frame.step, total: frame.total });
}

function drawTitle(pen: Pen, frame: FrameData, box: Box): void {
  const u = pen.u;
  pen.rect(box, pen.color('panel'));
  pen.add(
    `<line x1="0" y1="${r(box.h)}" x2="${r(box.w)}" y2="${r(box.h)}" stroke="${pen.color('border')}" stroke-width="${r(pen.stroke())}"/>`,
  );
  const baseline = box.y + box.h / 2 + 0.38 * u;
  const brand = 'Loopscope';
  const brandSize = 1.15 * u;
  pen.text(box.x + 0.7 * u, baseline, brand, {
    size: brandSize,
    fill: pen.color('accent'),
    bold: true,
  });
  const step = stepOf(pen, frame);
  const stepSize = 1.05 * u;
  pen.text(box.w - 0.7 * u, baseline, step, {
    size: stepSize,
    fill: pen.color('fg'),
    bold: true,
    anchor: 'end',
  });
  const left = box.x + 0.7 * u + textWidth(brand, brandSize, 'sans', true) + 1.2 * u;
  const room = box.w - 0.7 * u - textWidth(step, stepSize, 'sans', true) - 1.2 * u - left;
  pen.text(left, baseline, fitText(sourceTitle(pen, frame), room, u, 'sans', true), {
    size: u,
    fill: pen.color('fg'),
    bold: true,
  });
}

function drawHeader(pen: Pen, frame: FrameData, box: Box): void {
  const u = pen.u;
  const blocked = frame.phase === 'blocked';
  const accent = blocked
    ? pen.color('danger')
    : frame.phase === 'ended'
      ? pen.color('muted')
      : pen.color('accent');
  pen.rect(
    box,
    pen.color('panel'),
    ` rx="${r(0.4 * u)}" stroke="${blocked ? accent : pen.color('border')}" stroke-width="${r(pen.stroke())}"`,
  );
  pen.rect({ x: box.x, y: box.y, w: 0.3 * u, h: box.h }, accent, ` rx="${r(0.15 * u)}"`);
  const baseline = box.y + box.h / 2 + 0.38 * u;
  const labelSize = 0.68 * u;
  const valueSize = 1.05 * u;
  const label = (x: number, text: string, anchor?: 'end') => {
    const upper = text.toLocaleUpperCase(pen.language);
    pen.text(x, baseline, upper, {
      size: labelSize,
      fill: pen.color('muted'),
      bold: true,
      spacing: 0.06 * labelSize,
      anchor,
    });
    return textWidth(upper, labelSize, 'sans', true) + upper.length * 0.06 * labelSize;
  };
  // The clock sits at the right end; the phase takes the room left between.
  const time = pen.seconds(frame.time);
  const timeX = box.x + box.w - 0.8 * u;
  pen.text(timeX, baseline, time, {
    size: valueSize,
    fill: pen.color('fg'),
    bold: true,
    anchor: 'end',
  });
  const timeLabelEnd = timeX - textWidth(time, valueSize, 'sans', true) - 0.5 * u;
  let x = box.x + u;
  x += label(x, pen.t('header.iteration')) + 0.5 * u;
  const iteration = frame.iteration === null ? '—' : String(frame.iteration);
  pen.text(x, baseline, iteration, { size: valueSize, fill: pen.color('fg'), bold: true });
  x += textWidth(iteration, valueSize, 'sans', true) + 1.4 * u;
  x += label(x, pen.t('header.phase')) + 0.5 * u;
  const phase = frame.outcome ? outcomeText(pen, frame) : pen.t(`phase.${frame.phase}`);
  const width = textWidth(phase, valueSize, 'sans', true);
  // A long phase first takes the clock's label's room (the clock's value stays), then gets
  // smaller type, and is cut only when even that does not fit.
  const timeLabel = pen.t('header.time').toLocaleUpperCase(pen.language);
  const labelWidth =
    textWidth(timeLabel, labelSize, 'sans', true) + timeLabel.length * 0.06 * labelSize;
  const withLabel = timeLabelEnd - labelWidth - 1.2 * u - x;
  if (width <= withLabel) label(timeLabelEnd, pen.t('header.time'), 'end');
  const room = width <= withLabel ? withLabel : timeLabelEnd - 0.7 * u - x;
  const phaseSize = width > room ? Math.max(0.75 * u, (valueSize * room) / width) : valueSize;
  pen.text(x, baseline, fitText(phase, room, phaseSize, 'sans', true), {
    size: phaseSize,
    fill: blocked ? pen.color('danger') : pen.color('fg'),
    bold: true,
  });
}

function outcomeText(pen: Pen, frame: FrameData): string {
  const outcome = frame.outcome;
  if (!outcome) return '';
  return pen.t(`frame.outcome.${outcome.kind}`, { code: outcome.exitCode });
}

// --- Code -----------------------------------------------------------------------------------

function drawCode(pen: Pen, frame: FrameData, box: Box): void {
  const u = pen.u;
  const inside = pen.panel(box, pen.t('view.code'));
  const size = 0.9 * u;
  const lineH = 1.5 * size;
  const lines = highlightPython(frame.code);
  const visible = Math.max(1, Math.floor((inside.h - 0.5 * u) / lineH));
  const focus = frame.currentLine ?? [...frame.pausedLines.keys()][0] ?? 1;
  const first = Math.max(1, Math.min(focus - Math.floor(visible / 3), lines.length - visible + 1));
  const digits = String(Math.max(lines.length, 1)).length;
  const gutterW = (digits + 2.6) * MONO_ADVANCE * size;
  const codeBox = { x: inside.x, y: inside.y, w: inside.w, h: inside.h };
  pen.rect(
    { x: inside.x + pen.stroke() / 2, y: inside.y, w: gutterW, h: inside.h - 0.4 * u },
    pen.color('panel-2'),
  );
  pen.clip(codeBox);
  for (let index = 0; index < visible; index++) {
    const number = first + index;
    const runs = lines[number - 1];
    if (!runs) break;
    const top = inside.y + 0.25 * u + index * lineH;
    const baseline = top + lineH * 0.72;
    const current = number === frame.currentLine;
    const paused = frame.pausedLines.get(number);
    if (current || paused) {
      pen.rect(
        { x: inside.x + gutterW, y: top, w: inside.w - gutterW, h: lineH },
        pen.color(current ? 'line-current' : 'line-paused'),
      );
    }
    if (current)
      pen.rect({ x: inside.x + gutterW, y: top, w: 0.22 * u, h: lineH }, pen.color('now'));
    (paused ?? []).slice(0, 3).forEach((order, i) => {
      pen.add(
        `<circle cx="${r(inside.x + 0.45 * u + i * 0.5 * u)}" cy="${r(top + lineH / 2)}" r="${r(0.2 * u)}" fill="${pen.task(order)}"/>`,
      );
    });
    pen.text(inside.x + gutterW - 0.5 * MONO_ADVANCE * size, baseline, String(number), {
      size,
      fill: pen.color('muted'),
      font: 'mono',
      anchor: 'end',
    });
    const spans = runs
      .map((run) => {
        const style = run.italic ? ' font-style="italic"' : '';
        return `<tspan fill="${pen.color(run.color)}"${style}>${escapeXml(run.text)}</tspan>`;
      })
      .join('');
    pen.add(
      `<text x="${r(inside.x + gutterW + 0.6 * u)}" y="${r(baseline)}" font-size="${r(size)}" font-family="${MONO}"${current ? ' font-weight="bold"' : ''} xml:space="preserve">${spans}</text>`,
    );
  }
  pen.add('</g>');
}

// --- Console --------------------------------------------------------------------------------

function toneColor(chunk: OutputChunk): PaletteColor {
  switch (chunk.tone) {
    case 'out':
      return 'fg';
    case 'err':
    case 'traceback':
      return 'danger';
    case 'warning':
      return 'warn';
    case 'log':
      return 'muted';
  }
}

function drawConsole(pen: Pen, frame: FrameData, box: Box): void {
  const u = pen.u;
  const inside = pen.panel(box, pen.t('view.console'));
  const size = 0.85 * u;
  const lineH = 1.45 * size;
  const visible = Math.max(1, Math.floor((inside.h - 0.5 * u) / lineH));
  const lines: { text: string; color: PaletteColor; latest: boolean }[] = [];
  let open = false;
  for (const chunk of frame.output) {
    const parts = chunk.text.split('\n');
    parts.forEach((part, i) => {
      const latest = chunk.seq === frame.latestOutput;
      if (i === 0 && open) {
        const last = lines.at(-1);
        if (last) {
          last.text += part;
          last.latest ||= latest;
        }
      } else if (i < parts.length - 1 || part !== '') {
        lines.push({ text: part, color: toneColor(chunk), latest });
      }
    });
    open = !chunk.text.endsWith('\n');
  }
  const x = inside.x + 0.7 * u;
  const maxWidth = inside.w - 1.4 * u;
  if (lines.length === 0) {
    pen.note(x, inside.y + 0.3 * u + lineH * 0.75, pen.t('console.empty'), maxWidth, size);
    return;
  }
  const shown = lines.slice(-visible);
  shown.forEach((line, index) => {
    const top = inside.y + 0.3 * u + index * lineH;
    if (line.latest)
      pen.rect({ x: inside.x + 0.3 * u, y: top, w: 0.18 * u, h: lineH }, pen.color('accent'));
    pen.text(x, top + lineH * 0.75, fitText(line.text, maxWidth, size, 'mono'), {
      size,
      fill: pen.color(line.color),
      font: 'mono',
      bold: line.latest,
    });
  });
}

// --- Ready queue ----------------------------------------------------------------------------

function handleCaption(pen: Pen, handle: FrameHandle): string {
  let caption: string;
  if (handle.role === 'step') caption = pen.t(handle.firstStep ? 'role.first-step' : 'role.step');
  else if (handle.role === 'sleep' && handle.ownerName)
    caption = `${pen.t('role.sleep')} · ${handle.ownerName}`;
  else caption = pen.t(`role.${handle.role}`);
  return handle.cancelled ? `${caption} · ${pen.t('handle.cancelled')}` : caption;
}

const CHIP_LABEL = 0.82;
const CHIP_CAPTION = 0.7;

function chipWidth(pen: Pen, handle: FrameHandle, max: number): number {
  const u = pen.u;
  const label = textWidth(handle.label, CHIP_LABEL * u, 'mono', true);
  const caption = textWidth(handleCaption(pen, handle), CHIP_CAPTION * u, 'sans');
  return Math.min(max, Math.max(label, caption) + 1.5 * u);
}

function drawChip(pen: Pen, handle: FrameHandle, x: number, y: number, w: number, h: number): void {
  const u = pen.u;
  const color = pen.task(handle.ownerOrder);
  const opacity = handle.cancelled ? 0.45 : handle.internal ? 0.6 : 1;
  pen.add(`<g opacity="${opacity}">`);
  const dash = handle.cancelled ? ` stroke-dasharray="${r(0.3 * u)} ${r(0.2 * u)}"` : '';
  pen.rect(
    { x, y, w, h },
    pen.color('panel'),
    ` rx="${r(0.3 * u)}" stroke="${color}" stroke-width="${r(pen.stroke())}"${dash}`,
  );
  pen.rect({ x, y, w: 0.3 * u, h }, color, ` rx="${r(0.15 * u)}"`);
  const inner = w - 1.2 * u;
  pen.text(x + 0.75 * u, y + 0.45 * h, fitText(handle.label, inner, CHIP_LABEL * u, 'mono', true), {
    size: CHIP_LABEL * u,
    fill: pen.color('fg'),
    font: 'mono',
    bold: true,
  });
  pen.text(
    x + 0.75 * u,
    y + 0.82 * h,
    fitText(handleCaption(pen, handle), inner, CHIP_CAPTION * u, 'sans'),
    {
      size: CHIP_CAPTION * u,
      fill: pen.color('muted'),
    },
  );
  pen.add('</g>');
}

/** A small filled arrow, drawn as a path: no symbol comes from a font. */
function arrow(
  pen: Pen,
  x: number,
  y: number,
  size: number,
  direction: 'left' | 'up',
  fill: string,
): void {
  const s = size / 2;
  const d =
    direction === 'left'
      ? `M${r(x + s)} ${r(y - s)}L${r(x - s)} ${r(y)}L${r(x + s)} ${r(y + s)}Z`
      : `M${r(x - s * 0.8)} ${r(y + s * 0.2)}L${r(x)} ${r(y - s)}L${r(x + s * 0.8)} ${r(y + s * 0.2)}Z` +
        `M${r(x - s * 0.22)} ${r(y)}H${r(x + s * 0.22)}V${r(y + s)}H${r(x - s * 0.22)}Z`;
  pen.add(`<path d="${d}" fill="${fill}"/>`);
}

function drawReadyQueue(pen: Pen, frame: FrameData, box: Box): void {
  const u = pen.u;
  const inside = pen.panel(box, pen.t('view.ready-queue'));
  const chipH = 2.5 * u;
  const slotW = Math.min(15 * u, inside.w * 0.36);
  const slot = { x: inside.x + 0.6 * u, y: inside.y + 0.55 * u, w: slotW, h: chipH + 1.5 * u };
  pen.rect(
    slot,
    'none',
    ` rx="${r(0.3 * u)}" stroke="${pen.color('run')}" stroke-width="${r(pen.stroke())}" stroke-dasharray="${r(0.3 * u)} ${r(0.2 * u)}"`,
  );
  const slotTitle = pen.t('ready.running').toLocaleUpperCase(pen.language);
  pen.text(
    slot.x + 0.4 * u,
    slot.y + 0.85 * u,
    fitText(slotTitle, slotW - 0.8 * u, 0.62 * u, 'sans', true),
    {
      size: 0.62 * u,
      fill: pen.color('run'),
      bold: true,
    },
  );
  const chipY = slot.y + 1.15 * u;
  if (frame.running) drawChip(pen, frame.running, slot.x + 0.3 * u, chipY, slotW - 0.6 * u, chipH);
  else {
    pen.note(slot.x + 0.5 * u, chipY + chipH * 0.6, pen.t('ready.idle'), slotW - u, 0.78 * u);
  }
  arrow(pen, slot.x + slotW + 0.8 * u, chipY + chipH / 2, 0.8 * u, 'left', pen.color('muted'));

  const laneX = slot.x + slotW + 1.6 * u;
  const laneW = inside.x + inside.w - 0.6 * u - laneX;
  const lane = { x: laneX, y: chipY - 0.3 * u, w: laneW, h: chipH + 0.6 * u };
  pen.rect(lane, pen.color('panel-2'), ` rx="${r(0.3 * u)}"`);
  if (frame.ready.length === 0) {
    pen.note(lane.x + 0.6 * u, chipY + chipH * 0.6, pen.t('ready.empty'), laneW - u, 0.85 * u);
  } else {
    const gap = 0.4 * u;
    const maxChip = Math.max(6 * u, laneW * 0.7);
    const widths = frame.ready.map((handle) => chipWidth(pen, handle, maxChip));
    const moreW = (count: number) =>
      textWidth(pen.t('ready.more', { count }), 0.8 * u, 'sans', true) + 1.2 * u;
    let x = lane.x + 0.3 * u;
    let shown = 0;
    const end = lane.x + laneW - 0.3 * u;
    for (const [index, handle] of frame.ready.entries()) {
      const w = assertExists(widths[index], 'every handle on show has a width');
      const left = widths.length - shown - 1;
      if (x + w + (left > 0 ? gap + moreW(left) : 0) > end) break;
      drawChip(pen, handle, x, chipY, w, chipH);
      x += w + gap;
      shown++;
    }
    if (shown < widths.length) {
      pen.text(
        x + 0.2 * u,
        chipY + chipH * 0.6,
        pen.t('ready.more', { count: widths.length - shown }),
        {
          size: 0.8 * u,
          fill: pen.color('muted'),
          bold: true,
        },
      );
    }
  }
  const legendY = lane.y + lane.h + 0.95 * u;
  const size = 0.68 * u;
  arrow(pen, laneX + 0.6 * u, legendY - 0.3 * u, 0.6 * u, 'up', pen.color('muted'));
  const half = laneW / 2 - 1.2 * u;
  const head = fitText(pen.t('ready.head'), half, size, 'sans');
  pen.text(laneX + 1.1 * u, legendY, head, { size, fill: pen.color('muted') });
  const tailEnd = lane.x + laneW - 0.3 * u;
  arrow(pen, tailEnd - 0.3 * u, legendY - 0.3 * u, 0.6 * u, 'up', pen.color('muted'));
  pen.text(tailEnd - 0.8 * u, legendY, fitText(pen.t('ready.tail'), half, size, 'sans'), {
    size,
    fill: pen.color('muted'),
    anchor: 'end',
  });
}

// --- Timers ---------------------------------------------------------------------------------

function drawTimers(pen: Pen, frame: FrameData, box: Box): void {
  const u = pen.u;
  const inside = pen.panel(box, pen.t('view.timers'));
  const x = inside.x + 0.7 * u;
  const room = inside.w - 1.4 * u;
  const heading = wrapText(pen.t('timers.heap'), room, 0.7 * u, 2);
  heading.forEach((line, i) => {
    pen.text(x, inside.y + 1.2 * u + i * 0.95 * u, line, {
      size: 0.7 * u,
      fill: pen.color('muted'),
      bold: true,
    });
  });
  const top = inside.y + 0.85 * u + heading.length * 0.95 * u;
  if (frame.timers.length === 0) {
    pen.note(x, top + 1.1 * u, pen.t('timers.empty'), room, 0.85 * u);
    return;
  }
  const rowH = 1.55 * u;
  const fits = Math.max(1, Math.floor((inside.y + inside.h - top - 0.3 * u) / rowH));
  const shown = frame.timers.length > fits ? frame.timers.slice(0, fits - 1) : frame.timers;
  shown.forEach((timer, index) => drawTimer(pen, timer, x, top + index * rowH, room, rowH));
  if (shown.length < frame.timers.length) {
    pen.text(
      x,
      top + shown.length * rowH + rowH * 0.65,
      pen.t('ready.more', { count: frame.timers.length - shown.length }),
      {
        size: 0.78 * u,
        fill: pen.color('muted'),
        bold: true,
      },
    );
  }
}

function drawTimer(
  pen: Pen,
  timer: FrameTimer,
  x: number,
  y: number,
  room: number,
  rowH: number,
): void {
  const u = pen.u;
  const baseline = y + rowH * 0.68;
  pen.add(`<g opacity="${timer.cancelled ? 0.45 : 1}">`);
  pen.rect(
    { x, y: y + 0.15 * u, w: 0.28 * u, h: rowH - 0.3 * u },
    pen.task(timer.ownerOrder),
    ` rx="${r(0.1 * u)}"`,
  );
  const size = 0.82 * u;
  pen.text(x + 0.6 * u, baseline, String(timer.heapIndex), {
    size,
    fill: pen.color('muted'),
    font: 'mono',
  });
  const when = pen.seconds(timer.when);
  const whenX = x + 0.6 * u + 2.5 * MONO_ADVANCE * size;
  pen.text(whenX, baseline, when, { size, fill: pen.color('fg'), font: 'mono', bold: true });
  const whoX = whenX + textWidth(when, size, 'mono', true) + 0.6 * u;
  const who = timer.ownerName ?? timer.label;
  const label = timer.cancelled ? `${who} · ${pen.t('handle.cancelled')}` : who;
  pen.text(whoX, baseline, fitText(label, x + room - whoX, 0.8 * u, 'sans'), {
    size: 0.8 * u,
    fill: pen.color('fg'),
  });
  pen.add('</g>');
}

// --- Tasks ----------------------------------------------------------------------------------

function taskDetail(pen: Pen, task: FrameTask): string {
  const awaiting = task.awaiting;
  if (task.status === 'suspended' && awaiting) {
    switch (awaiting.kind) {
      case 'sleep':
        return pen.t('awaiting.sleep', { time: pen.seconds(awaiting.until ?? Infinity) });
      case 'task':
        return pen.t('awaiting.task', { name: awaiting.name });
      case 'gather': {
        const count = awaiting.children.length;
        return pen.t('awaiting.gather', {
          tasks: `${count} ${pen.plural(count, 'noun.tasks-of')}`,
        });
      }
      case 'future':
        return pen.t('awaiting.future', { label: awaiting.label });
    }
  }
  if (task.status === 'failed' && task.exception) {
    return pen.t('task.exception', { type: task.exception.type, message: task.exception.message });
  }
  if (task.status === 'done' && task.result !== null)
    return pen.t('task.result', { value: task.result });
  if (task.cancelRequested && task.status !== 'cancelled') return pen.t('task.cancel-requested');
  return task.line === null ? '' : pen.t('task.line', { line: task.line });
}

/** The status badge's colours, as the app's task card draws them. */
function badgeColors(
  pen: Pen,
  status: FrameTask['status'],
): { fill: string; stroke: string; text: string } {
  switch (status) {
    case 'running':
      return { fill: pen.color('run'), stroke: pen.color('run'), text: pen.color('panel') };
    case 'ready':
    case 'scheduled':
      return { fill: pen.color('panel-2'), stroke: pen.color('ready'), text: pen.color('ready') };
    case 'failed':
      return { fill: pen.color('danger'), stroke: pen.color('danger'), text: pen.color('panel') };
    case 'done':
      return { fill: pen.color('panel-2'), stroke: pen.color('ok'), text: pen.color('ok') };
    default:
      return { fill: pen.color('panel-2'), stroke: pen.color('border'), text: pen.color('fg') };
  }
}

/** Which tasks a full panel shows: the ones still alive first, then the newest ended ones. */
function pickTasks(tasks: readonly FrameTask[], room: number): FrameTask[] {
  if (tasks.length <= room) return [...tasks];
  const ended = (task: FrameTask) => ['done', 'failed', 'cancelled'].includes(task.status);
  const alive = tasks.filter((task) => !ended(task)).slice(0, room);
  const endedRoom = room - alive.length;
  const picked = new Set([
    ...alive,
    ...(endedRoom > 0 ? tasks.filter(ended).slice(-endedRoom) : []),
  ]);
  return tasks.filter((task) => picked.has(task));
}

function drawTasks(pen: Pen, frame: FrameData, box: Box): void {
  const u = pen.u;
  const count = frame.tasks.length;
  // The program's own tasks, as the app's header counts them: not asyncio.run's shutdown ones.
  const own = frame.tasks.filter((task) => !task.internal).length;
  const aside =
    own > 0 ? pen.t('tasks.more', { tasks: `${own} ${pen.plural(own, 'plural.tasks')}` }) : '';
  const inside = pen.panel(box, pen.t('view.tasks'), aside);
  if (count === 0) {
    pen.note(
      inside.x + 0.7 * u,
      inside.y + 1.4 * u,
      pen.t('tasks.empty'),
      inside.w - 1.4 * u,
      0.85 * u,
    );
    return;
  }
  const gap = 0.45 * u;
  const columns = inside.w > 26 * u ? 2 : 1;
  const cardW = (inside.w - 1.2 * u - gap * (columns - 1)) / columns;
  const cardH = 3.55 * u;
  const rows = Math.max(1, Math.floor((inside.h - 0.5 * u + gap) / (cardH + gap)));
  const shown = pickTasks(frame.tasks, rows * columns);
  shown.forEach((task, index) => {
    const column = index % columns;
    const row = Math.floor(index / columns);
    drawTaskCard(
      pen,
      task,
      inside.x + 0.6 * u + column * (cardW + gap),
      inside.y + 0.5 * u + row * (cardH + gap),
      cardW,
      cardH,
    );
  });
}

function drawTaskCard(pen: Pen, task: FrameTask, x: number, y: number, w: number, h: number): void {
  const u = pen.u;
  const color = pen.task(task.order);
  const running = task.status === 'running';
  pen.add(`<g opacity="${task.internal ? 0.6 : 1}">`);
  const dash = task.internal ? ` stroke-dasharray="${r(0.3 * u)} ${r(0.2 * u)}"` : '';
  const border = running ? color : pen.color('border');
  pen.rect(
    { x, y, w, h },
    pen.color('panel'),
    ` rx="${r(0.35 * u)}" stroke="${border}" stroke-width="${r(pen.stroke() * (running ? 2 : 1))}"${dash}`,
  );
  pen.rect({ x, y, w: 0.45 * u, h }, color, ` rx="${r(0.2 * u)}"`);
  const status = pen.t(`status.${task.status}`);
  const badgeSize = 0.68 * u;
  const badgeW = textWidth(status, badgeSize, 'sans', true) + 0.9 * u;
  const badge = badgeColors(pen, task.status);
  const badgeX = x + w - badgeW - 0.4 * u;
  pen.rect(
    { x: badgeX, y: y + 0.35 * u, w: badgeW, h: 1.05 * u },
    badge.fill,
    ` rx="${r(0.52 * u)}" stroke="${badge.stroke}" stroke-width="${r(pen.stroke() / 1.5)}"`,
  );
  pen.text(badgeX + badgeW / 2, y + 1.12 * u, status, {
    size: badgeSize,
    fill: badge.text,
    bold: true,
    anchor: 'middle',
  });
  const textX = x + 0.8 * u;
  const nameRoom = badgeX - textX - 0.3 * u;
  let name = task.name;
  const badgeText = task.internal ? ` ${pen.t('tasks.badge')}` : '';
  name = fitText(name + badgeText, nameRoom, 0.92 * u, 'mono', true);
  pen.text(textX, y + 1.2 * u, name, {
    size: 0.92 * u,
    fill: pen.color('fg'),
    font: 'mono',
    bold: true,
  });
  if (task.status === 'cancelled') {
    const width = textWidth(name, 0.92 * u, 'mono', true);
    pen.add(
      `<line x1="${r(textX)}" y1="${r(y + 0.88 * u)}" x2="${r(textX + width)}" y2="${r(y + 0.88 * u)}" stroke="${pen.color('fg')}" stroke-width="${r(pen.stroke())}"/>`,
    );
  }
  const room = w - 1.2 * u;
  pen.text(textX, y + 2.1 * u, fitText(`${task.coro}()`, room, 0.72 * u, 'mono'), {
    size: 0.72 * u,
    fill: pen.color('muted'),
    font: 'mono',
  });
  pen.text(textX, y + 3.05 * u, fitText(taskDetail(pen, task), room, 0.78 * u, 'sans'), {
    size: 0.78 * u,
    fill: pen.color('fg'),
  });
  pen.add('</g>');
}

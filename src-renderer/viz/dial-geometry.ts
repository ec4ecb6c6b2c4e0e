/**
 * The timer dial's geometry: its radius, its time scale, and the ticks it writes, as many as
 * keep their labels apart and inside the picture (see label-placement.ts). Pure: a function
 * of the data and the size.
 */
import { scaleLinear, type ScaleLinear } from 'd3';
import type { TimeSpan } from '../replay/timeline.ts';
import type { TimerEntry } from '../replay/view-model.ts';
import { allApart, centredBox, contains, pickTicks, type Box } from './label-placement.ts';

export interface DialTimer extends TimerEntry {
  color: string;
}

export interface DialData {
  now: number;
  /** The time one full turn of the dial covers. */
  span: number;
  timers: readonly DialTimer[];
  /** Waits and blocks up to now. */
  spans: readonly TimeSpan[];
  blocked: boolean;
  formatTime: (seconds: number) => string;
  /**
   * A tick's label, written with the precision the step between ticks needs; with its unit, or
   * the number alone (a narrow dial writes the unit once, at 0).
   */
  formatTick: (seconds: number, step: number, withUnit: boolean) => string;
  nowLabel: string;
  /** Said in the face when no time passes in the run (a loop that only computes). */
  idleLabel: string | null;
}

export interface Size {
  width: number;
  height: number;
}

/** A size, and the font size of the text drawn in it, in pixels. */
export interface TextSize extends Size {
  fontSize: number;
  /** A text's width in the dial's type, measured; estimated where no measure is given. */
  textWidth?: (text: string) => number;
  /** The same in its semi-bold, a timer's name's (estimated from `textWidth` where not given). */
  boldWidth?: (text: string) => number;
  /**
   * The face's radius wanted (in front of a class, a tenth of the screen's height): labels at
   * the sides are written only where they leave the face this large.
   */
  minRadius?: number;
}

/** Tick counts tried, most wanted first: the most that keep their labels apart are drawn. */
const TICK_COUNTS = [12, 10, 8, 6, 5, 4, 3, 2];

/** A tick's label: its text, where it is drawn (centred), and the room it takes. */
export interface TickLabel {
  tick: number;
  text: string;
  x: number;
  y: number;
  box: Box;
}

export interface Geometry {
  width: number;
  height: number;
  fontSize: number;
  textWidth: (text: string) => number;
  boldWidth: (text: string) => number;
  radius: number;
  span: number;
  /** Angle of a time on the dial, in radians from the top. */
  turn: ScaleLinear<number, number>;
  point: (time: number, r: number) => [number, number];
  tickLabels: readonly TickLabel[];
  /** The times marked on the rim: every labelled tick, and on a small dial some unlabelled. */
  tickMarks: readonly number[];
}

export function createGeometry(data: DialData, size: TextSize): Geometry {
  const { width, height, fontSize } = size;
  const span = data.span;
  const textWidth = size.textWidth ?? ((text: string) => text.length * fontSize * 0.58);
  const boldWidth = size.boldWidth ?? ((text: string) => textWidth(text) * 1.08);
  const turn = scaleLinear()
    .domain([0, span])
    .range([0, 2 * Math.PI])
    .clamp(true);
  const point = (t: number, r: number): [number, number] => [
    Math.sin(turn(t)) * r,
    -Math.cos(turn(t)) * r,
  ];
  const ticksFor = (count: number) =>
    data.idleLabel === null ? turn.ticks(count).filter((t) => t < span) : [0];
  const texts = (ticks: readonly number[], short: boolean) => {
    const step = ticks.length > 1 ? (ticks[1] ?? span) - (ticks[0] ?? 0) : span;
    return ticks.map((t, i) => data.formatTick(t, step, !short || i === 0));
  };
  const lineHeight = fontSize * 1.2;
  // Tick labels are centred a little outside the rim (see labelRadius below); the room they
  // take: above and below, a line; at the sides, the widest label and its box's padding.
  const outside = 6 + lineHeight * 0.6;
  const topRoom = outside + lineHeight * 0.5 + 4;
  const frame = centredBox(0, 0, width, height);
  /** Each tick's label, centred a little outside the rim of a dial of `radius`. */
  const labelsAt = (ticks: readonly number[], short: boolean, radius: number): TickLabel[] => {
    const labelRadius = radius + outside;
    const words = texts(ticks, short);
    return ticks.map((tick, i) => {
      const text = words[i] ?? '';
      const w = textWidth(text);
      const [x0, y] = point(tick, labelRadius);
      // Centred on its point, and pushed outwards at the sides by half its width.
      const x = x0 + Math.sin(turn(tick)) * (w / 2);
      return { tick, text, x, y, box: centredBox(x, y, w + fontSize * 0.4, lineHeight) };
    });
  };
  interface Scale {
    radius: number;
    tickLabels: TickLabel[];
    /** Where ticks are marked on the rim: the labelled ones, and on a small dial others too. */
    tickMarks: readonly number[];
  }
  const withMarks = (radius: number, tickLabels: TickLabel[]): Scale => ({
    radius,
    tickLabels,
    tickMarks: tickLabels.map((label) => label.tick),
  });
  /**
   * The scale in one style of label: every label with its unit, or (short) the unit only at
   * 0, on top, where a label needs no room at the sides, as a clock's face writes it once.
   */
  const layoutScale = (short: boolean, counts: readonly number[], smallest: number): Scale => {
    // Room outside the rim for the tick labels, which grow with the type: a label is wider
    // than it is tall, so the dial needs more room at its sides than above and below.
    const widest = Math.max(
      0,
      ...counts.flatMap((count) =>
        texts(ticksFor(count), short)
          .slice(short ? 1 : 0)
          .map(textWidth),
      ),
    );
    const sideRoom = outside + widest + fontSize * 0.2 + 4;
    // Where the labels at the sides would leave the dial too small, only 0 is written, on top.
    const withSides = Math.min(width / 2 - sideRoom, height / 2 - topRoom);
    const compact = withSides < smallest;
    const radius = Math.max(16, compact ? compactRadius : withSides);
    const ticks = pickTicks(compact ? [1] : counts, ticksFor, (candidate) => {
      const boxes = labelsAt(candidate, short, radius).map((label) => label.box);
      return allApart(boxes) && boxes.every((box) => contains(frame, box));
    });
    return withMarks(radius, labelsAt(ticks, short, radius));
  };
  const compactRadius = Math.min(width / 2 - 8, height / 2 - topRoom);
  /**
   * Where no label fits at the sides, the dial keeps its size and writes the ticks above and
   * below it, where a label needs no room at the sides (0 among them); every tick
   * keeps its mark on the rim.
   */
  const aboveAndBelow = (): Scale | null => {
    const radius = compactRadius;
    if (data.idleLabel !== null || radius < fontSize * 2.5) return null;
    for (const count of TICK_COUNTS) {
      const ticks = ticksFor(count);
      const labels = labelsAt(ticks, true, radius).filter((label) => contains(frame, label.box));
      if (labels.length >= 3 && labels[0]?.tick === 0 && allApart(labels.map((l) => l.box))) {
        return { radius, tickLabels: labels, tickMarks: ticks };
      }
    }
    return null;
  };
  /**
   * Every label says its unit where four ticks fit so around the dial, and leave its face as
   * large as wanted. Else the dial keeps the size it has without side labels (in front of a
   * class, a fifth of the screen's height) and writes its ticks above and below, the unit
   * once, at 0: this keeps a scale on a narrow dial (the presentation at 1024×768 once wrote
   * only "0 s"), and its face large in the timers' column of a projector.
   */
  const full = layoutScale(false, TICK_COUNTS, fontSize * 3);
  const roomy = full.tickLabels.length >= 4 && full.radius >= (size.minRadius ?? 0);
  const scale = roomy ? full : (aboveAndBelow() ?? full);
  const { radius, tickLabels, tickMarks } = scale;
  return {
    width,
    height,
    fontSize,
    textWidth,
    boldWidth,
    radius,
    span,
    turn,
    point,
    tickLabels,
    tickMarks,
  };
}

/** A round number of seconds that `max` fits in: one turn of the dial. */
export function dialSpan(max: number): number {
  if (max <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * magnitude >= max) return step * magnitude;
  return 10 * magnitude;
}

/**
 * Predict, then see: the student writes (or puts in order) what they think a program prints,
 * and the replay shows, line by line, what it really printed. The comparison is the one
 * `loopscope check` makes between a lesson and a run (lesson/compare.ts), line by line, so that
 * the first line where a prediction went wrong can be shown with the step that printed it.
 */
import type { TraceEvent } from './trace.ts';
import { normalizeOutput } from './lesson/compare.ts';

/** A line of the program's output, normalised as `normalizeOutput` does. */
export interface PrintedLine {
  text: string;
  /**
   * The step after which the console shows the whole line: the step of the last output that
   * wrote any of its characters (of its line end, for an empty line).
   */
  step: number;
}

/**
 * The run's output (both streams, as the console and `loopscope check` read it) as lines,
 * each with the step that printed it. Steps count events: the event at index i is step i + 1.
 */
export function printedLines(events: readonly TraceEvent[]): PrintedLine[] {
  const lines: PrintedLine[] = [];
  let text = '';
  let step: number | null = null;
  // A `\r\n` split across two writes is still one line end.
  let afterReturn = false;
  events.forEach((event, index) => {
    if (event.kind !== 'output') return;
    for (const char of event.text) {
      if (char === '\n' && afterReturn) {
        afterReturn = false;
        continue;
      }
      afterReturn = char === '\r';
      if (char === '\n' || char === '\r') {
        lines.push({ text: text.trimEnd(), step: step ?? index + 1 });
        text = '';
        step = null;
      } else {
        text += char;
        step = index + 1;
      }
    }
  });
  if (step !== null) lines.push({ text: text.trimEnd(), step });
  // Whitespace at the end of the output does not count (normalizeOutput's trimEnd).
  while (lines.length > 0 && lines.at(-1)?.text === '') lines.pop();
  return lines;
}

/** A prediction as lines, normalised as the program's output is: none for an empty one. */
export function predictionLines(prediction: string): string[] {
  const normal = normalizeOutput(prediction);
  return normal === '' ? [] : normal.split('\n');
}

export interface PredictionVerdict {
  right: boolean;
  /** The prediction's lines, normalised. */
  predicted: string[];
  /** The index (0-based) of the first line where prediction and output differ, or null. */
  firstWrong: number | null;
  /**
   * The step that explains the first wrong line: the step that printed the program's line
   * there, or, when the program printed fewer lines than predicted, the run's end. Null when
   * the prediction is right.
   */
  step: number | null;
}

/** Compares a prediction with what the program printed; `endStep` is the run's last step. */
export function judgePrediction(
  prediction: string,
  printed: readonly PrintedLine[],
  endStep: number,
): PredictionVerdict {
  const predicted = predictionLines(prediction);
  const count = Math.max(predicted.length, printed.length);
  for (let i = 0; i < count; i++) {
    const line = printed[i];
    if (predicted[i] !== line?.text) {
      return { right: false, predicted, firstWrong: i, step: line?.step ?? endStep };
    }
  }
  return { right: true, predicted, firstWrong: null, step: null };
}

/**
 * An order in which to offer `lines` to be put back in order: shuffled with `random`, and
 * never already in the right order when another order reads differently.
 */
export function shuffledOrder(lines: readonly string[], random: () => number): number[] {
  const order = lines.map((_, i) => i);
  const inOrder = () => order.every((index, i) => lines[index] === lines[i]);
  for (let attempt = 0; attempt < 8 && inOrder(); attempt++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j] ?? j, order[i] ?? i];
    }
  }
  // A generator that keeps giving the same order still gets a different one: the first line last.
  if (inOrder() && order.length > 1) order.push(order.shift() ?? 0);
  return order;
}

/** Moves the item at `from` to `to` (both in range), returning a new array. */
export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  const moved = items.slice();
  const [item] = moved.splice(from, 1);
  if (item !== undefined) moved.splice(to, 0, item);
  return moved;
}

/**
 * How a time scale's tick labels are written: in seconds, or in milliseconds where the ticks
 * are closer than a hundredth of a second, with as many decimals as the step between ticks
 * needs and no more (a scale of 0.25 s steps reads 0, 0.25, 0.5; one of 2 ms steps 0, 2, 4 ms).
 */
export interface TickScale {
  unit: 'seconds' | 'milliseconds';
  /** What a time in seconds is multiplied by to be written in the unit. */
  factor: number;
  /** Decimals the labels need. */
  digits: number;
}

/** Decimals that write `value` exactly enough, up to six. */
function decimalsOf(value: number): number {
  for (let digits = 0; digits < 6; digits++) {
    if (Math.abs(Math.round(value * 10 ** digits) - value * 10 ** digits) < 1e-6) return digits;
  }
  return 6;
}

export function tickScale(step: number): TickScale {
  const unit = step < 0.01 ? 'milliseconds' : 'seconds';
  const factor = unit === 'milliseconds' ? 1000 : 1;
  return { unit, factor, digits: decimalsOf(step * factor) };
}

/** Below this span the clock only ticked as it was read (see docs/decisions/0004): no time passed. */
export const NO_TIME = 1e-6;

const formats = new Map<string, Intl.NumberFormat>();

/** A tick's time as its label writes it: the number, in the unit and decimals of its step. */
export function tickValue(
  language: string,
  seconds: number,
  step: number,
): { unit: TickScale['unit']; value: string } {
  const scale = tickScale(step);
  const key = `${language}|${scale.digits}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(language, {
      maximumFractionDigits: scale.digits,
      useGrouping: false,
    });
    formats.set(key, format);
  }
  return { unit: scale.unit, value: format.format(seconds * scale.factor) };
}

import { describe, expect, it } from 'vitest';
import { tickScale, tickValue } from '../../src-renderer/viz/time-ticks.ts';

describe('a time scale’s labels have the precision of its step', () => {
  it('writes tenths, quarters and whole seconds with the decimals they need', () => {
    expect(tickScale(0.1)).toEqual({ unit: 'seconds', factor: 1, digits: 1 });
    expect(tickScale(0.25)).toEqual({ unit: 'seconds', factor: 1, digits: 2 });
    expect(tickScale(2)).toEqual({ unit: 'seconds', factor: 1, digits: 0 });
  });

  it('writes ticks closer than a hundredth of a second in milliseconds', () => {
    expect(tickScale(0.002)).toEqual({ unit: 'milliseconds', factor: 1000, digits: 0 });
    expect(tickScale(0.0005)).toEqual({ unit: 'milliseconds', factor: 1000, digits: 1 });
  });

  it('never writes a short scale’s ticks all as zero', () => {
    const labels = [0, 0.0002, 0.0004].map((t) => tickValue('en', t, 0.0002).value);
    expect(new Set(labels).size).toBe(3);
    expect(labels).toEqual(['0', '0.2', '0.4']);
  });

  it('writes numbers as each language does', () => {
    expect(tickValue('ru', 0.25, 0.25)).toEqual({ unit: 'seconds', value: '0,25' });
    expect(tickValue('en', 0.25, 0.25)).toEqual({ unit: 'seconds', value: '0.25' });
  });
});

import { describe, expect, it } from 'vitest';
import { createGeometry, dialSpan, type DialData } from '../../src-renderer/viz/dial-geometry.ts';
import { allApart, centredBox, contains } from '../../src-renderer/viz/label-placement.ts';
import { tickValue } from '../../src-renderer/viz/time-ticks.ts';

function data(span: number, idle = false): DialData {
  return {
    now: 0,
    span,
    timers: [],
    spans: [],
    blocked: false,
    formatTime: (seconds) => `${seconds} s`,
    formatTick: (seconds, step, withUnit) => {
      const { unit, value } = tickValue('en', seconds, step);
      return withUnit ? `${value} ${unit === 'milliseconds' ? 'ms' : 's'}` : value;
    },
    nowLabel: 'now',
    idleLabel: idle ? 'no timers' : null,
  };
}

/** The dial's type as DejaVu Sans sets it: about 0.58 em a character. */
const size = (width: number, height: number, fontSize: number) => ({
  width,
  height,
  fontSize,
  textWidth: (text: string) => text.length * fontSize * 0.58,
});

describe('the dial’s scale', () => {
  it('a dial in a large box writes ten ticks, each label inside the picture and clear of the others', () => {
    // The presentation's dial at 1920×1080: its side labels once left it two ticks.
    const geometry = createGeometry(data(1), size(392, 414, 21.5));
    expect(geometry.tickLabels.map((label) => label.text)).toEqual(
      ['0', '0.1', '0.2', '0.3', '0.4', '0.5', '0.6', '0.7', '0.8', '0.9'].map((t) => `${t} s`),
    );
    const boxes = geometry.tickLabels.map((label) => label.box);
    expect(allApart(boxes)).toBe(true);
    const frame = centredBox(0, 0, 392, 414);
    expect(boxes.every((box) => contains(frame, box))).toBe(true);
    expect(geometry.radius).toBeGreaterThan(100);
  });

  it('at every size and type, the labels are apart and inside the picture, and the scale is a scale or only 0', () => {
    for (let side = 150; side <= 520; side += 37) {
      for (let fontSize = 12; fontSize <= 28; fontSize += 4) {
        for (const span of [1, 2.5, 5, 0.005]) {
          const geometry = createGeometry(data(span), size(side, side * 1.05, fontSize));
          const boxes = geometry.tickLabels.map((label) => label.box);
          const where = `${side} px, ${fontSize} px type, span ${span}`;
          expect(allApart(boxes), where).toBe(true);
          const frame = centredBox(0, 0, side, side * 1.05);
          expect(
            boxes.every((box) => contains(frame, box)),
            where,
          ).toBe(true);
          expect(boxes.length === 1 || boxes.length >= 3, where).toBe(true);
        }
      }
    }
  });

  it('a dial with no room for labels at its sides writes them above and below, and marks every tick', () => {
    // The presentation's dial at 1024×768 for a run under a second: "0.2" fits at no side.
    const geometry = createGeometry(data(1), size(153, 222, 14.4));
    const labels = geometry.tickLabels;
    expect(labels.length).toBeGreaterThanOrEqual(3);
    expect(labels[0]?.text).toBe('0 s');
    expect(allApart(labels.map((label) => label.box))).toBe(true);
    const frame = centredBox(0, 0, 153, 222);
    expect(labels.every((label) => contains(frame, label.box))).toBe(true);
    expect(geometry.tickMarks.length).toBeGreaterThan(labels.length);
    expect(geometry.radius).toBeGreaterThan(14.4 * 3);
  });

  it('labels at the sides give way where they would leave the face smaller than wanted', () => {
    // A presentation's timers column, a face of 144 px (a fifth of 720) wanted: written all
    // round, the labels would leave it 90 px across.
    const box = size(220, 212, 14.4);
    const sides = createGeometry(data(5), box);
    expect(sides.radius).toBeLessThan(72);
    const large = createGeometry(data(5), { ...box, minRadius: 72 });
    expect(large.radius).toBeGreaterThanOrEqual(72);
    expect(large.tickLabels.length).toBeGreaterThanOrEqual(3);
    expect(large.tickLabels[0]?.text).toBe('0 s');
    expect(allApart(large.tickLabels.map((label) => label.box))).toBe(true);
    const frame = centredBox(0, 0, 220, 212);
    expect(large.tickLabels.every((label) => contains(frame, label.box))).toBe(true);
    // Where the face is large enough with them, the labels keep their sides.
    expect(createGeometry(data(1), { ...size(392, 414, 21.5), minRadius: 100 }).tickLabels).toEqual(
      createGeometry(data(1), size(392, 414, 21.5)).tickLabels,
    );
  });

  it('a dial too small for side labels writes only 0, on top, and keeps its face large', () => {
    const geometry = createGeometry(data(1), size(100, 200, 16));
    expect(geometry.tickLabels.map((label) => label.text)).toEqual(['0 s']);
    expect(geometry.radius).toBeGreaterThan(40);
  });

  it('a short run’s ticks are milliseconds, each different', () => {
    const span = dialSpan(0.003);
    expect(span).toBe(0.005);
    const texts = createGeometry(data(span), size(400, 400, 14)).tickLabels.map((l) => l.text);
    expect(new Set(texts).size).toBe(texts.length);
    expect(texts.every((text) => text.endsWith(' ms'))).toBe(true);
  });

  it('a run in which no time passes writes only 0', () => {
    const geometry = createGeometry(data(1, true), size(400, 400, 14));
    expect(geometry.tickLabels.map((label) => label.text)).toEqual(['0 s']);
  });
});

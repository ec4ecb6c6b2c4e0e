import { describe, expect, it } from 'vitest';
import { assertExists, assertNever, isOneOf } from '../../src-shared/assert.ts';
import { assertNever as assertNeverFromTrace } from '../../src-shared/trace.ts';

describe('assertExists', () => {
  it('gives back a value that exists, falsy ones included', () => {
    const found: { id: number } | undefined = { id: 1 };
    expect(assertExists(found, 'the run is queued')).toBe(found);
    expect(assertExists(0, 'a count')).toBe(0);
    expect(assertExists('', 'a name')).toBe('');
    expect(assertExists(false, 'a flag')).toBe(false);
  });

  it('fails with the reason it was given when the value is null or undefined', () => {
    expect(() => assertExists(null, 'the app window exists')).toThrow(
      'the app window exists (found null)',
    );
    expect(() => assertExists([].at(0), 'the batch has an event')).toThrow(
      'the batch has an event (found undefined)',
    );
  });
});

describe('assertNever', () => {
  it('fails with the value no case handled, and is still exported by trace.ts', () => {
    expect(() => assertNever('surprise' as never)).toThrow('Unexpected value: "surprise"');
    expect(assertNeverFromTrace).toBe(assertNever);
  });
});

describe('isOneOf', () => {
  it('narrows a value only when it is among the given ones', () => {
    const themes = ['light', 'dark'] as const;
    expect(isOneOf(themes, 'dark')).toBe(true);
    expect(isOneOf(themes, 'pink')).toBe(false);
    expect(isOneOf(themes, undefined)).toBe(false);
    expect(isOneOf([1, 2], '1')).toBe(false);
  });
});

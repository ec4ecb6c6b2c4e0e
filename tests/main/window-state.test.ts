import { expect, it } from 'vitest';
import { DEFAULT_WINDOW } from '../../src-main/settings-schema.ts';
import { placeWindow } from '../../src-main/window-state.ts';

const laptop = { x: 0, y: 0, width: 1440, height: 860 };
const projector = { x: 1440, y: 0, width: 1024, height: 768 };

it('puts the window back where it was when that is on a screen', () => {
  const saved = { ...DEFAULT_WINDOW, x: 1500, y: 20, width: 900, height: 700 };
  expect(placeWindow(saved, [laptop, projector], laptop)).toEqual({
    x: 1500,
    y: 20,
    width: 900,
    height: 700,
  });
});

it('centres the window when its screen is gone (the projector unplugged)', () => {
  const saved = { ...DEFAULT_WINDOW, x: 1500, y: 20, width: 1000, height: 900 };
  expect(placeWindow(saved, [laptop], laptop)).toEqual({ width: 1000, height: 860 });
});

it('centres the window the first time', () => {
  expect(placeWindow(DEFAULT_WINDOW, [laptop], laptop)).toEqual({ width: 1280, height: 800 });
});

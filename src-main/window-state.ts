/**
 * Where to put the window at start: where it was, unless that place is no longer on any
 * screen (a projector unplugged since, a smaller laptop screen), in which case it is centred
 * on the primary screen and shrunk to fit.
 */
import type { WindowState } from './settings-schema.ts';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PlacedWindow {
  /** Absent: let the system centre the window. */
  x?: number;
  y?: number;
  width: number;
  height: number;
}

/** How much of the window must be on a screen for its saved place to count as visible. */
const MIN_VISIBLE = { width: 120, height: 60 };

export function placeWindow(
  saved: WindowState,
  workAreas: readonly Rect[],
  primary: Rect,
): PlacedWindow {
  const width = Math.min(saved.width, primary.width);
  const height = Math.min(saved.height, primary.height);
  if (saved.x === null || saved.y === null) return { width, height };
  const bounds: Rect = { x: saved.x, y: saved.y, width: saved.width, height: saved.height };
  const visible = workAreas.some((area) => {
    const overlap = intersect(bounds, area);
    return overlap.width >= MIN_VISIBLE.width && overlap.height >= MIN_VISIBLE.height;
  });
  if (!visible) return { width, height };
  return { x: saved.x, y: saved.y, width: saved.width, height: saved.height };
}

function intersect(a: Rect, b: Rect): { width: number; height: number } {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return { width: Math.max(0, width), height: Math.max(0, height) };
}

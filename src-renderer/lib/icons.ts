/**
 * Every symbol the interface draws, as SVG path data on a 24 × 24 grid: a school's Linux PC
 * may have no font with ⏮, ⏸ or ✓, so no symbol is ever left to the system's fonts. `fill`
 * is filled with the text colour, `stroke` drawn with it, 2 units wide, with round ends.
 * `Icon.svelte` draws them in HTML; the d3 views draw the same paths in their own SVG.
 */
export interface IconPaths {
  readonly fill?: string;
  readonly stroke?: string;
}

const circle = (cx: number, cy: number, r: number) =>
  `M${cx - r} ${cy}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0z`;

export const ICONS = {
  // Playback.
  play: { fill: 'M7 4.5v15l13-7.5z' },
  pause: { fill: 'M6 4.5h4v15H6zM14 4.5h4v15h-4z' },
  start: { fill: 'M4.5 4.5H7v15H4.5zM20 4.5v15L8.5 12z' },
  end: { fill: 'M17 4.5h2.5v15H17zM4 4.5v15L15.5 12z' },
  'back-iteration': { fill: 'M12 5v14L2.5 12zM21.5 5v14L12 12z' },
  'forward-iteration': { fill: 'M2.5 5v14l9.5-7zM12 5v14l9.5-7z' },
  'back-event': { stroke: 'M15 4.5 7.5 12l7.5 7.5' },
  'forward-event': { stroke: 'M9 4.5l7.5 7.5L9 19.5' },
  'back-output': { stroke: 'M11 6h10M11 12h10M11 18h10M7 8l-4 4 4 4' },
  'forward-output': { stroke: 'M3 6h10M3 12h10M3 18h10M17 8l4 4-4 4' },
  stop: { fill: 'M6 6h12v12H6z' },
  // The top bar.
  open: {
    stroke:
      'M3 7V5.5A1.5 1.5 0 0 1 4.5 4h4l2 2.5h9A1.5 1.5 0 0 1 21 8v10.5a1.5 1.5 0 0 1-1.5 1.5h-15A1.5 1.5 0 0 1 3 18.5z',
  },
  settings: {
    stroke: 'M3 7h18M3 17h18',
    fill: `${circle(9, 7, 3)}${circle(15, 17, 3)}`,
  },
  presentation: { stroke: 'M2.5 4h19M4 4v11h16V4M12 15v3M8 21l4-3 4 3' },
  lesson: {
    stroke:
      'M12 6.5C10 5 7 4.5 3.5 5v13.5c3.5-.5 6.5 0 8.5 1.5 2-1.5 5-2 8.5-1.5V5c-3.5-.5-6.5 0-8.5 1.5zM12 6.5V20',
  },
  close: { stroke: 'M6 6l12 12M18 6 6 18' },
  'chevron-down': { stroke: 'M6 9l6 6 6-6' },
  'chevron-right': { stroke: 'M9 6l6 6-6 6' },
  plus: { stroke: 'M5 12h14M12 5v14' },
  minus: { stroke: 'M5 12h14' },
  help: {
    stroke: `${circle(12, 12, 9.5)}M9.3 9.3a2.8 2.8 0 1 1 4 2.5c-.8.4-1.3 1.1-1.3 2v.6M12 17.4v.1`,
  },
  // Arrows, also the keys' names.
  'arrow-left': { stroke: 'M20 12H5M11 6l-6 6 6 6' },
  'arrow-right': { stroke: 'M4 12h15M13 6l6 6-6 6' },
  'arrow-up': { stroke: 'M12 20V5M6 11l6-6 6 6' },
  'arrow-down': { stroke: 'M12 4v15M6 13l6 6 6-6' },
  /** A long line of code goes on below: the mark of a wrapped line's continuation. */
  wrap: { stroke: 'M5 4v7a3 3 0 0 0 3 3h12M16 10l4 4-4 4' },
  /** The end of a line of the program's input: the Enter key's arrow. */
  enter: { stroke: 'M20 4v7a3 3 0 0 1-3 3H5M9 10l-4 4 4 4' },
  // Verdicts and warnings.
  check: { stroke: 'M4 12.5l5 5L20 6.5' },
  // A light bulb: predict what the program prints.
  predict: {
    stroke:
      'M9 18h6M10 21.5h4M12 2.5a6.5 6.5 0 0 0-3.8 11.8c.7.5 1.1 1.3 1.1 2.2h5.4c0-.9.4-1.7 1.1-2.2A6.5 6.5 0 0 0 12 2.5z',
  },
  cross: { stroke: 'M6 6l12 12M18 6 6 18' },
  warning: { stroke: 'M12 3 2 20.5h20zM12 9.5v5M12 17.6v.1' },
  more: { fill: `${circle(5, 12, 2)}${circle(12, 12, 2)}${circle(19, 12, 2)}` },
  // The timeline's marks.
  dot: { fill: circle(12, 12, 5.5) },
  square: { fill: 'M6 6h12v12H6z' },
  cancelled: { stroke: `${circle(12, 12, 7.5)}M6.7 17.3 17.3 6.7` },
} as const satisfies Record<string, IconPaths>;

export type IconName = keyof typeof ICONS;

export function iconPaths(name: IconName): IconPaths {
  return ICONS[name];
}

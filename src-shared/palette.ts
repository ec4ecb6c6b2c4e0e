/**
 * The themes' colours, one source for the app's stylesheet and the exported frames:
 * src-renderer/app.css sets the same values as CSS custom properties (`--panel-2`, `--task-3`),
 * and tests/shared/export-palette.test.ts pins the stylesheet to this table.
 */

/** The named colours of a theme, by their CSS custom property's name without `--`. */
export type PaletteColor =
  | 'bg'
  | 'panel'
  | 'panel-2'
  | 'fg'
  | 'muted'
  | 'border'
  | 'accent'
  | 'accent-fg'
  | 'focus'
  | 'now'
  | 'ok'
  | 'warn'
  | 'danger'
  | 'wait'
  | 'ready'
  | 'run'
  | 'blocked'
  | 'code-bg'
  | 'syn-keyword'
  | 'syn-string'
  | 'syn-number'
  | 'syn-comment'
  | 'syn-function'
  | 'syn-operator'
  | 'line-current'
  | 'line-paused';

export interface Palette {
  colors: Readonly<Record<PaletteColor, string>>;
  /** Tasks are told apart by colour, by creation order: `--task-0` to `--task-9`. */
  tasks: readonly string[];
}

export type ThemeName = 'light' | 'dark' | 'contrast';

/** How many colours tell tasks apart; the next task takes the first again. */
export const TASK_COLORS = 10;

export const PALETTES: Readonly<Record<ThemeName, Palette>> = {
  light: {
    colors: {
      bg: '#f6f7f9',
      panel: '#ffffff',
      'panel-2': '#eef1f5',
      fg: '#1b1f24',
      muted: '#5b6470',
      border: '#c9d0d9',
      accent: '#1f6feb',
      'accent-fg': '#ffffff',
      focus: '#1f6feb',
      now: '#d1242f',
      ok: '#1a7f37',
      warn: '#9a6700',
      danger: '#cf222e',
      wait: '#8c959f',
      ready: '#bf8700',
      run: '#1a7f37',
      blocked: '#cf222e',
      'code-bg': '#ffffff',
      'syn-keyword': '#8250df',
      'syn-string': '#0a3069',
      'syn-number': '#0550ae',
      'syn-comment': '#6e7781',
      'syn-function': '#953800',
      'syn-operator': '#cf222e',
      'line-current': '#fff1a8',
      'line-paused': '#e7effc',
    },
    tasks: [
      '#0b66c3',
      '#c4440a',
      '#0f8a5f',
      '#a3379a',
      '#b07800',
      '#2e8fc4',
      '#7a4b2a',
      '#6b3fb8',
      '#4d7a0f',
      '#c22f62',
    ],
  },
  dark: {
    colors: {
      bg: '#0e1116',
      panel: '#161b22',
      'panel-2': '#1f2630',
      fg: '#e6edf3',
      muted: '#9aa5b1',
      border: '#3a4350',
      accent: '#4c9aff',
      'accent-fg': '#0e1116',
      focus: '#79b8ff',
      now: '#ff6b6b',
      ok: '#3fb950',
      warn: '#d29922',
      danger: '#ff7b72',
      wait: '#6e7681',
      ready: '#e3b341',
      run: '#3fb950',
      blocked: '#ff7b72',
      'code-bg': '#0d1117',
      'syn-keyword': '#ff7b72',
      'syn-string': '#a5d6ff',
      'syn-number': '#79c0ff',
      'syn-comment': '#8b949e',
      'syn-function': '#d2a8ff',
      'syn-operator': '#ff7b72',
      'line-current': '#5c4d00',
      'line-paused': '#1c2d45',
    },
    tasks: [
      '#58a6ff',
      '#ff8c5a',
      '#3dd68c',
      '#e37ddb',
      '#e3b341',
      '#7cc7f0',
      '#c99a6e',
      '#b392f0',
      '#9bd14a',
      '#ff7aa5',
    ],
  },
  contrast: {
    colors: {
      bg: '#000000',
      panel: '#000000',
      'panel-2': '#111111',
      fg: '#ffffff',
      muted: '#e0e0e0',
      border: '#ffffff',
      accent: '#ffd400',
      'accent-fg': '#000000',
      focus: '#00e5ff',
      now: '#ff3b3b',
      ok: '#3dff6e',
      warn: '#ffd400',
      danger: '#ff5c5c',
      wait: '#bdbdbd',
      ready: '#ffd400',
      run: '#3dff6e',
      blocked: '#ff5c5c',
      'code-bg': '#000000',
      'syn-keyword': '#ffd400',
      'syn-string': '#9ee7ff',
      'syn-number': '#c6ff4a',
      'syn-comment': '#e0e0e0',
      'syn-function': '#ffa14a',
      'syn-operator': '#ffffff',
      'line-current': '#6b5a00',
      'line-paused': '#003a52',
    },
    tasks: [
      '#5cc8ff',
      '#ffa14a',
      '#3dff6e',
      '#ff7cf2',
      '#ffd400',
      '#9ee7ff',
      '#ffc38a',
      '#c8a8ff',
      '#c6ff4a',
      '#ff8fb5',
    ],
  },
};

/** The colour of the task created `order`-th (from 0) in a theme. */
export function taskColorOf(palette: Palette, order: number): string {
  return palette.tasks[order % TASK_COLORS] ?? palette.colors.muted;
}

/**
 * The code editor: CodeMirror 6 with Python, and line marks for the replay: the line being
 * executed, strongly; the line whose call runs asyncio's own code now, faintly; the lines
 * where suspended tasks are paused, faintly; an exception raised again at an `await`, with
 * its label; the line of a syntax error or an uncaught exception. Long lines wrap, each
 * continuation marked in the margin (see code-lines.ts for how lines are drawn, and the
 * hidden characters' boxes).
 */
import {
  defaultKeymap,
  history,
  historyKeymap,
  indentLess,
  indentMore,
} from '@codemirror/commands';
import { python } from '@codemirror/lang-python';
import {
  HighlightStyle,
  bracketMatching,
  indentOnInput,
  syntaxHighlighting,
} from '@codemirror/language';
import { tags } from '@lezer/highlight';
import {
  EditorSelection,
  EditorState,
  RangeSetBuilder,
  StateEffect,
  StateField,
  type Extension,
} from '@codemirror/state';
import {
  Decoration,
  EditorView,
  GutterMarker,
  WidgetType,
  gutter,
  keymap,
  lineNumbers,
  type BlockInfo,
  type DecorationSet,
} from '@codemirror/view';
import { hiddenCharBoxes, wrappedLines } from './code-lines.ts';
import { ICONS } from './icons.ts';

export interface LineMarks {
  current: number | null;
  /** The program's line whose call (`asyncio.run(...)`) runs asyncio's own code now. */
  caller: number | null;
  /** An exception raised again at this line: what to say there, and in whose colour. */
  raised: { line: number; label: string; color: string } | null;
  /**
   * Paused lines and the tasks there: a dot where a task is paused, a ring (`ring`) where an
   * outer frame of its stack waits for the call it made; `name` is the mark's tooltip.
   */
  paused: ReadonlyMap<number, readonly PausedTask[]>;
  error: number | null;
  /** The line a finding of the doctor is about, while the student looks at it. */
  flagged?: number | null;
  /** The marks are for another version of the code: show none. */
  stale: boolean;
}

const setMarks = StateEffect.define<LineMarks>();

const currentLine = Decoration.line({
  class: 'cm-line-current',
  attributes: { 'data-line-mark': 'current' },
});
const pausedLine = Decoration.line({
  class: 'cm-line-paused',
  attributes: { 'data-line-mark': 'paused' },
});
const errorLine = Decoration.line({
  class: 'cm-line-error',
  attributes: { 'data-line-mark': 'error' },
});
const callerLine = Decoration.line({
  class: 'cm-line-caller',
  attributes: { 'data-line-mark': 'caller' },
});
const flaggedLine = Decoration.line({
  class: 'cm-line-flagged',
  attributes: { 'data-line-mark': 'flagged' },
});
const raisedLine = Decoration.line({
  class: 'cm-line-raised',
  attributes: { 'data-line-mark': 'raised' },
});

/** The label at the end of a line where a stored exception is raised again. */
class RaisedLabel extends WidgetType {
  constructor(
    readonly label: string,
    readonly color: string,
  ) {
    super();
  }

  override eq(other: WidgetType): boolean {
    return other instanceof RaisedLabel && other.label === this.label && other.color === this.color;
  }

  override toDOM(): HTMLElement {
    const element = document.createElement('span');
    element.className = 'cm-raised-label';
    element.dataset.field = 'raised-label';
    element.style.setProperty('--color', this.color);
    element.textContent = this.label;
    return element;
  }
}

export type PausedTask = { name: string; color: string; ring?: boolean };

/** An SVG icon in the editor's margin: drawn, never a font's glyph. */
function createIcon(name: keyof typeof ICONS, className: string): SVGSVGElement {
  const svgNs = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(svgNs, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('class', className);
  const paths: { fill?: string; stroke?: string } = ICONS[name];
  for (const kind of ['fill', 'stroke'] as const) {
    const d = paths[kind];
    if (!d) continue;
    const path = document.createElementNS(svgNs, 'path');
    path.setAttribute('d', d);
    path.setAttribute('class', kind);
    svg.append(path);
  }
  return svg;
}

/**
 * A line's margin: a dot for each task paused on it, on its first row; a wrap mark on each
 * further row, where the line is too long for the editor's width and goes on below.
 */
class MarginMarker extends GutterMarker {
  constructor(
    readonly tasks: readonly PausedTask[],
    readonly rows: number,
    readonly rowHeight: number,
  ) {
    super();
  }

  override eq(other: GutterMarker): boolean {
    return (
      other instanceof MarginMarker &&
      other.rows === this.rows &&
      other.rowHeight === this.rowHeight &&
      other.tasks.map((t) => t.name).join() === this.tasks.map((t) => t.name).join()
    );
  }

  override toDOM(): Node {
    const element = document.createElement('span');
    element.className = 'cm-margin-marker';
    const first = document.createElement('span');
    first.className = 'cm-paused-marker';
    first.style.height = `${this.rowHeight}px`;
    for (const task of this.tasks.slice(0, 3)) {
      const dot = document.createElement('span');
      dot.className = task.ring ? 'cm-paused-dot cm-caller-ring' : 'cm-paused-dot';
      dot.style.background = task.ring ? 'transparent' : task.color;
      dot.style.borderColor = task.color;
      dot.title = task.name;
      first.append(dot);
    }
    element.append(first);
    for (let row = 1; row < this.rows; row++) {
      const wrap = createIcon('wrap', 'cm-wrap-mark');
      wrap.style.height = `${this.rowHeight}px`;
      wrap.dataset.wrap = 'true';
      element.append(wrap);
    }
    return element;
  }
}

const marksField = StateField.define<LineMarks>({
  create: () => ({
    current: null,
    caller: null,
    raised: null,
    paused: new Map(),
    error: null,
    stale: false,
  }),
  update(value, transaction) {
    for (const effect of transaction.effects) if (effect.is(setMarks)) return effect.value;
    return value;
  },
});

function lineDecorations(state: EditorState): DecorationSet {
  const marks = state.field(marksField);
  const builder = new RangeSetBuilder<Decoration>();
  if (marks.stale) return builder.finish();
  const lines = new Map<number, Decoration>();
  for (const [line, tasks] of marks.paused) {
    if (tasks.some((task) => !task.ring)) lines.set(line, pausedLine);
  }
  if (marks.caller !== null) lines.set(marks.caller, callerLine);
  if (marks.error !== null) lines.set(marks.error, errorLine);
  if (marks.raised !== null) lines.set(marks.raised.line, raisedLine);
  if (marks.current !== null) lines.set(marks.current, currentLine);
  if (marks.flagged) lines.set(marks.flagged, flaggedLine);
  for (const [line, decoration] of [...lines].sort(([a], [b]) => a - b)) {
    if (line < 1 || line > state.doc.lines) continue;
    const { from, to } = state.doc.line(line);
    builder.add(from, from, decoration);
    if (marks.raised?.line === line) {
      const { label, color } = marks.raised;
      builder.add(to, to, Decoration.widget({ widget: new RaisedLabel(label, color), side: 1 }));
    }
  }
  return builder.finish();
}

const decorations = EditorView.decorations.compute([marksField, 'doc'], lineDecorations);

/** How many screen rows a line takes: more than one where it wraps. */
function rowsOf(view: EditorView, line: BlockInfo): number {
  return Math.max(1, Math.round(line.height / view.defaultLineHeight));
}

type GutterHandlers = NonNullable<Parameters<typeof gutter>[0]['domEventHandlers']>;

const createMarginGutter = (domEventHandlers: GutterHandlers) =>
  gutter({
    class: 'cm-margin-gutter',
    domEventHandlers,
    lineMarker(view, line) {
      const marks = view.state.field(marksField);
      const tasks = marks.stale
        ? []
        : (marks.paused.get(view.state.doc.lineAt(line.from).number) ?? []);
      const rows = rowsOf(view, line);
      if (tasks.length === 0 && rows === 1) return null;
      return new MarginMarker(tasks, rows, line.height / rows);
    },
    // The margin keeps its width as dots come and go: the code never shifts sideways.
    initialSpacer: () => new MarginMarker([{ name: '', color: 'transparent' }], 1, 0),
    lineMarkerChange: (update) =>
      update.geometryChanged ||
      update.transactions.some((t) => t.effects.some((e) => e.is(setMarks))),
  });

/** Syntax colours come from the theme's variables, so that every theme reads well. */
const highlightStyle = HighlightStyle.define([
  {
    tag: [tags.keyword, tags.controlKeyword, tags.definitionKeyword, tags.moduleKeyword],
    color: 'var(--syn-keyword)',
    fontWeight: '600',
  },
  { tag: [tags.string, tags.special(tags.string)], color: 'var(--syn-string)' },
  { tag: [tags.number, tags.bool, tags.null], color: 'var(--syn-number)' },
  { tag: tags.comment, color: 'var(--syn-comment)', fontStyle: 'italic' },
  {
    tag: [tags.function(tags.definition(tags.variableName)), tags.function(tags.variableName)],
    color: 'var(--syn-function)',
  },
  { tag: [tags.className, tags.definition(tags.className)], color: 'var(--syn-function)' },
  { tag: tags.operator, color: 'var(--syn-operator)' },
]);

const theme = EditorView.theme({
  '&': { height: '100%', backgroundColor: 'var(--code-bg)', color: 'var(--fg)' },
  // The type's size is fitted to the program and the box (see code-fit.ts).
  '.cm-scroller': {
    fontFamily: 'var(--mono)',
    fontSize: 'var(--code-size, 1rem)',
    lineHeight: 'var(--code-line, 1.45)',
  },
  '.cm-content': { caretColor: 'var(--fg)' },
  '.cm-gutters': { backgroundColor: 'var(--panel-2)', color: 'var(--muted)', border: 'none' },
  '.cm-gutterElement': { cursor: 'pointer' },
  '.cm-lineNumbers .cm-gutterElement:hover': { color: 'var(--fg)', textDecoration: 'underline' },
  '.cm-line-current': {
    backgroundColor: 'var(--line-current)',
    boxShadow: 'inset 4px 0 0 var(--now)',
  },
  '.cm-line-paused': { backgroundColor: 'var(--line-paused)' },
  '.cm-line-caller': {
    backgroundColor: 'var(--line-paused)',
    boxShadow: 'inset 4px 0 0 var(--muted)',
  },
  '.cm-line-raised': {
    backgroundColor: 'color-mix(in srgb, var(--danger) 18%, transparent)',
    boxShadow: 'inset 4px 0 0 var(--danger)',
  },
  '.cm-line-flagged': {
    backgroundColor: 'color-mix(in srgb, var(--warn) 22%, transparent)',
    boxShadow: 'inset 4px 0 0 var(--warn)',
  },
  '.cm-raised-label': {
    marginLeft: '0.8em',
    padding: '0 0.4em',
    borderRadius: '0.25em',
    border: '2px solid var(--color)',
    color: 'var(--danger)',
    fontFamily: 'system-ui, sans-serif',
    fontSize: '0.85em',
    fontWeight: '700',
  },
  '.cm-line-error': {
    backgroundColor: 'color-mix(in srgb, var(--danger) 25%, transparent)',
    textDecoration: 'underline wavy var(--danger)',
  },
  '.cm-margin-marker': { display: 'flex', flexDirection: 'column', alignItems: 'center' },
  '.cm-paused-marker': {
    display: 'inline-flex',
    alignItems: 'center',
    gap: '2px',
    padding: '0 3px',
    minWidth: '1.4em',
  },
  '.cm-paused-dot': {
    display: 'inline-block',
    width: '0.6em',
    height: '0.6em',
    borderRadius: '50%',
  },
  '.cm-caller-ring': {
    boxSizing: 'border-box',
    border: '2px solid',
  },
  '.cm-wrap-mark': { width: '0.9em', color: 'var(--accent)' },
  '.cm-wrap-mark .stroke': {
    fill: 'none',
    stroke: 'currentColor',
    strokeWidth: '2.5',
    strokeLinecap: 'round',
    strokeLinejoin: 'round',
  },
  '.cm-hidden-char': {
    display: 'inline-block',
    margin: '0 1px',
    padding: '0 2px',
    fontFamily: 'system-ui, sans-serif',
    fontSize: '0.7em',
    fontWeight: '700',
    lineHeight: '1.3',
    verticalAlign: 'middle',
    color: 'var(--panel)',
    backgroundColor: 'var(--danger)',
    borderRadius: '3px',
  },
  // Inside the box: the code panel clips what is drawn outside it.
  '&.cm-focused': { outline: '3px solid var(--focus)', outlineOffset: '-3px' },
});

/** What the type-fitting needs to know of the editor, at its present type size. */
export interface EditorMetrics {
  width: number;
  height: number;
  fontSize: number;
  charWidth: number;
  lineHeight: number;
  gutterWidth: number;
}

export interface CodeEditor {
  view: EditorView;
  setCode(code: string): void;
  setMarks(marks: LineMarks): void;
  /** The box and the type as they are now, for fitting the type. */
  measure(): EditorMetrics;
  /** Scrolls the running line into view: after the box or the type changed. */
  revealCurrent(): void;
  destroy(): void;
}

/**
 * A click on a line's number or marker, or F8 on the cursor's line, asks for the next step
 * where that line runs; with Shift, the previous one (a breakpoint, both ways).
 */
export type GoToLine = (line: number, backward: boolean) => void;

function lineGoTo(goToLine: GoToLine): Extension[] {
  const handlers: GutterHandlers = {
    mousedown(view, block, event) {
      if (!(event instanceof MouseEvent) || event.button !== 0) return false;
      goToLine(view.state.doc.lineAt(block.from).number, event.shiftKey);
      return true;
    },
  };
  const goFromCursor = (backward: boolean) => (view: EditorView) => {
    goToLine(view.state.doc.lineAt(view.state.selection.main.head).number, backward);
    return true;
  };
  return [
    lineNumbers({ domEventHandlers: handlers }),
    createMarginGutter(handlers),
    keymap.of([
      { key: 'F8', run: goFromCursor(false) },
      { key: 'Shift-F8', run: goFromCursor(true) },
    ]),
  ];
}

/**
 * Tab indents, but only once the user is editing: after a click in the code or a key typed in
 * it. A Tab that only brought the focus here (tabbing through the page) moves it on, and so
 * does a Tab after Escape, as in CodeMirror's own escape from the Tab trap. The code is never
 * changed by someone who is only moving through the page.
 */
function tabIndentsOnlyWhenEditing(): Extension {
  let editing = false;
  const MOVES_FOCUS = new Set(['Tab', 'Shift', 'Control', 'Alt', 'Meta', 'CapsLock']);
  return [
    EditorView.domEventHandlers({
      mousedown: () => {
        editing = true;
        return false;
      },
      keydown: (event) => {
        if (event.key === 'Escape') editing = false;
        else if (!MOVES_FOCUS.has(event.key)) editing = true;
        return false;
      },
      blur: () => {
        editing = false;
        return false;
      },
    }),
    keymap.of([
      {
        key: 'Tab',
        run: (view) => editing && indentMore(view),
        shift: (view) => editing && indentLess(view),
      },
    ]),
  ];
}

export interface EditorText {
  /** The editor's accessible name. */
  label: string;
  /** What a hidden character's box says when hovered or read aloud, from its code point. */
  describeHiddenChar: (label: string) => string;
  /** Asks for the next (or, backward, the previous) step where a line runs. */
  goToLine: GoToLine;
}

export function createCodeEditor(
  parent: HTMLElement,
  code: string,
  onChange: (code: string) => void,
  text: EditorText,
): CodeEditor {
  const extensions: Extension[] = [
    lineGoTo(text.goToLine),
    wrappedLines,
    hiddenCharBoxes(text.describeHiddenChar),
    history(),
    indentOnInput(),
    bracketMatching(),
    syntaxHighlighting(highlightStyle),
    python(),
    keymap.of([...defaultKeymap, ...historyKeymap]),
    tabIndentsOnlyWhenEditing(),
    marksField,
    decorations,
    theme,
    EditorView.contentAttributes.of({ 'aria-label': text.label }),
    EditorView.updateListener.of((update) => {
      if (update.docChanged) onChange(update.state.doc.toString());
    }),
  ];
  const view = new EditorView({ parent, state: EditorState.create({ doc: code, extensions }) });
  /** What the last marks were, so that unchanged ones cost nothing: CodeMirror measures on every change. */
  let shownKey = '';
  let shownCurrent: number | null = null;
  /** The running line, whole where it fits: its first row at least. */
  const revealLine = (number: number) => {
    const line = view.state.doc.line(number);
    return EditorView.scrollIntoView(EditorSelection.range(line.to, line.from), { y: 'nearest' });
  };
  /**
   * A resized box (the window, the mode) or resized lines (the type refitted to the new box,
   * a frame later) may have hidden the running line: both are watched.
   */
  let pending = 0;
  const observer = new ResizeObserver(() => {
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(() => editor.revealCurrent());
  });
  observer.observe(view.scrollDOM);
  observer.observe(view.contentDOM);
  const editor: CodeEditor = {
    view,
    setCode(next) {
      if (next === view.state.doc.toString()) return;
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: next } });
    },
    setMarks(marks) {
      const paused = [...marks.paused].map(
        ([line, tasks]) => `${line}:${tasks.map((t) => t.name).join(',')}`,
      );
      const raised = marks.raised ? `${marks.raised.line}:${marks.raised.label}` : '';
      const key = `${marks.current}|${marks.caller}|${raised}|${marks.error}|${marks.flagged}|${marks.stale}|${paused.join(';')}`;
      if (key === shownKey) return;
      shownKey = key;
      const effects: StateEffect<unknown>[] = [setMarks.of(marks)];
      const current = marks.stale ? null : (marks.flagged ?? marks.current);
      if (current !== null && current !== shownCurrent && current <= view.state.doc.lines) {
        effects.push(revealLine(current));
      }
      shownCurrent = current;
      view.dispatch({ effects });
    },
    measure() {
      const gutters = view.dom.querySelector('.cm-gutters');
      return {
        width: view.scrollDOM.clientWidth,
        height: view.scrollDOM.clientHeight,
        fontSize: parseFloat(getComputedStyle(view.contentDOM).fontSize) || 16,
        charWidth: view.defaultCharacterWidth,
        lineHeight: view.defaultLineHeight,
        gutterWidth: gutters instanceof HTMLElement ? gutters.offsetWidth : 0,
      };
    },
    revealCurrent() {
      if (shownCurrent === null || shownCurrent > view.state.doc.lines) return;
      view.dispatch({ effects: revealLine(shownCurrent) });
    },
    destroy() {
      observer.disconnect();
      cancelAnimationFrame(pending);
      view.destroy();
    },
  };
  return editor;
}

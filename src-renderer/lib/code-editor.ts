/**
 * The code editor: CodeMirror 6 with Python, and line marks for the replay: the line being
 * executed, strongly; the line whose call runs asyncio's own code now, faintly; the lines
 * where suspended tasks are paused, faintly; an exception raised again at an `await`, with
 * its label; the line of a syntax error or an uncaught exception.
 */
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { python } from '@codemirror/lang-python';
import {
  HighlightStyle,
  bracketMatching,
  indentOnInput,
  syntaxHighlighting,
} from '@codemirror/language';
import { tags } from '@lezer/highlight';
import {
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
  type DecorationSet,
} from '@codemirror/view';

export interface LineMarks {
  current: number | null;
  /** The program's line whose call (`asyncio.run(...)`) runs asyncio's own code now. */
  caller: number | null;
  /** An exception raised again at this line: what to say there, and in whose colour. */
  raised: { line: number; label: string; color: string } | null;
  /** Paused lines and the names of the tasks paused there. */
  paused: ReadonlyMap<number, readonly { name: string; color: string }[]>;
  error: number | null;
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

class PausedMarker extends GutterMarker {
  constructor(readonly tasks: readonly { name: string; color: string }[]) {
    super();
  }

  override eq(other: GutterMarker): boolean {
    return (
      other instanceof PausedMarker &&
      other.tasks.map((t) => t.name).join() === this.tasks.map((t) => t.name).join()
    );
  }

  override toDOM(): Node {
    const element = document.createElement('span');
    element.className = 'cm-paused-marker';
    for (const task of this.tasks.slice(0, 3)) {
      const dot = document.createElement('span');
      dot.className = 'cm-paused-dot';
      dot.style.background = task.color;
      dot.title = task.name;
      element.append(dot);
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
  for (const line of marks.paused.keys()) lines.set(line, pausedLine);
  if (marks.caller !== null) lines.set(marks.caller, callerLine);
  if (marks.error !== null) lines.set(marks.error, errorLine);
  if (marks.raised !== null) lines.set(marks.raised.line, raisedLine);
  if (marks.current !== null) lines.set(marks.current, currentLine);
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

type GutterHandlers = NonNullable<Parameters<typeof gutter>[0]['domEventHandlers']>;

const createPausedGutter = (domEventHandlers: GutterHandlers) =>
  gutter({
    class: 'cm-paused-gutter',
    domEventHandlers,
    lineMarker(view, line) {
      const marks = view.state.field(marksField);
      if (marks.stale) return null;
      const tasks = marks.paused.get(view.state.doc.lineAt(line.from).number);
      return tasks ? new PausedMarker(tasks) : null;
    },
    lineMarkerChange: (update) =>
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
  '.cm-scroller': { fontFamily: 'var(--mono)', fontSize: '1rem', lineHeight: '1.5' },
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
  '.cm-paused-marker': { display: 'inline-flex', gap: '2px', padding: '0 3px' },
  '.cm-paused-dot': {
    display: 'inline-block',
    width: '0.6em',
    height: '0.6em',
    borderRadius: '50%',
  },
  '&.cm-focused': { outline: '3px solid var(--focus)' },
});

export interface CodeEditor {
  view: EditorView;
  setCode(code: string): void;
  setMarks(marks: LineMarks): void;
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
    createPausedGutter(handlers),
    keymap.of([
      { key: 'F8', run: goFromCursor(false) },
      { key: 'Shift-F8', run: goFromCursor(true) },
    ]),
  ];
}

export function createCodeEditor(
  parent: HTMLElement,
  code: string,
  onChange: (code: string) => void,
  label: string,
  goToLine: GoToLine,
): CodeEditor {
  const extensions: Extension[] = [
    lineGoTo(goToLine),
    history(),
    indentOnInput(),
    bracketMatching(),
    syntaxHighlighting(highlightStyle),
    python(),
    keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
    marksField,
    decorations,
    theme,
    EditorView.contentAttributes.of({ 'aria-label': label }),
    EditorView.updateListener.of((update) => {
      if (update.docChanged) onChange(update.state.doc.toString());
    }),
  ];
  const view = new EditorView({ parent, state: EditorState.create({ doc: code, extensions }) });
  /** What the last marks were, so that unchanged ones cost nothing: CodeMirror measures on every change. */
  let shownKey = '';
  let shownCurrent: number | null = null;
  return {
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
      const key = `${marks.current}|${marks.caller}|${raised}|${marks.error}|${marks.stale}|${paused.join(';')}`;
      if (key === shownKey) return;
      shownKey = key;
      const effects: StateEffect<unknown>[] = [setMarks.of(marks)];
      const current = marks.stale ? null : marks.current;
      if (current !== null && current !== shownCurrent && current <= view.state.doc.lines) {
        effects.push(
          EditorView.scrollIntoView(view.state.doc.line(current).from, { y: 'nearest' }),
        );
      }
      shownCurrent = current;
      view.dispatch({ effects });
    },
    destroy: () => view.destroy(),
  };
}

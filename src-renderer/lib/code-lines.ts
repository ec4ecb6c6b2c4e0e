/**
 * How the editor draws its lines: long lines wrap, each further row hanging two columns inside
 * the line's indentation; blank lines are marked (in front of a class they take half a row, and
 * their numbers are not drawn); characters that hide text or reorder it are drawn as boxes.
 */
import { RangeSetBuilder, type Extension } from '@codemirror/state';
import {
  Decoration,
  EditorView,
  GutterMarker,
  ViewPlugin,
  gutterLineClass,
  highlightSpecialChars,
  type DecorationSet,
  type ViewUpdate,
} from '@codemirror/view';
import { HIDDEN_CHARS, codePointLabel } from './hidden-chars.ts';

/** A line's hanging indent, by its indentation: made once per width. */
const hangs = new Map<number, Decoration>();

function hangFor(indent: number): Decoration {
  let made = hangs.get(indent);
  if (!made) {
    const hang = indent + 2;
    made = Decoration.line({
      attributes: { style: `padding-left: calc(6px + ${hang}ch); text-indent: -${hang}ch` },
    });
    hangs.set(indent, made);
  }
  return made;
}

/**
 * A blank line, marked so that the editor's host can draw it shorter: in front of a class a
 * program's blank lines cost half a row, and a longer program shows whole.
 */
const blankLine = Decoration.line({ class: 'cm-blank-line' });

function hangingIndents(view: EditorView): DecorationSet {
  const builder = new RangeSetBuilder<Decoration>();
  const tabSize = view.state.tabSize;
  for (const { from, to } of view.visibleRanges) {
    for (let pos = from; pos <= to;) {
      const line = view.state.doc.lineAt(pos);
      const leading = /^[ \t]*/.exec(line.text)?.[0] ?? '';
      let indent = 0;
      for (const char of leading)
        indent = char === '\t' ? indent + tabSize - (indent % tabSize) : indent + 1;
      builder.add(line.from, line.from, line.text.trim() === '' ? blankLine : hangFor(indent));
      pos = line.to + 1;
    }
  }
  return builder.finish();
}

/**
 * A wrapped line's further rows start two columns inside the line's own indentation, so that
 * the program's shape stays readable where its long lines wrap.
 */
const hangingIndent = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet;
    constructor(view: EditorView) {
      this.decorations = hangingIndents(view);
    }
    update(update: ViewUpdate) {
      if (update.docChanged || update.viewportChanged) {
        this.decorations = hangingIndents(update.view);
      }
    }
  },
  { decorations: (plugin) => plugin.decorations },
);

/** A blank line's gutter, marked: where blank lines are drawn short, their numbers are not drawn. */
class BlankGutter extends GutterMarker {
  override elementClass = 'cm-blank-gutter';
}

const blankGutter = new BlankGutter();

const blankGutters = gutterLineClass.compute(['doc'], (state) => {
  const builder = new RangeSetBuilder<GutterMarker>();
  for (let number = 1; number <= state.doc.lines; number++) {
    const line = state.doc.line(number);
    if (line.text.trim() === '') builder.add(line.from, line.from, blankGutter);
  }
  return builder.finish();
});

/** Long lines wrap under their own indentation; blank lines are marked. */
export const wrappedLines: Extension = [EditorView.lineWrapping, hangingIndent, blankGutters];

/**
 * The hidden characters, drawn as a box with their code point (`U+202E`), in the text's
 * place: what the reader sees then says what Python reads.
 */
export function hiddenCharBoxes(describe: (label: string) => string): Extension {
  return highlightSpecialChars({
    addSpecialChars: HIDDEN_CHARS,
    render(code) {
      const label = codePointLabel(code);
      const box = document.createElement('span');
      box.className = 'cm-hidden-char';
      box.textContent = label;
      box.title = describe(label);
      box.setAttribute('aria-label', describe(label));
      box.dataset.hiddenChar = label;
      return box;
    },
  });
}

/**
 * Text a lesson controls (a program's output, a scenario's title, a file name from a course
 * folder, a diff, an error) is printed with its control characters escaped, so that it cannot
 * drive the terminal: move the cursor, clear or rewrite lines, set the window's title, write
 * the clipboard (OSC 52), make a link, or reorder what is shown with the bidirectional
 * overrides of Trojan Source. Every command prints such text through these functions.
 */
import type { Language } from '../../src-shared/api.ts';
import { createTranslator, type Catalog, type Params } from '../../src-shared/i18n/translate.ts';

/**
 * C0 controls but tab and line feed, DEL, C1 controls, and the bidirectional marks, embeddings,
 * overrides and isolates.
 */
const CONTROLS =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point.
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** The same, for text inside JSON strings, where C0 controls are escaped already. */
const JSON_UNESCAPED_CONTROLS = /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Readonly<Record<string, string>> = { '\r': '\\r' };

function escapeOne(char: string): string {
  const named = NAMED[char];
  if (named) return named;
  const code = char.charCodeAt(0);
  return code < 0x100
    ? `\\x${code.toString(16).padStart(2, '0')}`
    : `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * Bytes of a program's output that were not UTF-8 where they were written: runs of lone
 * surrogates U+DC80–U+DCFF (Python's `surrogateescape`), such as the pieces of one character
 * written by two `os.write` calls. A terminal would join them again, so they are joined here
 * first: a whole UTF-8 character is that character (then escaped if it is a control), a byte
 * that is not part of one is `\xNN`.
 */
const ESCAPED_BYTES = /(?<![\uD800-\uDBFF])[\uDC80-\uDCFF]+/g;
const utf8 = new TextDecoder('utf-8', { fatal: true });

function decodeBytes(run: string): string {
  const bytes = Uint8Array.from(run, (char) => char.charCodeAt(0) - 0xdc00);
  let text = '';
  for (let i = 0; i < bytes.length;) {
    const lead = bytes[i] ?? 0;
    const size = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc2 ? 2 : 1;
    let char: string | null = null;
    if (size > 1 && i + size <= bytes.length) {
      try {
        char = utf8.decode(bytes.subarray(i, i + size));
      } catch {
        char = null;
      }
    }
    if (char === null) {
      text += `\\x${lead.toString(16).padStart(2, '0')}`;
      i += 1;
    } else {
      text += char.replace(CONTROLS, escapeOne);
      i += size;
    }
  }
  return text;
}

/**
 * Escapes control characters; line feeds and tabs stay, so text keeps its lines. A byte that
 * is not UTF-8 is escaped too: a terminal reads such bytes together (`decodeBytes`).
 */
export function escapeControls(text: string): string {
  return text.replace(CONTROLS, escapeOne).replace(ESCAPED_BYTES, decodeBytes);
}

/** Escapes control characters and line feeds: for text printed within one line. */
export function escapeLine(text: string): string {
  return escapeControls(text).replace(/\n/g, '\\n');
}

/**
 * Escapes, in JSON text, the characters `JSON.stringify` leaves as they are but a terminal
 * acts on. The result is the same JSON value.
 */
export function escapeJson(json: string): string {
  return json.replace(
    JSON_UNESCAPED_CONTROLS,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * The command line's messages: a catalog's translator whose every text parameter (a file name,
 * an error's message, a reason) is printed within its line, control characters escaped.
 */
export function createTerminalTranslator<K extends string>(
  catalog: Catalog<K>,
  language: Language,
) {
  const translate = createTranslator(catalog, language);
  return (key: K, params?: Params): string =>
    translate(
      key,
      params &&
        Object.fromEntries(
          Object.entries(params).map(([name, value]) => [
            name,
            typeof value === 'string' ? escapeLine(value) : value,
          ]),
        ),
    );
}

/** The columns a title a lesson controls takes at most in `check` and `scenarios`. */
export const TITLE_WIDTH = 72;

/** Characters a terminal draws two columns wide: East Asian wide and full-width ones, emoji. */
const WIDE =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{1f300}-\u{1f64f}\u{1f900}-\u{1f9ff}\u{20000}-\u{3fffd}]/u;

/** The text cut to `width` terminal columns, with an ellipsis where it was cut. */
export function truncateColumns(text: string, width: number): string {
  const chars = [...text];
  const columnsOf = (char: string) => (WIDE.test(char) ? 2 : 1);
  if (chars.reduce((sum, char) => sum + columnsOf(char), 0) <= width) return text;
  let kept = '';
  let columns = 0;
  for (const char of chars) {
    if (columns + columnsOf(char) > width - 1) break;
    kept += char;
    columns += columnsOf(char);
  }
  return `${kept}…`;
}

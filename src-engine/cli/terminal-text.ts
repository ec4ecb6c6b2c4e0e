/**
 * Text a lesson controls (a program's output, a scenario's title, a file name from a course
 * folder, a diff, an error) is printed with its control characters escaped, so that it cannot
 * drive the terminal: move the cursor, clear or rewrite lines, set the window's title, write
 * the clipboard (OSC 52), make a link, or reorder what is shown with the bidirectional
 * overrides of Trojan Source. Every command prints such text through these functions.
 */

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

/** Escapes control characters; line feeds and tabs stay, so text keeps its lines. */
export function escapeControls(text: string): string {
  return text.replace(CONTROLS, escapeOne);
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

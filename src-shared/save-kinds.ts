/**
 * What the app saves besides code: a replay file and the exports for slides and homework.
 * Each kind has one file extension and one media type, shared by the desktop's save dialog
 * (which checks what the page asks to write) and the web edition's downloads.
 */

export const SAVE_KINDS = {
  replay: { extension: '.loopscope.json', type: 'application/json' },
  png: { extension: '.png', type: 'image/png' },
  svg: { extension: '.svg', type: 'image/svg+xml' },
  gif: { extension: '.gif', type: 'image/gif' },
  webm: { extension: '.webm', type: 'video/webm' },
  html: { extension: '.html', type: 'text/html' },
} as const;

export type SaveKind = keyof typeof SAVE_KINDS;

/** The largest file saved: a replay at the highest event budget, or a long video. */
export const MAX_SAVE_BYTES = 512 * 1024 * 1024;

export function isSaveKind(value: unknown): value is SaveKind {
  return typeof value === 'string' && Object.hasOwn(SAVE_KINDS, value);
}

/**
 * The last part of a suggested path, cleaned to be a file's name on every system: no folders;
 * no control or formatting characters (a new line, or a right-to-left override that shows
 * `exe.py` as `yp.exe`); none of the characters Windows refuses; no leading dot (a hidden
 * file), nor trailing dot or space (Windows drops them); and not a name Windows gives a device
 * (`NUL.png` would be written nowhere, `COM1.png` to a serial port), whatever follows its
 * first dot. The name comes from a lesson's file name or a replay file: the page's, or anyone's.
 * May be empty: the caller adds its extension, and a name of its own when there is none.
 */
export function safeBaseName(suggested: string): string {
  const name = (suggested.split(/[\\/]/).pop() ?? '')
    .replace(/[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/gu, '')
    .replace(/[:*?"<>|]/g, '_')
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '');
  return /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)(\.|$)/i.test(name)
    ? `_${name}`
    : name;
}

/**
 * `name` (cut to 120 characters, a character outside the Basic Multilingual Plane kept whole)
 * with `extension`, or `fallback` with it when `name` is empty.
 */
export function withExtension(name: string, extension: string, fallback: string): string {
  const cut = Array.from(name)
    .slice(0, 120)
    .join('')
    .replace(/[.\s]+$/, '');
  return `${cut === '' ? fallback : cut}${extension}`;
}

/**
 * A safe base name for a file of `kind` (`safeBaseName`), with the kind's extension in place
 * of any it had.
 */
export function saveFileName(suggested: string, kind: SaveKind): string {
  const { extension } = SAVE_KINDS[kind];
  const name = safeBaseName(suggested).replace(
    /(\.loopscope\.json|\.jsonl?|\.md|\.markdown|\.py|\.[a-z0-9]{1,5})$/i,
    '',
  );
  return withExtension(name, extension, 'loopscope');
}

/** A safe name for a program's code: a lesson's name becomes the program's, `.py`. */
export function codeFileName(suggested: string): string {
  const name = safeBaseName(suggested).replace(/\.(md|markdown|py)$/i, '');
  return withExtension(name, '.py', 'program');
}

/** Whether a file's name says it is a replay or a trace the app opens. */
export function isReplayFileName(name: string): boolean {
  return /\.jsonl?$/i.test(name);
}

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
 * A safe base name for a file of `kind`: no folders, no characters a file system refuses, no
 * leading dot, and the kind's extension in place of any it had.
 */
export function saveFileName(suggested: string, kind: SaveKind): string {
  const { extension } = SAVE_KINDS[kind];
  let name = (suggested.split(/[\\/]/).pop() ?? '')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .replace(/[:*?"<>|]/g, '_')
    .replace(/^[.\s]+/, '')
    .trim();
  name = name.replace(/(\.loopscope\.json|\.jsonl?|\.md|\.markdown|\.py|\.[a-z0-9]{1,5})$/i, '');
  if (name === '') name = 'loopscope';
  return `${name.slice(0, 120)}${extension}`;
}

/** Whether a file's name says it is a replay or a trace the app opens. */
export function isReplayFileName(name: string): boolean {
  return /\.jsonl?$/i.test(name);
}

/** A sentence that says a word twice in a row: "the task `task`", "вызов вызов". */

/** Words a reader reads: code without its backticks, lower case. */
export function wordsOf(text: string): string[] {
  return (
    text
      // A value in code (`[None, None]`) is not words; a name (`task`, `tasks[0]`) is.
      .replace(/`([^`]*)`/g, (_, code: string) =>
        /^[\p{L}\p{N}_.()[\]-]+$/u.test(code) ? code : ' ',
      )
      .replace(/[«»“”]/g, '')
      .toLowerCase()
      .match(/[\p{L}\p{N}_]+(?:[-'’][\p{L}\p{N}_]+)*/gu) ?? []
  );
}

/** The first run of one to three words said twice in a row ("task task"), or null. */
export function doubledWords(text: string): string | null {
  // A chain of calls (`descend` → `descend`) names a recursion's frames, not one word twice.
  for (const part of text.split('→')) {
    const doubled = doubledIn(wordsOf(part));
    if (doubled) return doubled;
  }
  return null;
}

function doubledIn(words: readonly string[]): string | null {
  for (let n = 1; n <= 3; n++) {
    for (let i = 0; i + 2 * n <= words.length; i++) {
      const first = words.slice(i, i + n);
      if (!first.some((w) => /\p{L}{3}/u.test(w))) continue;
      if (first.join(' ') === words.slice(i + n, i + 2 * n).join(' ')) return first.join(' ');
    }
  }
  return null;
}

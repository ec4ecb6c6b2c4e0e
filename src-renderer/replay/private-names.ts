/**
 * asyncio's private names, which the `code` lens never shows: anything named with a leading
 * underscore (`__step`, `__wakeup`, `_run_until_complete_cb`, `_GatheringFuture`,
 * `gather._done_callback`) that the program does not itself define or use, and "gather" in a
 * program that never calls it (asyncio.run gathers the tasks it cancels).
 *
 * A pure function of the text on screen and the program, for the tests and the layout audit.
 */
import { usesName, type Program } from './program.ts';

const UNDERSCORED = /(?<![\w])_+[A-Za-z]\w*/g;

export function findPrivateNames(text: string, program: Program): string[] {
  const found = new Set<string>();
  for (const [name] of text.matchAll(UNDERSCORED)) {
    if (!program.definitions.has(name) && !usesName(program, name)) found.add(name);
  }
  if (/(?<![\w])gather(?![\w])/.test(text) && !usesName(program, 'gather')) found.add('gather');
  return [...found];
}

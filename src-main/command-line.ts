/**
 * The lesson paths given on a command line: `loopscope lesson.md`, "Open with" from a file
 * manager (which runs the app with the file's path), or a second launch forwarding its
 * arguments to the first. Switches (Chromium and test tools add their own) are not paths.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export function lessonPathsFromArgv(
  argv: readonly string[],
  options: { packaged: boolean; cwd: string },
): string[] {
  const args = argv
    .slice(1)
    .filter((arg) => arg !== '' && !arg.startsWith('-') && !arg.includes('\0'));
  // In development (`electron . lesson.md`) the first argument that is not a switch is the
  // app's folder.
  const paths = options.packaged ? args : args.slice(1);
  return [...new Set(paths.map((arg) => toPath(arg, options.cwd)))]
    .filter((path): path is string => path !== null)
    .slice(0, 100);
}

/** Linux file managers pass `file://` URLs (the .desktop entry's `%U`). */
function toPath(arg: string, cwd: string): string | null {
  if (!/^file:/i.test(arg)) return resolve(cwd, arg);
  try {
    return fileURLToPath(arg);
  } catch {
    return null;
  }
}

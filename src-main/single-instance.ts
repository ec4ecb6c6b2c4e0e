/**
 * One instance: a second launch (say, "Open with" on another lesson) hands its lesson paths
 * to the first and quits.
 */
import { isAbsolute } from 'node:path';
import { app } from 'electron';
import { isRecord } from '../src-shared/is-record.ts';
import { lessonPathsFromArgv } from './command-line.ts';

/** The paths a second instance sends, as `additionalData`. */
interface LaunchData {
  paths: string[];
}

function pathsFrom(data: unknown): string[] | null {
  if (!isRecord(data) || !Array.isArray(data.paths)) return null;
  const sent: unknown[] = data.paths;
  const paths = sent.filter(
    (p): p is string =>
      typeof p === 'string' && p.length <= 4096 && !p.includes('\0') && isAbsolute(p),
  );
  return paths.slice(0, 100);
}

/**
 * Claims the single-instance lock; false when another instance holds it (this one must quit).
 * `onSecondInstance` receives the lesson paths of every later launch.
 */
export function claimSingleInstance(
  launchPaths: string[],
  onSecondInstance: (paths: string[]) => void,
): boolean {
  const data: LaunchData = { paths: launchPaths };
  if (!app.requestSingleInstanceLock(data)) return false;
  app.on('second-instance', (_event, argv, workingDirectory, additionalData) => {
    onSecondInstance(
      pathsFrom(additionalData) ??
        lessonPathsFromArgv(argv, { packaged: app.isPackaged, cwd: workingDirectory }),
    );
  });
  return true;
}

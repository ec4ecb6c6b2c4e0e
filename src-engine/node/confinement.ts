/**
 * How the command line confines the engine's child process: Node's permission model and V8's
 * refusal to compile strings, asked for on the child's command line (`confinementArgs`),
 * required of the running Node by the parent before it starts a child (`canConfine`), and
 * checked by the child itself before it runs anything (`findConfinementGap`). The `node:vm`
 * realm that holds Pyodide is the first wall; this is the second (docs/architecture.md, "The
 * command line's sandbox").
 */
import { homedir } from 'node:os';
import { dirname } from 'node:path';

/** The oldest Node.js whose permission model the engine relies on (package.json's engines). */
const OLDEST_NODE: readonly [number, number] = [20, 19];

/** `--permission` since Node 22.13 and 23.5; `--experimental-permission` before. */
function permissionFlag(): string | null {
  const flags = process.allowedNodeEnvironmentFlags;
  if (flags.has('--permission')) return '--permission';
  if (flags.has('--experimental-permission')) return '--experimental-permission';
  return null;
}

/** The exit status of a command, or a run's child, that cannot be confined (EX_CONFIG). */
export const EXIT_UNCONFINED = 78;

/** True when this Node can start a confined child; the command line refuses to run otherwise. */
export function canConfine(): boolean {
  const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
  const recent = major > OLDEST_NODE[0] || (major === OLDEST_NODE[0] && minor >= OLDEST_NODE[1]);
  const flags = process.allowedNodeEnvironmentFlags;
  return (
    recent &&
    permissionFlag() !== null &&
    flags.has('--allow-fs-read') &&
    flags.has('--disallow-code-generation-from-strings')
  );
}

/**
 * The child's Node options: the permission model with read access to `readable` (exact files)
 * and nothing else, so no writing, no child processes, no workers, no native addons, no WASI,
 * no inspector; no addons even by `process.dlopen`; no code compiled from strings.
 */
export function confinementArgs(readable: readonly string[]): string[] {
  const permission = permissionFlag();
  if (!permission || !canConfine()) {
    throw new Error(
      `Node.js ${process.versions.node} cannot confine the engine's process: Loopscope runs programs only in a confined process (Node.js 20.19 or later).`,
    );
  }
  return [
    permission,
    ...readable.map((path) => `--allow-fs-read=${path}`),
    '--no-addons',
    '--disallow-code-generation-from-strings',
  ];
}

/**
 * Run by the child at its start: what is open that should not be, or null when it is confined
 * as `confinementArgs` asked. `readable` are the files it must be able to read.
 */
export function findConfinementGap(readable: readonly string[]): string | null {
  const permission = process.permission;
  if (!permission) return "Node's permission model is off";
  // A scope this Node does not know is not granted: it answers false, or throws.
  const has = (scope: string, reference?: string) => {
    try {
      return permission.has(scope, reference);
    } catch {
      return false;
    }
  };
  for (const scope of ['fs.write', 'child', 'worker', 'addon', 'wasi']) {
    if (has(scope)) return `the permission "${scope}" is granted`;
  }
  // The folders of the engine's files and the user's home: granted files do not open these.
  // (Not the root folder: Node 20's path tree can let `/` itself be listed, a Node quirk.)
  const outside = [...new Set([...readable.map((path) => dirname(path)), homedir()])];
  for (const path of outside) {
    if (has('fs.read') || has('fs.read', path)) return `${path} is readable`;
  }
  const unreadable = readable.find((path) => !has('fs.read', path));
  if (unreadable) return `the engine's own file ${unreadable} is not readable`;
  try {
    new Function('');
    return 'code can be compiled from strings';
  } catch {
    return null;
  }
}

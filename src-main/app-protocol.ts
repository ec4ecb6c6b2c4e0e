/**
 * The `app://` protocol: the app's pages are served from the built renderer folder under a
 * custom, privileged scheme rather than `file://`, so that they get a real origin, the CSP and
 * isolation headers, and no access to any other file on the disk.
 */
import { readFile, realpath } from 'node:fs/promises';
import { protocol, type Session } from 'electron';
import { APP_SCHEME } from './app-origin.ts';
import { isInside, resolveAppFile } from './app-protocol-paths.ts';
import { REFUSAL_CSP, securityHeaders } from '../src-shared/security-headers.mjs';

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true },
    },
  ]);
}

export interface ServeOptions {
  /** The folder served, `dist/renderer`. */
  root: string;
  csp: string;
  /** Narrows what may be served, by URL path. */
  allow?: (urlPath: string) => boolean;
}

/**
 * The app's files are read from the disk (or, for Pyodide's, from memory) at no cost: the
 * browser's cache would only keep a second copy of them.
 */
const NO_STORE = { 'Cache-Control': 'no-store' };

function refuse(status: number): Response {
  return new Response(null, { status, headers: { ...securityHeaders(REFUSAL_CSP), ...NO_STORE } });
}

/** Serves the app's files on one session (every session has its own protocol handlers). */
export function setupAppProtocol(session: Session, options: ServeOptions): void {
  // Inside an asar archive there are no links to follow; elsewhere (development) a link must
  // not lead out of the served folder.
  const followsLinks = !options.root.includes('.asar');
  const realRoot = followsLinks ? realpath(options.root).catch(() => options.root) : null;

  // Pyodide's files never change while the app runs, and the engine fetches them again for
  // every interpreter it restores: they are read from the disk (or the asar archive) once.
  const immutable = new Map<string, Promise<Uint8Array<ArrayBuffer>>>();
  const read = (path: string, urlPath: string): Promise<Uint8Array<ArrayBuffer>> => {
    const load = () =>
      readFile(path).then(
        (b) => new Uint8Array(b.buffer as ArrayBuffer, b.byteOffset, b.byteLength),
      );
    if (!urlPath.startsWith('/pyodide/')) return load();
    let cached = immutable.get(urlPath);
    if (!cached) {
      cached = load();
      immutable.set(urlPath, cached);
      cached.catch(() => immutable.delete(urlPath));
    }
    return cached;
  };

  session.protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405);
    const file = resolveAppFile(request.url, options.root, options.allow);
    if (!file) return refuse(404);
    try {
      if (realRoot && !isInside(await realRoot, await realpath(file.path))) return refuse(404);
      const body = await read(file.path, file.urlPath);
      return new Response(request.method === 'HEAD' ? null : body, {
        status: 200,
        headers: { 'Content-Type': file.mimeType, ...securityHeaders(options.csp), ...NO_STORE },
      });
    } catch {
      return refuse(404);
    }
  });
}

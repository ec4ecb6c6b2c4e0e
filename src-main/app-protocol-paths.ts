/**
 * From an `app://loopscope/...` URL to a file the protocol may serve. The path is decoded
 * once, and refused if it could leave the served folder: `..` or `.` segments (also encoded),
 * backslashes, NUL bytes, empty segments, or a type of file the app does not serve.
 */
import { extname, isAbsolute, join, relative, sep } from 'node:path';
import { APP_HOST, APP_SCHEME } from './app-origin.ts';

export const MIME_TYPES: Readonly<Record<string, string>> = Object.freeze({
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.zip': 'application/zip',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
});

export interface ResolvedAppFile {
  path: string;
  mimeType: string;
  /** The URL's path, decoded, such as `/pyodide/pyodide.asm.wasm`. */
  urlPath: string;
}

/**
 * Resolves a request URL against the served folder `root`; null when it must be refused.
 * `allow` narrows what may be served further (the engine page's session serves only what the
 * engine needs).
 */
export function resolveAppFile(
  requestUrl: string,
  root: string,
  allow: (urlPath: string) => boolean = () => true,
): ResolvedAppFile | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  if (url.username || url.password || url.port) return null;
  const rawSegments = url.pathname.split('/').slice(1);
  const segments: string[] = [];
  for (const raw of rawSegments) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (segment === '' || segment === '.' || segment === '..') return null;
    if (/[\\/\0:]/.test(segment)) return null;
    segments.push(segment);
  }
  if (segments.length === 0) return null;
  const urlPath = `/${segments.join('/')}`;
  if (!allow(urlPath)) return null;
  const mimeType = MIME_TYPES[extname(urlPath).toLowerCase()];
  if (!mimeType) return null;
  const path = join(root, ...segments);
  if (!isInside(root, path)) return null;
  return { path, mimeType, urlPath };
}

/** True when `path` is `root` itself or inside it. */
export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/** What the engine page's session serves: the page, its bundles, and Pyodide. */
export function isEngineAsset(urlPath: string): boolean {
  return (
    urlPath === '/src-engine/web/engine.html' ||
    /^\/assets\/[\w.-]+\.(js|mjs|map|wasm)$/.test(urlPath) ||
    /^\/pyodide\/[\w.-]+$/.test(urlPath)
  );
}

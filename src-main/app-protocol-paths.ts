/**
 * From an `app://loopscope/...` URL to a file the protocol may serve. The path is decoded
 * once, and refused if it could leave the served folder: `..` or `.` segments (also encoded),
 * backslashes, NUL bytes, empty segments, or a type of file the app does not serve.
 */
import { isAbsolute, join, relative, sep } from 'node:path';
import { BUNDLES_DIR, PYODIDE_DIR } from '../src-shared/build-paths.mjs';
import { mimeTypeOf } from '../src-shared/security-headers.mjs';
import { APP_HOST, APP_SCHEME, ENGINE_PAGE_PATH } from './app-origin.ts';

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
  const mimeType = mimeTypeOf(urlPath);
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
  const [, folder, name, ...deeper] = urlPath.split('/');
  if (urlPath === ENGINE_PAGE_PATH) return true;
  if (deeper.length > 0 || name === undefined) return false;
  if (folder === BUNDLES_DIR) return /^[\w.-]+\.(js|mjs|map|wasm)$/.test(name);
  return folder === PYODIDE_DIR && /^[\w.-]+$/.test(name);
}

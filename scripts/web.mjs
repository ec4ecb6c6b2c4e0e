// The web edition: `npm run web` builds the renderer if it is not built, then serves
// dist/renderer on 127.0.0.1 with the headers the engine needs (cross-origin isolation for
// SharedArrayBuffer, a CSP that allows WebAssembly but not eval).
import { createServer } from 'node:http';
import { createReadStream, existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../dist/renderer', import.meta.url));
const ENTRY = 'src-web/index.html';

/**
 * Pages are revalidated; Pyodide's runtime (named by its version, never changed in place) is
 * kept: the engine loads it for every fresh interpreter, and refetching 9 MB of WebAssembly
 * each run can exhaust the browser's connections to the host and stall a run.
 */
function cacheControl(url, type) {
  if (type.startsWith('text/html')) return 'no-cache';
  if (url.startsWith('/pyodide/')) return 'public, max-age=31536000, immutable';
  return 'public, max-age=0, must-revalidate';
}

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

const SECURITY_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.zip': 'application/zip',
  '.md': 'text/markdown; charset=utf-8',
  '.py': 'text/x-python; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** The file a request path names inside `root`, or null for a path that leaves it. */
export function resolveRequestPath(root, urlPath) {
  let path;
  try {
    path = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return null;
  }
  if (path.includes('\0') || path.includes('\\')) return null;
  if (path === '/' || path === '') path = `/${ENTRY}`;
  const base = resolve(root);
  const file = resolve(join(base, path));
  return file === base || file.startsWith(base + sep) ? file : null;
}

function send(response, status, text) {
  response.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
  response.end(text);
}

/**
 * Serves `root` on 127.0.0.1; resolves with the server's URL and a `close()`.
 * Port 0 picks a free port.
 */
export async function startWebServer({ port = 5178, root = ROOT } = {}) {
  const server = createServer(async (request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return send(response, 405, 'Method Not Allowed');
    let file = resolveRequestPath(root, request.url ?? '/');
    if (!file) return send(response, 403, 'Forbidden');
    let info = await stat(file).catch(() => null);
    if (info?.isDirectory()) {
      file = join(file, 'index.html');
      info = await stat(file).catch(() => null);
    }
    if (!info?.isFile()) return send(response, 404, 'Not Found');
    const type = MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
    response.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': type,
      'Content-Length': info.size,
      'Cache-Control': cacheControl(request.url ?? '/', type),
    });
    if (request.method === 'HEAD') return response.end();
    createReadStream(file).pipe(response);
  });
  await new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', done);
  });
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}/`;
  return {
    url,
    close: () => new Promise((done) => server.close(() => done(undefined))),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (process.argv.includes('--build') || !existsSync(join(ROOT, ENTRY))) {
    const { buildRenderer } = await import('./build-renderer.mjs');
    console.log('Building the web edition…');
    await buildRenderer();
  }
  const { url } = await startWebServer({ port: Number(process.env.PORT ?? 5178) });
  console.log(`Loopscope web edition: ${url}`);
}

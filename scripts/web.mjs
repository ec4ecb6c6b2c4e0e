// The web edition: `npm run web` builds the pages when their build is older than their
// sources (scripts/build-state.mjs), then serves dist/renderer on 127.0.0.1 with the headers
// the desktop app's protocol sends (src-shared/security-headers.mjs): cross-origin isolation
// for SharedArrayBuffer, and a CSP that allows WebAssembly but not eval. Every response
// carries them, refusals and Node's own answers to malformed requests included.
import { createServer, STATUS_CODES } from 'node:http';
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PAGES, PYODIDE_DIR, RENDERER_DIR } from '../src-shared/build-paths.mjs';
import {
  APP_CSP,
  ENGINE_CSP,
  mimeTypeOf,
  REFUSAL_CSP,
  securityHeaders,
} from '../src-shared/security-headers.mjs';

const ROOT = fileURLToPath(new URL(`../${RENDERER_DIR}`, import.meta.url));

/**
 * The pages get the app's policy. Everything else gets the engine's, which is what matters
 * for the engine's worker: a dedicated worker is governed by the policy its script was
 * served with, as in the desktop app's engine session. (A script the page imports ignores
 * the policy it is served with.)
 */
function policyFor(name) {
  return name === PAGES.web || name === PAGES.app ? APP_CSP : ENGINE_CSP;
}

/**
 * Pages are revalidated; Pyodide's runtime (named by its version, never changed in place) is
 * kept: the engine loads it for every fresh interpreter, and refetching 9 MB of WebAssembly
 * each run can exhaust the browser's connections to the host and stall a run.
 */
function cacheControl(name, type) {
  if (type.startsWith('text/html')) return 'no-cache';
  if (name.startsWith(`${PYODIDE_DIR}/`)) return 'public, max-age=31536000, immutable';
  return 'public, max-age=0, must-revalidate';
}

/** The file a request path names inside `root`, or null for a path that leaves it. */
export function resolveRequestPath(root, urlPath) {
  let path;
  try {
    path = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return null;
  }
  if (path.includes('\0') || path.includes('\\')) return null;
  if (path === '/' || path === '') path = `/${PAGES.web}`;
  const base = resolve(root);
  const file = resolve(join(base, path));
  return isInside(base, file) && file !== base ? file : null;
}

function isInside(root, path) {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/** Headers of a refusal: it loads nothing, and is never cached. */
function refusalHeaders() {
  return {
    ...securityHeaders(REFUSAL_CSP),
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
  };
}

function refuse(response, status, extra = {}) {
  const body = `${status} ${STATUS_CODES[status]}\n`;
  response.writeHead(status, { ...refusalHeaders(), ...extra });
  response.end(body);
}

/**
 * Answers a request the HTTP parser refused (Node's own 400, 408 and 431), written to the
 * socket by hand as Node would, but with the security headers.
 */
function answerClientError(error, socket) {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const status =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? 431
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? 408
        : 400;
  const headers = { ...refusalHeaders(), 'Content-Length': '0', Connection: 'close' };
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
      Object.entries(headers)
        .map(([name, value]) => `${name}: ${value}\r\n`)
        .join('') +
      '\r\n',
  );
}

/**
 * The file to serve for a request path, or null: nothing outside `root`, even through a link.
 * `name` is its path under the root, with forward slashes.
 */
async function findFile(root, realRoot, urlPath) {
  let file = resolveRequestPath(root, urlPath);
  if (!file) return null;
  let info = await stat(file).catch(() => null);
  if (info?.isDirectory()) {
    file = join(file, 'index.html');
    info = await stat(file).catch(() => null);
  }
  if (!info?.isFile()) return null;
  const real = await realpath(file).catch(() => null);
  if (!real || !isInside(realRoot, real)) return null;
  const type = mimeTypeOf(file);
  const name = relative(realRoot, real).split(sep).join('/');
  return type ? { path: real, name, size: info.size, type } : null;
}

/**
 * Serves `root` on 127.0.0.1; resolves with the server's URL and a `close()`.
 * Port 0 picks a free port.
 */
export async function startWebServer({ port = 5178, root = ROOT } = {}) {
  const realRoot = await realpath(root).catch(() => resolve(root));
  const server = createServer(async (request, response) => {
    try {
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        refuse(response, 405, { Allow: 'GET, HEAD' });
        return;
      }
      const file = await findFile(root, realRoot, request.url ?? '/');
      if (!file) {
        refuse(response, 404);
        return;
      }
      response.writeHead(200, {
        ...securityHeaders(policyFor(file.name)),
        'Content-Type': file.type,
        'Content-Length': file.size,
        'Cache-Control': cacheControl(file.name, file.type),
      });
      if (request.method === 'HEAD') {
        response.end();
        return;
      }
      createReadStream(file.path)
        .on('error', () => response.destroy())
        .pipe(response);
    } catch {
      if (response.headersSent) response.destroy();
      else refuse(response, 500);
    }
  });
  server.on('clientError', answerClientError);
  // Node answers an unknown `Expect:` with a bare 417 of its own.
  server.on('checkExpectation', (_request, response) =>
    refuse(response, 417, { Connection: 'close' }),
  );
  await new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', done);
  });
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}/`;
  return {
    url,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done(undefined));
      }),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { ensureBuilt } = await import('./build-state.mjs');
  await ensureBuilt('renderer', { force: process.argv.includes('--build'), log: console.log });
  const { url } = await startWebServer({ port: Number(process.env.PORT ?? 5178) });
  console.log(`Loopscope web edition: ${url}`);
}

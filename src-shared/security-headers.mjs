/**
 * The headers of every response that serves the app: the Content Security Policies, the
 * other security headers, and the types of the files served. The desktop app's `app://`
 * protocol (src-main/app-protocol.ts) and the web edition's server (scripts/web.mjs) both
 * send exactly these. It is plain JavaScript (typed by security-headers.d.mts beside it) so
 * that the web server, which Node runs without a compiler, imports the same module.
 *
 * Neither policy allows 'unsafe-eval': Python that escapes into JavaScript cannot compile new
 * JavaScript from a string (`eval`, `Function`, `setTimeout("...")`). 'wasm-unsafe-eval' is
 * needed to compile Pyodide's WebAssembly, and allows nothing else.
 */

/** @param {Readonly<Record<string, readonly string[]>>} policy */
function serialize(policy) {
  return Object.entries(policy)
    .map(([directive, sources]) => [directive, ...sources].join(' '))
    .join('; ');
}

const COMMON = {
  'default-src': ["'none'"],
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'worker-src': ["'self'"],
  // Pyodide fetches its WebAssembly, standard library and lock file from the app's origin.
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
  'frame-src': ["'none'"],
  'manifest-src': ["'none'"],
};

/** The app's page: the renderer (and, in the web edition, the host that runs the engine). */
export const APP_CSP = serialize({
  ...COMMON,
  // Svelte and d3 set element styles; a style cannot run code.
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'media-src': ["'self'"],
});

/**
 * The hidden engine page and the engine's worker: nothing but scripts, WebAssembly and
 * fetches home. A dedicated worker is governed by the policy its own script was served with.
 */
export const ENGINE_CSP = serialize(COMMON);

/** What a refusal (404, 405, 500, a malformed request) is served with: it loads nothing. */
export const REFUSAL_CSP = "default-src 'none'";

/**
 * Headers for every response. Cross-origin isolation (COOP and COEP) makes SharedArrayBuffer
 * available, which the engine uses to stop a run cleanly instead of killing its worker.
 * @param {string} csp
 * @returns {Record<string, string>}
 */
export function securityHeaders(csp) {
  return {
    'Content-Security-Policy': csp,
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Embedder-Policy': 'require-corp',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=(), hid=()',
  };
}

/**
 * The types of file the app serves, by extension; a file of any other type is not served.
 * Markdown is the web edition's course (dist/renderer/lessons/), fetched as text.
 */
export const MIME_TYPES = Object.freeze({
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.zip': 'application/zip',
  '.md': 'text/markdown; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
});

/**
 * The type of a file by its name, or null for a type the app does not serve.
 * @param {string} name
 * @returns {string | null}
 */
export function mimeTypeOf(name) {
  const base = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  const extension = dot > 0 ? base.slice(dot).toLowerCase() : '';
  return Object.hasOwn(MIME_TYPES, extension) ? MIME_TYPES[extension] : null;
}

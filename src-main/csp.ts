/**
 * The Content Security Policies and the other security headers of every response the app's
 * protocol serves. Neither policy allows 'unsafe-eval': Python that escapes into JavaScript
 * cannot compile new JavaScript from a string (`eval`, `Function`, `setTimeout("...")`).
 * 'wasm-unsafe-eval' is needed to compile Pyodide's WebAssembly, and allows nothing else.
 */

type Policy = Readonly<Record<string, readonly string[]>>;

function serialize(policy: Policy): string {
  return Object.entries(policy)
    .map(([directive, sources]) => [directive, ...sources].join(' '))
    .join('; ');
}

const COMMON: Policy = {
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

/** The app page: the renderer. */
export const APP_CSP = serialize({
  ...COMMON,
  // Svelte and d3 set element styles; a style cannot run code.
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'media-src': ["'self'"],
});

/** The hidden engine page and its worker: nothing but scripts, WebAssembly and fetches home. */
export const ENGINE_CSP = serialize(COMMON);

/**
 * Headers for every response. Cross-origin isolation (COOP and COEP) makes SharedArrayBuffer
 * available, which the engine uses to stop a run cleanly instead of killing its worker.
 */
export function securityHeaders(csp: string): Record<string, string> {
  return {
    'Content-Security-Policy': csp,
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Embedder-Policy': 'require-corp',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=(), hid=()',
    'Cache-Control': 'no-store',
  };
}

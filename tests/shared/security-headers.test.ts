import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  APP_CSP,
  ENGINE_CSP,
  mimeTypeOf,
  REFUSAL_CSP,
  securityHeaders,
} from '../../src-shared/security-headers.mjs';

const directives = (csp: string) =>
  new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...sources]) => [name, sources]),
  );

describe('the content security policies', () => {
  it.each([
    ['app', APP_CSP],
    ['engine', ENGINE_CSP],
  ])(
    'the %s policy allows WebAssembly but never eval, and nothing from elsewhere',
    (_name, csp) => {
      const policy = directives(csp);
      expect(csp).not.toContain("'unsafe-eval'");
      expect(policy.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
      expect(policy.get('default-src')).toEqual(["'none'"]);
      expect(policy.get('connect-src')).toEqual(["'self'"]);
      expect(policy.get('object-src')).toEqual(["'none'"]);
      expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
      expect(csp).not.toMatch(/https?:|\*/);
    },
  );

  it('gives the engine page no styles, images or fonts', () => {
    const policy = directives(ENGINE_CSP);
    for (const directive of ['style-src', 'img-src', 'font-src'])
      expect(policy.has(directive)).toBe(false);
  });

  it('lets a refusal load nothing at all', () => {
    expect(directives(REFUSAL_CSP)).toEqual(new Map([['default-src', ["'none'"]]]));
  });

  it("the engine page's own <meta> policy allows nothing its header does not", () => {
    const html = readFileSync(new URL('../../src-engine/web/engine.html', import.meta.url), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta, 'engine.html has a CSP <meta>').toBeDefined();
    const header = directives(ENGINE_CSP);
    for (const [name, sources] of directives(meta ?? '')) {
      expect(header.get(name ?? ''), `${name} in engine.html`).toEqual(sources);
    }
  });

  it('isolates every response cross-origin, so that the engine can use SharedArrayBuffer', () => {
    expect(securityHeaders(APP_CSP)).toMatchObject({
      'Content-Security-Policy': APP_CSP,
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Embedder-Policy': 'require-corp',
      'X-Content-Type-Options': 'nosniff',
    });
  });
});

describe('the types of the files served', () => {
  it('are known by extension, in any case', () => {
    expect(mimeTypeOf('/pyodide/pyodide.asm.wasm')).toBe('application/wasm');
    expect(mimeTypeOf('lessons/01.EN.MD')).toBe('text/markdown; charset=utf-8');
    expect(mimeTypeOf('C:\\app\\index.html')).toBe('text/html; charset=utf-8');
  });

  it('are none for a file without an extension, a dot file, or an unknown or inherited one', () => {
    for (const name of ['README', '/assets/.env', 'run.exe', 'x.constructor', 'a.js/b', 'x.'])
      expect(mimeTypeOf(name), name).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { APP_CSP, ENGINE_CSP, securityHeaders } from '../../src-main/csp.ts';

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

  it('isolates every response cross-origin, so that the engine can use SharedArrayBuffer', () => {
    expect(securityHeaders(APP_CSP)).toMatchObject({
      'Content-Security-Policy': APP_CSP,
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Embedder-Policy': 'require-corp',
      'X-Content-Type-Options': 'nosniff',
    });
  });
});

/**
 * The web edition as `npm run web` serves it: the page and the engine's worker carry the
 * headers the desktop app's protocol sends, and the app works under them.
 */
import { expect, test } from './fixtures.ts';

test('the site is served with the app policy, cross-origin isolated, and works under it', async ({
  app,
}) => {
  const url = process.env.LOOPSCOPE_URL ?? '';
  const page = await app.page.request.get(url);
  const csp = page.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(csp).not.toContain("'unsafe-eval'");
  expect(page.headers()['cross-origin-embedder-policy']).toBe('require-corp');
  expect(await app.page.evaluate(() => crossOriginIsolated)).toBe(true);

  // The engine's worker runs under the engine's policy: no styles, no images.
  const worker = await app.page.evaluate(
    () =>
      performance
        .getEntriesByType('resource')
        .map((entry) => entry.name)
        .find((name) => /\/assets\/worker-[^/]+\.js$/.test(name)) ?? '',
  );
  expect(worker).not.toBe('');
  const workerCsp = (await app.page.request.get(worker)).headers()['content-security-policy'];
  expect(workerCsp).toContain("'wasm-unsafe-eval'");
  expect(workerCsp).not.toMatch(/style-src|img-src/);

  const missing = await app.page.request.get(new URL('/no/such/file.js', url).href);
  expect(missing.status()).toBe(404);
  expect(missing.headers()['content-security-policy']).toBe("default-src 'none'");
  expect(missing.headers()['x-content-type-options']).toBe('nosniff');
});

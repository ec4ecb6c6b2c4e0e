/**
 * The web edition's server (`scripts/web.mjs`, as `npm run web` runs it) over real HTTP: what
 * it serves, what it refuses, and the headers every answer carries, its refusals and Node's
 * own answers to malformed requests included.
 */
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer } from '../../scripts/web.mjs';

let root: string;
let outside: string;
let server: { url: string; close(): Promise<void> };

async function put(path: string, content: string): Promise<void> {
  await mkdir(join(path, '..'), { recursive: true });
  await writeFile(path, content);
}

beforeAll(async () => {
  const base = await mkdtemp(join(tmpdir(), 'loopscope-web-'));
  root = join(base, 'renderer');
  outside = join(base, 'outside');
  await put(join(root, 'src-web/index.html'), '<!doctype html><title>web</title>');
  await put(join(root, 'src-renderer/index.html'), '<!doctype html><title>app</title>');
  await put(join(root, 'src-engine/web/engine.html'), '<!doctype html><title>engine</title>');
  await put(join(root, 'assets/worker-Ab12.js'), 'postMessage(1);');
  await put(join(root, 'pyodide/pyodide.asm.wasm'), '\0asm');
  await put(join(root, 'lessons/01.en.md'), '# One\n');
  await put(join(root, 'notes.exe'), 'MZ');
  await put(join(outside, 'secret.md'), '# secret\n');
  await symlink('/etc/hostname', join(root, 'hostname.txt'));
  await symlink(outside, join(root, 'linked'));
  // A link that stays inside the root is the site's own file.
  await symlink(join(root, 'lessons/01.en.md'), join(root, 'lessons/latest.md'));
  server = await startWebServer({ port: 0, root });
});

afterAll(async () => {
  await server?.close();
  await rm(join(root, '..'), { recursive: true, force: true });
});

const get = (path: string, init?: RequestInit) => fetch(new URL(path, server.url), init);

/** What every answer must carry, whatever its status. */
function expectSecurityHeaders(headers: Headers, what: string): void {
  const csp = headers.get('content-security-policy') ?? '';
  expect(csp, what).toMatch(/(^|; )default-src 'none'(;|$)/);
  expect(csp, what).not.toContain("'unsafe-eval'");
  expect(csp, what).not.toMatch(/https?:|\*/);
  expect(headers.get('cross-origin-opener-policy'), what).toBe('same-origin');
  expect(headers.get('cross-origin-embedder-policy'), what).toBe('require-corp');
  expect(headers.get('cross-origin-resource-policy'), what).toBe('same-origin');
  expect(headers.get('x-content-type-options'), what).toBe('nosniff');
  expect(headers.get('referrer-policy'), what).toBe('no-referrer');
  expect(headers.get('permissions-policy'), what).toContain('camera=()');
}

/** Sends raw bytes, as a client that breaks HTTP would, and returns the raw answer. */
function sendRaw(bytes: string): Promise<string> {
  const { port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () => socket.write(bytes));
    let answer = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (answer += chunk));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
  });
}

function parseRaw(answer: string): { status: number; headers: Headers } {
  const [head = ''] = answer.split('\r\n\r\n');
  const [statusLine = '', ...lines] = head.split('\r\n');
  const headers = new Headers();
  for (const line of lines) {
    const colon = line.indexOf(':');
    headers.append(line.slice(0, colon), line.slice(colon + 1).trim());
  }
  return { status: Number(statusLine.split(' ')[1]), headers };
}

describe('the web edition as served', () => {
  it('serves its page at / with the app policy: WebAssembly, never eval, nothing from elsewhere', async () => {
    const page = await get('/');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>web</title>');
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expectSecurityHeaders(page.headers, 'the page');
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect((await get('/src-web/')).headers.get('content-security-policy')).toBe(csp);
  });

  it("serves the engine's worker under the engine's policy: no styles, images or fonts", async () => {
    const worker = await get('/assets/worker-Ab12.js');
    expect(worker.status).toBe(200);
    expect(worker.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expectSecurityHeaders(worker.headers, 'the worker');
    const csp = worker.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(csp).not.toMatch(/style-src|img-src|font-src/);
  });

  it("keeps Pyodide's runtime cached, and serves the course as Markdown", async () => {
    const wasm = await get('/pyodide/pyodide.asm.wasm');
    expect(wasm.headers.get('content-type')).toBe('application/wasm');
    expect(wasm.headers.get('cache-control')).toContain('immutable');
    const lesson = await get('/lessons/01.en.md');
    expect(lesson.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(await (await get('/lessons/latest.md')).text()).toBe('# One\n');
    const head = await get('/lessons/01.en.md', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe('6');
  });

  it.each([
    ['a link to /etc/hostname', '/hostname.txt'],
    ['a file through a linked folder outside the root', '/linked/secret.md'],
    ['a parent folder', '/../outside/secret.md'],
    ['an encoded parent folder', '/%2e%2e/outside/secret.md'],
    ['an encoded backslash', '/..%5coutside%5csecret.md'],
    ['a NUL byte', '/lessons/01.en.md%00.png'],
    ['a malformed escape', '/%E0%A4%A'],
    ['a file of a type the app does not serve', '/notes.exe'],
    ['a file that does not exist', '/nothing.js'],
  ])('answers 404 for %s, with the security headers', async (_what, path) => {
    const answer = await sendRaw(`GET ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
    const { status, headers } = parseRaw(answer);
    expect(status).toBe(404);
    expectSecurityHeaders(headers, path);
    expect(answer).not.toContain(' secret');
  });

  it('refuses other methods with 405, with the security headers', async () => {
    const answer = await get('/', { method: 'POST', body: 'x' });
    expect(answer.status).toBe(405);
    expect(answer.headers.get('allow')).toBe('GET, HEAD');
    expectSecurityHeaders(answer.headers, 'POST');
  });

  it.each([
    ['a malformed request line (400)', 'NOT HTTP AT ALL\r\n\r\n', 400],
    ['a malformed header (400)', 'GET / HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n', 400],
    [
      'headers too large (431)',
      `GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(64 * 1024)}\r\n\r\n`,
      431,
    ],
    ['an unknown expectation (417)', 'GET / HTTP/1.1\r\nHost: x\r\nExpect: magic\r\n\r\n', 417],
  ])(
    "answers %s with the security headers, where Node's own answer has none",
    async (_what, raw, status) => {
      const answer = parseRaw(await sendRaw(raw));
      expect(answer.status).toBe(status);
      expectSecurityHeaders(answer.headers, String(status));
    },
  );
});

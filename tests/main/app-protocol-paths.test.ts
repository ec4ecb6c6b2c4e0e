import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isEngineAsset, resolveAppFile } from '../../src-main/app-protocol-paths.ts';

const root = '/app/dist/renderer';

describe('serving app:// URLs', () => {
  it('maps a URL to a file under the served folder, with its type', () => {
    expect(resolveAppFile('app://loopscope/src-renderer/index.html', root)).toEqual({
      path: join(root, 'src-renderer/index.html'),
      mimeType: 'text/html; charset=utf-8',
      urlPath: '/src-renderer/index.html',
    });
    expect(resolveAppFile('app://loopscope/pyodide/pyodide.asm.wasm?v=1#x', root)?.mimeType).toBe(
      'application/wasm',
    );
    expect(resolveAppFile('app://loopscope/assets/a%20b.js', root)?.path).toBe(
      join(root, 'assets/a b.js'),
    );
  });

  it.each([
    'app://loopscope/../../etc/passwd.html',
    'app://loopscope/%2e%2e/%2e%2e/etc/passwd.html',
    'app://loopscope/assets/%2e%2e/%2e%2e/%2e%2e/x.js',
  ])('keeps %s inside the served folder (the URL parser removes dot segments)', (url) => {
    const resolved = resolveAppFile(url, root);
    expect(resolved?.path.startsWith(`${root}/`)).toBe(true);
  });

  it.each([
    'app://loopscope/assets/..%2f..%2fsecret.js',
    'app://loopscope/assets/%2E%2E%5Csecret.js',
    'app://loopscope/assets/..\\..\\secret.js',
    'app://loopscope/assets/x%00.js',
    'app://loopscope/assets//x.js',
    'app://loopscope/assets/%E0%A4%A.js',
    'app://loopscope/',
    'app://loopscope/assets/',
    'app://loopscope/src-main/main.ts',
    'app://loopscope/settings.json.bak',
    'app://other/src-renderer/index.html',
    'app://user:pw@loopscope/src-renderer/index.html',
    'app://loopscope:8080/src-renderer/index.html',
    'file:///app/dist/renderer/src-renderer/index.html',
    'https://loopscope/src-renderer/index.html',
    'not a url',
  ])('refuses %s', (url) => {
    const resolved = resolveAppFile(url, root);
    expect(resolved).toBeNull();
  });

  it('does not treat a doubly encoded dot-dot as a way out', () => {
    const resolved = resolveAppFile('app://loopscope/assets/%252e%252e/x.js', root);
    expect(resolved?.path).toBe(join(root, 'assets', '%2e%2e', 'x.js'));
  });

  it('lets the engine session serve only the engine page, bundles and Pyodide', () => {
    const engine = (url: string) => resolveAppFile(url, root, isEngineAsset);
    expect(engine('app://loopscope/src-engine/web/engine.html')).not.toBeNull();
    expect(engine('app://loopscope/assets/worker-Ab12.js')).not.toBeNull();
    expect(engine('app://loopscope/pyodide/python_stdlib.zip')).not.toBeNull();
    expect(engine('app://loopscope/src-renderer/index.html')).toBeNull();
    expect(engine('app://loopscope/assets/app-Ab12.css')).toBeNull();
    expect(engine('app://loopscope/pyodide/sub/x.js')).toBeNull();
  });
});

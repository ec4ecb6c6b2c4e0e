import { expect, it } from 'vitest';
import { APP_PAGE_PATH, ENGINE_PAGE_PATH } from '../../src-main/app-origin.ts';
import { isTrustedFrame } from '../../src-main/ipc-guard.ts';

const top = (url: string) => ({ url, parent: null });

it('trusts only the top frame of the expected page on the app origin', () => {
  expect(isTrustedFrame(top('app://loopscope/src-renderer/index.html'), APP_PAGE_PATH)).toBe(true);
  expect(isTrustedFrame(top('app://loopscope/src-renderer/index.html#lesson'), APP_PAGE_PATH)).toBe(
    true,
  );
  expect(isTrustedFrame(top('app://loopscope/src-engine/web/engine.html'), ENGINE_PAGE_PATH)).toBe(
    true,
  );
});

it.each([
  ['the engine page calling the app API', top('app://loopscope/src-engine/web/engine.html')],
  ['another host', top('app://evil/src-renderer/index.html')],
  ['file://', top('file:///work/dist/renderer/src-renderer/index.html')],
  ['https', top('https://loopscope/src-renderer/index.html')],
  ['a subframe', { url: 'app://loopscope/src-renderer/index.html', parent: {} }],
  ['no frame', null],
  ['a bad URL', top('not a url')],
])('refuses %s', (_name, frame) => {
  expect(isTrustedFrame(frame, APP_PAGE_PATH)).toBe(false);
});

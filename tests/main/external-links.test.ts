import { expect, it } from 'vitest';
import { createLinkOpener } from '../../src-main/external-links.ts';

it('opens https links only, and at most one a second', () => {
  const opened: string[] = [];
  let now = 0;
  const links = createLinkOpener((url) => opened.push(url), { now: () => now });
  expect(links.open('javascript:alert(1)')).toBe(false);
  expect(links.open('file:///etc/passwd')).toBe(false);
  expect(links.open('https://docs.python.org/3/')).toBe(true);
  now = 500;
  expect(links.open('https://docs.python.org/3/library/asyncio.html')).toBe(false);
  now = 1600;
  expect(links.open('https://peps.python.org/pep-0492/')).toBe(true);
  expect(opened).toEqual(['https://docs.python.org/3/', 'https://peps.python.org/pep-0492/']);
});

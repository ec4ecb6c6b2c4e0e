import { expect, it } from 'vitest';
import { createTokenRegistry } from '../../src-main/lesson-tokens.ts';

it('gives a path the same opaque token every time, and resolves only its own tokens', () => {
  const tokens = createTokenRegistry();
  const token = tokens.tokenFor('/home/teacher/lesson.md');
  expect(token).not.toContain('lesson');
  expect(tokens.tokenFor('/home/teacher/lesson.md')).toBe(token);
  expect(tokens.pathOf(token)).toBe('/home/teacher/lesson.md');
  expect(tokens.pathOf('/home/teacher/lesson.md')).toBeNull();
  expect(tokens.pathOf('00000000-0000-4000-8000-000000000000')).toBeNull();
  expect(tokens.pathOf(42)).toBeNull();
});

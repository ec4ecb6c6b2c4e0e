import { describe, expect, it } from 'vitest';
import { addRecent, removeRecent, samePath } from '../../src-main/recent-files.ts';

describe('the recent-files list', () => {
  it('puts the newest first and keeps each path once', () => {
    expect(addRecent(['/b.md', '/a.md'], '/a.md')).toEqual(['/a.md', '/b.md']);
  });

  it('keeps at most the given number of entries', () => {
    expect(addRecent(['/1', '/2', '/3'], '/4', 3)).toEqual(['/4', '/1', '/2']);
  });

  it('forgets a path', () => {
    expect(removeRecent(['/a.md', '/b.md'], '/a.md')).toEqual(['/b.md']);
  });

  it('compares paths as the platform does', () => {
    expect(samePath('C:\\Lessons\\A.md', 'c:\\lessons\\a.md', 'win32')).toBe(true);
    expect(samePath('/Lessons/A.md', '/lessons/a.md', 'linux')).toBe(false);
  });
});

import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DialogFolder, LessonDialogOptions } from '../../src-main/lesson-dialogs.ts';
import { saveCode } from '../../src-main/save-code.ts';

let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'loopscope-save-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** The save dialog answers `answer` (null: the user cancels). */
function options(answer: string | null, last: DialogFolder = { current: null }) {
  const suggested: (string | undefined)[] = [];
  const dialogs: LessonDialogOptions['dialogs'] = {
    showOpenDialog: () => Promise.reject(new Error('not asked')),
    showSaveDialog: async (asked) => {
      suggested.push(asked.defaultPath);
      return answer ? { canceled: false, filePath: answer } : { canceled: true, filePath: '' };
    },
  };
  return {
    suggested,
    options: { dialogs, language: () => 'en' as const, folder: last, documents: () => folder },
  };
}

describe('saving code', () => {
  it('writes the code where the user chooses, and starts the next dialog in that folder', async () => {
    const target = join(folder, 'mine.py');
    const last: DialogFolder = { current: null };
    const { options: saving, suggested } = options(target, last);
    expect(await saveCode({ code: 'print("saved")\n', fileName: 'demo.py' }, saving)).toBe(true);
    expect(await readFile(target, 'utf8')).toBe('print("saved")\n');
    expect(await readdir(folder)).toEqual(['mine.py']);
    expect(suggested).toEqual([join(folder, 'demo.py')]);
    expect(last.current).toBe(folder);
  });

  it('writes nothing when the user cancels', async () => {
    const last: DialogFolder = { current: '/course' };
    expect(
      await saveCode({ code: 'x = 1\n', fileName: 'demo.py' }, options(null, last).options),
    ).toBe(false);
    expect(await readdir(folder)).toEqual([]);
    expect(last.current).toBe('/course');
  });

  it('says in the language of the app that the code was not saved, and why', async () => {
    const last: DialogFolder = { current: null };
    const { options: saving } = options(join(folder, 'no-such-folder', 'mine.py'), last);
    await expect(
      saveCode({ code: 'x = 1\n', fileName: 'demo.py' }, { ...saving, language: () => 'ru' }),
    ).rejects.toThrow(/^Не удалось сохранить код\. .*ENOENT/);
    expect(last.current).toBeNull();
  });
});

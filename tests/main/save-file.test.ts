import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DialogFolder, LessonDialogOptions } from '../../src-main/lesson-dialogs.ts';
import { parseSaveFile, saveFile } from '../../src-main/save-file.ts';
import { MAX_SAVE_BYTES } from '../../src-shared/save-kinds.ts';

let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'loopscope-save-file-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

function options(answer: string | null, last: DialogFolder = { current: null }) {
  const asked: Parameters<LessonDialogOptions['dialogs']['showSaveDialog']>[0][] = [];
  const dialogs: LessonDialogOptions['dialogs'] = {
    showOpenDialog: () => Promise.reject(new Error('not asked')),
    showSaveDialog: async (options) => {
      asked.push(options);
      return answer ? { canceled: false, filePath: answer } : { canceled: true, filePath: '' };
    },
  };
  return {
    asked,
    options: { dialogs, language: () => 'ru' as const, folder: last, documents: () => folder },
  };
}

describe('what the page may ask main to save', () => {
  it('a known kind, text or bytes as the kind is, not empty and not too large', () => {
    expect(parseSaveFile('{"format":1}', 'a/b/lesson-2', 'replay')).toEqual({
      data: '{"format":1}',
      fileName: 'lesson-2.loopscope.json',
      kind: 'replay',
    });
    const png = new Uint8Array([137, 80, 78, 71]);
    expect(parseSaveFile(png, 'x', 'png').data).toBe(png);
    expect(() => parseSaveFile('text', 'x', 'png')).toThrow('bytes');
    expect(() => parseSaveFile(png, 'x', 'html')).toThrow('text');
    expect(() => parseSaveFile('x', 'x', 'exe')).toThrow('kind');
    expect(() => parseSaveFile('', 'x', 'svg')).toThrow('empty');
    expect(() => parseSaveFile(new Uint8Array(MAX_SAVE_BYTES + 1), 'x', 'gif')).toThrow('large');
    expect(() => parseSaveFile('x', 7, 'svg')).toThrow('name');
  });
});

describe('saving a replay or an export', () => {
  it('writes it where the user chooses, with the kind’s filter, in the user’s language', async () => {
    const target = join(folder, 'mine.loopscope.json');
    const last: DialogFolder = { current: null };
    const { options: saving, asked } = options(target, last);
    const request = parseSaveFile('{"replay":true}\n', 'lesson-2', 'replay');
    expect(await saveFile(request, saving)).toBe(true);
    expect(await readFile(target, 'utf8')).toBe('{"replay":true}\n');
    expect(await readdir(folder)).toEqual(['mine.loopscope.json']);
    expect(asked[0]?.title).toBe('Сохранить запись');
    expect(asked[0]?.defaultPath).toBe(join(folder, 'lesson-2.loopscope.json'));
    expect(asked[0]?.filters).toEqual([{ name: 'Запись Loopscope', extensions: ['json'] }]);
    expect(last.current).toBe(folder);
  });

  it('writes nothing when the user cancels, and says so when the write fails', async () => {
    const request = parseSaveFile(new Uint8Array([1, 2, 3]), 'clip', 'webm');
    expect(await saveFile(request, options(null).options)).toBe(false);
    expect(await readdir(folder)).toEqual([]);
    const failing = {
      ...options(join(folder, 'clip.webm')).options,
      write: () => Promise.reject(new Error('disk full')),
    };
    await expect(saveFile(request, failing)).rejects.toThrow(
      'Не удалось сохранить файл. Error: disk full',
    );
  });
});

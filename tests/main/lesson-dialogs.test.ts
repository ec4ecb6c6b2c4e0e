import { join } from 'node:path';
import type { OpenDialogOptions, SaveDialogOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import {
  askForLessonPaths,
  askWhereToSaveCode,
  type LessonDialogOptions,
} from '../../src-main/lesson-dialogs.ts';

/** Dialogs that answer as told and keep what they were asked. */
function fakeDialogs(answer: { paths?: string[]; path?: string }) {
  const opened: OpenDialogOptions[] = [];
  const saved: SaveDialogOptions[] = [];
  const dialogs: LessonDialogOptions['dialogs'] = {
    showOpenDialog: async (options) => {
      opened.push(options);
      const filePaths = answer.paths ?? [];
      return { canceled: filePaths.length === 0, filePaths };
    },
    showSaveDialog: async (options) => {
      saved.push(options);
      return answer.path
        ? { canceled: false, filePath: answer.path }
        : { canceled: true, filePath: '' };
    },
  };
  return { dialogs, opened, saved };
}

const options = (
  dialogs: LessonDialogOptions['dialogs'],
  overrides: Partial<LessonDialogOptions> = {},
): LessonDialogOptions => ({
  dialogs,
  language: () => 'en',
  folder: { current: null },
  documents: () => '/home/teacher/Documents',
  ...overrides,
});

describe('the dialog that opens lessons', () => {
  it('asks for lesson files in the language of the app, where the user last was', async () => {
    const fake = fakeDialogs({ paths: ['/course/a.md', '/course/b.py'] });
    const paths = await askForLessonPaths(
      'files',
      options(fake.dialogs, { language: () => 'ru', folder: { current: '/course' } }),
    );
    expect(paths).toEqual(['/course/a.md', '/course/b.py']);
    expect(fake.opened).toEqual([
      {
        title: 'Открыть урок',
        defaultPath: '/course',
        properties: ['openFile', 'multiSelections'],
        filters: [
          {
            name: 'Уроки (Markdown или Python) и записи',
            extensions: ['md', 'markdown', 'py', 'json', 'jsonl'],
          },
          { name: 'Уроки в Markdown', extensions: ['md', 'markdown'] },
          { name: 'Программы на Python', extensions: ['py'] },
          { name: 'Записи и трассы Loopscope', extensions: ['json', 'jsonl'] },
        ],
      },
    ]);
  });

  it('asks for one folder, from wherever the system starts when the user has been nowhere', async () => {
    const fake = fakeDialogs({ paths: ['/course'] });
    expect(await askForLessonPaths('folder', options(fake.dialogs))).toEqual(['/course']);
    expect(fake.opened).toEqual([
      { title: 'Open a folder of lessons', properties: ['openDirectory'], filters: [] },
    ]);
  });

  it('gives null when the user cancels', async () => {
    expect(await askForLessonPaths('files', options(fakeDialogs({}).dialogs))).toBeNull();
  });
});

describe('the dialog that saves code', () => {
  it('suggests the file name in the last folder, or in the documents folder at first', async () => {
    const fake = fakeDialogs({ path: '/home/teacher/mine.py' });
    expect(await askWhereToSaveCode('demo.py', options(fake.dialogs))).toBe(
      '/home/teacher/mine.py',
    );
    await askWhereToSaveCode('demo.py', options(fake.dialogs, { folder: { current: '/course' } }));
    expect(fake.saved.map((o) => o.defaultPath)).toEqual([
      join('/home/teacher/Documents', 'demo.py'),
      join('/course', 'demo.py'),
    ]);
    expect(fake.saved[0]).toMatchObject({
      title: 'Save the code',
      filters: [{ name: 'Python programs', extensions: ['py'] }],
      properties: ['showOverwriteConfirmation', 'createDirectory'],
    });
  });

  it('gives null when the user cancels', async () => {
    expect(await askWhereToSaveCode('demo.py', options(fakeDialogs({}).dialogs))).toBeNull();
  });
});

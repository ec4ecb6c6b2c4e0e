import { join } from 'node:path';
import { expect, it } from 'vitest';
import { listLessonFolder, MAX_FOLDER_FILES } from '../../src-main/lesson-folder.ts';

it('lists the lessons of a folder in natural order, without hidden or other files', async () => {
  const names = [
    '10-queues.md',
    '2-tasks.MD',
    '.draft.md',
    'notes.txt',
    '1-intro.md',
    'demo.py',
    'image.png',
  ];
  const { paths, truncated } = await listLessonFolder('/course', async () => names);
  expect(paths).toEqual(
    ['1-intro.md', '2-tasks.MD', '10-queues.md', 'demo.py'].map((n) => join('/course', n)),
  );
  expect(truncated).toBe(false);
});

it('takes at most MAX_FOLDER_FILES files from one folder', async () => {
  const names = Array.from({ length: MAX_FOLDER_FILES + 5 }, (_, i) => `${i}.md`);
  const { paths, truncated } = await listLessonFolder('/many', async () => names);
  expect(paths).toHaveLength(MAX_FOLDER_FILES);
  expect(truncated).toBe(true);
});

import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src-main/atomic-write.ts';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'loopscope-atomic-'));
});
afterEach(() => rm(folder, { recursive: true, force: true }));

it('replaces a file with the new content and leaves nothing else', async () => {
  const file = join(folder, 'code.py');
  await writeFile(file, 'old');
  await writeFileAtomic(file, 'print("new")\n');
  expect(await readFile(file, 'utf8')).toBe('print("new")\n');
  expect(await readdir(folder)).toEqual(['code.py']);
});

it('leaves the old file whole when the write fails', async () => {
  const file = join(folder, 'missing-folder', 'code.py');
  await expect(writeFileAtomic(file, 'x')).rejects.toThrow();
  expect(await readdir(folder)).toEqual([]);
});

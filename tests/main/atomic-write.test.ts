/**
 * Writing a file atomically: whatever happens during the write (an error, the process killed),
 * the file is either the old one, whole, or the new one, whole.
 */
import { fork } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src-main/atomic-write.ts';

const OLD = 'print("old")\n';
let folder: string;
let file: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'loopscope-atomic-'));
  file = join(folder, 'code.py');
  await writeFile(file, OLD);
});
afterEach(() => rm(folder, { recursive: true, force: true }));

it('replaces a file with the new content and leaves nothing else', async () => {
  await writeFileAtomic(file, 'print("new")\n');
  expect(await readFile(file, 'utf8')).toBe('print("new")\n');
  expect(await readdir(folder)).toEqual(['code.py']);
});

it('leaves the old file whole, and no temporary file, when the write throws midway', async () => {
  // Bytes whose memory is gone by the time they are written: the temporary file is open, and
  // writing to it fails.
  const bytes = new Uint8Array(1024);
  structuredClone(bytes.buffer, { transfer: [bytes.buffer] });
  await expect(writeFileAtomic(file, bytes)).rejects.toThrow();
  expect(await readFile(file, 'utf8')).toBe(OLD);
  expect(await readdir(folder)).toEqual(['code.py']);
});

it('leaves the old file whole when the folder cannot take the new one', async () => {
  await expect(writeFileAtomic(join(folder, 'missing-folder', 'code.py'), 'x')).rejects.toThrow();
  expect(await readFile(file, 'utf8')).toBe(OLD);
  expect(await readdir(folder)).toEqual(['code.py']);
});

it('leaves the old file whole when the process is killed between the write and the rename', async () => {
  // A child process writes 8 MB and stops where a crash hurts most: the new content is written
  // and flushed, the file not yet replaced. There it is killed, as a power cut or a crash would.
  const child = join(folder, 'child.mjs');
  await build({
    stdin: {
      contents: `
        import fs from 'node:fs/promises';
        import { syncBuiltinESMExports } from 'node:module';
        import { writeFileAtomic } from ${JSON.stringify(join(import.meta.dirname, '../../src-main/atomic-write.ts'))};
        fs.rename = () => {
          process.send('at-rename');
          // Stays there, alive, until it is killed.
          setInterval(() => {}, 60_000);
          return new Promise(() => {});
        };
        syncBuiltinESMExports();
        await writeFileAtomic(process.argv[2], 'new\\n'.repeat(2 * 1024 * 1024));
      `,
      resolveDir: folder,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: child,
    logLevel: 'silent',
  });
  const writer = fork(child, [file], { stdio: 'ignore', execArgv: [] });
  const exited = new Promise((resolve) => writer.once('exit', resolve));
  await new Promise<void>((resolve, reject) => {
    writer.once('message', () => resolve());
    writer.once('exit', (code) => reject(new Error(`the child ended (${code}) before the rename`)));
  });
  // At the rename, the file is still the old one, and the new one waits whole beside it.
  expect(await readFile(file, 'utf8')).toBe(OLD);
  const temporary = (await readdir(folder)).filter((name) => name.endsWith('.tmp'));
  expect(temporary).toHaveLength(1);
  expect((await readFile(join(folder, temporary[0] ?? ''))).length).toBe(8 * 1024 * 1024);

  writer.kill('SIGKILL');
  await exited;
  expect(await readFile(file, 'utf8')).toBe(OLD);
});

/**
 * Whether a build is stale (scripts/build-state.mjs), on a tree of real files whose times are
 * set: the one answer the command line's launcher, `npm run web` and the suites' setups use.
 */
import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { staleReason, TARGETS } from '../../scripts/build-state.mjs';

let root: string;

async function put(path: string, at: number): Promise<void> {
  const file = join(root, path);
  await mkdir(join(file, '..'), { recursive: true });
  await writeFile(file, path);
  await utimes(file, at, at);
}

/** Every output of `target` written at `builtAt`, every source (as one file) at `changedAt`. */
async function lay(target: keyof typeof TARGETS, builtAt: number, changedAt: number) {
  for (const source of TARGETS[target].sources) {
    const file = /\.\w+$/.test(source) ? source : join(source, 'module.ts');
    await put(file, changedAt);
    if (file !== source) await utimes(join(root, source), changedAt, changedAt);
  }
  for (const output of TARGETS[target].outputs) await put(output, builtAt);
}

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'loopscope-build-state-'));
});
afterEach(() => rm(root, { recursive: true, force: true }));

describe('a build', () => {
  it.each(Object.keys(TARGETS) as (keyof typeof TARGETS)[])(
    '(%s) is up to date when it was written after every source changed',
    async (target) => {
      await lay(target, 2_000_000, 1_000_000);
      expect(staleReason(target, root)).toBeNull();
    },
  );

  it('is stale when one of its outputs is missing', async () => {
    await lay('renderer', 2_000_000, 1_000_000);
    await rm(join(root, 'dist/renderer/src-engine/web/engine.html'));
    expect(staleReason('renderer', root)).toBe(
      'dist/renderer/src-engine/web/engine.html is missing',
    );
  });

  it('is stale when a source deep in a folder changed after it', async () => {
    await lay('renderer', 2_000_000, 1_000_000);
    await put('src-renderer/components/deep/View.svelte', 3_000_000);
    expect(staleReason('renderer', root)).toBe('src-renderer changed after the last build');
  });

  it('is stale when a source changed after its oldest output, even if not after the newest', async () => {
    await lay('app', 2_000_000, 1_000_000);
    await put('dist/main/main.cjs', 4_000_000);
    await put('src-main/main.ts', 3_000_000);
    expect(staleReason('app', root)).toBe('src-main changed after the last build');
  });

  it('is stale when a file was deleted from a source folder (the folder changed)', async () => {
    await lay('cli', 2_000_000, 1_000_000);
    await utimes(join(root, 'src-engine'), 3_000_000, 3_000_000);
    expect(staleReason('cli', root)).toBe('src-engine changed after the last build');
  });

  it('of the command line does not depend on the pages', async () => {
    await lay('cli', 2_000_000, 1_000_000);
    await put('src-renderer/App.svelte', 3_000_000);
    expect(staleReason('cli', root)).toBeNull();
  });
});

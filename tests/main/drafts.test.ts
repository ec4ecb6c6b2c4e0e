/**
 * The desktop app's drafts: what the page sends is checked before it is written, written
 * atomically in the user-data folder one write at a time, the newest winning, and read back
 * only when it is a valid draft.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Draft } from '../../src-shared/drafts.ts';
import { createDraftFile } from '../../src-main/draft-file.ts';
import { IpcValidationError, parseDraftRequest } from '../../src-main/ipc-validate.ts';

let folder: string;
let file: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'loopscope-drafts-'));
  file = join(folder, 'drafts.json');
});
afterEach(() => rm(folder, { recursive: true, force: true }));

const draft = (code: string): Draft => ({
  code,
  lesson: { bundled: true, id: 'create-task', name: '01-create-task.en.md' },
  scenario: 1,
  savedAt: 1_741_083_600_000,
});

describe('a draft sent by the page', () => {
  it('is a valid draft, or null to forget it', () => {
    expect(parseDraftRequest(draft('x'))).toEqual(draft('x'));
    expect(parseDraftRequest(null)).toBeNull();
  });

  it.each([
    [undefined],
    ['print(1)'],
    [{ ...draft('x'), lesson: { bundled: false, name: '../../.bashrc\n', text: '' } }],
    [{ ...draft('x'), code: 'x'.repeat(6 * 1024 * 1024) }],
    [{ ...draft('x'), extra: 1 }],
  ])('is refused otherwise: %#', (value) => {
    expect(() => parseDraftRequest(value)).toThrow(IpcValidationError);
  });
});

describe('the drafts file', () => {
  it('gives back the draft it kept, after a restart', async () => {
    await createDraftFile(file).save(draft('print("mine")\n'));
    expect(await createDraftFile(file).load()).toEqual(draft('print("mine")\n'));
    expect(await readdir(folder)).toEqual(['drafts.json']);
  });

  it('forgets the draft when given null', async () => {
    const drafts = createDraftFile(file);
    await drafts.save(draft('x'));
    await drafts.save(null);
    expect(await readdir(folder)).toEqual([]);
    expect(await drafts.load()).toBeNull();
  });

  it('writes one draft at a time, the newest winning, and flushes before quitting', async () => {
    const drafts = createDraftFile(file);
    const saves = Array.from({ length: 20 }, (_, i) => drafts.save(draft(`print(${i})\n`)));
    await drafts.flush();
    await Promise.all(saves);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(draft('print(19)\n'));
    expect(await readdir(folder)).toEqual(['drafts.json']);
  });

  it('reads nothing from a file that is not a valid draft', async () => {
    for (const text of ['{ not json', JSON.stringify({ ...draft('x'), code: 1 }), '']) {
      await writeFile(file, text);
      expect(await createDraftFile(file).load()).toBeNull();
    }
  });

  it('reports a failed write, and keeps working', async () => {
    const errors: unknown[] = [];
    await writeFile(join(folder, 'not-a-folder'), '');
    const drafts = createDraftFile(join(folder, 'not-a-folder', 'drafts.json'), (e) =>
      errors.push(e),
    );
    await drafts.save(draft('x'));
    expect(errors).toHaveLength(1);
    await createDraftFile(file).save(draft('y'));
    expect(await createDraftFile(file).load()).toEqual(draft('y'));
  });
});

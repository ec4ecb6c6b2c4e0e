import { describe, expect, it } from 'vitest';
import { DraftError, MAX_DRAFT_CODE, parseDraft, readDraft } from '../../src-shared/drafts.ts';
import { MAX_LESSON_BYTES } from '../../src-shared/lesson/decode.ts';

const draft = {
  code: 'print("mine")\n',
  lesson: { bundled: false, name: 'two.md', text: '# Two\n' },
  scenario: 2,
  savedAt: 1_741_083_600_000,
};

describe('a draft', () => {
  it('is taken as it is when every field is right', () => {
    expect(parseDraft(draft)).toEqual(draft);
    const bundled = { ...draft, lesson: { bundled: true, id: 'create-task', name: 'a.en.md' } };
    expect(parseDraft(bundled)).toEqual(bundled);
    expect(parseDraft({ ...draft, lesson: null, scenario: null })).toMatchObject({
      lesson: null,
      scenario: null,
    });
  });

  it('may hold code and a lesson of the largest size a run or a lesson may have', () => {
    const big = {
      ...draft,
      code: 'x'.repeat(MAX_DRAFT_CODE),
      lesson: { bundled: false, name: 'big.md', text: 'y'.repeat(MAX_LESSON_BYTES) },
    };
    expect(parseDraft(big).code).toHaveLength(MAX_DRAFT_CODE);
  });

  it.each([
    ['not an object', 'print(1)'],
    ['code too long', { ...draft, code: 'x'.repeat(MAX_DRAFT_CODE + 1) }],
    ['code not text', { ...draft, code: ['print(1)'] }],
    ['an unknown field', { ...draft, path: '/etc/passwd' }],
    [
      'a lesson text too long',
      { ...draft, lesson: { ...draft.lesson, text: 'y'.repeat(MAX_LESSON_BYTES + 1) } },
    ],
    ['a lesson with a path', { ...draft, lesson: { ...draft.lesson, path: '/home/x.md' } }],
    ['a lesson name with a newline', { ...draft, lesson: { ...draft.lesson, name: 'a\nb.md' } }],
    ['an empty lesson name', { ...draft, lesson: { ...draft.lesson, name: '' } }],
    [
      'a bundled lesson id that climbs out',
      { ...draft, lesson: { bundled: true, id: '../x', name: 'x.md' } },
    ],
    [
      'a bundled lesson with its text',
      { ...draft, lesson: { bundled: true, id: 'x', name: 'x.md', text: '' } },
    ],
    ['bundled not a boolean', { ...draft, lesson: { ...draft.lesson, bundled: 'no' } }],
    ['scenario 0', { ...draft, scenario: 0 }],
    ['scenario 1.5', { ...draft, scenario: 1.5 }],
    ['a scenario as text', { ...draft, scenario: '2' }],
    ['a time that is not one', { ...draft, savedAt: Number.NaN }],
    ['a negative time', { ...draft, savedAt: -1 }],
    ['no time', { code: 'x', lesson: null, scenario: null }],
  ])('is refused with %s', (_what, value) => {
    expect(() => parseDraft(value)).toThrow(DraftError);
  });

  it('read back from storage is null when missing or wrong, never an error', () => {
    expect(readDraft(null)).toBeNull();
    expect(readDraft(undefined)).toBeNull();
    expect(readDraft({ ...draft, code: 7 })).toBeNull();
    expect(readDraft(draft)).toEqual(draft);
  });
});

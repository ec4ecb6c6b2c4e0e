/**
 * When the open lesson changes on disk, the session shows the new text and keeps the user's
 * place: the same scenario, and their own edits to its code.
 */
import { describe, expect, test } from 'vitest';
import type { LessonFile, LoopscopeApi } from '../../src-shared/api.ts';
import { Session } from '../../src-renderer/state/session.svelte.ts';

const lesson = (second: string) => `# Two scenarios

## First

\`\`\`python
import asyncio
asyncio.run(asyncio.sleep(0))
print("first")
\`\`\`

## Second

\`\`\`python
import asyncio
asyncio.run(asyncio.sleep(0))
print("${second}")
\`\`\`
`;

const file = (text: string, token = 'lesson-1'): LessonFile => ({
  token,
  name: 'two.md',
  bundled: false,
  text,
});

function createSession() {
  const api = { setDirty: () => {} } as unknown as LoopscopeApi;
  const session = new Session(
    api,
    () => 1,
    () => 'en',
  );
  // What opening the lesson would have shown: the file, and its second scenario selected.
  session.open.show(file(lesson('second')), null);
  const second = session.lesson?.scenarios[1];
  void session.selectScenario(second?.id ?? null, false);
  return session;
}

describe('a lesson that changes on disk', () => {
  test('reloads, keeping the scenario the user was on, with its new code', async () => {
    const session = createSession();
    await session.reloadChanged(file(lesson('second, edited by the author')));
    expect(session.scenario?.title).toBe('Second');
    expect(session.code).toContain('second, edited by the author');
    expect(session.notices[0]?.key).toBe('lesson.reloaded');
  });

  test("keeps the user's own edits to the code", async () => {
    const session = createSession();
    session.setCode('print("mine")\n');
    await session.reloadChanged(file(lesson('second, edited by the author')));
    expect(session.code).toBe('print("mine")\n');
    expect(session.lesson?.scenarios[1]?.code).toContain('edited by the author');
    expect(session.notices[0]?.key).toBe('lesson.reloaded-kept-edits');
  });

  test('ignores a change to another file', async () => {
    const session = createSession();
    await session.reloadChanged(file(lesson('other'), 'lesson-2'));
    expect(session.code).toContain('"second"');
  });
});

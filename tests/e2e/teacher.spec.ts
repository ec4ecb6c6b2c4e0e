/**
 * What students and teachers are told and can do: the step buttons at the ends, titles listed
 * once each and in the language chosen, a syntax error shown at once, a page tabbed through
 * without touching the code, and a broken lesson's problems shown with their lines.
 */
import { readFileSync } from 'node:fs';
import { runnableScenarios } from './course.ts';
import { dropFiles, expect, test, type LoopscopeApp } from './fixtures.ts';

test.beforeEach(async ({ app }) => {
  await app.fresh();
  await app.setLanguage('en');
  await app.chooseLesson('create-task');
});

test.afterAll(async ({ sharedApp: app }) => {
  await app.fresh();
  await app.setLanguage('en');
});

function code(app: LoopscopeApp): Promise<string> {
  return app.page.evaluate(() =>
    [...document.querySelectorAll('.cm-content .cm-line')].map((l) => l.textContent).join('\n'),
  );
}

test('at step 0 the backward buttons, at the last step the forward ones, are shown disabled', async ({
  app,
}) => {
  const disabled = (name: string) => app.control(name).getAttribute('aria-disabled');
  await app.press('Home');
  for (const name of ['start', 'back-iteration', 'back-event', 'back-output'])
    expect(await disabled(name), name).toBe('true');
  for (const name of ['forward-event', 'forward-iteration', 'end', 'forward-output'])
    expect(await disabled(name), name).toBeNull();
  // Playwright will not click a button disabled in aria; a mouse does, and nothing happens.
  await app.control('back-event').dispatchEvent('click');
  await expect(app.control('scrubber')).toHaveValue('0');
  expect(await app.control('back-event').evaluate((b) => getComputedStyle(b).opacity)).toBe('0.4');

  await app.press('End');
  const length = await app.length();
  await expect(app.control('scrubber')).toHaveValue(String(length));
  for (const name of ['forward-event', 'forward-iteration', 'end', 'forward-output'])
    expect(await disabled(name), name).toBe('true');
  for (const name of ['start', 'back-event']) expect(await disabled(name), name).toBeNull();
  // The keys are as they were: Left steps back from the end.
  await app.press('ArrowLeft');
  await expect.poll(() => app.step()).toBeLessThan(length);
  expect(await disabled('end')).toBeNull();
});

test('two examples under one heading are listed apart, in both languages', async ({ app }) => {
  const options = () => app.control('scenario').locator('option').allTextContents();
  const en = await options();
  expect(new Set(en).size).toBe(en.length);
  expect(en.filter((o) => o.endsWith('(example 2)'))).toHaveLength(1);
  await app.setLanguage('ru');
  const ru = await options();
  expect(new Set(ru).size).toBe(ru.length);
  expect(ru.filter((o) => o.endsWith('(пример 2)'))).toHaveLength(1);
});

test('with edited code, switching the language puts every title in the new language', async ({
  app,
}) => {
  const [first] = runnableScenarios('create-task', 'ru');
  await app.setCode('import asyncio\nprint("edited")\n');
  await app.setLanguage('ru');
  const shown = app.control('scenario').locator('option:checked');
  await expect(shown).toHaveText(first?.title ?? '');
  await expect(app.control('lesson').locator('option:checked')).toHaveText('Задачи и create_task');
  // The edited code stays as the user left it.
  expect(await code(app)).toContain('print("edited")');
  await app.screenshot('teacher-language-edited');
});

test('code that does not compile shows its SyntaxError at once, in the narration and console', async ({
  app,
}) => {
  await app.setCode('import asyncio\n\nasync def main(:\n    pass\n\nasyncio.run(main())\n');
  await app.run();
  const length = await app.length();
  await expect(app.control('scrubber')).toHaveValue(String(length));
  await expect(app.view('console')).toContainText('SyntaxError');
  await expect(app.view('narration')).not.toContainText('Press Play');
  await expect(app.view('narration')).toContainText(/syntax/i);
  await app.screenshot('teacher-syntax-error');

  // A saved trace of such code opens at its end too.
  await app.control('trace-file').setInputFiles({
    name: 'syntax_error.json',
    mimeType: 'application/json',
    buffer: readFileSync(new URL('../renderer/fixtures/syntax_error.json', import.meta.url)),
  });
  await app.settle();
  await expect(app.view('status').locator('[data-status=notice]')).toContainText(
    'syntax_error.json',
  );
  await expect(app.control('scrubber')).toHaveValue(String(await app.length()));
  await expect(app.view('console')).toContainText('SyntaxError');
});

test('tabbing through the page never changes the code; in the editor Tab indents, Escape lets Tab move on', async ({
  app,
}) => {
  const before = await code(app);
  await app.page.locator('body').focus();
  let visitedEditor = false;
  for (let i = 0; i < 60; i++) {
    await app.page.keyboard.press('Tab');
    if (await app.page.evaluate(() => document.activeElement?.classList.contains('cm-content')))
      visitedEditor = true;
  }
  expect(visitedEditor).toBe(true);
  for (let i = 0; i < 60; i++) await app.page.keyboard.press('Shift+Tab');
  expect(await code(app)).toBe(before);
  await expect(app.view('code').locator('[data-status=edited]')).toHaveCount(0);

  // Focused by the keyboard, the editor shows a ring.
  await app.page.locator('.cm-content').focus();
  const outline = await app.page
    .locator('.cm-editor')
    .evaluate((e) => getComputedStyle(e).outlineStyle);
  expect(outline).toBe('solid');

  // A click in the code: Tab indents. Escape, then Tab: the focus moves on, the code stays.
  await app.page.locator('.cm-line').first().click();
  await app.page.keyboard.press('Home');
  await app.page.keyboard.press('Tab');
  expect((await code(app)).split('\n')[0]).toMatch(/^\s+import asyncio$/);
  const indented = await code(app);
  await app.page.keyboard.press('Escape');
  await app.page.keyboard.press('Tab');
  expect(await app.page.evaluate(() => document.activeElement?.closest('.cm-editor'))).toBeNull();
  expect(await code(app)).toBe(indented);
  await expect(app.view('controls')).toContainText('Esc');
});

const BROKEN = `# A broken lesson

## 1. This one runs

\`\`\`python
import asyncio


async def main():
    print('still runs')


asyncio.run(main())
\`\`\`

## 2. This one is never closed

\`\`\`python
import asyncio

asyncio.run(asyncio.sleep(0))
`;

test('a lesson file with an unclosed code block says so, with its line, and its good scenario runs', async ({
  app,
}) => {
  await dropFiles(app, [{ name: 'broken.md', type: 'text/markdown', content: BROKEN }]);
  await app.settle();
  const status = app.view('status').locator('[data-status=lesson-problems]');
  await expect(status).toContainText('The lesson broken.md has 1 error');
  await expect(app.view('status').locator('[data-status=outcome]')).toHaveAttribute(
    'data-outcome',
    'completed',
  );
  await app.press('End');
  expect(await app.consoleText()).toBe('still runs\n');

  if ((await app.view('lesson').count()) === 0) await status.click();
  const listed = app.view('lesson').locator('[data-status=lesson-problems] li');
  await expect(listed).toHaveCount(1);
  await expect(listed).toContainText('Line 18, error: the code block opened on this line');
  await app.screenshot('teacher-broken-lesson-en');

  await app.setLanguage('ru');
  await expect(status).toContainText('В уроке broken.md: 1 ошибка');
  await expect(listed).toContainText('Строка 18, ошибка: блок кода');
  await app.screenshot('teacher-broken-lesson-ru');
});

import { runnableScenarios } from './course.ts';
import { dropFiles, expect, test, type LoopscopeApp } from './fixtures.ts';

const HELLO = `import asyncio


async def hello():
    await asyncio.sleep(0.25)
    print('hello from a dropped file')


asyncio.run(hello())
`;

const notice = (app: LoopscopeApp) => app.view('status').locator('[data-status=notice]');

test.beforeEach(async ({ app }) => {
  await app.setLanguage('en');
  await app.chooseLesson('create-task');
});

test('a Python file dropped on the window opens, runs, and joins the recent files', async ({
  app,
}) => {
  await dropFiles(app, [{ name: 'hello.py', type: 'text/x-python', content: HELLO }]);
  await app.idle();
  await expect(app.view('code')).toContainText("print('hello from a dropped file')");
  await expect(app.view('status').locator('[data-status=outcome]')).toHaveAttribute(
    'data-outcome',
    'completed',
  );
  await app.press('End');
  expect(await app.consoleText()).toBe('hello from a dropped file\n');
  await expect(app.control('lesson')).toHaveValue('');

  await app.control('open-menu').click();
  const recent = app.view('recent').locator('[data-recent="hello.py"]');
  await expect(recent).toBeVisible();
  await app.screenshot('files-recent');

  // From the recent list it opens again, after another lesson replaced it.
  await app.page.keyboard.press('Escape');
  await app.chooseLesson('create-task');
  await app.control('open-menu').click();
  await recent.click();
  await app.idle();
  await expect(app.view('code')).toContainText("print('hello from a dropped file')");
});

test('files that cannot be opened are named, each with the reason', async ({ app }) => {
  const step = await app.step();
  await dropFiles(app, [
    { name: 'photo.py', type: 'text/x-python', content: [0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13] },
    { name: 'notes.txt', type: 'text/plain', content: 'not a lesson' },
    { name: 'latin1.md', type: 'text/markdown', content: [0x63, 0x61, 0x66, 0xe9, 0x0a] },
    { name: 'empty.md', type: 'text/markdown', content: '  \n' },
  ]);
  await app.idle();
  await expect(notice(app)).toContainText('Could not open photo.py: it is a binary file');
  await expect(notice(app)).toContainText('Could not open notes.txt: only lessons (.md)');
  await expect(notice(app)).toContainText('Could not open latin1.md: it is not UTF-8 text');
  await expect(notice(app)).toContainText('Could not open empty.md: the file is empty');
  await app.screenshot('files-failures');
  // What was shown stays shown.
  await expect(app.control('lesson')).toHaveValue('create-task');
  expect(await app.step()).toBe(step);

  await app.setLanguage('ru');
  await dropFiles(app, [
    { name: 'photo.py', type: 'text/x-python', content: [0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13] },
  ]);
  await expect(notice(app)).toHaveText('Не удалось открыть photo.py: это двоичный файл');
  await app.setLanguage('en');
});

test('edited code is replaced only when the user agrees', async ({ app }) => {
  await app.setCode('import asyncio\n\nasyncio.run(asyncio.sleep(0))  # my edit\n');
  const dialog = app.view('replace-dialog');

  // Keep: the dropped file is not shown, the edit stays.
  await dropFiles(app, [{ name: 'hello.py', type: 'text/x-python', content: HELLO }]);
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('hello.py would replace it');
  await app.screenshot('files-replace-dialog');
  await app.control('replace-cancel').click();
  await app.idle();
  await expect(dialog).toHaveCount(0);
  await expect(app.view('code')).toContainText('# my edit');

  // The same goes for choosing another scenario: the choice is taken back.
  const scenario = await app.control('scenario').inputValue();
  const other = await app.control('scenario').locator('option').nth(1).getAttribute('value');
  await app.control('scenario').selectOption(other ?? '');
  await expect(dialog).toBeVisible();
  await app.page.keyboard.press('Escape');
  await app.idle();
  await expect(app.control('scenario')).toHaveValue(scenario);
  await expect(app.view('code')).toContainText('# my edit');

  // Discard: the dropped file replaces the edit.
  await dropFiles(app, [{ name: 'hello.py', type: 'text/x-python', content: HELLO }]);
  await app.control('replace-discard').click();
  await app.idle();
  await expect(app.view('code')).toContainText('hello from a dropped file');
  await expect(app.view('code')).not.toContainText('# my edit');
});

test('the lesson text sits beside the scenario, and the output is checked against it', async ({
  app,
}) => {
  const lesson = app.view('lesson');
  if ((await lesson.count()) === 0) await app.control('lesson-text').click();
  await expect(lesson.locator('[data-field=scenario-title]')).toHaveText(
    '1. Creating a task only schedules it',
  );
  await expect(lesson.locator('[data-field=explanation]')).toContainText(
    "puts the task's first step into the loop",
  );
  await expect(lesson.locator('[data-field=discussion]')).toContainText(
    'not a single line of greet() has run',
  );
  await expect(lesson.locator('[data-field=expected]')).toContainText('report: started');

  // Only at the run's end does the console say whether the output is the lesson's.
  const check = app.view('console').locator('[data-status=expected]');
  await expect(check).toHaveCount(0);
  await app.press('End');
  await expect(check).toHaveAttribute('data-match', 'true');
  await expect(check).toContainText('The output matches the lesson');
  await expect(check.locator('svg[data-icon=check]')).toBeVisible();
  await app.screenshot('files-lesson-text-matches');

  // A changed program prints something else: the difference is shown, line by line.
  const [first] = runnableScenarios('create-task', 'en');
  await app.setCode(
    (first?.code ?? '').replace("print(f'{name}: finished')", "print(f'{name}: done')"),
  );
  await app.run();
  await app.press('End');
  await expect(check).toHaveAttribute('data-match', 'false');
  await expect(check).toContainText('The output differs from the lesson');
  // The differences are a click away: the console keeps its room for the student's output.
  await expect(app.view('console').locator('.diff')).toHaveCount(0);
  await app.control('output-diff').click();
  await expect(app.view('console').locator('.removed')).toHaveText(['-report: finished']);
  await expect(app.view('console').locator('.added')).toHaveText(['+report: done']);
  await app.screenshot('files-lesson-text-differs');

  await app.chooseLesson('create-task');
  await app.setLanguage('ru');
  await expect(lesson.locator('[data-field=scenario-title]')).toHaveText(
    '1. Создание задачи только планирует её',
  );
  await app.setLanguage('en');
});

test('a lesson link whose text names another site shows the address it opens', async ({ app }) => {
  const lessonText = [
    '# Links',
    '',
    '## 1. A link',
    '',
    'Sign in at [https://bank.example](https://evil.example/login) first:',
    '',
    '```python',
    HELLO.trimEnd(),
    '```',
    '',
  ].join('\n');
  await dropFiles(app, [{ name: 'links.md', type: 'text/markdown', content: lessonText }]);
  await app.idle();
  const lesson = app.view('lesson');
  if ((await lesson.count()) === 0) await app.control('lesson-text').click();
  const explanation = lesson.locator('[data-field=explanation]');
  await expect(explanation).toContainText('https://bank.example (→ https://evil.example/login)');
  await expect(explanation.locator('a')).toHaveAttribute('title', 'https://evil.example/login');
  await expect(lesson.locator('[data-status=lesson-problems]')).toContainText(
    'a link here reads https://bank.example but opens https://evil.example/login',
  );
  await app.screenshot('files-misleading-link');
});

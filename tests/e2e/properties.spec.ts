/**
 * The seven properties of create_task that the course author's lesson states, each shown by
 * the picture at a moment of a bundled lesson's replay (docs/lesson-properties.md), in both
 * languages; and the author's lesson itself, where it has code for a property.
 *
 * With LOOPSCOPE_DOC_IMAGES=1 the screenshots are also written to docs/images/.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import type { Language } from '../../src-shared/api.ts';
import { runnableScenarios } from './course.ts';
import { ARTIFACTS, expect, test, type LoopscopeApp } from './fixtures.ts';

const DOC_IMAGES = new URL('../../docs/images/', import.meta.url).pathname;
const AUTHOR_LESSON = new URL('../../../shared/lessons/create_task.ru.md', import.meta.url);

test.beforeAll(async ({ sharedApp: app }) => {
  await app.page.setViewportSize({ width: 1280, height: 720 });
});

test.afterAll(async ({ sharedApp: app }) => {
  await app.page.setViewportSize({ width: 1600, height: 900 });
  await app.setLens('loop');
  await app.setLanguage('en');
});

/** Saves the screen as `property-NAME-LANG.png`, for the docs when asked. */
async function picture(app: LoopscopeApp, name: string, language: Language): Promise<void> {
  const file = `property-${name}-${language}`;
  await app.screenshot(file);
  if (process.env.LOOPSCOPE_DOC_IMAGES === '1') {
    mkdirSync(DOC_IMAGES, { recursive: true });
    copyFileSync(`${ARTIFACTS}${file}.png`, `${DOC_IMAGES}${file}.png`);
  }
}

/** Opens scenario `number` of a bundled lesson in the "your code" lens, at its start. */
async function open(app: LoopscopeApp, lessonId: string, number: number, language: Language) {
  await app.chooseLesson(lessonId);
  const scenario = runnableScenarios(lessonId, language).find((s) => s.number === number);
  if (!scenario) throw new Error(`no scenario ${lessonId} #${number}`);
  await app.chooseScenario(scenario.id);
  await app.setLens('code');
  await app.press('Home');
  // The views take the whole width: the lesson's text is a click away.
  if ((await app.control('lesson-text').getAttribute('aria-pressed')) === 'true') {
    await app.control('lesson-text').click();
  }
}

/** Brings a task's card into view in the tasks panel, and checks it is on screen. */
async function showCard(app: LoopscopeApp, label: string): Promise<void> {
  await card(app, label).scrollIntoViewIfNeeded();
  await expect(card(app, label)).toBeInViewport();
}

const card = (app: LoopscopeApp, label: string) =>
  app
    .view('tasks')
    .locator(`[data-binding="${label}"], [data-task-name="${label}"]:not([data-binding])`);

/** What each property's moment is called in each language's narration. */
const SAID = {
  en: {
    created: 'creates task (report)',
    shutdown: 'it cancels the tasks still pending (task)',
    endsCancelled: 'task ends cancelled',
    early: 'Line 13 asks for the result of task before task has finished',
    awaitsFirst: 'Task-1 awaits tasks[0]',
    noLoop: 'No event loop is running, so the call on line 10 raises RuntimeError',
    stored: 'Line 14 raises again the ValueError stored in bad',
    neverRetrieved: 'asyncio reports that nobody ever retrieved the exception stored in task',
    cancels: 'Task-1 cancels task',
    cancelledAtAwait: 'task resumes with CancelledError at its await',
    noLoopPhase: 'No loop is running',
  },
  ru: {
    created: 'создаёт через create_task задачу task (отчёт)',
    shutdown: 'отменяет задачи, которые ещё не закончились (task)',
    endsCancelled: 'task завершается отменённой',
    early: 'Строка 13 спрашивает результат task, когда task ещё не завершилась',
    awaitsFirst: 'Task-1 ждёт задачу tasks[0]',
    noLoop: 'Цикл событий не запущен, поэтому вызов в строке 10 выбрасывает RuntimeError',
    stored: 'Строка 14 снова выбрасывает ValueError, сохранённое в bad',
    neverRetrieved: 'asyncio сообщает, что исключение из task так никто и не забрал',
    cancels: 'Task-1 отменяет task',
    cancelledAtAwait: 'task продолжает работу с CancelledError',
    noLoopPhase: 'Цикл не запущен',
  },
} as const;

for (const language of ['en', 'ru'] as const) {
  const said = SAID[language];

  test(`the seven properties of create_task, each visible (${language})`, async ({ app }) => {
    await app.setLanguage(language);

    // 1. create_task returns a task that is scheduled, not started.
    await open(app, 'create-task', 2, language);
    await app.forwardUntil(said.created);
    await expect(card(app, 'task')).toHaveAttribute('data-status', 'scheduled');
    await expect(card(app, 'Task-1')).toHaveAttribute('data-status', 'running');
    await expect(app.view('ready-queue').locator('ol [data-handle-id]')).toHaveCount(1);
    await expect(app.view('code').locator('[data-line-mark=current]')).toContainText('create_task');
    await picture(app, '1-scheduled', language);

    // 2. A task nobody awaited is cancelled when asyncio.run closes ...
    await open(app, 'create-task', 4, language);
    await app.forwardUntil(said.shutdown);
    await showCard(app, 'task');
    await expect(card(app, 'task').locator('[data-pill=cancelling]')).toBeVisible();
    await picture(app, '2-cancelled-at-close', language);
    await app.forwardUntil(said.endsCancelled);
    await expect(card(app, 'task')).toHaveAttribute('data-status', 'cancelled');
    // ... and its result, read too early, raises InvalidStateError on its card.
    await open(app, 'create-task', 5, language);
    await app.forwardUntil(said.early);
    await showCard(app, 'task');
    await expect(card(app, 'task')).toHaveAttribute('data-incident', 'read-too-early');
    await expect(card(app, 'task').locator('[data-field=incident]')).toContainText(
      'InvalidStateError',
    );
    await expect(app.view('code').locator('[data-line-mark=raised]')).toContainText(
      'task.result()',
    );
    await picture(app, '2-result-too-early', language);

    // 3. Many tasks: all start on the loop's next pass.
    await open(app, 'create-task', 6, language);
    await app.forwardUntil(said.awaitsFirst);
    const queue = app.view('ready-queue').locator('ol [data-handle-id]');
    await expect(queue).toHaveCount(3);
    await picture(app, '3-next-pass', language);

    // 4. They finish in another order than they were made.
    await app.press('End');
    for (const [name, order] of [
      ['tasks[0]', '3'],
      ['tasks[1]', '1'],
      ['tasks[2]', '2'],
    ] as const) {
      await expect(card(app, name)).toHaveAttribute('data-finish-order', order);
    }
    await picture(app, '4-finish-order', language);

    // 5. create_task needs a running loop: the call raises, and no loop is running.
    await open(app, 'create-task', 7, language);
    await app.forwardUntil(said.noLoop);
    await expect(app.view('header').locator('[data-field=phase]')).toHaveText(said.noLoopPhase);
    await expect(app.view('code').locator('[data-line-mark=raised]')).toContainText(
      'asyncio.create_task(coro)',
    );
    await picture(app, '5-no-running-loop', language);

    // 6. The exception is stored in the task and raised again at the await ...
    await open(app, 'exceptions-in-tasks', 2, language);
    await app.forwardUntil(said.stored);
    await showCard(app, 'bad');
    await expect(card(app, 'bad')).toHaveAttribute('data-status', 'failed');
    await expect(card(app, 'bad')).toHaveAttribute('data-incident', 'reraised');
    await expect(app.view('code').locator('[data-line-mark=raised]')).toContainText('await bad');
    await picture(app, '6-raised-at-await', language);
    // ... and "Task exception was never retrieved" is tied to its task.
    await open(app, 'exceptions-in-tasks', 5, language);
    await app.forwardUntil(said.neverRetrieved);
    await showCard(app, 'task');
    await expect(card(app, 'task')).toHaveAttribute('data-incident', 'never-retrieved');
    await picture(app, '6-never-retrieved', language);

    // 7. cancel(): CancelledError at the task's await, then it ends cancelled.
    await open(app, 'cancellation-and-timeouts', 1, language);
    await app.forwardUntil(said.cancels);
    await showCard(app, 'task');
    await expect(card(app, 'task').locator('[data-pill=cancelling]')).toBeVisible();
    await picture(app, '7-cancel', language);
    await app.forwardUntil(said.cancelledAtAwait);
    await expect(app.view('code').locator('[data-line-mark=current]')).toContainText('await');
    await app.forwardUntil(said.endsCancelled);
    await expect(card(app, 'task')).toHaveAttribute('data-status', 'cancelled');
  });
}

test('the course author’s lesson opens, and shows the properties it has code for', async ({
  app,
}) => {
  test.skip(!existsSync(AUTHOR_LESSON), `${AUTHOR_LESSON.pathname} is absent`);
  await app.setLanguage('ru');
  const text = readFileSync(AUTHOR_LESSON, 'utf8');
  const transfer = await app.page.evaluateHandle((text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], 'create_task.ru.md', { type: 'text/markdown' }));
    return data;
  }, text);
  await app.page.dispatchEvent('main', 'drop', { dataTransfer: transfer });
  await app.settle();
  await expect(app.view('code')).toContainText("name='my_task'");
  await app.setLens('code');
  await app.press('Home');
  await app.forwardUntil('создаёт через create_task задачу task (my_task)');
  await expect(card(app, 'task')).toHaveAttribute('data-status', 'scheduled');
  await app.screenshot('property-author-1');

  await app.chooseScenario('scenario-2');
  await app.setLens('code');
  await app.press('Home');
  await app.forwardUntil('отменяет задачи, которые ещё не закончились (task)');
  await expect(card(app, 'task').locator('[data-pill=cancelling]')).toBeVisible();
  await app.screenshot('property-author-2');

  await app.chooseScenario('scenario-3');
  await app.setLens('code');
  await app.press('Home');
  await app.forwardUntil('Task-1 ждёт gather из 2 задач');
  await expect(app.view('ready-queue').locator('ol [data-handle-id]')).toHaveCount(2);
  await app.press('End');
  await expect(card(app, 'task1')).toHaveAttribute('data-finish-order', '2');
  await expect(card(app, 'task2')).toHaveAttribute('data-finish-order', '1');
  await app.screenshot('property-author-4');
});

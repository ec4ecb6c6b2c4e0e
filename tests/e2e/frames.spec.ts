/**
 * The Variables view in the web edition: a bundled scenario stepped to where its tasks wait,
 * each task's stack and locals, a Task value that chooses its task's card, the code's marks,
 * and the view's layout in both languages at the classroom's sizes, at a desk and in front of
 * a class.
 */
import { MINIMUMS, auditLayout } from './layout-checks.ts';
import { expect, test, type LoopscopeApp } from './fixtures.ts';

const SIZES = [
  { width: 1024, height: 768 },
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
] as const;

/** Steps forward until `done` holds; fails after `limit` steps. */
async function forwardUntil(app: LoopscopeApp, done: () => Promise<boolean>, limit = 200) {
  for (let i = 0; i < limit; i++) {
    if (await done()) return;
    await app.press('ArrowRight');
  }
  throw new Error('the replay never reached the moment looked for');
}

async function setLessonText(app: LoopscopeApp, open: boolean): Promise<void> {
  const button = app.control('lesson-text');
  if (((await button.getAttribute('aria-pressed')) === 'true') !== open) await button.click();
  await expect(button).toHaveAttribute('aria-pressed', String(open));
}

async function openScenario(app: LoopscopeApp, language: 'en' | 'ru'): Promise<void> {
  await app.page.setViewportSize({ width: 1600, height: 900 });
  await app.setLanguage(language);
  await app.chooseLesson('create-task');
  await app.setLens('code');
  await app.control('scrubber').focus();
  await app.press('Home');
  await app.page.locator('[data-dock="frames"]').first().click();
  await expect(app.view('frames')).toBeVisible();
  // Past the step where main pauses at `await task`.
  const frames = app.view('frames');
  await forwardUntil(app, async () => (await frames.locator('[data-frame="main"]').count()) > 0);
}

test.afterAll(async ({ sharedApp: app }) => {
  await app.page.setViewportSize({ width: 1600, height: 900 });
  if ((await app.page.locator('html').getAttribute('data-presentation')) === 'true') {
    await app.control('presentation').click();
  }
  await app.press('Escape');
  await app.page.locator('[data-dock="console"]').first().click();
  await app.setLens('loop');
  await app.setLanguage('en');
});

test("a task's stack and locals, and a Task value that chooses its card", async ({ app }) => {
  await openScenario(app, 'en');
  const frames = app.view('frames');
  const main = frames.locator('[data-frame="main"]');
  await expect(main.locator('.head')).toContainText('main()');
  await expect(main.locator('.head')).toContainText('line 14');
  const link = main.locator('[data-local="task"] [data-link-task]');
  await expect(link).toHaveText('task');
  const reportId = await link.getAttribute('data-link-task');
  const card = app.view('tasks').locator(`[data-task-id="${reportId}"]`);
  await expect(card).toHaveAttribute('data-chosen', 'false');
  // The code's margin: a dot where main is paused.
  await expect(app.view('code').locator('.cm-paused-dot[title="Task-1"]')).toBeVisible();
  await app.screenshot('frames-en-main');

  await link.click();
  await expect(card).toHaveAttribute('data-chosen', 'true');
  // The view now shows the chosen task: not started yet, then paused in greet.
  await expect(frames.locator('[data-frames-status]')).toHaveAttribute(
    'data-frames-status',
    'scheduled',
  );
  await forwardUntil(app, async () => (await frames.locator('[data-frame="greet"]').count()) > 0);
  const greet = frames.locator('[data-frame="greet"]');
  await expect(greet.locator('[data-local="name"] dd')).toHaveText("'report'");
  await expect(greet.locator('.head')).toContainText('line 6');
  await expect(greet).toHaveClass(/innermost/);
  await app.screenshot('frames-en-greet');
  await app.press('Escape');
});

for (const language of ['en', 'ru'] as const) {
  test(`the Variables view fits every classroom layout: ${language}`, async ({ app }) => {
    await openScenario(app, language);
    const page = app.page;
    await page.evaluate(`window.auditLayout = ${auditLayout.toString()}`);
    const problems: string[] = [];
    for (const presentation of [false, true]) {
      if ((await page.locator('html').getAttribute('data-presentation')) !== String(presentation)) {
        await app.control('presentation').click();
      }
      for (const size of SIZES) {
        await page.setViewportSize(size);
        // At a desk the lesson's text stands beside the code only where the window is wide.
        if (!presentation) await setLessonText(app, size.width >= 1400);
        const mode = presentation ? 'presentation' : 'desk';
        const found = await page.evaluate(
          async (options) => {
            const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
            for (let i = 0; i < 3; i++) await frame();
            const audit: unknown = Reflect.get(window, 'auditLayout');
            if (typeof audit !== 'function') throw new Error('the audit is missing');
            return audit(options) as string[];
          },
          { minimums: MINIMUMS, tolerance: 2, fitsScreen: true },
        );
        problems.push(
          ...found.map((problem) => `${size.width}×${size.height} ${mode}: ${problem}`),
        );
        await expect(app.view('frames').locator('[data-frame="main"]')).toBeVisible();
        await app.screenshot(`frames-${language}-${size.width}x${size.height}-${mode}`);
      }
    }
    expect(problems).toEqual([]);
  });
}

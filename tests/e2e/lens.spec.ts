/**
 * The learner's lens: three sizes of step, switched at any time without losing the place;
 * presentation mode opens in "your code", where asyncio's private names never show.
 */
import { runnableScenarios } from './course.ts';
import { expect, test, type LoopscopeApp } from './fixtures.ts';
import { expectNoPrivateNames } from './private-names.ts';

test.afterAll(async ({ sharedApp: app }) => {
  if ((await app.control('presentation').getAttribute('aria-pressed')) === 'true') {
    await app.control('presentation').click();
  }
  await app.setLens('loop');
  await app.setLanguage('en');
});

/** The lens's step count, as the counter says it: "Step k of N". */
async function counter(app: LoopscopeApp): Promise<{ index: number; count: number }> {
  const text = (await app.page.locator('[data-field=step]').textContent()) ?? '';
  const [index, count] = [...text.matchAll(/\d+/g)].map((m) => Number(m[0]));
  return { index: index ?? -1, count: count ?? -1 };
}

test('presentation mode opens in “your code”; each mode keeps its own lens', async ({ app }) => {
  await app.setLanguage('en');
  await app.chooseLesson('create-task');
  await app.setLens('loop');
  await app.control('presentation').click();
  await expect(app.page.locator('html')).toHaveAttribute('data-lens', 'code');
  await expect(app.control('lens-code')).toHaveAttribute('aria-pressed', 'true');
  await app.control('presentation').click();
  await expect(app.page.locator('html')).toHaveAttribute('data-lens', 'loop');
});

test('switching the lens keeps the place, and each lens counts its own steps', async ({ app }) => {
  await app.setLanguage('en');
  await app.chooseLesson('create-task');
  await app.setLens('all');
  const all = await counter(app);
  await app.forwardUntil('task’s first step joins the tail of the ready queue');
  const at = await app.step();
  await app.setLens('loop');
  expect(await app.step()).toBe(at);
  const loop = await counter(app);
  await app.setLens('code');
  const code = await counter(app);
  // The step of "your code" that holds that moment: main created the task; it has not started.
  const held = await app.step();
  expect(held).toBeGreaterThanOrEqual(at);
  await expect(app.view('narration')).toContainText('creates task (report)');
  await expect(app.view('tasks').locator('[data-binding=task]')).toHaveAttribute(
    'data-status',
    'scheduled',
  );
  expect(code.count).toBeLessThan(loop.count);
  expect(loop.count).toBeLessThan(all.count);
  // Back to every event: the playhead is where "your code" left it.
  await app.setLens('all');
  expect(await app.step()).toBe(held);
  await app.press('ArrowLeft');
  expect(await app.step()).toBe(held - 1);
});

test('“your code” names asyncio’s machinery in plain words, never by its private names', async ({
  app,
}) => {
  await app.setLanguage('en');
  await app.setLens('code');
  for (const [lessonId, numbers] of [
    ['create-task', [2, 4, 6]],
    ['timers-and-the-ready-queue', [2, 3, 5]],
    ['exceptions-in-tasks', [2, 4]],
  ] as const) {
    await app.chooseLesson(lessonId);
    const scenarios = runnableScenarios(lessonId, 'en');
    for (const number of numbers) {
      const scenario = scenarios.find((s) => s.number === number);
      if (!scenario) throw new Error(`no scenario ${lessonId} #${number}`);
      await app.chooseScenario(scenario.id);
      const length = await app.length();
      for (let guard = 0; guard < 200 && (await app.step()) < length; guard++) {
        await app.press('ArrowRight');
        const where = `${lessonId} #${number} step ${await app.step()}`;
        await expectNoPrivateNames(app, scenario.code, where);
        const details = app.control('shutdown-details');
        if ((await details.count()) > 0) {
          await details.locator('summary').click();
          await expect(details.locator('li').first()).toBeVisible();
          await expectNoPrivateNames(app, scenario.code, `${where}, shutdown opened`);
          await app.screenshot(`lens-shutdown-${lessonId}-${number}`);
          await details.locator('summary').click();
        }
      }
      expect(await app.step()).toBe(length);
    }
  }
});

/**
 * A run cut short, by the user or by a budget, keeps its trace up to the stop: its tasks and
 * its steps; the loop's phase says it was stopped, or cut off and why.
 */
import { expect, test } from './fixtures.ts';

const SPINNER = `import asyncio


async def spin(name):
    print(f'{name}: spinning')
    total = 0
    while True:
        total += 1


async def main():
    task = asyncio.create_task(spin('worker'))
    await asyncio.sleep(0)
    await task


asyncio.run(main())
`;

test.afterAll(async ({ sharedApp: app }) => {
  await app.setLanguage('en');
});

test('a CPU-bound run the user stops keeps its trace, its tasks, and says it was stopped', async ({
  app,
}) => {
  await app.setLanguage('en');
  await app.chooseLesson('create-task');
  await app.setCode(SPINNER);
  await app.control('run').click();
  await expect(app.page.locator('html')).toHaveAttribute('data-state', 'running');
  // Stopped once its worker has run it a while: a stop before that ends it with nothing to keep.
  await expect.poll(() => app.length(), { timeout: 30_000 }).toBeGreaterThan(40);
  await app.control('stop').first().click();
  await app.idle();
  await expect(app.view('status').locator('[data-status=outcome]')).toHaveAttribute(
    'data-outcome',
    /stopped|budget/,
  );
  const outcome = await app
    .view('status')
    .locator('[data-status=outcome]')
    .getAttribute('data-outcome');
  expect(await app.length()).toBeGreaterThan(40);
  await app.press('End');
  await expect(app.view('tasks').locator('[data-binding=task]')).toHaveAttribute(
    'data-status',
    'running',
  );
  await expect(app.view('header').locator('[data-field=phase]')).toHaveText(
    outcome === 'stopped' ? 'Stopped by you' : /^Cut off: /,
  );
  await expect(app.view('console')).toContainText('worker: spinning');
  await app.screenshot('stopped-by-user');

  await app.setLanguage('ru');
  await expect(app.view('header').locator('[data-field=phase]')).toHaveText(
    outcome === 'stopped' ? 'Остановлена вами' : /^Прервана: /,
  );
});

test('a CPU-bound run cut off by its event budget says which limit, in the loop area too', async ({
  app,
}) => {
  await app.setLanguage('en');
  await app.chooseLesson('create-task');
  await app.setCode(SPINNER);
  await app.run();
  await expect(app.view('status').locator('[data-status=outcome]')).toHaveAttribute(
    'data-outcome',
    'budget',
  );
  await app.press('End');
  await expect(app.view('header').locator('[data-field=phase]')).toHaveText(
    /^Cut off: (too many events|it ran too long)$/,
  );
  await expect(app.view('narration')).toContainText('cut off here by a limit');
  await expect(app.view('tasks').locator('[data-binding=task]')).toHaveAttribute(
    'data-status',
    'running',
  );
  await app.screenshot('stopped-by-budget');
});

/**
 * The player's keys drive the player wherever the focus was left, unless text is being
 * edited: a teacher picks a scenario with the mouse, then steps with the presenter's clicker.
 */
import { runnableScenarios } from './course.ts';
import { expect, test, type LoopscopeApp } from './fixtures.ts';

test.beforeEach(async ({ app }) => {
  await app.setLanguage('en');
  await app.chooseLesson('create-task');
  await app.control('speed').selectOption('8');
});

test.afterAll(async ({ sharedApp: app }) => {
  await app.control('speed').selectOption('1');
});

/** Where the keyboard's focus is: the control's data-control, or the element's tag. */
function focused(app: LoopscopeApp): Promise<string> {
  return app.page.evaluate(() => {
    const element = document.activeElement;
    return element?.getAttribute('data-control') ?? element?.tagName.toLowerCase() ?? '';
  });
}

test('after a scenario is chosen in its drop-down, the clicker, arrows, Home, End and Space drive the player', async ({
  app,
}) => {
  const [, second] = runnableScenarios('create-task', 'en');
  const scenario = app.control('scenario');
  await scenario.focus();
  await scenario.selectOption(second?.id ?? '');
  await app.settle();
  expect(await focused(app)).toBe('scenario');
  const length = await app.length();

  // A step is the lens's: it may span several events, so the scrubber's values are compared.
  await app.page.keyboard.press('PageDown');
  await expect.poll(() => app.step()).toBeGreaterThan(0);
  const first = await app.step();
  await app.page.keyboard.press('ArrowRight');
  await expect.poll(() => app.step()).toBeGreaterThan(first);
  await app.page.keyboard.press('PageUp');
  await expect(app.control('scrubber')).toHaveValue(String(first));
  await app.page.keyboard.press('ArrowDown');
  await expect(app.view('header').locator('[data-field=iteration]')).toHaveText('1');
  await app.page.keyboard.press('End');
  await expect(app.control('scrubber')).toHaveValue(String(length));
  await app.page.keyboard.press('Home');
  await expect(app.control('scrubber')).toHaveValue('0');
  await app.page.keyboard.press('Space');
  await expect.poll(() => app.step()).toBeGreaterThan(0);
  await app.page.keyboard.press('Space');
  await app.idle();

  // The drop-down kept its choice and the focus; nothing was run again.
  await expect(scenario).toHaveValue(second?.id ?? '');
  expect(await focused(app)).toBe('scenario');
  expect(await app.length()).toBe(length);
});

test('the lesson’s and the speed’s drop-downs let the keys through too', async ({ app }) => {
  for (const name of ['lesson', 'speed']) {
    const select = app.control(name);
    await select.focus();
    const value = await select.inputValue();
    await app.page.keyboard.press('Home');
    await app.page.keyboard.press('PageDown');
    await expect.poll(() => app.step(), { message: name }).toBeGreaterThan(0);
    await app.page.keyboard.press('ArrowDown');
    await app.page.keyboard.press('ArrowUp');
    await app.page.keyboard.press('End');
    await expect(select, name).toHaveValue(value);
  }
  await app.idle();
});

test('Space on a button the mouse left focused plays, instead of pressing the button again', async ({
  app,
}) => {
  await app.control('presentation').click();
  await app.control('presentation').click();
  await expect(app.page.locator('html')).toHaveAttribute('data-presentation', 'false');
  expect(await focused(app)).toBe('presentation');
  await app.page.keyboard.press('Home');
  await app.page.keyboard.press('Space');
  await expect.poll(() => app.step()).toBeGreaterThan(0);
  await app.page.keyboard.press('Space');
  await app.idle();
  await expect(app.page.locator('html')).toHaveAttribute('data-presentation', 'false');
});

test('in the code editor the keys are the editor’s', async ({ app }) => {
  await app.press('Home');
  await app.page.locator('.cm-content').click();
  for (const key of ['ArrowRight', 'PageDown', 'End', 'ArrowDown', 'Space']) {
    await app.page.keyboard.press(key);
  }
  await expect(app.control('scrubber')).toHaveValue('0');
  // Space typed a space: the code changed, and it says so.
  await expect(app.view('code').locator('[data-status=edited]')).toBeVisible();
  await app.page.keyboard.press('ControlOrMeta+z');
  await expect(app.view('code').locator('[data-status=edited]')).toHaveCount(0);
});

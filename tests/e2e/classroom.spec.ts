import { expect, test } from './fixtures.ts';

test.afterAll(async ({ sharedApp: app }) => {
  if ((await app.control('presentation').getAttribute('aria-pressed')) === 'true') {
    await app.control('presentation').click();
  }
  await app.control('theme').selectOption('system');
  await app.control('language').selectOption('en');
});

test('presentation mode and both languages read at the back of the room', async ({ app }) => {
  await app.control('language').selectOption('en');
  await app.chooseLesson('create-task');
  await app.forwardUntil('The loop takes report’s first step');
  const narration = app.view('narration').locator('p');
  const normalSize = await narration.evaluate((p) => parseFloat(getComputedStyle(p).fontSize));
  await app.screenshot('classroom-en-normal');

  await app.control('presentation').click();
  await expect(app.page.locator('html')).toHaveAttribute('data-presentation', 'true');
  await expect(app.control('presentation')).toHaveAttribute('aria-pressed', 'true');
  await expect(app.view('lanes')).toHaveCount(0);
  const bigSize = await narration.evaluate((p) => parseFloat(getComputedStyle(p).fontSize));
  expect(bigSize).toBeGreaterThanOrEqual(normalSize * 1.3);
  expect(bigSize).toBeGreaterThanOrEqual(28);
  await app.screenshot('classroom-en-presentation');

  // Russian: every label and the narration change; the step stays where it was.
  const step = await app.step();
  await app.control('language').selectOption('ru');
  await app.idle();
  await expect(app.page.locator('html')).toHaveAttribute('lang', 'ru');
  await expect(app.view('header')).toContainText('Итерация');
  await expect(app.control('play')).toHaveAccessibleName('Воспроизвести');
  await app.seek(step);
  await expect(app.view('narration')).toContainText('Цикл берёт первый шаг');
  await app.screenshot('classroom-ru-presentation');

  await app.control('presentation').click();
  await expect(app.view('lanes')).toBeVisible();
  await app.screenshot('classroom-ru-normal');
});

test('the themes: dark and high contrast', async ({ app }) => {
  await app.control('language').selectOption('en');
  await app.chooseLesson('blocking-the-loop');
  await app.forwardUntil('freezes');
  for (const theme of ['dark', 'contrast', 'light'] as const) {
    await app.control('theme').selectOption(theme);
    await expect(app.page.locator('html')).toHaveAttribute('data-theme', theme);
    await app.screenshot(`classroom-theme-${theme}`);
  }
});

test('zoom makes everything larger', async ({ app }) => {
  const before = await app.page
    .locator('html')
    .evaluate((html) => parseFloat(getComputedStyle(html).fontSize));
  await app.page.getByRole('button', { name: 'Zoom in' }).click();
  await app.page.getByRole('button', { name: 'Zoom in' }).click();
  const after = await app.page
    .locator('html')
    .evaluate((html) => parseFloat(getComputedStyle(html).fontSize));
  expect(after).toBeGreaterThan(before * 1.15);
  await app.page.getByRole('button', { name: 'Zoom out' }).click();
  await app.page.getByRole('button', { name: 'Zoom out' }).click();
});

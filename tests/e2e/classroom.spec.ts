import type { Locator } from '@playwright/test';
import { expect, test, type LoopscopeApp } from './fixtures.ts';

test.afterAll(async ({ sharedApp: app }) => {
  await app.page.setViewportSize({ width: 1600, height: 900 });
  if ((await app.control('presentation').getAttribute('aria-pressed')) === 'true') {
    await app.control('presentation').click();
  }
  await app.setTheme('system');
  await app.setLanguage('en');
});

async function box(locator: Locator): Promise<{ x: number; y: number; w: number; h: number }> {
  const found = await locator.boundingBox();
  if (!found) throw new Error('not shown');
  return { x: found.x, y: found.y, w: found.width, h: found.height };
}

/**
 * What makes the screen readable from the back of a room: nothing in the top bar overlaps,
 * every view fits the window, the dial is round and whole, and no task's name is cut short.
 */
async function expectReadableLayout(app: LoopscopeApp, where: string): Promise<void> {
  const viewport = app.page.viewportSize() ?? { width: 0, height: 0 };
  const bar = await Promise.all(
    ['lesson', 'scenario', 'open-menu', 'settings-menu', 'presentation'].map((name) =>
      box(app.control(name)),
    ),
  );
  for (let i = 1; i < bar.length; i++) {
    const [a, b] = [bar[i - 1], bar[i]] as [(typeof bar)[0], (typeof bar)[0]];
    const apart = a.x + a.w <= b.x + 1 || a.y + a.h <= b.y + 1;
    expect(apart, `${where}: top bar control ${i} overlaps the one before`).toBe(true);
  }
  for (const name of [
    'narration',
    'header',
    'code',
    'console',
    'ready-queue',
    'timer-wheel',
    'tasks',
    'controls',
  ] as const) {
    const view = await box(app.view(name));
    expect(view.x + view.w, `${where}: ${name} fits the width`).toBeLessThanOrEqual(
      viewport.width + 1,
    );
    expect(view.y + view.h, `${where}: ${name} fits the height`).toBeLessThanOrEqual(
      viewport.height + 1,
    );
  }
  const wheel = await box(app.view('timer-wheel').locator('div.dial'));
  const face = await box(app.view('timer-wheel').locator('circle.face'));
  expect(face.y + face.h, `${where}: the dial is whole`).toBeLessThanOrEqual(wheel.y + wheel.h);
  // In front of a class the dial is a fifth of the screen's height; at a desk, an eighth.
  const presentation =
    (await app.page.locator('html').getAttribute('data-presentation')) === 'true';
  const share = presentation ? 0.2 : 0.125;
  expect(face.w, `${where}: the dial is large`).toBeGreaterThanOrEqual(viewport.height * share);
  for (const name of await app.view('tasks').locator('.card .name').all()) {
    const text = (await name.textContent()) ?? '';
    const shown = await name.evaluate((element) => element.scrollWidth <= element.clientWidth + 1);
    expect(shown, `${where}: the task name ${text} is shown whole`).toBe(true);
  }
}

test('presentation mode and both languages read at the back of the room', async ({ app }) => {
  await app.setLanguage('en');
  await app.chooseLesson('create-task');
  await app.forwardUntil('The loop takes task’s first step');
  const narration = app.view('narration').locator('p');
  const normalSize = await narration.evaluate((p) => parseFloat(getComputedStyle(p).fontSize));
  await expectReadableLayout(app, 'en normal');
  await app.screenshot('classroom-en-normal');

  await app.control('presentation').click();
  await expect(app.page.locator('html')).toHaveAttribute('data-presentation', 'true');
  await expect(app.control('presentation')).toHaveAttribute('aria-pressed', 'true');
  await expect(app.view('lanes')).toHaveCount(0);
  await expect(app.view('lesson')).toHaveCount(0);
  const bigSize = await narration.evaluate((p) => parseFloat(getComputedStyle(p).fontSize));
  expect(bigSize).toBeGreaterThanOrEqual(normalSize * 1.3);
  expect(bigSize).toBeGreaterThanOrEqual(28);
  await expectReadableLayout(app, 'en presentation 1600×900');
  await app.screenshot('classroom-en-presentation');

  // Presentation mode steps by "your code": the playhead moved to the end of the step that
  // holds the moment (the task starts). Russian: every label and the narration change; the
  // step stays where it was.
  const step = await app.step();
  await app.setLanguage('ru');
  await expect(app.page.locator('html')).toHaveAttribute('lang', 'ru');
  await expect(app.view('header')).toContainText('Итерация');
  await expect(app.control('play')).toHaveAccessibleName('Воспроизвести');
  await app.seek(step);
  await expect(app.view('narration')).toContainText('task запускается: цикл берёт её первый шаг');
  await expectReadableLayout(app, 'ru presentation 1600×900');
  await app.screenshot('classroom-ru-presentation');

  // A projector of 1280×720: the same picture, the type the same share of the screen.
  await app.page.setViewportSize({ width: 1280, height: 720 });
  await expectReadableLayout(app, 'ru presentation 1280×720');
  await app.screenshot('classroom-ru-presentation-1280');
  await app.setLanguage('en');
  await app.seek(step);
  await expectReadableLayout(app, 'en presentation 1280×720');
  await app.screenshot('classroom-en-presentation-1280');

  // The lesson's text opens over the code when asked, and the loop's views keep their place.
  const wheel = await box(app.view('timer-wheel'));
  await app.control('lesson-text').click();
  await expect(app.view('lesson')).toContainText('Creating a task only schedules it');
  expect(await box(app.view('timer-wheel'))).toEqual(wheel);
  await app.screenshot('classroom-en-presentation-lesson-1280');
  await app.control('lesson-text').click();
  await expect(app.view('lesson')).toHaveCount(0);

  await app.control('presentation').click();
  await expect(app.view('lanes')).toBeVisible();
  await expectReadableLayout(app, 'en normal 1280×720');
  await app.screenshot('classroom-en-normal-1280');
  await app.page.setViewportSize({ width: 1600, height: 900 });
  await app.setLanguage('ru');
  await app.seek(step);
  await expectReadableLayout(app, 'ru normal');
  await app.screenshot('classroom-ru-normal');
});

test('the themes: dark and high contrast', async ({ app }) => {
  await app.setLanguage('en');
  await app.chooseLesson('blocking-the-loop');
  await app.forwardUntil('freezes');
  for (const theme of ['dark', 'contrast', 'light'] as const) {
    await app.setTheme(theme);
    await expect(app.page.locator('html')).toHaveAttribute('data-theme', theme);
    await app.screenshot(`classroom-theme-${theme}`);
  }
});

test('zoom makes everything larger', async ({ app }) => {
  const html = app.page.locator('html');
  const before = await html.evaluate((root) => parseFloat(getComputedStyle(root).fontSize));
  await app.control('settings-menu').click();
  await app.page.getByRole('button', { name: 'Zoom in' }).click();
  await app.page.getByRole('button', { name: 'Zoom in' }).click();
  const after = await html.evaluate((root) => parseFloat(getComputedStyle(root).fontSize));
  expect(after).toBeGreaterThan(before * 1.15);
  await app.page.getByRole('button', { name: 'Zoom out' }).click();
  await app.page.getByRole('button', { name: 'Zoom out' }).click();
  await app.control('settings-menu').click();
});

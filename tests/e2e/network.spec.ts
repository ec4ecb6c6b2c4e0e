import { expect, test } from './fixtures.ts';

test.beforeEach(async ({ app }) => {
  await app.page.setViewportSize({ width: 1600, height: 900 });
  if ((await app.control('presentation').getAttribute('aria-pressed')) === 'true') {
    await app.control('presentation').click();
  }
  await app.control('speed').selectOption('1');
});

test('the selector phase shows the sockets the loop waits on and those that become ready', async ({
  app,
}) => {
  await app.setLanguage('en');
  await app.chooseLesson('three-slow-requests');
  await app.chooseScenario('scenario-2');
  const header = app.view('header');
  const narration = app.view('narration');

  // The first poll with sockets: the server's listening socket.
  await app.forwardUntil('The selector watches');
  await expect(narration).toContainText('listening on 127.0.0.1:8888, for a new connection');
  await expect(header.locator('[data-field="sockets"]')).toHaveText(/^1 · 0 ready$/);

  // B's request reaches the server after its 0.1 s of latency: the clock jumps to the arrival.
  await app.forwardUntil(/The clock jumps ahead to t = 0\.1/);
  await expect(header.locator('[data-field="phase"]')).toHaveText(
    'Wait for sockets or the next timer',
  );
  await app.forwardUntil('has data (or the end of the stream) to read');
  await expect(narration).toContainText('has data (or the end of the stream) to read');
  await expect(header.locator('[data-field="sockets"]')).toContainText('1 ready');
  for (const [width, height] of [
    [1024, 768],
    [1280, 720],
    [1920, 1080],
  ] as const) {
    await app.page.setViewportSize({ width, height });
    await app.screenshot(`network-ready-${width}x${height}`);
  }
  await app.control('presentation').click();
  await expect(header.locator('[data-field="sockets"]')).toBeVisible();
  await app.screenshot('network-ready-presentation');
  await app.control('presentation').click();

  // In Russian, with Russian plural forms (the lesson reopens in Russian, from its start).
  await app.setLanguage('ru');
  await app.chooseScenario('scenario-2');
  await app.forwardUntil('Селектор вернул 1 сокет');
  await expect(header.locator('[data-field="sockets"]')).toContainText('готовы: 1');
  await app.setLanguage('en');
});

/**
 * Navigation by meaning in the web edition: an output line leads to the step that printed it,
 * a line number to the next (Shift: previous) step where the line runs, a task to its lane
 * and its own steps; play by virtual time; who awaits whom and the why-arrows, and their
 * switch.
 */
import { AWAITS as PROGRAM } from '../await-program.ts';
import { expect, test, type LoopscopeApp } from './fixtures.ts';

/** 5 tasks that each sleep 0.1 s twenty times: 2 virtual seconds and hundreds of steps. */
const TICKS = `import asyncio


async def tick(n):
    for i in range(20):
        await asyncio.sleep(0.1)
    print("done", n)


async def main():
    await asyncio.gather(*(tick(n) for n in range(5)))


asyncio.run(main())
`;

async function step(app: LoopscopeApp): Promise<number> {
  return Number(await app.page.locator('html').getAttribute('data-step'));
}

function lineNumber(app: LoopscopeApp, line: number) {
  return app
    .view('code')
    .locator('.cm-lineNumbers .cm-gutterElement', { hasText: new RegExp(`^${line}$`) });
}

test.beforeAll(async ({ sharedApp: app }) => {
  await app.setLanguage('en');
  await app.setLens('loop');
  await app.setCode(PROGRAM);
  await app.run();
});

test.afterAll(async ({ sharedApp: app }) => {
  await app.press('Escape');
  await app.control('pace').selectOption('steps');
  if (!(await app.control('why-arrows').isChecked())) await app.control('why-arrows').check();
});

test('clicking an output line shows the step that printed it', async ({ app }) => {
  await app.press('End');
  await app.view('console').locator('.chunk', { hasText: 'leaf 1' }).first().click();
  await expect(app.view('narration')).toContainText('prints “leaf 1”');
  const printed = await step(app);
  await expect(app.view('console').locator('.chunk')).toHaveText(['leaf 1\n']);
  await expect(app.view('code').locator('[data-line-mark=current]')).toContainText('print("leaf"');
  // The later line, from there: the playhead moves forward to it.
  await app.press('End');
  await app.view('console').locator('.chunk', { hasText: 'loop 1' }).click();
  await expect(app.view('narration')).toContainText('prints “loop 1”');
  expect(await step(app)).toBeGreaterThan(printed);
  await app.screenshot('navigate-output');
});

test('clicking a line number goes to the next step where it runs; Shift, to the previous', async ({
  app,
}) => {
  await app.press('Home');
  const current = app.view('code').locator('[data-line-mark=current]');
  const runs: number[] = [];
  // print("loop", i) is line 23: it runs three times.
  for (let i = 0; i < 3; i++) {
    await lineNumber(app, 23).click();
    await expect(current).toContainText('print("loop", i)');
    runs.push(await step(app));
  }
  expect(runs[0]).toBeLessThan(runs[1] ?? 0);
  expect(runs[1]).toBeLessThan(runs[2] ?? 0);
  await expect(app.view('console')).toContainText('loop 1');
  // No fourth run: the playhead stays and the controls say so.
  await lineNumber(app, 23).click();
  await expect(app.page.locator('[data-field=notice]')).toHaveText(
    'Line 23 does not run after this step.',
  );
  expect(await step(app)).toBe(runs[2]);
  // Back, with Shift: the run before.
  await lineNumber(app, 23).click({ modifiers: ['Shift'] });
  await expect(current).toContainText('print("loop", i)');
  expect(await step(app)).toBe(runs[1]);
  await expect(app.page.locator('[data-field=notice]')).toHaveText('');
  // A blank line never runs.
  await lineNumber(app, 2).click();
  await expect(app.page.locator('[data-field=notice]')).toHaveText(
    'Line 2 never runs in this run.',
  );
});

test('clicking a task shows its lane and walks through its steps only, both ways', async ({
  app,
}) => {
  await app.press('End');
  const card = app.view('tasks').locator('[data-binding=w]');
  await card.click();
  const chosen = app.page.locator('[data-field=chosen-task]');
  await expect(chosen).toContainText('w: ');
  const id = await card.getAttribute('data-task-id');
  await expect(chosen).toHaveAttribute('data-task', id ?? '');
  await expect(app.view('lanes').locator(`rect.lane-hit.chosen[data-task-id="${id}"]`)).toHaveCount(
    1,
  );
  await expect(app.page.locator('[data-field=chosen-ring]')).toHaveCount(1);

  await app.press('Home');
  const visited: number[] = [];
  for (let i = 0; i < 4; i++) {
    await app.press(']');
    visited.push(await step(app));
    await expect(chosen).toContainText(`w: ${i + 1} / `);
  }
  expect([...visited].sort((x, y) => x - y)).toEqual(visited);
  // Each of those steps is w's: its card says it was made, ran, or waits.
  await app.press('[');
  expect(await step(app)).toBe(visited[2]);
  await app.control('task-forward').click();
  expect(await step(app)).toBe(visited[3]);
  await app.control('task-back').click();
  expect(await step(app)).toBe(visited[2]);

  // A lane chooses its task too; Escape forgets it.
  const lane = app.view('lanes').locator('g.lane').first();
  const laneTask = await lane.getAttribute('data-task-id');
  await lane.locator('text.name').click();
  await expect(chosen).toHaveAttribute('data-task', laneTask ?? '');
  await app.press('Escape');
  await expect(chosen).toHaveCount(0);
  // T chooses tasks in turn from the keyboard.
  await app.press('t');
  await expect(chosen).toHaveCount(1);
  await app.press('Escape');
});

test('who awaits whom, and why the step happens, are drawn as arrows; a switch hides the why', async ({
  app,
}) => {
  const arrows = app.page.locator('[data-view=arrows]');
  // Arrows join only what is on screen: a window where every card of this program shows.
  await app.page.setViewportSize({ width: 1920, height: 1080 });
  // w resumes once a is done: a completed → its wake-up handle → w's step.
  const cards = app.view('tasks');
  await app.press('End');
  const a = await cards.locator('[data-binding=a]').getAttribute('data-task-id');
  const w = await cards.locator('[data-binding=w]').getAttribute('data-task-id');
  await app.press('Home');
  // Not w's first step (nothing completed then): the one its wake-up runs.
  const runsW = arrows.locator(`g.arrow[data-arrow^="why-runs-handle"][data-arrow$="-task${w}"]`);
  const completedA = arrows.locator(`g.arrow[data-arrow^="why-completed-task${a}-handle"]`);
  for (let i = 0; i < 200; i++) {
    if ((await runsW.count()) > 0 && (await completedA.count()) > 0) break;
    await app.press('ArrowRight');
    await expect(arrows).toHaveAttribute('data-step', String(await step(app)));
  }
  await expect(runsW).toHaveCount(1);
  await expect(completedA).toHaveCount(1);
  await expect(app.view('ready-queue').locator('.running [data-handle-id]')).toHaveAttribute(
    'data-label',
    /__wakeup/,
  );
  await expect(arrows.locator('text.label', { hasText: 'runs' })).toHaveCount(1);
  // main still gathers b (and w): a dashed await arrow from main's card to b's.
  await expect(arrows.locator('g.arrow.dashed[data-arrow^="await-"]')).not.toHaveCount(0);
  await app.screenshot('navigate-arrows');

  await app.control('why-arrows').uncheck();
  await expect(arrows.locator('g.arrow[data-arrow^="why-"]')).toHaveCount(0);
  await expect(arrows.locator('g.arrow.dashed[data-arrow^="await-"]')).not.toHaveCount(0);
  // The switch is a setting: it is remembered.
  await app.reload();
  await expect(app.control('why-arrows')).not.toBeChecked();
  await app.control('why-arrows').check();
  await app.page.setViewportSize({ width: 1600, height: 900 });
  await app.setCode(PROGRAM);
  await app.run();
});

test('playing by virtual time: the clock leads, every frame is a step, and play ends', async ({
  app,
}) => {
  await app.setCode(TICKS);
  await app.run();
  await app.control('pace').selectOption('time:0.5');
  await app.press('Home');
  await app.press('Space');
  await expect(app.page.locator('[data-field=clock]')).toBeVisible();
  // Read in the page, frame by frame: the state shown never runs ahead of the clock.
  const samples = await app.page.evaluate(
    () =>
      new Promise<{ clock: number; time: number }[]>((resolve) => {
        const seen: { clock: number; time: number }[] = [];
        const number = (text: string | null | undefined) =>
          Number(/[\d.]+/.exec(text ?? '')?.[0] ?? Number.NaN);
        const tick = () => {
          const clock = document.querySelector('[data-field=clock]');
          const time = document.querySelector('[data-field=time]');
          if (!clock || seen.length >= 30) {
            resolve(seen);
            return;
          }
          seen.push({ clock: number(clock.textContent), time: number(time?.textContent) });
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
  );
  expect(samples.length).toBeGreaterThan(5);
  for (const { clock, time } of samples) expect(time).toBeLessThanOrEqual(clock + 0.001);
  expect(samples.at(-1)?.clock).toBeGreaterThan(samples[0]?.clock ?? 0);
  // Two virtual seconds at 0.5 s each: over in about a second, not the minutes of step by step.
  await app.idle(30_000);
  expect(await step(app)).toBe(await app.length());
  await expect(app.page.locator('[data-field=clock]')).toHaveCount(0);
  await app.control('pace').selectOption('steps');
  await app.setCode(PROGRAM);
  await app.run();
});

test('a why-arrow’s label is placed where it covers no text of the views', async ({ app }) => {
  await app.page.setViewportSize({ width: 1280, height: 720 });
  await app.fresh();
  // The lesson's text closed: the views take the window, as a class sees them.
  if ((await app.control('lesson-text').getAttribute('aria-pressed')) === 'true') {
    await app.control('lesson-text').click();
  }
  const labels = app.page.locator('[data-view=arrows] text.label');
  let checked = 0;
  for (let i = 0; i < 80; i++) {
    await app.press('ArrowRight');
    await expect(app.page.locator('[data-view=arrows]')).toHaveAttribute(
      'data-step',
      String(await step(app)),
    );
    const named = labels.filter({ hasText: /\S/ });
    if ((await named.count()) === 0) continue;
    checked += 1;
    const covered = await app.page.evaluate(() => {
      const hits: string[] = [];
      const range = document.createRange();
      const text: { box: DOMRect; what: string }[] = [];
      const main = document.querySelector('main') ?? document.body;
      const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!node.textContent?.trim()) continue;
        range.selectNodeContents(node);
        for (const box of range.getClientRects()) text.push({ box, what: node.textContent });
      }
      for (const label of document.querySelectorAll('[data-view=arrows] text.label')) {
        if (!label.textContent) continue;
        const own = label.getBoundingClientRect();
        for (const { box, what } of text) {
          const w = Math.min(own.right, box.right) - Math.max(own.left, box.left);
          const h = Math.min(own.bottom, box.bottom) - Math.max(own.top, box.top);
          if (w > 1 && h > 1) hits.push(`${label.textContent} over ${what}`);
        }
      }
      return hits;
    });
    expect(covered, `step ${await step(app)}`).toEqual([]);
  }
  expect(checked).toBeGreaterThan(0);
  await app.control('lesson-text').click();
  await app.page.setViewportSize({ width: 1600, height: 900 });
});

test('a gather of many draws no fan of await arrows over the cards, until a task is chosen', async ({
  app,
}) => {
  await app.setCode(
    [
      'import asyncio',
      'async def work(n):',
      '    await asyncio.sleep(0.1 * n)',
      'async def main():',
      '    await asyncio.gather(*(work(n) for n in range(10)))',
      'asyncio.run(main())',
      '',
    ].join('\n'),
  );
  await app.run();
  await app.page.setViewportSize({ width: 1920, height: 1080 });
  const arrows = app.page.locator('[data-view=arrows]');
  const awaiting = arrows.locator('g.arrow.dashed[data-arrow^="await-"]');
  await app.forwardUntil(/awaits/);
  for (let i = 0; i < 12; i++) await app.press('ArrowRight');
  await expect(arrows).toHaveAttribute('data-step', String(await step(app)));
  await expect(awaiting).toHaveCount(0);
  // Choosing one of the gathered tasks draws the arrows it is an end of: main awaits it.
  const worker = app.view('tasks').locator('[data-task-id]').nth(1);
  const id = await worker.getAttribute('data-task-id');
  await worker.click();
  await expect(awaiting).toHaveCount(1);
  await expect(awaiting).toHaveAttribute('data-arrow', new RegExp(`^await-\\d+-${id}$`));
  await app.page.setViewportSize({ width: 1600, height: 900 });
});

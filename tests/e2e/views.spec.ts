import { expect, test } from './fixtures.ts';
import { runnableScenarios } from './course.ts';

test.beforeEach(async ({ app }) => {
  await app.setLanguage('en');
  await app.control('speed').selectOption('1');
  await app.chooseLesson('create-task');
});

test('each view shows the true state as create_task schedules a task and the loop runs it', async ({
  app,
}) => {
  const tasks = app.view('tasks');
  const queue = app.view('ready-queue').locator('ol');
  const card = (name: string) => tasks.locator(`[data-task-name="${name}"]`);

  await expect(app.control('scrubber')).toHaveValue('0');
  await expect(app.view('narration')).toContainText('Press Play');
  await expect(tasks.locator('[data-task-id]')).toHaveCount(0);

  // create_task makes the task: created, not running, not even in the queue yet.
  await app.forwardUntil('create_task wraps greet(');
  await expect(card('report')).toHaveAttribute('data-status', 'created');
  await expect(card('Task-1')).toHaveAttribute('data-status', 'running');
  await expect(queue.locator('[data-handle-id]')).toHaveCount(0);
  await expect(app.view('code').locator('[data-line-mark=current]')).toContainText('create_task');

  // Its first step joins the ready queue's tail.
  await app.press('ArrowRight');
  await expect(app.view('narration')).toContainText('first step joins the tail of the ready queue');
  await expect(card('report')).toHaveAttribute('data-status', 'scheduled');
  await expect(queue.locator('[data-handle-id]')).toHaveCount(1);
  await expect(queue.locator('[data-label="Task report: __step"]')).toBeVisible();
  await app.screenshot('views-create-task-scheduled');

  // main keeps running and prints; only at `await task` does the loop take report's step.
  await app.forwardUntil('The loop takes task’s first step from the ready queue');
  await expect(queue.locator('[data-handle-id]')).toHaveCount(0);
  await expect(
    app.view('ready-queue').locator('.running [data-label="Task report: __step"]'),
  ).toBeVisible();
  expect(await app.consoleText()).toBe(
    "main: created the task 'report'\nmain: has it finished? False\n",
  );
  await expect(card('Task-1')).toHaveAttribute('data-status', 'suspended');
  await expect(card('Task-1')).toContainText('awaits task task');

  // report sleeps: a timer at 0.5 s sits at the top of the heap.
  await app.forwardUntil('task sets a timer in the heap for t = 0.5 s (in 0.5 s)');
  const wheel = app.view('timer-wheel');
  await expect(wheel.locator('li[data-when="0.5"]')).toHaveCount(1);
  await expect(wheel.locator('g.timer[data-heap-index="0"]')).toHaveAttribute('data-when', '0.5');
  await app.forwardUntil('task awaits asyncio.sleep until t = 0.5 s (in 0.5 s)');
  await expect(card('report')).toHaveAttribute('data-status', 'suspended');
  await expect(card('report')).toContainText('awaits sleep until t = 0.5 s');
  await expect(
    app.view('code').locator('[data-line-mark=paused]', { hasText: 'await asyncio.sleep(0.5)' }),
  ).toHaveCount(1);
  await app.screenshot('views-create-task-sleeping');

  // Nothing is ready: the clock jumps to the timer's deadline.
  await app.forwardUntil('The clock jumps ahead to t = 0.5 s (0.5 s later)');
  await expect(app.view('header').locator('[data-field=time]')).toHaveText('0.5 s');
  await expect(app.view('header').locator('[data-field=phase]')).toHaveText(
    'Wait for the next timer',
  );
  await app.forwardUntil('moves from the heap to the tail of the ready queue');
  await expect(wheel.locator('li[data-when]')).toHaveCount(0);
  await expect(queue.locator('[data-label="_set_result_unless_cancelled"]')).toBeVisible();

  // At the end both tasks are done.
  await app.press('End');
  await expect(card('report')).toHaveAttribute('data-status', 'done');
  await expect(card('Task-1')).toHaveAttribute('data-status', 'done');
});

test('the keys step by event, by iteration and by line of output, as a clicker does', async ({
  app,
}) => {
  const iteration = app.view('header').locator('[data-field=iteration]');
  await app.press('PageDown');
  await expect(app.control('scrubber')).toHaveValue('1');
  await app.press('PageDown');
  await app.press('PageUp');
  await expect(app.control('scrubber')).toHaveValue('1');
  await app.press('ArrowDown');
  await expect(iteration).toHaveText('1');
  await app.press('ArrowDown');
  await expect(iteration).toHaveText('2');
  await app.press('ArrowUp');
  await expect(iteration).toHaveText('1');
  await app.press('Home');
  await app.press('o');
  await expect(app.view('console').locator('.chunk')).toHaveCount(1);
  await app.press('o');
  await expect(app.view('console').locator('.chunk')).toHaveCount(2);
  await app.press('Shift+O');
  await expect(app.view('console').locator('.chunk')).toHaveCount(1);
  await app.press('End');
  const end = await app.step();
  await app.press('Space');
  await expect.poll(() => app.step()).toBeLessThan(end);
  await app.press('Space');
  await app.idle();
  await expect(app.control('play')).toHaveAccessibleName('Play');
});

test('the timer heap is shown in heap order: every timer is due no earlier than its parent', async ({
  app,
}) => {
  await app.chooseLesson('timers-and-the-ready-queue');
  const [, callLater] = runnableScenarios('timers-and-the-ready-queue', 'en');
  await app.chooseScenario(callLater?.id ?? '');
  const list = app.view('timer-wheel').locator('li[data-when]');
  let most = 0;
  let mostStep = 0;
  for (let step = 0; step <= (await app.length()); step++) {
    await app.seek(step);
    const count = await list.count();
    if (count > most) [most, mostStep] = [count, step];
  }
  expect(most).toBeGreaterThan(2);
  await app.seek(mostStep);
  const whens = await list.evaluateAll((items) =>
    items.map((li) => Number(li.getAttribute('data-when'))),
  );
  for (let i = 1; i < whens.length; i++) {
    expect(whens[(i - 1) >> 1]).toBeLessThanOrEqual(whens[i] as number);
  }
  await expect(app.view('timer-wheel').locator('g.timer')).toHaveCount(most);
  await app.screenshot('views-timer-heap');
});

test('time.sleep is shown as the whole loop blocked', async ({ app }) => {
  await app.chooseLesson('blocking-the-loop');
  await app.forwardUntil('freezes');
  await expect(app.view('header').locator('[data-field=phase]')).toHaveText(
    'Blocked: nothing can run',
  );
  await expect(app.view('timer-wheel').locator('g.hand.blocked')).toHaveCount(1);
  await app.screenshot('views-blocked');
});

test('asyncio.run’s own shutdown tasks are shown, as asyncio’s', async ({ app }) => {
  await app.forwardUntil('asyncio.run shuts down: your main coroutine has returned');
  const card = app.view('tasks').locator('[data-task-name="Task-2"]');
  await expect(card).toHaveAttribute('data-internal', 'asyncgens');
  await expect(card).toHaveAttribute('title', /asyncio.run finalizes async generators in it/);
  await expect(card.locator('.badge')).toHaveText('asyncio');
  // The header counts the program's own tasks; asyncio's own are counted apart, in its tooltip.
  const count = app.view('tasks').locator('[data-field=task-count]');
  await expect(count).toHaveText('2 tasks');
  await expect(count).toHaveAttribute('title', '2 tasks of your own, and 1 of asyncio’s');
  await expect(app.view('lanes').locator('g.lane.internal')).toHaveCount(2);
  await expect(app.view('lanes').locator('g.lane:not(.internal)')).toHaveCount(2);
  await app.screenshot('views-asyncio-own-tasks');

  const step = await app.step();
  await app.setLanguage('ru');
  await app.seek(step);
  await expect(app.view('narration')).toContainText(
    'asyncio.run завершает работу: главная корутина вернулась',
  );
  await expect(count).toHaveText('2 задачи');
  await expect(count).toHaveAttribute(
    'title',
    '2 задачи вашей программы и ещё служебных asyncio: 1',
  );
  await app.screenshot('views-asyncio-own-tasks-ru');
  await app.setLanguage('en');
});

test('a task that sleeps for ever until cancelled: its timer is at inf, never due', async ({
  app,
}) => {
  await app.setCode(
    [
      'import asyncio',
      'async def main():',
      '    forever = asyncio.create_task(asyncio.sleep(float("inf")), name="forever")',
      '    await asyncio.sleep(0.5)',
      '    forever.cancel()',
      'asyncio.run(main())',
      '',
    ].join('\n'),
  );
  await app.run();
  await app.forwardUntil('forever sets a timer in the heap for t = inf (never due)');
  await app.forwardUntil('forever awaits asyncio.sleep until t = inf (never due)');
  const wheel = app.view('timer-wheel');
  await expect(wheel.locator('g.timer')).toHaveCount(2);
  await expect(wheel).toContainText('inf');
  await expect(app.view('tasks').locator('[data-task-name="forever"]')).toContainText(
    'awaits sleep until t = inf',
  );
  await app.screenshot('views-sleep-forever');
  // Cancelled at 0.5 s, the run ends: nothing waited for a timer that never comes due.
  await app.seek(await app.length());
  await expect(app.view('header').locator('[data-field=phase]')).toHaveText('Program ended');
});

test('emoji a program prints are drawn from the bundled emoji font, not the computer’s', async ({
  app,
}) => {
  await app.setCode(
    [
      'import asyncio',
      'async def main():',
      '    print("🚀 sent ✅ done")',
      'asyncio.run(main())',
      '',
    ].join('\n'),
  );
  await app.run();
  await app.seek(await app.length());
  await expect.poll(() => app.consoleText()).toContain('🚀 sent ✅ done');
  // The page loads the subsets of Noto Emoji that the text on show needs, from its own files.
  const loaded = await app.page.evaluate(async () => {
    await document.fonts.ready;
    return [...document.fonts]
      .filter((face) => face.family.replace(/"/g, '') === 'Noto Emoji' && face.status === 'loaded')
      .map((face) => face.unicodeRange);
  });
  expect(loaded.length).toBeGreaterThan(0);
  expect(loaded.join(',')).toMatch(/1f680|1f67f-1f6ff|2705/i);
  await app.screenshot('views-emoji');
});

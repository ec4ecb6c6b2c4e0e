/**
 * Predict, then see; the course progress; the doctor. Predictions are checked against what
 * the real run prints (its console at the end), lines are ordered with the keyboard, and
 * every jump is checked against what the replay shows at the step it lands on.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type LoopscopeApp } from './fixtures.ts';
import { runnableScenarios } from './course.ts';

const first = runnableScenarios('create-task', 'en')[0];

/** The first scenario of the course, shown to its end; returns what it printed, as lines. */
async function printedLines(app: LoopscopeApp): Promise<string[]> {
  await app.fresh();
  await app.chooseLesson('create-task');
  await app.chooseScenario(first?.id ?? '');
  await app.press('End');
  const printed = (await app.consoleText()).trimEnd().split('\n');
  expect(printed.length).toBeGreaterThan(2);
  return printed;
}

async function startPredicting(app: LoopscopeApp): Promise<void> {
  await app.control('predict').click();
  await expect(app.view('console')).toHaveCount(0);
  await expect(app.page.locator('html')).toHaveAttribute('data-step', '0');
}

/** Checks the prediction, then shows the whole run without waiting for it to play. */
async function checkAndShowAll(app: LoopscopeApp): Promise<void> {
  await app.control('predict-check').click();
  await expect(app.view('predict-reveal')).toBeVisible();
  await app.control('predict-show-all').click();
  await app.idle();
}

/** How many of the program's lines the reveal says are printed. */
async function revealed(app: LoopscopeApp): Promise<number> {
  const text = (await app.page.locator('[data-status="revealed"]').textContent()) ?? '';
  return Number(/(\d+)/.exec(text)?.[1]);
}

test.afterAll(async ({ sharedApp: app }) => {
  if ((await app.control('predict-close').count()) > 0) await app.control('predict-close').click();
});

test('a right prediction, written: the output and the lesson’s answer stay hidden until checked', async ({
  app,
}) => {
  const printed = await printedLines(app);
  await startPredicting(app);
  if ((await app.view('lesson').count()) > 0) {
    await expect(app.view('lesson').locator('[data-field="expected"]')).toHaveCount(0);
    await expect(app.page.locator('[data-status="expected-hidden"]')).toBeVisible();
  }
  // Trailing spaces and a blank line at the end do not count, as in `loopscope check`.
  await app.control('predict-text').fill(`${printed.join('  \n')}\n\n`);
  await app.control('predict-check').click();
  await app.control('predict-show-all').click();
  await app.idle();
  await expect(app.page.locator('[data-status="predict-right"]')).toBeVisible();
  expect(await revealed(app)).toBe(printed.length);
  await expect(app.page.locator('[data-row-state="right"]')).toHaveCount(printed.length);
  await expect(app.control('predict-jump')).toHaveCount(0);
});

test('a wrong prediction is marked at its first wrong line, and leads to the step that printed it', async ({
  app,
}) => {
  const printed = await printedLines(app);
  await startPredicting(app);
  const guess = [...printed];
  guess[1] = 'something else entirely';
  await app.control('predict-text').fill(guess.join('\n'));
  await app.control('predict-check').click();
  // The reveal starts from nothing printed, and tells nothing before the run shows it.
  await app.control('predict-show-all').click();
  await app.idle();
  await expect(app.page.locator('[data-status="predict-wrong"]')).toContainText('2');
  const rows = app.page.locator('[data-row-state]');
  await expect(rows.nth(0)).toHaveAttribute('data-row-state', 'right');
  await expect(rows.nth(1)).toHaveAttribute('data-row-state', 'wrong');
  await expect(rows.nth(1)).toContainText(printed[1] ?? '?');
  await app.control('predict-jump').click();
  // At the step it lands on, line 2 has just been printed: one step before, it had not.
  const step = Number(await app.page.locator('html').getAttribute('data-step'));
  expect(await revealed(app)).toBe(2);
  await expect(rows.nth(1)).toHaveAttribute('data-row-state', 'wrong');
  await app.seek(step - 1);
  expect(await revealed(app)).toBe(1);
  await expect(rows.nth(1)).toHaveAttribute('data-row-state', 'pending');
});

test('ordering the shuffled lines with the keyboard alone', async ({ app }) => {
  const printed = await printedLines(app);
  await startPredicting(app);
  await app.control('predict-mode-order').click();
  const lines = app.view('predict-order').locator('[data-focus="line"]');
  await expect(lines).toHaveCount(printed.length);
  const offered = await lines.allTextContents();
  expect(offered).not.toEqual(printed);
  expect(offered.toSorted()).toEqual(printed.toSorted());
  // Selection sort with Alt+Up: the focus follows the line moved.
  for (let place = 0; place < printed.length; place++) {
    const now = await lines.allTextContents();
    let from = now.indexOf(printed[place] ?? '', place);
    if (from === place) continue;
    await lines.nth(from).focus();
    for (; from > place; from--) await app.page.keyboard.press('Alt+ArrowUp');
    await expect(lines.nth(place)).toBeFocused();
  }
  expect(await lines.allTextContents()).toEqual(printed);
  // The buttons move lines too: down and back up leaves the order as it was.
  await app.control('predict-down').first().click();
  await app.control('predict-up').nth(1).click();
  expect(await lines.allTextContents()).toEqual(printed);
  await checkAndShowAll(app);
  await expect(app.page.locator('[data-status="predict-right"]')).toBeVisible();
});

test('progress is kept across a reload, per scenario, and a reset forgets it', async ({ app }) => {
  // The tests above predicted the first scenario: right, wrong, then right.
  await app.reload();
  await app.control('progress-menu').click();
  const progress = app.view('progress');
  const scenario = progress.locator(`[data-scenario="${first?.id}"]`);
  await expect(scenario).toHaveAttribute('data-predicted', 'right');
  await expect(scenario).toHaveAttribute('data-seen', 'true');
  await expect(progress.locator('[data-status="progress-total"]')).toContainText(
    '1 predicted right',
  );
  await app.control('progress-reset').click();
  await expect(scenario).toHaveAttribute('data-predicted', 'right');
  await app.control('progress-reset').click();
  await expect(progress.locator('[data-status="progress-none"]')).toBeVisible();
  await app.page.keyboard.press('Escape');
  await app.reload();
  await app.control('progress-menu').click();
  await expect(app.view('progress').locator('[data-status="progress-none"]')).toBeVisible();
  await app.page.keyboard.press('Escape');
});

test('the doctor lists what went wrong, and takes the replay to its step and line', async ({
  app,
}) => {
  const code = readFileSync(
    new URL('../shared/fixtures/doctor/blocking-call.py', import.meta.url),
    'utf8',
  );
  await app.fresh();
  await app.setCode(code);
  await app.run();
  await app.control('doctor-menu').click();
  const finding = app.view('doctor').locator('[data-finding="blocking-call"]');
  await expect(finding).toContainText('A blocking call stopped the loop for 1.2 s');
  await expect(finding).toContainText('line 13');
  const go = finding.locator('[data-control="doctor-go"]');
  const step = (await finding.getAttribute('data-step')) ?? '?';
  await go.click();
  await expect(app.page.locator('html')).toHaveAttribute('data-step', step);
  // The step shows the loop blocked in `compress`, at the line the finding names.
  await expect(app.view('narration')).toContainText('13');
  await expect(app.page.locator('[data-line-mark="flagged"]')).toHaveText('    time.sleep(1.2)');
  // In the learner's lens the same finding is said in plain words.
  await app.page.keyboard.press('Escape');
  await app.setLens('code');
  await app.control('doctor-menu').click();
  await expect(finding).toContainText('Everything stopped for 1.2 s');
  await expect(finding).not.toContainText('callback');
  await app.page.keyboard.press('Escape');
  // Russian writes the seconds with its own decimal comma.
  await app.setLanguage('ru');
  await app.control('doctor-menu').click();
  await expect(finding).toContainText('Всё остановилось на 1,2 с');
  await app.page.keyboard.press('Escape');
  await app.setLanguage('en');
  await app.setLens('loop');
});

test('a teacher predicts with the whole room in presentation mode, in Russian', async ({ app }) => {
  await printedLines(app);
  await app.setLanguage('ru');
  await app.control('presentation').click();
  await app.idle();
  await app.control('predict').click();
  await expect(app.view('predict')).toContainText('Предскажите вывод');
  const size = await app
    .control('predict-text')
    .evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
  expect(size).toBeGreaterThanOrEqual(18);
  await app.control('predict-text').fill('нет');
  await checkAndShowAll(app);
  await expect(app.page.locator('[data-status="predict-wrong"]')).toContainText('строке 1');
  await app.control('predict-close').click();
  await app.control('presentation').click();
  await app.setLanguage('en');
});

import type { Locator } from '@playwright/test';
import { course, runnableScenarios } from './course.ts';
import { dropFiles, expect, test, type LoopscopeApp } from './fixtures.ts';
import { MINIMUMS, auditLayout } from './layout-checks.ts';

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

/** A program opened as a teacher opens one: a `.py` file dropped on the window. */
async function openProgram(app: LoopscopeApp, name: string, code: string): Promise<void> {
  await dropFiles(app, [{ name, type: 'text/x-python', content: code }]);
  await app.settle();
}

test('every media button and tool is an SVG icon with a name, in both languages', async ({
  app,
}) => {
  const icons = [
    'start',
    'back-iteration',
    'back-event',
    'forward-event',
    'forward-iteration',
    'end',
    'back-output',
    'forward-output',
  ];
  for (const language of ['en', 'ru'] as const) {
    await app.setLanguage(language);
    for (const name of icons) {
      const button = app.control(name);
      await expect(button.locator(`svg[data-icon="${name}"] path`).first()).toBeVisible();
      expect((await button.getAttribute('aria-label'))?.length, name).toBeGreaterThan(3);
      expect(await button.textContent(), `${name} draws no glyph`).toBe('');
    }
    await expect(app.control('play').locator('svg[data-icon=play]')).toBeVisible();
    for (const tool of ['open-menu', 'settings-menu', 'presentation', 'legend']) {
      await expect(app.control(tool).locator('svg').first()).toBeVisible();
      await expect(app.control(tool)).toHaveAccessibleName(/\S{3}/);
    }
  }
  await app.setLanguage('en');
});

/** The longest program that presentation mode at 1280×720 may show whole in readable type. */
const MAX_WHOLE_LINES = 30;

test('in presentation at 1280×720 every bundled program is whole on screen, in type the room reads', async ({
  app,
}) => {
  await app.page.setViewportSize({ width: 1280, height: 720 });
  await app.setLanguage('ru');
  await app.control('presentation').click();
  await expect(app.page.locator('html')).toHaveAttribute('data-presentation', 'true');
  const scroller = app.view('code').locator('.cm-scroller');
  for (const lesson of course.lessons) {
    await app.chooseLesson(lesson.id);
    for (const [index, scenario] of runnableScenarios(lesson.id, 'ru').entries()) {
      if (index > 0) await app.chooseScenario(scenario.id);
      const where = `${lesson.id} #${scenario.number}`;
      // The type can shrink only so far and stay readable: a program of more than 30 lines (the
      // network lessons' servers and clients) scrolls, with its running line kept in view.
      if (scenario.code.split('\n').length > MAX_WHOLE_LINES) continue;
      const measure = () =>
        scroller.evaluate((element) => {
          const rem = parseFloat(getComputedStyle(document.documentElement).fontSize);
          const size = parseFloat(getComputedStyle(element).fontSize);
          return {
            overflowY: element.scrollHeight - element.clientHeight,
            overflowX: element.scrollWidth - element.clientWidth,
            size,
            // Never below 0.6rem, nor below a desk's smallest code (0.8 × 16 px at zoom 100 %).
            floor: Math.max(0.6 * rem, 12.8),
          };
        });
      // The type settles within a few frames: it steps down while wrapped lines overflow. Only
      // a program that does not fit in the smallest readable type scrolls.
      await expect
        .poll(
          async () => {
            const fit = await measure();
            return fit.overflowY <= 2 || fit.size <= fit.floor + 0.01;
          },
          { message: `${where}: every line shows, or the type is at its floor` },
        )
        .toBe(true);
      const fit = await measure();
      expect(fit.overflowX, `${where}: no line is cut`).toBeLessThanOrEqual(2);
      expect(fit.size, `${where}: the type is readable`).toBeGreaterThanOrEqual(fit.floor - 0.01);
    }
  }
  await app.screenshot('classroom-code-whole-ru-presentation-1280');
  await app.control('presentation').click();
  await app.page.setViewportSize({ width: 1600, height: 900 });
  await app.setLanguage('en');
});

test('a long line wraps with a mark, and the running line stays in view on a small screen', async ({
  app,
}) => {
  await app.page.setViewportSize({ width: 1024, height: 768 });
  const lines = Array.from(
    { length: 40 },
    (_, i) =>
      `    print('step ${i}: ${'a fairly long message that will not fit beside the loop '.repeat(2)}')\n    await asyncio.sleep(0)`,
  );
  await openProgram(
    app,
    'long.py',
    `import asyncio\n\n\nasync def main():\n${lines.join('\n')}\n\n\nasyncio.run(main())\n`,
  );
  const code = app.view('code');
  await expect(code.locator('[data-wrap=true]').first()).toBeVisible();
  expect(await code.locator('.cm-scroller').evaluate((e) => e.scrollWidth - e.clientWidth)).toBe(0);
  const scroller = code.locator('.cm-scroller');
  let checked = 0;
  // Ninety places spread over the whole run: at most of them control is in asyncio's own
  // code (each `sleep(0)`), where no line of the program runs.
  const length = await app.length();
  for (let place = 0; place < 90; place++) {
    const step = Math.round((place * length) / 89);
    await app.seek(step);
    const current = code.locator('[data-line-mark=current]');
    if ((await current.count()) === 0) continue;
    const [line, view] = await Promise.all([current.boundingBox(), scroller.boundingBox()]);
    if (!line || !view) throw new Error('the code is not drawn');
    expect(line.y, `step ${step}: the running line is in view`).toBeGreaterThanOrEqual(view.y - 1);
    expect(line.y + Math.min(line.height, view.height)).toBeLessThanOrEqual(
      view.y + view.height + 1,
    );
    checked++;
  }
  expect(checked).toBeGreaterThan(10);
  await app.screenshot('classroom-long-lines-1024');
  await app.page.setViewportSize({ width: 1600, height: 900 });
});

test('the dial’s ticks follow the run’s real span: milliseconds for a short run, “no timers” for none', async ({
  app,
}) => {
  const dial = app.view('timer-wheel').locator('svg');
  await openProgram(
    app,
    'short.py',
    'import asyncio\n\n\nasync def main():\n    await asyncio.sleep(0.003)\n    print("done")\n\n\nasyncio.run(main())\n',
  );
  await app.press('End');
  const ticks = await dial.locator('.tick-label').allTextContents();
  expect(ticks.length).toBeGreaterThan(3);
  expect(new Set(ticks).size, ticks.join(', ')).toBe(ticks.length);
  expect(
    ticks.every((tick) => tick.endsWith(' ms')),
    ticks.join(', '),
  ).toBe(true);

  await openProgram(
    app,
    'compute.py',
    'import asyncio\n\n\nasync def count(n):\n    return sum(range(n))\n\n\nasync def main():\n    print(await asyncio.gather(count(1000), count(2000)))\n\n\nasyncio.run(main())\n',
  );
  await app.seek(Math.round((await app.length()) / 2));
  await expect(dial.locator('.tick-label')).toHaveText(['0 s']);
  await expect(dial.locator('.idle')).toHaveText('no timers');
  await app.setLanguage('ru');
  await app.seek(Math.round((await app.length()) / 2));
  await expect(dial.locator('.idle')).toHaveText('таймеров нет');
  await app.setLanguage('en');
});

test('at zoom 146 % on 1280×720 the settings menu never covers its own button', async ({ app }) => {
  await app.page.setViewportSize({ width: 1280, height: 720 });
  const button = app.control('settings-menu');
  await button.click();
  for (let i = 0; i < 4; i++) await app.control('zoom-in').click();
  await expect(app.control('zoom-in')).toBeVisible();
  const [menu, trigger] = await Promise.all([
    app.page.locator('.menu:popover-open').boundingBox(),
    button.boundingBox(),
  ]);
  if (!menu || !trigger) throw new Error('the menu is not shown');
  const apart = menu.y >= trigger.y + trigger.height || menu.y + menu.height <= trigger.y;
  expect(apart, 'the menu lies above or below its button').toBe(true);
  await app.screenshot('classroom-settings-zoom-146');
  for (let i = 0; i < 4; i++) await app.control('zoom-out').click();
  await button.click();
  await app.page.setViewportSize({ width: 1600, height: 900 });
});

test('sixty tasks: each card keeps a readable name, whole in its tooltip, and its state in words', async ({
  app,
}) => {
  await app.page.setViewportSize({ width: 1280, height: 720 });
  await openProgram(
    app,
    'many.py',
    "import asyncio\n\n\nasync def fetch(i):\n    await asyncio.sleep(0.01 * (i % 5))\n    return i\n\n\nasync def main():\n    await asyncio.gather(*[asyncio.create_task(fetch(i), name=f'download_chapter_{i:02d}_of_the_long_book') for i in range(60)])\n\n\nasyncio.run(main())\n",
  );
  await app.forwardUntil(/awaits gather of 60 tasks/);
  const cards = app.view('tasks').locator('[data-task-id]');
  expect(await cards.count()).toBeGreaterThan(40);
  await expect(app.view('tasks').locator('[data-field=task-summary]')).toContainText('suspended');
  for (const card of (await cards.all()).slice(0, 12)) {
    // The name the code gives the task (`tasks[0]`) comes first, asyncio's name beside it.
    const name = (await card.getAttribute('data-task-name')) ?? '';
    const binding = await card.getAttribute('data-binding');
    const whole = `${binding ? `${binding} (${name})` : name}, `;
    for (const attribute of ['title', 'aria-label']) {
      const said = (await card.getAttribute(attribute)) ?? '';
      expect(said.startsWith(whole), `${attribute} "${said}" starts with ${whole}`).toBe(true);
    }
    const shown = await card.locator('.name').evaluate((element) => ({
      width: element.clientWidth,
      em: parseFloat(getComputedStyle(element).fontSize),
    }));
    expect(shown.width, `${name} shows more than a letter`).toBeGreaterThanOrEqual(shown.em * 5);
    await expect(card.locator('.status')).toHaveText(/\w{4,}/);
  }
  // A lane's long name ends in an ellipsis in its column, and its tooltip says it whole.
  const lane = app.view('lanes').locator('g.lane').nth(1);
  const laneName = (await lane.locator('title').textContent()) ?? '';
  expect(laneName).toMatch(/^download_chapter_\d\d_of_the_long_book$/);
  await expect(lane.locator('text.name')).toHaveText(/^download_.+…$/);
  await app.page.evaluate(`window.auditLayout = ${auditLayout.toString()}`);
  const problems = await app.page.evaluate(
    (options) => {
      const audit: unknown = Reflect.get(window, 'auditLayout');
      if (typeof audit !== 'function') throw new Error('the audit is missing');
      return audit(options) as string[];
    },
    { minimums: MINIMUMS, tolerance: 2, fitsScreen: true },
  );
  expect(problems.filter((problem) => problem.includes('lane'))).toEqual([]);
  await app.screenshot('classroom-sixty-tasks-1280');
  await app.page.setViewportSize({ width: 1600, height: 900 });
});

test('output that differs from the lesson is one line until asked; the traceback stays in view', async ({
  app,
}) => {
  await app.chooseLesson('create-task');
  await app.setCode(
    "import asyncio\n\n\nasync def main():\n    print('something else')\n    raise ValueError('the student broke it')\n\n\nasyncio.run(main())\n",
  );
  await app.run();
  await app.press('End');
  const check = app.view('console').locator('[data-status=expected]');
  await expect(check).toHaveAttribute('data-match', 'false');
  await expect(app.view('console').locator('.diff')).toHaveCount(0);
  // One line, in the console’s header: the output keeps its own room.
  const sizes = await app.view('console').evaluate((view) => {
    const box = (selector: string) => view.querySelector(selector)?.getBoundingClientRect();
    return {
      check: box('[data-status=expected]')?.height ?? 0,
      output: box('pre.console')?.height ?? 0,
      em: parseFloat(getComputedStyle(view).fontSize),
    };
  });
  expect(sizes.check).toBeLessThan(sizes.em * 3.5);
  expect(sizes.output).toBeGreaterThan(sizes.check * 2);
  const traceback = app.view('console').locator('.chunk.traceback').last();
  await expect(traceback).toContainText('ValueError: the student broke it');
  await expect(traceback).toBeInViewport();
  await app.control('output-diff').click();
  await expect(app.view('console').locator('.diff')).toContainText('+something else');
  await expect(app.control('output-diff')).toHaveAttribute('aria-expanded', 'true');
  await app.screenshot('classroom-output-differs-open');
  await app.control('output-diff').click();
  await expect(app.view('console').locator('.diff')).toHaveCount(0);
});

test('the legend explains the scrubber’s marks and the code’s margin, in both languages', async ({
  app,
}) => {
  for (const [language, words] of [
    ['en', ['the program prints', 'a task ends', 'a long line goes on below']],
    ['ru', ['программа печатает', 'задача завершается', 'длинная строка продолжается ниже']],
  ] as const) {
    await app.setLanguage(language);
    await app.control('legend').click();
    const legend = app.view('legend');
    await expect(legend).toBeVisible();
    for (const word of words) await expect(legend).toContainText(word);
    await expect(legend.locator('svg[data-icon=wrap]')).toBeVisible();
    await app.control('legend').click();
    await expect(legend).toBeHidden();
  }
  await app.setLanguage('en');
});

test('characters that hide or reorder code are shown in the editor and named by line', async ({
  app,
}) => {
  await openProgram(
    app,
    'trojan.py',
    'access_level = "user"\nif access_level != "none\u202e \u2066# Check if admin\u2069 \u2066":\n    print("You are an admin.")\nname\u200b = 1\n',
  );
  const code = app.view('code');
  await expect(code.locator('[data-hidden-char="U+202E"]')).toBeVisible();
  await expect(code.locator('[data-hidden-char="U+2066"]')).toHaveCount(2);
  await expect(code.locator('[data-hidden-char="U+200B"]')).toBeVisible();
  if ((await app.view('lesson').count()) === 0) await app.control('lesson-text').click();
  const warning = app.view('lesson').locator('[data-status=hidden-chars]');
  await expect(warning).toContainText('on lines 2, 4');
  await app.setLanguage('ru');
  await expect(warning).toContainText('в строках 2, 4');
  await app.screenshot('classroom-hidden-chars-ru');
  await app.setLanguage('en');
});

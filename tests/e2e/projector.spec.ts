/**
 * What a classroom projector needs of presentation mode, measured on the page as drawn: the
 * code no smaller than at a desk and readable when dimmed, its line numbers beside their
 * lines, a narration that is whole and keeps its box's height at every step, a console whose
 * latest line is whole, and labels read whole rather than cut by an ellipsis.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { course, runnableScenarios } from './course.ts';
import { expect, restoreDesk, setPresentation, test, type LoopscopeApp } from './fixtures.ts';

const SIZES = [
  { width: 1024, height: 768 },
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
] as const;

/** A program whose task fails with a traceback longer than a console holds. */
const TRACEBACK = readFileSync(
  new URL('../renderer/fixtures/wording/traceback.py', import.meta.url),
  'utf8',
);

/** A program the run's budget stops: the narration's longest sentence. */
const BUDGET = `import asyncio


async def spin():
    while True:
        pass


async def main():
    await spin()


asyncio.run(main())
`;

test.describe.configure({ timeout: 300_000 });

test.afterAll(({ sharedApp: app }) => restoreDesk(app));

/** Waits until what the last change set off (observers, effects) is drawn. */
async function drawn(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) =>
        requestAnimationFrame(() =>
          requestAnimationFrame(() => requestAnimationFrame(() => resolve())),
        ),
      ),
  );
}

/** The code's type size once it has settled (it steps down while wrapped lines overflow). */
async function settledCodeType(app: LoopscopeApp): Promise<number> {
  const read = () =>
    app.page.evaluate(() =>
      parseFloat(getComputedStyle(document.querySelector('.cm-content') as Element).fontSize),
    );
  let last = -1;
  await expect
    .poll(async () => {
      await drawn(app.page);
      const now = await read();
      const settled = now === last;
      last = now;
      return settled;
    })
    .toBe(true);
  return last;
}

/** Moves the playhead as the scrubber does and waits until the step is drawn. */
async function seekDrawn(app: LoopscopeApp, step: number): Promise<void> {
  await app.control('scrubber').evaluate((input: HTMLInputElement, value) => {
    input.value = String(value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, step);
  await expect(app.page.locator('html')).toHaveAttribute('data-step', String(step));
  await drawn(app.page);
}

test('in presentation the code is never smaller than at a desk, at every classroom size', async ({
  app,
}) => {
  await app.setLanguage('en');
  const smaller: string[] = [];
  for (const lesson of course.lessons) {
    await setPresentation(app, false);
    await app.chooseLesson(lesson.id);
    for (const size of SIZES) {
      await app.page.setViewportSize(size);
      await setPresentation(app, false);
      const desk = await settledCodeType(app);
      await setPresentation(app, true);
      const projector = await settledCodeType(app);
      if (projector < desk) {
        smaller.push(`${lesson.id} ${size.width}×${size.height}: ${projector} px < ${desk} px`);
      }
    }
  }
  await app.screenshot('projector-code-type');
  expect(smaller).toEqual([]);
});

test('code dimmed while asyncio runs its own code still reads at 4.5:1, in every theme', async ({
  app,
}) => {
  await app.page.setViewportSize({ width: 1280, height: 720 });
  await app.setLanguage('en');
  await setPresentation(app, true);
  await app.chooseLesson('exceptions-in-tasks');
  await app.press('Home');
  const editor = app.view('code').locator('.editor');
  for (let i = 0; i < 60 && !(await editor.evaluate((e) => e.matches('.elsewhere'))); i++) {
    await app.press('ArrowRight');
  }
  await expect(editor).toHaveClass(/elsewhere/);
  for (const theme of ['light', 'dark', 'contrast'] as const) {
    await app.setTheme(theme);
    await drawn(app.page);
    const lowest = await editor.evaluate((root) => {
      const rgb = (color: string) => (color.match(/[\d.]+/g) ?? []).map(Number);
      const luminance = ([r = 0, g = 0, b = 0]: number[]) => {
        const f = (v: number) => {
          const c = v / 255;
          return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
        };
        return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
      };
      const background = (element: Element | null): number[] => {
        for (let e = element; e; e = e.parentElement) {
          const color = rgb(getComputedStyle(e).backgroundColor);
          if (color.length >= 3 && (color[3] ?? 1) > 0.5) return color;
        }
        return [255, 255, 255];
      };
      const opacity = (element: Element | null) => {
        let product = 1;
        for (let e = element; e; e = e.parentElement) {
          product *= Number(getComputedStyle(e).opacity);
        }
        return product;
      };
      let worst = { ratio: Infinity, text: '' };
      for (const line of root.querySelectorAll('.cm-content .cm-line')) {
        const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
        while (walker.nextNode()) {
          const text = walker.currentNode;
          const element = text.parentElement;
          if (!element || !text.textContent?.trim() || element.closest('.cm-widgetBuffer')) {
            continue;
          }
          if (element.closest('[class*="mark"], [class*="label"]')) continue;
          const back = background(element);
          const fore = rgb(getComputedStyle(element).color);
          const alpha = opacity(element) * (fore[3] ?? 1);
          const drawnColor = [0, 1, 2].map(
            (i) => (fore[i] ?? 0) * alpha + (back[i] ?? 0) * (1 - alpha),
          );
          const [a, b] = [luminance(drawnColor), luminance(back)];
          const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
          if (ratio < worst.ratio) worst = { ratio, text: text.textContent.trim() };
        }
      }
      return worst;
    });
    expect(lowest.ratio, `${theme}: "${lowest.text}"`).toBeGreaterThanOrEqual(4.5);
  }
  await app.setTheme('system');
});

test('the line numbers stand beside their lines when presentation is entered after stepping', async ({
  app,
}) => {
  await app.page.setViewportSize({ width: 1280, height: 720 });
  await setPresentation(app, false);
  await app.chooseLesson('create-task');
  await app.press('Home');
  await app.press('ArrowRight');
  await app.press('ArrowRight');
  await drawn(app.page);
  await setPresentation(app, true);
  const misaligned = () =>
    app.view('code').evaluate((view) => {
      const lines = [...view.querySelectorAll('.cm-content .cm-line')];
      const off: string[] = [];
      for (const number of view.querySelectorAll('.cm-lineNumbers .cm-gutterElement')) {
        const n = Number(number.textContent?.trim());
        if (!n || getComputedStyle(number).visibility === 'hidden') continue;
        const line = lines[n - 1];
        if (!line) continue;
        const [a, b] = [number.getBoundingClientRect(), line.getBoundingClientRect()];
        if (Math.abs(a.top - b.top) > 1 || Math.abs(a.height - b.height) > 1) off.push(`${n}`);
      }
      return off;
    });
  await expect.poll(misaligned).toEqual([]);
  await app.screenshot('projector-gutter');
  await setPresentation(app, false);
});

/** The narration's box, whether its text is whole, and where the loop's views stand. */
async function storyLayout(page: Page) {
  return page.evaluate(() => {
    const box = document.querySelector('[data-view=narration]') as HTMLElement;
    const text = box.querySelector('p') as HTMLElement;
    const top = (view: string) =>
      Math.round(document.querySelector(`[data-view=${view}]`)?.getBoundingClientRect().top ?? 0);
    return {
      height: Math.round(box.getBoundingClientRect().height),
      whole: text.scrollHeight <= text.clientHeight + 1,
      views: `${top('header')} ${top('ready-queue')} ${top('timer-wheel')} ${top('tasks')}`,
      sentence: (text.textContent ?? '').trim().slice(0, 60),
    };
  });
}

test('the narration is always whole, and its box keeps its height at every step', async ({
  app,
}) => {
  test.setTimeout(600_000);
  for (const language of ['ru', 'en'] as const) {
    await app.setLanguage(language);
    for (const [size, presentation] of [
      [{ width: 1280, height: 720 }, true],
      [{ width: 1024, height: 768 }, true],
      [{ width: 1024, height: 768 }, false],
    ] as const) {
      // English sentences are shorter: one projector and one desk are enough for them.
      if (language === 'en' && size.width === 1024 && presentation) continue;
      await app.page.setViewportSize(size);
      await setPresentation(app, presentation);
      const layout = `${language} ${size.width}×${size.height} ${presentation ? 'presentation' : 'desk'}`;
      for (const lesson of ['exceptions-in-tasks', 'waiting-for-many']) {
        await app.chooseLesson(lesson);
        await seekDrawn(app, 0);
        const first = await storyLayout(app.page);
        const problems: string[] = [];
        for (let step = 1; step <= (await app.length()); step++) {
          await seekDrawn(app, step);
          const now = await storyLayout(app.page);
          if (!now.whole) problems.push(`step ${step}: cut "${now.sentence}"`);
          if (now.height !== first.height || now.views !== first.views) {
            problems.push(`step ${step}: moved (${now.height} ${now.views})`);
          }
        }
        expect(problems, `${layout} ${lesson}`).toEqual([]);
      }
    }
  }
  await app.setLanguage('en');
  await setPresentation(app, false);
});

test('the longest sentences, a budget stop and a failed task, are whole in presentation', async ({
  app,
}) => {
  await app.page.setViewportSize({ width: 1280, height: 720 });
  await setPresentation(app, false);
  await app.setLanguage('ru');
  await app.chooseLesson('create-task');
  for (const program of [BUDGET, TRACEBACK]) {
    await setPresentation(app, false);
    await app.setCode(program);
    await app.run();
    await setPresentation(app, true);
    await app.press('End');
    await drawn(app.page);
    expect((await storyLayout(app.page)).whole).toBe(true);
  }
  await app.screenshot('projector-narration-ru-1280');
  await app.setLanguage('en');
  await setPresentation(app, false);
});

test('the console shows its latest line whole, and the verdict takes one line, in presentation', async ({
  app,
}) => {
  await app.setLanguage('en');
  await setPresentation(app, false);
  await app.chooseLesson('create-task');
  await app.setCode(TRACEBACK);
  await app.run();
  await setPresentation(app, true);
  for (const size of SIZES) {
    await app.page.setViewportSize(size);
    await app.press('End');
    await expect(app.view('console').locator('[data-status=expected]')).toHaveAttribute(
      'data-match',
      'false',
    );
    const where = `${size.width}×${size.height}`;
    const measure = () =>
      app.view('console').evaluate((view) => {
        const output = view.querySelector('pre.console') as HTMLElement;
        const chunks = output.querySelectorAll('.chunk');
        const last = chunks[chunks.length - 1];
        const range = document.createRange();
        range.selectNodeContents(last ?? output);
        const rows = [...range.getClientRects()].filter((row) => row.height > 0);
        const lastRow = rows[rows.length - 1];
        const box = output.getBoundingClientRect();
        // The header's items (the tabs, the verdict, the predict button) stand in one row.
        const items = [...(view.querySelector('header') as HTMLElement).children].map((item) =>
          item.getBoundingClientRect(),
        );
        const lowestTop = Math.max(...items.map((item) => item.top));
        const highestBottom = Math.min(...items.map((item) => item.bottom));
        return {
          latestWhole:
            lastRow !== undefined &&
            lastRow.bottom <= box.top + output.clientTop + output.clientHeight + 1 &&
            lastRow.top >= box.top - 1,
          oneRow: lowestTop < highestBottom,
        };
      });
    await expect.poll(async () => (await measure()).latestWhole, where).toBe(true);
    expect((await measure()).oneRow, `${where}: the header is one line`).toBe(true);
    await app.screenshot(`projector-console-${size.width}`);
  }
  await setPresentation(app, false);
  await app.page.setViewportSize({ width: 1600, height: 900 });
});

test('labels are read whole, not cut by an ellipsis, on a projector in Russian', async ({
  app,
}) => {
  await app.setLanguage('ru');
  const cut = new Set<string>();
  for (const [size, presentation] of [
    [{ width: 1024, height: 768 }, false],
    [{ width: 1024, height: 768 }, true],
    [{ width: 1280, height: 720 }, true],
  ] as const) {
    await app.page.setViewportSize(size);
    await setPresentation(app, presentation);
    for (const lesson of ['echo-server', 'waiting-for-many', 'exceptions-in-tasks']) {
      await app.chooseLesson(lesson);
      const length = await app.length();
      for (let step = 0; step <= length; step += Math.max(1, Math.floor(length / 40))) {
        await seekDrawn(app, step);
        const found = await app.page.evaluate(() =>
          [
            ...document.querySelectorAll<HTMLElement>(
              '.queue-box .end, [data-field=phase], [data-view=tasks] header .count, [data-view=state-machine] figcaption',
            ),
          ]
            .filter((label) => label.getBoundingClientRect().width > 0)
            .filter((label) => label.scrollWidth > label.clientWidth)
            .map((label) => (label.textContent ?? '').trim()),
        );
        for (const label of found) {
          cut.add(
            `${size.width}×${size.height} ${presentation ? 'presentation' : 'desk'} ${lesson}: ${label}`,
          );
        }
      }
    }
  }
  await app.screenshot('projector-labels-ru');
  expect([...cut]).toEqual([]);
  await setPresentation(app, false);
  await app.setLanguage('en');
});

/** Twenty-four timers of one callback, a tenth of a second apart: more than a dial's rim holds. */
const TIMERS = `import asyncio


def tick(i):
    print("tick", i)


async def main():
    loop = asyncio.get_running_loop()
    for i in range(24):
        loop.call_later(0.1 * (i + 1), tick, i)
    await asyncio.sleep(3)


asyncio.run(main())
`;

/** Thirty tasks with long Russian names; asyncio.run adds its own two at the end. */
const MANY_TASKS = `import asyncio


async def worker(n):
    await asyncio.sleep(n * 0.1)
    return n


async def main():
    tasks = [asyncio.create_task(worker(i), name=f"работник_номер_{i}") for i in range(30)]
    print(sum(await asyncio.gather(*tasks)))


asyncio.run(main())
`;

/**
 * Runs `program` at a wide desk (where the code is typed, beside the lesson's text rather than
 * under it), then shows it as `presentation` says.
 */
/** The app in `language`, at a desk, on `lesson`. */
async function openAtDesk(app: LoopscopeApp, language: 'ru' | 'en', lesson: string): Promise<void> {
  await app.setLanguage(language);
  await setPresentation(app, false);
  await app.chooseLesson(lesson);
}

/** No problem found; the app back in English at a desk, for the next test. */
async function expectNoProblems(app: LoopscopeApp, problems: string[]): Promise<void> {
  expect(problems).toEqual([]);
  await app.setLanguage('en');
  await setPresentation(app, false);
}

async function runAt(app: LoopscopeApp, program: string, presentation: boolean): Promise<void> {
  await app.page.setViewportSize({ width: 1600, height: 900 });
  await setPresentation(app, false);
  await app.chooseLesson('create-task');
  await app.setCode(program);
  await app.run();
  await setPresentation(app, presentation);
}

test('a run stopped by its budget keeps the status line to one row in presentation', async ({
  app,
}) => {
  await app.setLanguage('ru');
  await runAt(app, BUDGET, true);
  for (const size of SIZES) {
    await app.page.setViewportSize(size);
    for (const step of [0, await app.length()]) {
      await seekDrawn(app, step);
      const line = await app.view('status').evaluate((status) => {
        const rem = parseFloat(getComputedStyle(document.documentElement).fontSize);
        const outcome = status.querySelector('[data-status=outcome]');
        return {
          rows: status.getBoundingClientRect().height / (2 * rem),
          text: (outcome?.textContent ?? '').trim(),
          title: outcome?.getAttribute('title') ?? '',
        };
      });
      const where = `${size.width}×${size.height} step ${step}`;
      expect(line.rows, `${where}: the status line is one row`).toBeLessThanOrEqual(1.05);
      expect(line.title, `${where}: the tooltip says the outcome whole`).toBe(line.text);
    }
  }
  await app.screenshot('projector-budget-status-ru-1920');
  await app.setLanguage('en');
  await setPresentation(app, false);
});

test('the tasks’ count is one line of readable type beside its title, in Russian on a projector', async ({
  app,
}) => {
  await app.setLanguage('ru');
  await runAt(app, MANY_TASKS, true);
  const problems: string[] = [];
  for (const size of SIZES) {
    await app.page.setViewportSize(size);
    // At the end asyncio.run's own tasks are in the tooltip, not in the count.
    for (const step of [Math.round((await app.length()) / 2), await app.length()]) {
      await seekDrawn(app, step);
      const count = await app.view('tasks').evaluate((view) => {
        const label = view.querySelector('header .count') as HTMLElement;
        const range = document.createRange();
        range.selectNodeContents(label);
        const rows = new Set([...range.getClientRects()].map((row) => Math.round(row.top)));
        return {
          rows: rows.size,
          px: parseFloat(getComputedStyle(label).fontSize),
          text: (label.textContent ?? '').trim(),
          cut: label.scrollWidth > label.clientWidth,
        };
      });
      const where = `${size.width}×${size.height} step ${step} "${count.text}"`;
      if (count.rows !== 1) problems.push(`${where}: ${count.rows} lines`);
      // 0.85 rem at the floor of presentation's type (18 px), fitted down by a tenth at most.
      if (count.px < 13.5) problems.push(`${where}: ${count.px} px`);
      if (count.cut) problems.push(`${where}: cut`);
    }
  }
  await app.screenshot('projector-task-count-ru-1024');
  await expectNoProblems(app, problems);
});

test('24 timers of call_later: named with their arguments, their markers never over each other', async ({
  app,
}) => {
  await app.setLanguage('en');
  await runAt(app, TIMERS, false);
  const problems: string[] = [];
  let named = false;
  for (const [size, presentation] of [
    [{ width: 1600, height: 900 }, false],
    [{ width: 1024, height: 768 }, false],
    [{ width: 1920, height: 1080 }, true],
    [{ width: 1280, height: 720 }, true],
  ] as const) {
    await app.page.setViewportSize(size);
    await setPresentation(app, presentation);
    const length = await app.length();
    for (let step = 0; step <= length; step += Math.max(1, Math.floor(length / 24))) {
      await seekDrawn(app, step);
      const seen = await app.view('timer-wheel').evaluate((view) => {
        const discs = [...view.querySelectorAll('svg g.timer circle')].map((circle) => {
          const box = circle.getBoundingClientRect();
          return { x: box.left + box.width / 2, y: box.top + box.height / 2, r: box.width / 2 };
        });
        const over: string[] = [];
        for (const [i, a] of discs.entries()) {
          for (const [j, b] of discs.entries()) {
            if (j > i && Math.hypot(a.x - b.x, a.y - b.y) < a.r + b.r - 1) over.push(`${i}/${j}`);
          }
        }
        const names = [...view.querySelectorAll('.heap li .who')].map((who) => who.textContent);
        return { over, names };
      });
      if (seen.over.length > 0) {
        problems.push(
          `${size.width}×${size.height} ${presentation ? 'presentation' : 'desk'} step ${step}: discs ${seen.over.slice(0, 4).join(' ')} overlap`,
        );
      }
      // The sleep of main() is main's; each of the callbacks is a call.
      for (const name of seen.names.filter((name) => name?.startsWith('tick'))) {
        if (!/^tick\(\d+\)$/.test(name ?? '')) problems.push(`a timer named "${name}"`);
        else named = true;
      }
    }
  }
  await app.screenshot('projector-timers-24');
  expect(problems).toEqual([]);
  expect(named, 'the heap list named the timers').toBe(true);
  await setPresentation(app, false);
});

test('in presentation the timers read from the back: a large dial, and the heap’s names whole', async ({
  app,
}) => {
  await runAt(app, TIMERS, true);
  const problems: string[] = [];
  for (const language of ['ru', 'en'] as const) {
    await app.setLanguage(language);
    for (const size of SIZES) {
      await app.page.setViewportSize(size);
      await seekDrawn(app, Math.round((await app.length()) / 4));
      const seen = await app.view('timer-wheel').evaluate((view) => {
        const face = view.querySelector('circle.face')?.getBoundingClientRect().width ?? 0;
        const list = view.querySelector('.heap .list')?.getBoundingClientRect();
        const names = [...view.querySelectorAll<HTMLElement>('.heap li .who')].map((who) => {
          const box = who.getBoundingClientRect();
          return {
            text: who.textContent ?? '',
            whole: who.scrollWidth <= who.clientWidth + 1 && box.right <= (list?.right ?? 0) + 1,
          };
        });
        return { face, names };
      });
      const where = `${language} ${size.width}×${size.height}`;
      // In front of a class the dial is a fifth of the screen's height (162 px at 1024×768).
      if (seen.face < size.height * 0.2) problems.push(`${where}: the dial is ${seen.face} px`);
      if (seen.names.length === 0) problems.push(`${where}: no timers listed`);
      for (const name of seen.names) {
        if (!/^tick\(\d+\)$/.test(name.text)) problems.push(`${where}: a timer "${name.text}"`);
        if (!name.whole) problems.push(`${where}: ${name.text} is cut`);
      }
    }
    await app.screenshot(`projector-timers-${language}-1920`);
  }
  await expectNoProblems(app, problems);
});

test('a why-arrow’s label covers no text, nor another label, on a projector in both languages', async ({
  app,
}) => {
  const lesson = 'timers-and-the-ready-queue';
  const problems: string[] = [];
  let labels = 0;
  for (const language of ['ru', 'en'] as const) {
    await openAtDesk(app, language, lesson);
    await app.chooseScenario(runnableScenarios(lesson, language)[1]?.id ?? '');
    await setPresentation(app, true);
    for (const size of SIZES) {
      await app.page.setViewportSize(size);
      const length = await app.length();
      for (let step = 1; step <= length; step += Math.max(1, Math.floor(length / 12))) {
        await seekArrows(app, step);
        const boxes = await textBoxes(app.page);
        const found = await app.page.evaluate((boxes) => {
          const meets = (a: DOMRect, b: DOMRect) =>
            a.left < b.right - 1 &&
            b.left < a.right - 1 &&
            a.top < b.bottom - 1 &&
            b.top < a.bottom - 1;
          const texts = boxes.map(({ text, x, y, width, height }) => ({
            text,
            box: new DOMRect(x, y, width, height),
          }));
          const labels = [...document.querySelectorAll('svg[data-view=arrows] text.label')]
            .filter((label) => (label.textContent ?? '') !== '')
            .map((label) => ({
              text: label.textContent ?? '',
              box: label.getBoundingClientRect(),
            }));
          const over: string[] = [];
          for (const [i, label] of labels.entries()) {
            for (const other of [...texts, ...labels.slice(i + 1)]) {
              if (meets(label.box, other.box)) over.push(`"${label.text}" over "${other.text}"`);
            }
          }
          return { count: labels.length, over };
        }, boxes);
        labels += found.count;
        for (const over of found.over) {
          problems.push(`${language} ${size.width}×${size.height} step ${step}: ${over}`);
        }
      }
    }
  }
  await app.screenshot('projector-why-labels');
  expect(labels, 'some labels were drawn').toBeGreaterThan(0);
  await expectNoProblems(app, problems);
});

/** Goes to `step` and waits until the why-arrows of that step are drawn. */
async function seekArrows(app: LoopscopeApp, step: number) {
  await seekDrawn(app, step);
  await expect(app.page.locator('svg[data-view=arrows]')).toHaveAttribute(
    'data-step',
    String(step),
  );
  await drawn(app.page);
}

/** Every text the main view shows, a box for each of its lines on screen. */
async function textBoxes(page: Page) {
  return page.evaluate(() => {
    const boxes: { text: string; x: number; y: number; width: number; height: number }[] = [];
    const walker = document.createTreeWalker(
      document.querySelector('main') ?? document.body,
      NodeFilter.SHOW_TEXT,
    );
    const range = document.createRange();
    while (walker.nextNode()) {
      const text = walker.currentNode.textContent?.trim() ?? '';
      if (!text) continue;
      range.selectNodeContents(walker.currentNode);
      for (const { x, y, width, height } of range.getClientRects()) {
        if (width > 0 && height > 0) boxes.push({ text, x, y, width, height });
      }
    }
    return boxes;
  });
}

/** The chosen title of a select, and whether it is whole: as wide as it takes unconstrained. */
async function selectTitle(app: LoopscopeApp, control: string) {
  return app.control(control).evaluate((select: HTMLSelectElement) => {
    const shown = select.getBoundingClientRect().width;
    const saved = select.getAttribute('style');
    select.style.cssText = 'field-sizing: content; width: auto; max-width: none; flex: none';
    const needed = select.getBoundingClientRect().width;
    if (saved === null) select.removeAttribute('style');
    else select.setAttribute('style', saved);
    const text = select.selectedOptions[0]?.textContent ?? '';
    return { text, whole: shown >= needed - 1, tooltip: select.title.includes(text) };
  });
}

test('a long scenario title is whole where the bar has room, and in its tooltip where not', async ({
  app,
}) => {
  const problems: string[] = [];
  for (const language of ['ru', 'en'] as const) {
    await openAtDesk(app, language, 'create-task');
    // The course's longest title: "3. Tasks left running when main() returns are cancelled (example 2)".
    await app.chooseScenario('scenario-5');
    for (const [size, presentation] of [
      [{ width: 1920, height: 1080 }, false],
      [{ width: 1920, height: 1080 }, true],
      [{ width: 1280, height: 720 }, true],
      [{ width: 1024, height: 768 }, true],
    ] as const) {
      await app.page.setViewportSize(size);
      await setPresentation(app, presentation);
      await drawn(app.page);
      const title = await selectTitle(app, 'scenario');
      const where = `${language} ${size.width}×${size.height} ${presentation ? 'presentation' : 'desk'}`;
      if (size.width > 1024 && !title.whole) problems.push(`${where}: "${title.text}" is cut`);
      if (!title.whole && !title.tooltip) problems.push(`${where}: no tooltip for "${title.text}"`);
    }
  }
  await app.screenshot('projector-scenario-title');
  await expectNoProblems(app, problems);
});

/** The lessons whose programs run several tasks at once: a list of create_task, a gather. */
const TASK_LESSONS = ['create-task', 'waiting-for-many'] as const;

/**
 * Steps through the run as the presenter's clicker does (every step of the lens on show),
 * and at each, once the step is drawn and the tasks' list has settled (it may give its cards
 * a shorter form a frame later, for the rest of the run), measures the list: whether it
 * scrolls, the cards not wholly inside it, the cards wider than it or whose state sticks out
 * of them. One round trip to the page for the whole run.
 */
async function walkTasks(page: Page) {
  return page.evaluate(async () => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    const button = (name: string) => {
      const found = document.querySelector(`[data-control=${name}]`);
      if (!(found instanceof HTMLButtonElement)) throw new Error(`no ${name} button`);
      return found;
    };
    const measure = () => {
      const list = document.querySelector<HTMLElement>('[data-view=tasks] .cards');
      const cards = [...document.querySelectorAll<HTMLElement>('[data-view=tasks] [data-task-id]')];
      if (!list) return { cards: 0, scrolls: false, hidden: [] as string[], wide: [] as string[] };
      const box = list.getBoundingClientRect();
      const name = (card: HTMLElement) => card.dataset.binding ?? card.dataset.taskName ?? '?';
      return {
        cards: cards.length,
        scrolls: list.scrollHeight > list.clientHeight + 1,
        hidden: cards
          .filter((card) => {
            const own = card.getBoundingClientRect();
            return own.top < box.top - 1 || own.bottom > box.bottom + 1;
          })
          .map(name),
        wide: cards
          .filter((card) => {
            const own = card.getBoundingClientRect();
            const state = card.querySelector('.status')?.getBoundingClientRect();
            return (
              own.right > box.right + 1 ||
              list.scrollWidth > list.clientWidth + 1 ||
              (state !== undefined && state.right > own.right + 1)
            );
          })
          .map(name),
      };
    };
    const seen: (ReturnType<typeof measure> & { step: string })[] = [];
    button('start').click();
    for (let i = 0; i < 500; i++) {
      const step = document.documentElement.dataset.step ?? '';
      let now = measure();
      for (let j = 0; j < 12; j++) {
        await frame();
        now = measure();
        if (j >= 2 && !now.scrolls && now.hidden.length === 0) break;
      }
      seen.push({ ...now, step });
      const forward = button('forward-event');
      if (forward.getAttribute('aria-disabled') === 'true') break;
      forward.click();
      for (let j = 0; j < 120 && document.documentElement.dataset.step === step; j++) {
        await frame();
      }
    }
    return seen;
  });
}

test('in presentation every task card is in view, never behind a scrollbar, at every classroom size', async ({
  app,
}) => {
  test.setTimeout(1_200_000);
  const problems: string[] = [];
  let most = 0;
  for (const language of ['ru', 'en'] as const) {
    for (const lesson of TASK_LESSONS) {
      for (const scenario of runnableScenarios(lesson, language)) {
        await openAtDesk(app, language, lesson);
        await app.chooseScenario(scenario.id);
        await setPresentation(app, true);
        for (const size of SIZES) {
          await app.page.setViewportSize(size);
          const where = `${language} ${lesson} ${scenario.id} ${size.width}×${size.height}`;
          for (const seen of await walkTasks(app.page)) {
            most = Math.max(most, seen.cards);
            if (seen.scrolls || seen.hidden.length > 0) {
              problems.push(
                `${where} step ${seen.step}: ${seen.cards} cards, ${seen.hidden.join(', ') || 'none'} out of view`,
              );
            }
            if (seen.wide.length > 0) {
              problems.push(`${where} step ${seen.step}: ${seen.wide} cut at the side`);
            }
          }
          // The room the tasks got is not the dial's: its face is still a fifth of the screen
          // (where no time passes in the run, the dial only says so, in a small face).
          const dial = await app.view('timer-wheel').evaluate((view) => ({
            idle: view.querySelector('svg[data-idle=true]') !== null,
            face: view.querySelector('circle.face')?.getBoundingClientRect().width ?? 0,
          }));
          if (!dial.idle && dial.face < size.height * 0.2 - 0.5) {
            problems.push(`${where}: the dial is ${dial.face} px`);
          }
        }
      }
    }
  }
  await app.screenshot('projector-task-cards');
  // The end of each run has asyncio.run's two tasks beside the program's four.
  expect(most, 'the most cards at once').toBeGreaterThanOrEqual(6);
  await expectNoProblems(app, problems.slice(0, 40));
});

test('the state diagram’s next states are read whole, without an ellipsis, and keep their place', async ({
  app,
}) => {
  test.setTimeout(600_000);
  const problems: string[] = [];
  let fullest = 0;
  for (const language of ['ru', 'en'] as const) {
    for (const lesson of TASK_LESSONS) {
      await openAtDesk(app, language, lesson);
      await setPresentation(app, true);
      for (const size of SIZES) {
        await app.page.setViewportSize(size);
        const where = `${language} ${lesson} ${size.width}×${size.height}`;
        const heights = new Set<number>();
        const length = await app.length();
        for (let step = 0; step <= length; step++) {
          await seekDrawn(app, step);
          const next = await app.view('state-machine').evaluate((figure) => {
            const strip = figure.querySelector<HTMLElement>('.strip:not(.ghost)');
            const next = strip?.querySelector<HTMLElement>('.next');
            const room = figure.closest('[data-view=tasks]')?.getBoundingClientRect();
            const names = [...(next?.querySelectorAll<HTMLElement>('.name') ?? [])];
            const outside = names.filter((name) => {
              const box = name.getBoundingClientRect();
              return (
                room === undefined ||
                box.left < room.left - 1 ||
                box.right > room.right + 1 ||
                box.bottom > room.bottom + 1
              );
            });
            return {
              text: (next?.textContent ?? '').replace(/\s+/g, ' ').trim(),
              count: names.length,
              cut:
                next !== null &&
                next !== undefined &&
                (next.scrollWidth > next.clientWidth + 1 ||
                  next.scrollHeight > next.clientHeight + 1),
              outside: outside.map((name) => (name.textContent ?? '').trim()),
              height: Math.round(figure.getBoundingClientRect().height),
            };
          });
          fullest = Math.max(fullest, next.count);
          heights.add(next.height);
          if (next.cut) problems.push(`${where} step ${step}: "${next.text}" is cut`);
          if (next.outside.length > 0) {
            problems.push(`${where} step ${step}: ${next.outside.join(', ')} outside the tasks`);
          }
        }
        if (heights.size > 1)
          problems.push(`${where}: the diagram's height changes: ${[...heights]}`);
      }
    }
  }
  await app.screenshot('projector-next-states');
  // A running task can go to five states: the longest the strip says was seen.
  expect(fullest).toBe(5);
  await expectNoProblems(app, problems.slice(0, 40));
});

test('the dial writes a scale of three ticks or more in legible type, at every classroom size', async ({
  app,
}) => {
  const problems: string[] = [];
  for (const language of ['ru', 'en'] as const) {
    for (const lesson of ['waiting-for-many', 'create-task', 'timers-and-the-ready-queue']) {
      await openAtDesk(app, language, lesson);
      await setPresentation(app, true);
      await seekDrawn(app, Math.round((await app.length()) / 2));
      for (const size of SIZES) {
        await app.page.setViewportSize(size);
        await drawn(app.page);
        const dial = await app.view('timer-wheel').evaluate((view) => {
          const svg = view.querySelector('.dial svg');
          const rootType = parseFloat(getComputedStyle(document.documentElement).fontSize);
          const labels = [...view.querySelectorAll<SVGTextElement>('.dial .tick-label')].filter(
            (label) => label.getBoundingClientRect().width > 0,
          );
          return {
            idle: svg?.getAttribute('data-idle') === 'true',
            texts: labels.map((label) => label.textContent ?? ''),
            smallest: Math.min(
              ...labels.map((label) => parseFloat(getComputedStyle(label).fontSize)),
            ),
            rootType,
          };
        });
        const where = `${language} ${lesson} ${size.width}×${size.height}`;
        if (dial.idle) continue;
        if (dial.texts.length < 3) problems.push(`${where}: ticks ${JSON.stringify(dial.texts)}`);
        // As large as the dial's type: 0.8 of the presentation's, which is 18 px at the least.
        if (dial.smallest < 0.8 * dial.rootType - 0.5) {
          problems.push(`${where}: tick labels in ${dial.smallest} px type`);
        }
      }
    }
  }
  await app.screenshot('projector-dial-scale');
  await expectNoProblems(app, problems);
});

test('no arrow’s line is drawn over text, on a projector', async ({ app }) => {
  const problems: string[] = [];
  let arrows = 0;
  for (const lesson of ['common-mistakes', 'waiting-for-many', 'timers-and-the-ready-queue']) {
    await openAtDesk(app, 'en', lesson);
    await setPresentation(app, true);
    for (const size of SIZES) {
      await app.page.setViewportSize(size);
      const length = await app.length();
      for (let step = 1; step <= length; step += Math.max(1, Math.floor(length / 8))) {
        await seekArrows(app, step);
        const boxes = await textBoxes(app.page);
        const found = await app.page.evaluate((boxes) => {
          const texts = boxes.map(({ text, x, y, width, height }) => ({
            text,
            box: new DOMRect(x, y, width, height),
          }));
          // Where a point of a line is hidden: under a hole its mask cuts (the mask is drawn
          // black where the line must not show), in the window's coordinates as the arrows are.
          const holes = (path: SVGPathElement): DOMRect[] => {
            const id = /url\(#([^)]+)\)/.exec(path.getAttribute('mask') ?? '')?.[1];
            const mask = id ? document.getElementById(id) : null;
            const number = (rect: Element, name: string) => Number(rect.getAttribute(name) ?? 0);
            return mask
              ? [...mask.querySelectorAll('rect[fill=black]')].map(
                  (rect) =>
                    new DOMRect(
                      number(rect, 'x'),
                      number(rect, 'y'),
                      number(rect, 'width'),
                      number(rect, 'height'),
                    ),
                )
              : [];
          };
          const inside = (box: DOMRect, x: number, y: number, inset: number) =>
            x > box.left + inset &&
            x < box.right - inset &&
            y > box.top + inset &&
            y < box.bottom - inset;
          const over: string[] = [];
          const lines = [
            ...document.querySelectorAll<SVGPathElement>('svg[data-view=arrows] path.line'),
          ];
          for (const line of lines) {
            const hidden = holes(line);
            const matrix = line.getScreenCTM();
            const length = line.getTotalLength();
            const crossed = new Set<string>();
            for (let at = 0; at <= length; at += 2) {
              const local = line.getPointAtLength(at);
              const x = matrix ? matrix.a * local.x + matrix.c * local.y + matrix.e : local.x;
              const y = matrix ? matrix.b * local.x + matrix.d * local.y + matrix.f : local.y;
              const text = texts.find(({ box }) => inside(box, x, y, 1));
              if (text && !hidden.some((hole) => inside(hole, x, y, -0.5))) crossed.add(text.text);
            }
            const id = line.closest('g.arrow')?.getAttribute('data-arrow') ?? '';
            for (const text of crossed) over.push(`${id} over "${text}"`);
          }
          return { count: lines.length, over };
        }, boxes);
        arrows += found.count;
        for (const over of found.over) {
          problems.push(`${lesson} ${size.width}×${size.height} step ${step}: ${over}`);
        }
      }
    }
  }
  await app.screenshot('projector-arrow-lines');
  expect(arrows, 'some arrows were drawn').toBeGreaterThan(0);
  await expectNoProblems(app, problems);
});

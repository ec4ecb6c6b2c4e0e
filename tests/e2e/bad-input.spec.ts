import { readFileSync } from 'node:fs';
import { expect, test, type LoopscopeApp } from './fixtures.ts';

const FIXTURES = new URL('../renderer/fixtures/', import.meta.url);

test.beforeEach(async ({ app }) => {
  await app.setLanguage('en');
  await app.chooseLesson('create-task');
});

/** After trouble the app still works: a bundled scenario runs and steps. */
async function expectUsable(app: LoopscopeApp): Promise<void> {
  await app.chooseLesson('create-task');
  await expect(app.view('status').locator('[data-status=outcome]')).toHaveAttribute(
    'data-outcome',
    'completed',
  );
  await app.press('ArrowRight');
  await expect(app.control('scrubber')).toHaveValue('1');
}

test('a file that is not a valid trace is refused with a clear message', async ({ app }) => {
  await app.control('trace-file').setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from(
      JSON.stringify([
        { seq: 0, t: 0, kind: 'run.start' },
        { seq: 5, kind: 'nonsense' },
      ]),
    ),
  });
  await expect(app.view('status').locator('[data-status=notice]')).toContainText(
    'broken.json cannot be replayed',
  );
  await app.screenshot('bad-input-invalid-trace');
  await app.press('ArrowRight');
  await expect(app.control('scrubber')).toHaveValue('1');
});

test('a saved trace replays alone, with its source', async ({ app }) => {
  await app.control('trace-file').setInputFiles({
    name: 'time_sleep_blocks.json',
    mimeType: 'application/json',
    buffer: readFileSync(new URL('time_sleep_blocks.json', FIXTURES)),
  });
  await expect(app.view('status').locator('[data-status=notice]')).toContainText(
    'time_sleep_blocks.json',
  );
  await expect(app.view('code')).toContainText('time.sleep(0.3)');
  await app.press('End');
  expect(await app.consoleText()).toContain('blocker: done blocking');
  await expectUsable(app);
});

test('code with a syntax error: the UI says where, and marks the line', async ({ app }) => {
  await app.setCode('import asyncio\n\nasync def main(:\n    pass\n');
  await expect(app.view('code').locator('[data-status=edited]')).toBeVisible();
  await app.run();
  const outcome = app.view('status').locator('[data-status=outcome]');
  await expect(outcome).toHaveAttribute('data-outcome', 'syntax-error');
  await expect(outcome).toContainText('Syntax error on line 3');
  await expect(app.view('code').locator('[data-line-mark=error]')).toContainText(
    'async def main(:',
  );
  await app.screenshot('bad-input-syntax-error');
  await expectUsable(app);
});

test('a run stopped by a budget says which limit, and its trace still plays', async ({ app }) => {
  await app.setCode('import asyncio\n\nasyncio.run(asyncio.sleep(10**6))\n');
  await app.run();
  const outcome = app.view('status').locator('[data-status=outcome]');
  await expect(outcome).toHaveAttribute('data-outcome', 'budget');
  await expect(outcome).toContainText('too much virtual time');
  await app.press('End');
  await expect(app.view('narration')).toContainText('cut off here by a limit');
  await expect(app.view('header').locator('[data-field=phase]')).toHaveText(
    'Cut off: too much virtual time',
  );
  await app.screenshot('bad-input-budget');
  await expectUsable(app);
});

test('an engine that crashes mid-run: the UI says so, keeps what was recorded, and runs again', async ({
  app,
}) => {
  // repr() of a list nested a million deep recurses in C past the JavaScript engine's stack,
  // which CPython's own check cannot see in Pyodide (docs/engine.md): the interpreter dies.
  await app.setCode(
    'print("before the crash")\nx = []\nfor _ in range(10**6):\n    x = [x]\nrepr(x)\n',
  );
  await app.run();
  const outcome = app.view('status').locator('[data-status=outcome]');
  await expect(outcome).toHaveAttribute('data-outcome', 'crashed');
  await expect(outcome).toContainText('The engine crashed during the run');
  await app.press('End');
  await app.screenshot('bad-input-crash');
  await expectUsable(app);
});

test('a run the user stops ends as stopped', async ({ app }) => {
  await app.setCode(
    'import asyncio\n\nasync def main():\n    while True:\n        await asyncio.sleep(0)\n\nasyncio.run(main())\n',
  );
  await app.control('run').click();
  await expect(app.page.locator('html')).toHaveAttribute('data-state', 'running');
  await app.control('stop').first().click();
  await app.idle();
  await expect(app.view('status').locator('[data-status=outcome]')).toHaveAttribute(
    'data-outcome',
    'stopped',
  );
  await expectUsable(app);
});

/**
 * Nothing the user typed is lost: code typed in the editor of the web edition comes back after
 * a reload, in its lesson and scenario, with a notice that offers to discard it.
 */
import { runnableScenarios } from './course.ts';
import { expect, test, type LoopscopeApp } from './fixtures.ts';

const notice = (app: LoopscopeApp) => app.view('draft-notice');

test.beforeEach(async ({ app }) => {
  await app.setLanguage('en');
});

test('code typed just before a reload comes back in its lesson and scenario, not run', async ({
  app,
}) => {
  const [, second] = runnableScenarios('ensure-future', 'en');
  await app.chooseLesson('ensure-future');
  await app.chooseScenario(second?.id ?? '');
  await app.setCode('import asyncio\nprint("typed just before the reload")\n');
  await app.reload();

  await expect(app.view('code')).toContainText('print("typed just before the reload")');
  await expect(app.control('lesson')).toHaveValue('ensure-future');
  await expect(app.control('scenario')).toHaveValue(second?.id ?? '');
  await expect(notice(app)).toContainText(/^Restored your unsaved code from \d{1,2}:\d{2}/);
  // Restored code is not run: it may be what brought the page down.
  await expect(app.view('console').locator('.chunk')).toHaveCount(0);
  await app.screenshot('draft-restored-en');

  await app.setLanguage('ru');
  await expect(notice(app)).toContainText('Восстановлен ваш несохранённый код от');
  await app.screenshot('draft-restored-ru');
  await app.setLanguage('en');

  // Keep: the notice goes, the code stays, and still comes back after the next reload.
  await app.control('draft-keep').click();
  await expect(notice(app)).toHaveCount(0);
  await app.reload();
  await expect(app.view('code')).toContainText('print("typed just before the reload")');

  // Discard: the scenario's own code comes back, and runs; after a reload the app starts fresh.
  await app.control('draft-discard').click();
  await app.idle();
  await expect(notice(app)).toHaveCount(0);
  await expect(app.view('code')).toContainText(second?.code.split('\n')[0] ?? '');
  await expect(app.view('code')).not.toContainText('typed just before the reload');
  await app.reload();
  await expect(notice(app)).toHaveCount(0);
  await expect(app.control('lesson')).toHaveValue('create-task');
});

test('code typed into a dropped program comes back with its program, which needs no file', async ({
  app,
}) => {
  const dataTransfer = await app.page.evaluateHandle(() => {
    const transfer = new DataTransfer();
    const program = 'import asyncio\n\nasyncio.run(asyncio.sleep(0))\nprint("from a file")\n';
    transfer.items.add(new File([program], 'mine.py'));
    return transfer;
  });
  await app.page.dispatchEvent('main', 'drop', { dataTransfer });
  await app.settle();
  await expect(app.view('code')).toContainText('print("from a file")');
  await app.setCode('import asyncio\nprint("edited the dropped program")\n');
  await app.reload();
  await expect(app.view('code')).toContainText('print("edited the dropped program")');
  await expect(notice(app)).toBeVisible();
  await app.control('draft-discard').click();
  await app.idle();
  await expect(app.view('code')).toContainText('print("from a file")');
  // Discarding shows the program as it came, and runs it.
  await expect(app.view('status').locator('[data-status=outcome]')).toHaveAttribute(
    'data-outcome',
    'completed',
  );
});

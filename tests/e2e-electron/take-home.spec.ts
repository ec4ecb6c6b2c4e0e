/**
 * Taking a replay home in the desktop app: File → Save Replay As… writes a `.loopscope.json`
 * where the user chooses (atomically, through main); it opens again from File → Open and from
 * the command line; File → Export… opens the Export dialog, whose PNG goes through the save
 * dialog too. Skipped, with the reason, where Electron is not installed.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { parseReplayFile } from '../../src-shared/replay-file.ts';
import {
  answerOpenDialog,
  answerSaveDialog,
  chooseMenuItem,
  findElectron,
  launchApp,
  quitApp,
  waitForIdle,
} from './electron-app.ts';

const electronBinary = findElectron();
test.skip(!electronBinary.path, `Skipped: ${electronBinary.reason}`);

test('File → Save Replay writes a replay that opens again from File → Open and the command line', async () => {
  const target = test.info().outputPath('saved.loopscope.json');
  let steps: number;
  {
    const { app, page } = await launchApp();
    try {
      await waitForIdle(page);
      steps = Number(await page.locator('[data-control="scrubber"]').getAttribute('max'));
      await answerSaveDialog(app, target);
      await chooseMenuItem(app, 'CmdOrCtrl+Alt+S');
      await expect.poll(() => readFile(target, 'utf8').catch(() => '')).toContain('"format"');
      const parsed = parseReplayFile(await readFile(target, 'utf8'));
      expect(parsed.ok && parsed.replay.events.length).toBe(steps);

      // File → Open takes the replay back, in place of the lesson.
      await page.locator('[data-control="lesson"]').selectOption({ index: 1 });
      await waitForIdle(page);
      await answerOpenDialog(app, target);
      await chooseMenuItem(app, 'CmdOrCtrl+O');
      await expect(page.locator('[data-status="notice"]')).toContainText('saved.loopscope.json');
      await expect(page.locator('[data-control="scrubber"]')).toHaveAttribute('max', String(steps));
    } finally {
      await quitApp(app);
    }
  }
  // Given on the command line ("Open with" from a file manager), it opens at start.
  const { app, page } = await launchApp({ args: [target] });
  try {
    await expect(page.locator('[data-status="notice"]')).toContainText('saved.loopscope.json');
    await expect(page.locator('[data-control="scrubber"]')).toHaveAttribute('max', String(steps));
  } finally {
    await quitApp(app);
  }
});

test('File → Export opens the Export dialog, and its PNG is saved where the user chooses', async () => {
  const target = test.info().outputPath('frame.png');
  const { app, page } = await launchApp();
  try {
    await waitForIdle(page);
    await chooseMenuItem(app, 'CmdOrCtrl+E');
    const dialog = page.locator('[data-view="export-dialog"]');
    await expect(dialog).toBeVisible();
    await dialog.locator('[data-format="png"]').check();
    await page.locator('[data-control="export-size"]').selectOption('1280x720');
    await answerSaveDialog(app, target);
    await page.locator('[data-control="export-start"]').click();
    await expect(dialog.locator('[data-view="export-saved"]')).toBeVisible({ timeout: 60_000 });
    const png = await readFile(target);
    expect([...png.subarray(1, 4)]).toEqual([...Buffer.from('PNG')]);
    // The IHDR chunk: width and height, big-endian, after the signature and the chunk's header.
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1280, 720]);
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
  } finally {
    await quitApp(app);
  }
});

// A file written to disk by hand is no replay: the app says why and keeps working.
test('a broken replay given on the command line is refused with its reason', async () => {
  const target = test.info().outputPath('broken.loopscope.json');
  await writeFile(target, '{"format":"loopscope-replay","version":1,"code":"x","events":[');
  const { app, page } = await launchApp({ args: [target] });
  try {
    await expect(page.locator('[data-status="notice"]')).toContainText(
      'broken.loopscope.json cannot be replayed: the file is cut short',
    );
    await waitForIdle(page);
  } finally {
    await quitApp(app);
  }
});

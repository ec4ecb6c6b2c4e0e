/**
 * Taking a replay home in the web edition: saving the code and the replay, opening a replay or
 * the command line's JSON Lines trace again (Open and drag-and-drop), clear messages for bad
 * files, and the Export dialog's PNG, SVG, GIF, WebM and HTML replay, each checked by really
 * decoding it; the HTML replay is opened from a file:// URL with the network off and stepped.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Download, Page } from '@playwright/test';
import { DOMParser } from '@xmldom/xmldom';
import { FrameSource } from '../../src-shared/export/frame-model.ts';
import { countFrames } from '../../src-shared/export/render.ts';
import { parseReplayFile } from '../../src-shared/replay-file.ts';
import { ARTIFACTS, expect, test, type LoopscopeApp } from './fixtures.ts';

const SHOTS = '/tmp/take-home/';

const notice = (app: LoopscopeApp) => app.view('status').locator('[data-status=notice]');

/** Runs `click` and returns the file the page offered as a download. */
async function downloaded(app: LoopscopeApp, click: () => Promise<void>): Promise<Download> {
  const [download] = await Promise.all([app.page.waitForEvent('download'), click()]);
  return download;
}

async function bytesOf(download: Download): Promise<Buffer> {
  return readFileSync(await download.path());
}

/** Drops files on the window, as a browser hands them to the page. */
async function dropFiles(
  app: LoopscopeApp,
  files: { name: string; content: string }[],
): Promise<void> {
  const dataTransfer = await app.page.evaluateHandle((files) => {
    const transfer = new DataTransfer();
    for (const file of files) transfer.items.add(new File([file.content], file.name));
    return transfer;
  }, files);
  await app.page.dispatchEvent('main', 'dragenter', { dataTransfer });
  await app.page.dispatchEvent('main', 'dragover', { dataTransfer });
  await app.page.dispatchEvent('main', 'drop', { dataTransfer });
}

async function saveReplay(app: LoopscopeApp): Promise<{ name: string; text: string }> {
  await app.control('save-menu').click();
  const download = await downloaded(app, () => app.control('save-replay').click());
  return { name: download.suggestedFilename(), text: (await bytesOf(download)).toString('utf8') };
}

/** Exports from the dialog with the format, size and steps given; returns the file. */
async function exportAs(
  app: LoopscopeApp,
  format: string,
  options: { size?: string; from?: number; to?: number } = {},
): Promise<Download> {
  await app.control('save-menu').click();
  await app.control('export').click();
  const dialog = app.view('export-dialog');
  await expect(dialog).toBeVisible();
  await dialog.locator(`[data-format="${format}"]`).check();
  if (options.size) await app.control('export-size').selectOption(options.size);
  if (options.from !== undefined) await app.control('export-from').fill(String(options.from));
  if (options.to !== undefined) await app.control('export-to').fill(String(options.to));
  const download = await downloaded(app, () => app.control('export-start').click());
  await expect(dialog.locator('[data-view=export-saved]')).toBeVisible();
  await app.page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  return download;
}

/**
 * A page with no policy of its own, where the browser's decoders check what was exported: a
 * file:// page, which is a secure context (ImageDecoder needs one).
 */
async function decoderPage(app: LoopscopeApp): Promise<Page> {
  const path = `${ARTIFACTS}take-home-decoder.html`;
  writeFileSync(path, '<!doctype html><title>decoder</title>');
  const page = await app.page.context().newPage();
  await page.goto(pathToFileURL(path).href);
  return page;
}

/** A GIF's frame count and size, as the browser's own decoder reads them. */
async function gifFrames(
  app: LoopscopeApp,
  bytes: Buffer,
): Promise<{ count: number | undefined; width: number; height: number }> {
  const page = await decoderPage(app);
  try {
    return await page.evaluate(
      async (bytes) => {
        const decoder = new ImageDecoder({ data: new Uint8Array(bytes), type: 'image/gif' });
        await decoder.tracks.ready;
        const first = await decoder.decode({ frameIndex: 0 });
        return {
          count: decoder.tracks.selectedTrack?.frameCount,
          width: first.image.displayWidth,
          height: first.image.displayHeight,
        };
      },
      [...bytes],
    );
  } finally {
    await page.close();
  }
}

test.beforeEach(async ({ app }) => {
  await app.setLanguage('en');
  await app.chooseLesson('create-task');
});

test('the replay saves as a .loopscope.json that opens again, by Open and by a drop', async ({
  app,
}) => {
  const steps = await app.length();
  const saved = await saveReplay(app);
  expect(saved.name).toMatch(/\.loopscope\.json$/);
  const parsed = parseReplayFile(saved.text);
  if (!parsed.ok) throw new Error(`the saved replay does not parse: ${parsed.error.reason}`);
  expect(parsed.source).toBe('replay');
  expect(parsed.replay.events).toHaveLength(steps);
  expect(parsed.replay.language).toBe('en');
  const lessonTitle = await app.control('lesson').locator('option:checked').innerText();
  expect(parsed.replay.lesson?.title).toBe(lessonTitle);
  expect(parsed.replay.lesson?.scenario?.number).toBeGreaterThanOrEqual(1);

  // Save code offers the editor's code as a .py file.
  await app.control('save-menu').click();
  const code = await downloaded(app, () => app.control('save-code').click());
  expect(code.suggestedFilename()).toMatch(/\.py$/);
  expect((await bytesOf(code)).toString('utf8')).toBe(parsed.replay.code);
  expect(parsed.replay.code).toContain('asyncio.create_task');

  await app.chooseLesson('ensure-future');
  await app.control('trace-file').setInputFiles({
    name: saved.name,
    mimeType: 'application/json',
    buffer: Buffer.from(saved.text),
  });
  await app.idle();
  await expect(notice(app)).toContainText(`Replaying the trace ${saved.name}`);
  expect(await app.length()).toBe(steps);
  await app.press('End');
  expect(await app.consoleText()).toContain(
    parsed.replay.events.flatMap((e) => (e.kind === 'output' ? [e.text] : [])).join(''),
  );

  // The command line's --trace output, one event a line, opens when dropped.
  await app.chooseLesson('ensure-future');
  const jsonl = parsed.replay.events.map((e) => JSON.stringify(e)).join('\n');
  await dropFiles(app, [{ name: 'run.jsonl', content: `${jsonl}\n` }]);
  await app.idle();
  await expect(notice(app)).toContainText('Replaying the trace run.jsonl');
  expect(await app.length()).toBe(steps);
  await app.press('ArrowRight');
  await expect(app.control('scrubber')).toHaveValue('1');
});

test('bad replay files are refused, each with its reason, and the app keeps working', async ({
  app,
}) => {
  const saved = await saveReplay(app);
  const header = JSON.parse(saved.text.slice(0, saved.text.indexOf(',"events"')) + '}') as object;
  const cases = [
    {
      name: 'cut.loopscope.json',
      content: saved.text.slice(0, saved.text.length / 2),
      says: 'the file is cut short',
    },
    {
      name: 'future.loopscope.json',
      content: saved.text.replace('"version":1', '"version":7'),
      says: 'replay format 7',
    },
    {
      name: 'other.json',
      content: JSON.stringify({ ...header, format: 'something-else' }),
      says: 'neither a Loopscope replay',
    },
    { name: 'empty.jsonl', content: '', says: 'the file is empty' },
  ];
  for (const bad of cases) {
    await dropFiles(app, [bad]);
    await app.idle();
    await expect(notice(app)).toContainText(`${bad.name} cannot be replayed`);
    await expect(notice(app)).toContainText(bad.says);
  }
  await app.screenshot('take-home-bad-replay');
  // In Russian too.
  await app.setLanguage('ru');
  await dropFiles(app, [cases[0] as (typeof cases)[number]]);
  await app.idle();
  await expect(notice(app)).toContainText(
    'Не удаётся воспроизвести cut.loopscope.json: файл обрывается',
  );
  await app.setLanguage('en');
  await app.chooseLesson('create-task');
  await app.press('ArrowRight');
  await expect(app.control('scrubber')).toHaveValue('1');
});

test('the Export dialog traps focus, closes on Escape, and is drawn in both languages', async ({
  app,
}) => {
  await app.page.setViewportSize({ width: 1280, height: 720 });
  try {
    for (const language of ['en', 'ru'] as const) {
      await app.setLanguage(language);
      await app.control('save-menu').click();
      await app.control('export').click();
      const dialog = app.view('export-dialog');
      await expect(dialog).toBeVisible();
      await dialog.locator('[data-format="gif"]').check();
      await app.page.screenshot({ path: `${SHOTS}export-dialog-${language}.png` });
      // Tab goes round the dialog's own controls only.
      for (let i = 0; i < 30; i++) {
        await app.page.keyboard.press('Tab');
        expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
      }
      await app.page.keyboard.press('Escape');
      await expect(dialog).toHaveCount(0);
    }
  } finally {
    await app.setLanguage('en');
    await app.page.setViewportSize({ width: 1600, height: 900 });
  }
});

test('PNG and SVG of the step on show decode at the size chosen', async ({ app }) => {
  await app.seek(5);
  const png = await exportAs(app, 'png', { size: '1280x720' });
  expect(png.suggestedFilename()).toMatch(/-5-1280x720\.png$/);
  const pngBytes = await bytesOf(png);
  const svg = await exportAs(app, 'svg', { size: '1920x1080' });
  const svgText = (await bytesOf(svg)).toString('utf8');
  const root = new DOMParser().parseFromString(svgText, 'image/svg+xml').documentElement;
  expect(root?.nodeName).toBe('svg');
  expect(root?.getAttribute('width')).toBe('1920');
  expect(svgText).toContain('@font-face');

  const page = await decoderPage(app);
  try {
    const size = await page.evaluate(
      async (bytes) => {
        const bitmap = await createImageBitmap(
          new Blob([new Uint8Array(bytes)], { type: 'image/png' }),
        );
        return [bitmap.width, bitmap.height];
      },
      [...pngBytes],
    );
    expect(size).toEqual([1280, 720]);
  } finally {
    await page.close();
  }
});

test('a GIF and a WebM video of a range of steps decode, with their frames and duration', async ({
  app,
}) => {
  const gif = await exportAs(app, 'gif', { size: '854x480', from: 0, to: 12 });
  const webm = await exportAs(app, 'webm', { size: '854x480', from: 0, to: 12 });
  const gifBytes = await bytesOf(gif);
  const webmBytes = await bytesOf(webm);
  expect([...webmBytes.subarray(0, 4)]).toEqual([0x1a, 0x45, 0xdf, 0xa3]);
  expect(await gifFrames(app, gifBytes)).toEqual({ count: 13, width: 854, height: 480 });
  const page = await decoderPage(app);
  try {
    const video = await page.evaluate(
      async (bytes) => {
        const element = document.createElement('video');
        element.src = URL.createObjectURL(
          new Blob([new Uint8Array(bytes)], { type: 'video/webm' }),
        );
        await new Promise((resolve, reject) => {
          element.onloadedmetadata = resolve;
          element.onerror = () => reject(new Error(element.error?.message ?? 'no video'));
        });
        return {
          duration: element.duration,
          width: element.videoWidth,
          height: element.videoHeight,
        };
      },
      [...webmBytes],
    );
    expect(video.width).toBe(854);
    expect(video.height).toBe(480);
    expect(Number.isFinite(video.duration) && video.duration > 0).toBe(true);
  } finally {
    await page.close();
  }
});

test('an export can be cancelled, and then nothing is saved', async ({ app }) => {
  await app.control('save-menu').click();
  await app.control('export').click();
  const dialog = app.view('export-dialog');
  await dialog.locator('[data-format="gif"]').check();
  await app.control('export-size').selectOption('3840x2160');
  let downloads = 0;
  const count = () => downloads++;
  app.page.on('download', count);
  await app.control('export-start').click();
  await expect(dialog.locator('[data-view=export-progress]')).toBeVisible();
  await app.control('export-cancel').click();
  await expect(dialog).toContainText('Cancelled: nothing was saved.');
  app.page.off('download', count);
  expect(downloads).toBe(0);
  await app.page.keyboard.press('Escape');
});

/**
 * Starts an export and, while it runs, waits for `frames` animation frames of the page, each
 * of which must come while the export is still under way: the page draws and answers while
 * its export worker draws and encodes. Returns the file once saved.
 */
async function exportWhileDrawing(
  app: LoopscopeApp,
  format: string,
  options: { size: string; from?: number; to?: number },
  frames: number,
): Promise<Download> {
  await app.control('save-menu').click();
  await app.control('export').click();
  const dialog = app.view('export-dialog');
  await dialog.locator(`[data-format="${format}"]`).check();
  await app.control('export-size').selectOption(options.size);
  if (options.from !== undefined) await app.control('export-from').fill(String(options.from));
  if (options.to !== undefined) await app.control('export-to').fill(String(options.to));
  const download = app.page.waitForEvent('download');
  await app.control('export-start').click();
  const during = await app.page.evaluate(async (frames) => {
    const exporting = () => document.querySelector('[data-view=export-progress]') !== null;
    const seen: boolean[] = [];
    while (!exporting()) await new Promise((resolve) => setTimeout(resolve, 0));
    for (let i = 0; i < frames; i++) {
      seen.push(
        await new Promise<boolean>((resolve) => requestAnimationFrame(() => resolve(exporting()))),
      );
    }
    return seen;
  }, frames);
  expect(during).toEqual(Array.from({ length: frames }, () => true));
  // The pictures are drawn and encoded by the page's export worker, not by the page.
  expect(app.page.workers().map((worker) => new URL(worker.url()).pathname)).toContainEqual(
    expect.stringMatching(/\/export-worker[-.][^/]*js$/),
  );
  const file = await download;
  await expect(dialog.locator('[data-view=export-saved]')).toBeVisible();
  await app.page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  return file;
}

test('a 4K PNG and a 60-step GIF are made while the page keeps drawing frames', async ({ app }) => {
  const text = readFileSync(new URL('../shared/fixtures/export/gather.jsonl', import.meta.url));
  const parsed = parseReplayFile(text.toString('utf8'));
  if (!parsed.ok) throw new Error(parsed.error.reason);
  await app.control('trace-file').setInputFiles({
    name: 'gather.jsonl',
    mimeType: 'application/json',
    buffer: text,
  });
  await app.idle();
  await app.seek(40);

  // The page's main thread would be held for seconds by a 4K picture drawn in it.
  const png = await bytesOf(await exportWhileDrawing(app, 'png', { size: '3840x2160' }, 5));
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.toString('latin1', 12, 16)).toBe('IHDR');
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([3840, 2160]);

  const range = { from: 0, to: 60 };
  const gif = await bytesOf(
    await exportWhileDrawing(app, 'gif', { size: '854x480', ...range }, 20),
  );
  expect(gif.toString('latin1', 0, 6)).toBe('GIF89a');
  const source = new FrameSource(parsed.replay.events, {
    meta: { lesson: null, scenario: null, file: 'gather.py' },
    code: parsed.replay.code,
  });
  expect(await gifFrames(app, gif)).toEqual({
    count: countFrames(source, range),
    width: 854,
    height: 480,
  });
});

test('the HTML replay opens from a file:// URL with the network off, and steps', async ({
  app,
}) => {
  const steps = await app.length();
  const html = await exportAs(app, 'html');
  expect(html.suggestedFilename()).toMatch(/\.html$/);
  const path = `${ARTIFACTS}take-home-replay.html`;
  writeFileSync(path, await bytesOf(html));

  const context = await app.page.context().browser()?.newContext({ offline: true });
  if (!context) throw new Error('no browser');
  const requests: string[] = [];
  const problems: string[] = [];
  try {
    const page = await context.newPage();
    page.on('request', (request) => requests.push(request.url()));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(pathToFileURL(path).href);
    const html = page.locator('html');
    await expect(html).toHaveAttribute('data-state', 'idle');
    await expect(page.locator('[data-view=status] [data-status=notice]')).toContainText(
      'Replaying the trace',
    );
    await expect(page.locator('[data-control=scrubber]')).toHaveAttribute('max', String(steps));
    await page.locator('[data-control=lens-all]').click();
    await page.locator('body').focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(html).toHaveAttribute('data-step', '2');
    await page.locator('[data-control=end]').click();
    await expect(html).toHaveAttribute('data-step', String(steps));
    await expect(page.locator('[data-view=console]')).toContainText(
      (await app.consoleText()).split('\n')[0] ?? '',
    );
    await expect(page.locator('[data-control=run]')).toBeHidden();
    await page.screenshot({ path: `${SHOTS}html-replay.png` });
    expect(requests.filter((url) => !url.startsWith('file:') && !url.startsWith('data:'))).toEqual(
      [],
    );
    expect(problems).toEqual([]);
  } finally {
    await context.close();
  }
});

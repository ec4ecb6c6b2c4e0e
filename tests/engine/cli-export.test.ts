/**
 * `loopscope export` writes files that other programs read: the tests run the real command on
 * lessons, programs, traces and replay files, then read back what it wrote with independent
 * decoders (the Trace Event Format checker, an XML parser, a PNG decoder, a GIF decoder).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decode as decodePng } from 'fast-png';
import { decompressFrames, parseGIF } from 'gifuct-js';
import { describe, expect, test } from 'vitest';
import { PALETTES } from '../../src-shared/palette.ts';
import { createReplayFile, parseReplayFile } from '../../src-shared/replay-file.ts';
import { ensureBuilt } from '../../scripts/build-state.mjs';
import { runExport } from '../../src-engine/cli/export-command.ts';
import type { CliIo } from '../../src-engine/cli/io.ts';
import { fixtureEvents, parseSvg, readFixture, svgTexts } from '../shared/export-fixtures.ts';
import { checkTraceEventFormat } from '../shared/trace-event-spec.ts';

const BIN = fileURLToPath(new URL('../../bin/loopscope.mjs', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../shared/fixtures/export/', import.meta.url));
const LESSON = fileURLToPath(
  new URL('../../assets/lessons/03-waiting-for-many.en.md', import.meta.url),
);
const work = mkdtempSync(join(tmpdir(), 'loopscope-export-'));

function loopscope(args: string[], lang = 'en_US.UTF-8') {
  const result = spawnSync(process.execPath, [BIN, 'export', ...args], {
    cwd: work,
    encoding: 'utf8',
    env: { ...process.env, LANG: lang, LC_ALL: '' },
    timeout: 120_000,
  });
  return { stdout: result.stdout, stderr: result.stderr, status: result.status };
}

const inWork = (name: string) => join(work, name);
/** The one file written whose name matches: step numbers are padded to the run's length. */
const named = (pattern: RegExp) => {
  const found = readdirSync(work).filter((name) => pattern.test(name));
  expect(found).toHaveLength(1);
  return found[0] ?? '';
};
const fixture = (name: string) => join(FIXTURES, name);
const gatherLength = fixtureEvents('gather.jsonl').length;

const texts = svgTexts;

/** The GIF's frames composed as a viewer shows them: each over the one before. */
function composeGif(bytes: Buffer) {
  const gif = parseGIF(new Uint8Array(bytes).buffer);
  const frames = decompressFrames(gif, true);
  const { width, height } = gif.lsd;
  const canvas = new Uint8ClampedArray(width * height * 4);
  const shown = frames.map((frame) => {
    const { left, top, width: w, height: h } = frame.dims;
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const from = (y * w + x) * 4;
        if ((frame.patch[from + 3] ?? 0) === 0) continue;
        const to = ((top + y) * width + left + x) * 4;
        canvas.set(frame.patch.subarray(from, from + 4), to);
      }
    }
    return { delay: frame.delay, pixels: canvas.slice() };
  });
  return { width, height, frames: shown };
}

function meanDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < a.length; i++) total += Math.abs((a[i] ?? 0) - (b[i] ?? 0));
  return total / a.length;
}

describe('loopscope export --format perfetto', () => {
  test('a program runs in the engine, and its trace conforms to the Trace Event Format', () => {
    writeFileSync(inWork('gather.py'), readFileSync(fixture('gather.py')));
    const result = loopscope(['gather.py', '--format', 'perfetto']);
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/^loopscope export: Wrote gather\.perfetto\.json \(\d+ KB\)\n$/);
    const trace = JSON.parse(readFileSync(inWork('gather.perfetto.json'), 'utf8')) as unknown;
    expect(checkTraceEventFormat(trace)).toEqual([]);
    expect(JSON.stringify(trace)).toContain('"name":"Task-4 · worker"');
  });

  test('the CLI’s JSON Lines trace and a replay file export to the same trace', () => {
    const replay = createReplayFile({
      code: 'edited',
      lesson: {
        title: 'Gather',
        file: 'gather.md',
        scenario: { number: 1, title: 'three workers' },
      },
      language: 'en',
      appVersion: '0.1.0',
      events: fixtureEvents('gather.jsonl'),
    });
    writeFileSync(inWork('saved.loopscope.json'), replay);
    expect(
      loopscope([fixture('gather.jsonl'), '--format', 'perfetto', '-o', 'a.json']).status,
    ).toBe(0);
    expect(loopscope(['saved.loopscope.json', '--format', 'perfetto']).status).toBe(0);
    const a = JSON.parse(readFileSync(inWork('a.json'), 'utf8')) as { traceEvents: unknown[] };
    const b = JSON.parse(readFileSync(inWork('saved.perfetto.json'), 'utf8')) as {
      traceEvents: unknown[];
    };
    expect(b.traceEvents.slice(1)).toEqual(a.traceEvents.slice(1));
    expect(JSON.stringify(b.traceEvents[0])).toContain('Loopscope · Gather — 1. three workers');
  });
});

describe('loopscope export --format svg', () => {
  test('a lesson’s scenario at a step, in Russian: well-formed SVG with the app’s words', () => {
    const result = loopscope([
      LESSON,
      '--format',
      'svg',
      '--scenario',
      '2',
      '--steps',
      '40',
      '--lang',
      'ru',
      '-o',
      'slide.svg',
    ]);
    expect(result.status).toBe(0);
    const document = parseSvg(readFileSync(inWork(named(/^slide-0*40\.svg$/)), 'utf8'));
    const svg = document.documentElement;
    expect([svg?.getAttribute('width'), svg?.getAttribute('height')]).toEqual(['1920', '1080']);
    const words = texts(document);
    expect(words.some((text) => /^Шаг 40 из \d+$/.test(text))).toBe(true);
    for (const word of ['КОД', 'КОНСОЛЬ', 'ОЧЕРЕДЬ ГОТОВЫХ', 'ТАЙМЕРЫ', 'ЗАДАЧИ', 'Task-1']) {
      expect(words).toContain(word);
    }
    expect(document.getElementsByTagName('title')[0]?.textContent).toMatch(/· Шаг 40 из \d+$/);
  });

  test('a range writes one file per step, numbered; --embed-fonts embeds the fonts', () => {
    const result = loopscope([
      fixture('gather.jsonl'),
      '--format',
      'svg',
      '--steps',
      '8..10',
      '--embed-fonts',
      '--theme',
      'dark',
    ]);
    expect(result.status).toBe(0);
    const files = readdirSync(work)
      .filter((f) => /^gather-\d+\.svg$/.test(f))
      .sort();
    expect(files).toEqual(['gather-008.svg', 'gather-009.svg', 'gather-010.svg']);
    const text = readFileSync(inWork('gather-009.svg'), 'utf8');
    parseSvg(text);
    expect(text).toContain(
      "@font-face{font-family:'DejaVu Sans Mono';font-weight:700;src:url(data:font/ttf;base64,",
    );
    expect(text).toContain(`fill="${PALETTES.dark.colors.bg}"`);
    expect(texts(parseSvg(text))).toContain(`Step 9 of ${gatherLength}`);
  });
});

describe('loopscope export --format png', () => {
  test('the last step at 1920×1080 by default, and at the size asked for', () => {
    expect(loopscope([fixture('cancel.jsonl'), '--format', 'png']).status).toBe(0);
    const png = readFileSync(inWork('cancel.png'));
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const image = decodePng(png);
    expect([image.width, image.height]).toEqual([1920, 1080]);
    expect(
      loopscope([
        fixture('cancel.jsonl'),
        '--format',
        'png',
        '--size',
        '1280x720',
        '--theme',
        'contrast',
        '-o',
        'small.png',
      ]).status,
    ).toBe(0);
    const small = decodePng(readFileSync(inWork('small.png')));
    expect([small.width, small.height]).toEqual([1280, 720]);
    // The corner is the theme's background: black in high contrast.
    expect([...small.data.slice(0, 3)]).toEqual([0, 0, 0]);
  });
});

describe('loopscope export --format gif', () => {
  test('a range of steps: one frame a step, at 1280×720, the last frame as the PNG of that step', () => {
    const result = loopscope([fixture('gather.jsonl'), '--format', 'gif', '--steps', '50..69']);
    expect(result.status).toBe(0);
    const gif = composeGif(readFileSync(inWork('gather.gif')));
    expect([gif.width, gif.height, gif.frames.length]).toEqual([1280, 720, 20]);
    expect(gif.frames.every((frame) => frame.delay >= 20)).toBe(true);
    expect(
      loopscope([
        fixture('gather.jsonl'),
        '--format',
        'png',
        '--size',
        '1280x720',
        '--steps',
        '69',
        '-o',
        'last.png',
      ]).status,
    ).toBe(0);
    const png = decodePng(readFileSync(inWork(named(/^last-0*69\.png$/))));
    const last = gif.frames.at(-1)?.pixels ?? new Uint8ClampedArray();
    // The GIF's 255 colours a frame, against the PNG's millions: close, not equal.
    expect(meanDifference(last, png.data)).toBeLessThan(3);
    expect(meanDifference(gif.frames[0]?.pixels ?? [], png.data)).toBeGreaterThan(
      meanDifference(last, png.data),
    );
  });
});

describe('loopscope export --format html', () => {
  test('one page with the replay in its data tag, in the language and theme asked, under a strict policy', async () => {
    // The page is the renderer's build: made here when it is missing or older than its sources.
    await ensureBuilt('renderer');
    const result = loopscope([
      fixture('gather.jsonl'),
      '--format',
      'html',
      '--lang',
      'ru',
      '--theme',
      'dark',
    ]);
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/Wrote gather\.html/);
    const page = readFileSync(inWork('gather.html'), 'utf8');
    const tag =
      /<script type="application\/json" id="loopscope-replay" (data-name[^>]*)>([\s\S]*?)<\/script>/.exec(
        page,
      );
    expect(tag?.[1]).toContain('data-theme="dark" data-language="ru"');
    const parsed = parseReplayFile(tag?.[2] ?? '');
    if (!parsed.ok) throw new Error(parsed.error.reason);
    expect(parsed.replay.language).toBe('ru');
    expect(parsed.replay.events).toEqual(fixtureEvents('gather.jsonl'));
    // Its one script runs by its hash; nothing else runs and nothing is fetched.
    const policy = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(page)?.[1] ?? '';
    const scripts = [...page.matchAll(/<script type="module"[^>]*>([\s\S]*?)<\/script>/g)];
    expect(scripts).toHaveLength(1);
    const hash = createHash('sha256')
      .update(scripts[0]?.[1] ?? '')
      .digest('base64');
    expect(policy).toContain(`script-src 'sha256-${hash}'`);
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("connect-src 'none'");
    expect(page).not.toMatch(/<script[^>]+src=|<link[^>]+href="(?!data:)/);
  }, 300_000);
});

describe('clear errors and exit statuses', () => {
  test.each([
    [['gather.py'], 2, /give --format perfetto, svg, png, gif or html/],
    [
      ['gather.py', '--format', 'webm'],
      2,
      /--format takes perfetto, svg, png, gif or html, not webm/,
    ],
    [['notes.txt', '--format', 'png'], 2, /give a lesson \(\.md\), a program \(\.py\), a trace/],
    [['missing.jsonl', '--format', 'png'], 2, /cannot read missing\.jsonl: no such file/],
    [[fixture('gather.jsonl'), '--format', 'png', '--steps', '5..2'], 2, /--steps takes a step/],
    [
      [fixture('gather.jsonl'), '--format', 'png', '--size', '100x100'],
      2,
      /--size takes WIDTHxHEIGHT, each from 480x270 to 7680x4320/,
    ],
    [
      [fixture('gather.jsonl'), '--format', 'png', '--theme', 'pink'],
      2,
      /--theme takes light, dark or contrast/,
    ],
    [
      [fixture('gather.jsonl'), '--format', 'png', '-o', 'no/such/folder/x.png'],
      1,
      /cannot write no\/such\/folder\/x\.png/,
    ],
    [
      [LESSON, '--format', 'png', '--scenario', '99'],
      2,
      /--scenario takes a scenario number of this lesson: 1, 2/,
    ],
  ])('%j exits %i', (args, status, message) => {
    const result = loopscope(args);
    expect(result.stderr).toMatch(message);
    expect(result.status).toBe(status);
  });

  test.skipIf(process.platform === 'win32')(
    'a named pipe or a link to a device is refused at once, in any of the input kinds',
    () => {
      expect(spawnSync('mkfifo', [inWork('pipe.json')]).status).toBe(0);
      symlinkSync('/dev/zero', inWork('zero.py'));
      for (const name of ['pipe.json', 'zero.py']) {
        const result = loopscope([name, '--format', 'png']);
        expect(result.status).toBe(2);
        expect(result.stderr).toBe(
          `loopscope export: cannot read ${name}: it is not a regular file (a named pipe, a device or a socket)\n`,
        );
      }
    },
  );

  test('a cut-short trace is refused with why, in the user’s language', () => {
    writeFileSync(inWork('cut.jsonl'), readFixture('gather.jsonl').slice(0, 5000));
    const result = loopscope(['cut.jsonl', '--format', 'gif'], 'ru_RU.UTF-8');
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(
      /^loopscope export: не удаётся открыть cut\.jsonl: файл обрывается/,
    );
    expect(existsSync(inWork('cut.gif'))).toBe(false);
  });

  test('a GIF of more steps than an animation takes is refused, in the user’s language, before any drawing', () => {
    // A program makes up to 500,000 steps within its budgets, and a GIF took the whole run by
    // default: hours of drawing, and a GIF that grew in memory until the end.
    const start = {
      seq: 0,
      t: 0,
      kind: 'run.start',
      version: 1,
      python: '3.14.0',
      file: 'long.py',
      source: 'print()',
    };
    const outputs = Array.from({ length: 6000 }, (_, i) => ({
      seq: i + 1,
      t: 0,
      kind: 'output',
      stream: 'stdout',
      text: 'x\n',
    }));
    const end = { seq: 6001, t: 0, kind: 'run.end', outcome: 'completed', exitCode: 0 };
    writeFileSync(
      inWork('long.jsonl'),
      [start, ...outputs, end].map((event) => JSON.stringify(event)).join('\n'),
    );
    const result = loopscope(['long.jsonl', '--format', 'gif']);
    expect(result.stderr).toBe(
      'loopscope export: a GIF of 6003 steps is too long: it draws at most 5000; choose them with --steps A..B\n',
    );
    expect(result.status).toBe(2);
    const russian = loopscope(
      ['long.jsonl', '--format', 'gif', '--steps', '0..5000'],
      'ru_RU.UTF-8',
    );
    expect(russian.stderr).toMatch(/GIF из 5001 шагов слишком длинный: в нём не больше 5000 шагов/);
    expect(existsSync(inWork('long.gif'))).toBe(false);
  });

  test('what a lesson controls in a message (an engine failure it forged) cannot drive the terminal', () => {
    const forged =
      'import asyncio, loopscope_engine\nasyncio.run(asyncio.sleep(0))\n' +
      'loopscope_engine.rec.finish({"outcome": "crashed", "exitCode": 70,' +
      ' "error": "\\x1b]0;title\\x07\\x1b]52;c;cm0gLXJmIH4K\\x07"})\n';
    writeFileSync(inWork('forged.py'), forged);
    const result = loopscope(['forged.py', '--format', 'svg', '-o', 'forged.svg']);
    expect(result.stderr).toContain('\\x1b]0;title\\x07\\x1b]52;c;');
    // eslint-disable-next-line no-control-regex -- no raw escape or bell may reach the terminal.
    expect(result.stderr).not.toMatch(/[\x07\x1b]/);
  });

  test('no progress bar when no one watches', () => {
    const result = loopscope([fixture('raises.jsonl'), '--format', 'gif', '--steps', '0..3']);
    expect(result.status).toBe(0);
    expect(result.stderr).not.toContain('\r');
  });
});

describe('progress and Cancel', () => {
  function captureIo(): CliIo & { errors: string[] } {
    const errors: string[] = [];
    return {
      out: () => undefined,
      err: (text) => void errors.push(text),
      language: 'en',
      isTTY: true,
      outIsTTY: false,
      errors,
    };
  }

  test('a terminal sees a progress bar redrawn in place, frame by frame', async () => {
    const io = captureIo();
    const output = inWork('progress.gif');
    const status = await runExport(
      [fixture('raises.jsonl'), '--format', 'gif', '--steps', '0..4', '-o', output],
      io,
      {
        interactive: true,
        signal: new AbortController().signal,
      },
    );
    expect(status).toBe(0);
    const bars = io.errors.filter((line) => line.startsWith('\r\x1b[K['));
    expect(bars).toEqual(
      [1, 2, 3, 4, 5].map((done) => {
        const filled = '#'.repeat(Math.round((done / 5) * 24)).padEnd(24, '.');
        return `\r\x1b[K[${filled}] Drawing step ${done - 1}: ${done} of 5 frames`;
      }),
    );
  });

  test('Cancel stops the export between frames, writes nothing and exits 130', async () => {
    const io = captureIo();
    const controller = new AbortController();
    const output = inWork('cancelled.gif');
    const status = await runExport(
      [fixture('gather.jsonl'), '--format', 'gif', '-o', output],
      {
        ...io,
        err: (text) => {
          io.errors.push(text);
          if (text.includes(' 3 of '))
            controller.abort(new DOMException('Cancelled', 'AbortError'));
        },
      },
      { interactive: true, signal: controller.signal },
    );
    expect(status).toBe(130);
    expect(io.errors.at(-1)).toBe('loopscope export: interrupted; nothing was written\n');
    expect(readdirSync(work).filter((name) => name.startsWith('cancelled'))).toEqual([]);
  });
});

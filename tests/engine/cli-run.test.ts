/**
 * `loopscope run FILE.py` behaves like `python3 FILE.py`: the same stdout, stderr and exit
 * status, for the suite's programs and for programs it has never seen.
 */
import { spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { assertExists } from '../../src-shared/assert.ts';
import { EXIT_CODE } from '../../src-shared/engine-run.ts';
import { validateTrace } from '../../src-shared/trace-validate.ts';
import { terminalBytes, type CliIo } from '../../src-engine/cli/io.ts';
import { runCommand } from '../../src-engine/cli/run-command.ts';
import { generateProgram } from './random-program.ts';

const BIN = fileURLToPath(new URL('../../bin/loopscope.mjs', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'loopscope-cli-'));

function loopscope(args: string[], input = '', env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    input,
    encoding: 'utf8',
    env: { ...process.env, LANG: 'en_US.UTF-8', ...env },
    timeout: 60_000,
  });
  return { stdout: result.stdout, stderr: result.stderr, status: result.status };
}

function write(name: string, content: string | Buffer): string {
  const path = join(work, name);
  writeFileSync(path, content);
  return path;
}

/** The processes whose parent is `pid`, from /proc (Linux). */
function childrenOf(pid: number): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((name) => {
      try {
        const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
        return stat.split(') ')[1]?.split(' ')[1] === String(pid);
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** True while `pid` runs (a zombie waiting to be reaped has ended). */
function running(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0] !== 'Z';
  } catch {
    return false;
  }
}

const python3 = spawnSync('python3', ['--version']).status === 0;
/** In CI the differential tests must run: a runner without python3 is a broken runner. */
const inCI = Boolean(process.env.CI);

describe('loopscope run', () => {
  test('prints the program output to stdout and its errors to stderr, with its exit status', () => {
    const file = write(
      'fails.py',
      'import asyncio, sys\nasync def main():\n    print("out")\n    print("err", file=sys.stderr)\n    raise KeyError("k")\nasyncio.run(main())\n',
    );
    const result = loopscope(['run', file]);
    expect(result.stdout).toBe('out\n');
    expect(result.stderr).toMatch(/^err\nTraceback \(most recent call last\):\n/);
    expect(result.stderr.trimEnd().split('\n').at(-1)).toBe("KeyError: 'k'");
    expect(result.status).toBe(1);
  });

  test('bytes that are not UTF-8 reach the terminal as those bytes, as python3 writes them', () => {
    const file = write(
      'bytes.py',
      'import sys\nsys.stdout.buffer.write(b"caf\\xe9 \\xff\\n")\nprint(b"\\xe9".decode("utf-8", "surrogateescape"), "\\u00e9")\n',
    );
    const result = spawnSync(process.execPath, [BIN, 'run', file], { timeout: 60_000 });
    expect(result.stdout).toEqual(Buffer.from('caf\xe9 \xff\n\xe9 \u00c3\u00a9\n', 'latin1'));
  });

  test('sys.exit sets the exit status', () => {
    expect(loopscope(['run', write('exit.py', 'import sys\nsys.exit(3)\n')]).status).toBe(3);
  });

  test('stdin reaches input()', () => {
    const file = write('ask.py', 'print("hello", input())\n');
    expect(loopscope(['run', file], 'Ada\n').stdout).toBe('hello Ada\n');
  });

  test.skipIf(process.platform === 'win32')(
    'a standard input larger than the program is given is refused, not read to its end',
    () => {
      // `< /dev/zero` was read into memory until Node ran out of it.
      const file = write('ask-zero.py', 'print(len(input()))\n');
      for (const [lang, message] of [
        ['en_US.UTF-8', 'loopscope: the standard input is larger than 16 MB'],
        ['ru_RU.UTF-8', 'loopscope: стандартный ввод больше 16 МБ'],
      ] as const) {
        const result = spawnSync(
          '/bin/sh',
          ['-c', `exec "$0" "$1" run "$2" < /dev/zero`, process.execPath, BIN, file],
          {
            encoding: 'utf8',
            env: { ...process.env, LANG: lang },
            timeout: 60_000,
          },
        );
        expect(result.stderr).toContain(message);
        expect(result.stdout).toBe('');
        expect(result.status).toBe(2);
      }
    },
  );

  test.skipIf(process.platform === 'win32')(
    'a standard input refused as too large still leaves a valid trace that says why',
    () => {
      const file = write('ask-zero-traced.py', 'print(len(input()))\n');
      const out = join(work, 'refused.jsonl');
      const result = spawnSync(
        '/bin/sh',
        [
          '-c',
          `exec "$0" "$1" run "$2" --trace "$3" < /dev/zero`,
          process.execPath,
          BIN,
          file,
          out,
        ],
        { encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8' }, timeout: 60_000 },
      );
      expect(result.status).toBe(2);
      expect(result.stderr).toContain('loopscope: the standard input is larger than 16 MB');
      const events = validateTrace(
        readFileSync(out, 'utf8')
          .trimEnd()
          .split('\n')
          .map((line) => JSON.parse(line) as unknown),
      );
      expect(events).toHaveLength(2);
      expect(events[0]).toMatchObject({ kind: 'run.start', source: 'print(len(input()))\n' });
      expect((events[0] as { python: string }).python).toMatch(/^3\.\d+/);
      expect(events[1]).toEqual({
        seq: 1,
        t: 0,
        kind: 'run.end',
        outcome: 'budget',
        budget: 'input',
        exitCode: 2,
      });
    },
  );

  test('--trace writes the trace as JSON Lines and still prints the output', () => {
    const file = write('hi.py', 'import asyncio\nasyncio.run(asyncio.sleep(1))\nprint("hi")\n');
    const out = join(work, 'hi.jsonl');
    const result = loopscope(['run', file, '--trace', out]);
    expect(result.stdout).toBe('hi\n');
    const events = readFileSync(out, 'utf8')
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as unknown);
    expect(validateTrace(events).at(-1)).toMatchObject({ kind: 'run.end', outcome: 'completed' });
  });

  test('--json writes the trace to stdout instead of the output', () => {
    const file = write('quiet.py', 'print("not shown")\n');
    const result = loopscope(['run', file, '--json']);
    const events = result.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as unknown);
    expect(validateTrace(events)[0]).toMatchObject({ kind: 'run.start' });
    expect(result.stdout).not.toContain('not shown\n');
  });

  test.each([
    ['a missing file', () => join(work, 'missing.py'), /no such file/],
    ['a directory', () => work, /is a directory/],
    [
      'a binary file',
      () => write('binary.py', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2])),
      /binary file/,
    ],
    [
      'a file that is not UTF-8',
      () => write('latin1.py', Buffer.from('print("\xe9")', 'latin1')),
      /not UTF-8/,
    ],
  ])('%s gets one clear line on stderr and exit status 2', (_name, path, message) => {
    const result = loopscope(['run', path()]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(message);
  });

  test.skipIf(process.platform === 'win32')(
    'a named pipe or a link to a device is refused at once, without reading it',
    () => {
      const fifo = join(work, 'pipe.py');
      expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
      const zero = join(work, 'zero.py');
      symlinkSync('/dev/zero', zero);
      for (const path of [fifo, zero]) {
        const result = loopscope(['run', path]);
        expect(result.status).toBe(2);
        expect(result.stdout).toBe('');
        expect(result.stderr.trimEnd().split('\n')).toEqual([
          `loopscope: cannot run '${path}': it is not a regular file (a named pipe, a device or a socket).`,
        ]);
      }
    },
  );

  test.each([['2147483648'], ['0'], ['1.5'], ['-5'], ['soon']])(
    '--timeout %s is refused: a timer holds at most 2^31 − 1 ms',
    (value) => {
      const result = loopscope(['run', write('t.py', 'print(1)\n'), `--timeout=${value}`]);
      expect(result.status).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toBe(
        'loopscope: --timeout takes a whole number from 1 to 2147483647.\n',
      );
    },
  );

  test.each([['0'], ['1.5'], ['lots'], ['1048577']])('--max-memory %s is refused', (value) => {
    const result = loopscope(['run', write('m.py', 'print(1)\n'), '--max-memory', value]);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('loopscope: --max-memory takes a whole number from 1 to 1048576.\n');
  });

  test(
    'a program over --max-memory is stopped and told why, in the terminal’s language',
    { timeout: 150_000 },
    () => {
      const file = write('hog.py', 'kept = []\nwhile True:\n    kept.append(b"x" * 50_000_000)\n');
      const result = loopscope(['run', file, '--max-memory', '300', '--timeout', '60000']);
      expect(result.status).toBe(124);
      expect(result.stderr).toBe(
        'loopscope: stopped: the program used more than 300 MB of memory.\n',
      );
      const russian = loopscope(['run', file, '--max-memory', '300', '--timeout', '60000'], '', {
        LANG: 'ru_RU.UTF-8',
      });
      expect(russian.stderr).toBe(
        'loopscope: остановлено: программа заняла больше 300 МБ памяти.\n',
      );
    },
  );

  test('a trace that cannot be written fails before the program runs, with status 2', () => {
    const marker = join(work, 'ran.txt');
    const file = write('writes.py', `open(${JSON.stringify(marker)}, "w")\nprint("ran")\n`);
    const out = join(work, 'no-such-folder', 'trace.jsonl');
    const result = loopscope(['run', file, '--trace', out]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^loopscope: cannot write the trace to '.*trace\.jsonl': /);
    expect(existsSync(out)).toBe(false);
  });

  test('into a pipe, output is byte for byte what python3 prints, control characters too', () => {
    const file = write('colours.py', 'print("\\x1b[31mred\\x1b[0m\\r\\u202e!")\n');
    expect(loopscope(['run', file]).stdout).toBe('\x1b[31mred\x1b[0m\r\u202e!\n');
  });

  test('on a terminal, a program cannot drive it: its control characters are escaped', async () => {
    const file = write(
      'title.py',
      'import sys\nprint("\\x1b]0;pwned\\x07hi")\nprint("\\x1b[2J", file=sys.stderr)\n',
    );
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = {
      out: (text) => void out.push(text),
      err: (text) => void err.push(text),
      language: 'en',
      isTTY: true,
      outIsTTY: true,
    };
    expect(await runCommand([file], io, async () => '')).toBe(0);
    expect(out.join('')).toBe('\\x1b]0;pwned\\x07hi\n');
    expect(err.join('')).toBe('\\x1b[2J\n');
  });

  test('on a terminal, bytes written apart cannot join into a control character', async () => {
    // U+009D (OSC), U+202E (right-to-left override) and "…", each written one byte at a time.
    const file = write(
      'pieces.py',
      [
        'import os',
        'os.write(1, b"A\\xc2"); os.write(1, b"\\x9d0;title\\xc2"); os.write(1, b"\\x9cB\\n")',
        'os.write(1, b"\\xe2"); os.write(1, b"\\x80\\xae"); os.write(1, b"DESSAP\\n")',
        'os.write(1, b"\\xe2"); os.write(1, b"\\x80\\xa6 \\xff\\n")',
        '',
      ].join('\n'),
    );
    const out: string[] = [];
    const io: CliIo = {
      out: (text) => void out.push(terminalBytes(text).toString()),
      err: () => {},
      language: 'en',
      isTTY: true,
      outIsTTY: true,
    };
    expect(await runCommand([file], io, async () => '')).toBe(0);
    expect(out.join('')).toBe('A\\x9d0;title\\x9cB\n\\u202eDESSAP\n… \\xff\n');
  });

  test('--json escapes what a terminal would act on and JSON leaves as it is', () => {
    const file = write('c1.py', 'print("\\x9b2J\\u202eabc")\n');
    const result = loopscope(['run', file, '--json']);
    expect(result.stdout).not.toMatch(/[\u009b\u202e]/);
    const events = result.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as { kind: string; text?: string });
    expect(events.find((e) => e.kind === 'output')?.text).toBe('\u009b2J\u202eabc\n');
  });

  test.runIf(process.platform === 'linux')(
    'Ctrl-C ends the command at once, and the engine process busy in C with it',
    async () => {
      const file = write(
        'busy.py',
        'print("started")\nfor _ in range(30_000):\n    pass\nsum(range(10**14))\n',
      );
      const cli = spawn(process.execPath, [BIN, 'run', file], {
        stdio: ['ignore', 'pipe', 'ignore'],
        env: { ...process.env, LANG: 'en_US.UTF-8' },
      });
      await new Promise((resolve) => cli.stdout.once('data', resolve));
      const engines = childrenOf(cli.pid ?? 0);
      expect(engines.length).toBeGreaterThan(0);
      const exited = new Promise((resolve) => cli.on('exit', (code) => resolve(code)));
      cli.kill('SIGINT');
      expect(await exited).toBe(130);
      await expect.poll(() => engines.filter(running), { timeout: 5000 }).toEqual([]);
    },
  );

  test('messages follow the system language', () => {
    const result = loopscope(['run', join(work, 'missing.py')], '', { LANG: 'ru_RU.UTF-8' });
    expect(result.stderr).toMatch(/такого файла нет/);
  });

  test('a damaged snapshot in the cache is replaced, and the program runs as if it were not there', () => {
    const cache = mkdtempSync(join(tmpdir(), 'loopscope-cache-'));
    const program = write(
      'snapshot.py',
      'import asyncio\nasyncio.run(asyncio.sleep(0))\nprint("ran")\n',
    );
    const env = { LOOPSCOPE_CACHE_DIR: cache };
    expect(loopscope(['run', program], '', env)).toMatchObject({ stdout: 'ran\n', status: 0 });
    const [name] = readdirSync(cache).filter((file) => file.endsWith('.bin'));
    const snapshot = join(cache, assertExists(name, 'the first run keeps a snapshot'));
    const size = statSync(snapshot).size;
    // Every child reads the snapshot from the file the parent opened: this one gets garbage.
    writeFileSync(snapshot, Buffer.alloc(size, 0x5a));
    expect(loopscope(['run', program], '', env)).toMatchObject({ stdout: 'ran\n', status: 0 });
    expect(readFileSync(snapshot).equals(Buffer.alloc(size, 0x5a))).toBe(false);
    expect(loopscope(['run', program], '', env)).toMatchObject({ stdout: 'ran\n', status: 0 });
  });

  test('a runaway program ends with a budget message and status 124', () => {
    const file = write('spin.py', 'while True:\n    pass\n');
    const result = loopscope(['run', file, '--max-events', '10000']);
    expect(result.status).toBe(124);
    expect(result.stderr).toMatch(/stopped/);
  });

  test('a program whose trace fills up prints what python3 prints, and its trace says where', () => {
    const file = write(
      'switch.py',
      'import asyncio\nasync def main():\n    for i in range(1500):\n        await asyncio.sleep(0)\n    print("done", i)\nasyncio.run(main())\n',
    );
    const plain = loopscope(['run', file, '--max-events', '5000']);
    expect(plain).toMatchObject({ stdout: 'done 1499\n', stderr: '', status: 0 });
    const trace = join(work, 'switch.jsonl');
    const traced = loopscope(['run', file, '--max-events', '5000', '--trace', trace]);
    expect(traced).toMatchObject({ stdout: 'done 1499\n', status: 0 });
    expect(traced.stderr).toMatch(/trace filled up \(events: 5000\)/);
    const events = readFileSync(trace, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { kind: string });
    expect(events.at(-1)).toMatchObject({ kind: 'run.end', outcome: 'completed', fullAt: 5000 });
    expect(events.at(-2)).toMatchObject({ kind: 'output', text: 'done 1499\n' });
  });
});

/**
 * The hostile lessons that forge what the engine sends (through its own trace sink, past the
 * engine's checks): the command line applies the rules every host applies
 * (src-shared/run-guard.ts) to what its child sends, and ends the run as the app does.
 */
const HOSTILE_LESSONS = fileURLToPath(new URL('../hostile/lessons/', import.meta.url));
const forgeries = readdirSync(HOSTILE_LESSONS).filter((name) => /^forge_\w+\.py$/.test(name));

describe('the command line checks what its engine child sends, as every host does', () => {
  test('there are forgeries to try', () => {
    expect(forgeries.length).toBeGreaterThanOrEqual(5);
  });

  test.each(forgeries)(
    '%s ends as crashed, with the reason, and nothing forged is shown',
    (name) => {
      const code = readFileSync(join(HOSTILE_LESSONS, name), 'utf8');
      const header = (key: string) =>
        assertExists(code.match(new RegExp(`^# ${key}: (.+)$`, 'm'))?.[1], `${name}: ${key}`);
      const tracePath = join(work, `${name}.jsonl`);
      // Time enough for a million forged events to stream through a loaded machine: the guard,
      // not the wall-time budget, must end the run.
      const result = loopscope([
        'run',
        join(HOSTILE_LESSONS, name),
        '--trace',
        tracePath,
        '--timeout',
        '50000',
      ]);
      expect(header('expect-outcome')).toBe('crashed');
      expect(result.status).toBe(EXIT_CODE.crashed);
      expect(result.stderr).toMatch(new RegExp(header('expect-message')));
      expect(result.stdout + result.stderr).not.toMatch(/LEAKED/);
      const trace = validateTrace(
        readFileSync(tracePath, 'utf8')
          .trimEnd()
          .split('\n')
          .map((line): unknown => JSON.parse(line)),
      );
      expect(trace.at(-1)).toMatchObject({ kind: 'run.end', outcome: 'crashed' });
    },
    120_000,
  );
});

describe('the differential tests against python3', () => {
  // On a developer's machine without python3 they are reported as skipped, saying why.
  test.skipIf(python3 || inCI)('are skipped: python3 is not installed here', () => {});
  test.runIf(inCI)('run in CI: python3 is installed', () => {
    expect(python3, 'python3 is not installed on this CI runner').toBe(true);
  });
});

describe.runIf(python3)('programs the suite has never seen print what python3 prints', () => {
  // Random programs of tasks, sleeps, gather, wait_for, cancel and call_later, generated
  // from fixed seeds (on a 50 ms grid, so that a loaded machine's jitter cannot reorder them) and compared with native python3 live.
  for (let seed = 1; seed <= 12; seed++) {
    test(`random program #${seed}`, () => {
      const file = write(`random_${seed}.py`, generateProgram(seed));
      const ours = loopscope(['run', file]);
      // The engine's output is deterministic; native python3's can be thrown off by a machine
      // stalled for longer than half a grid step, so it gets up to three tries to agree.
      let native = spawnSync('python3', [file], { encoding: 'utf8', timeout: 30_000 });
      for (let retry = 0; retry < 2 && native.stdout !== ours.stdout; retry++) {
        native = spawnSync('python3', [file], { encoding: 'utf8', timeout: 30_000 });
      }
      expect(ours.stdout).toBe(native.stdout);
      expect(ours.status).toBe(native.status);
    });
  }
});

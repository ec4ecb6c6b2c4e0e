/**
 * The command line's sandbox, attacked. Every escape program in `escapes/` (with
 * `_payload.py` in front: what it does with whatever it reaches) runs through the real
 * `loopscope run` binary, and all of them as one course through the real `loopscope check`.
 * A program is contained when, after it ran: no marker file was written, the secret file's
 * content appears nowhere in the output, no TCP connection and no DNS query reached the
 * listeners this test opens on 127.0.0.1, the process it tried to kill is alive, the
 * environment's secret is not in the output, and `check` reported no pass for its lesson
 * (which expects the output of a successful escape). Each program also proves it walked its
 * route up to the wall (its `# expect:` lines).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createSocket, type Socket } from 'node:dgram';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const BIN = fileURLToPath(new URL('../../bin/loopscope.mjs', import.meta.url));
const ESCAPES = fileURLToPath(new URL('./escapes/', import.meta.url));
const PAYLOAD = readFileSync(join(ESCAPES, '_payload.py'), 'utf8');
const programs = readdirSync(ESCAPES)
  .filter((name) => /^\d+_\w+\.py$/.test(name))
  .sort();

const SECRET = `secret-${randomBytes(12).toString('hex')}`;
const ENV_SECRET = `env-secret-${randomBytes(12).toString('hex')}`;
const work = mkdtempSync(join(tmpdir(), 'loopscope-hostile-cli-'));
const secretPath = join(work, 'secret.txt');
const markerDir = join(work, 'markers');
const programDir = join(work, 'programs');
const courseDir = join(work, 'course');

let tcp: Server;
let dns: Socket;
let victim: ChildProcess;
const contacts: string[] = [];
const tally = { tried: 0, contained: 0 };

function listen(server: Server): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );
}

beforeAll(async () => {
  writeFileSync(secretPath, SECRET);
  for (const dir of [markerDir, programDir, courseDir]) mkdirSync(dir);
  tcp = createServer((socket) => {
    contacts.push('tcp');
    socket.on('data', (data) => contacts.push(`tcp: ${data.toString()}`));
  });
  const tcpPort = await listen(tcp);
  dns = createSocket('udp4');
  dns.on('message', () => contacts.push('dns'));
  const dnsPort = await new Promise<number>((resolve) =>
    dns.bind(0, '127.0.0.1', () => resolve(dns.address().port)),
  );
  victim = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 600000)'], { stdio: 'ignore' });
  for (const name of programs) {
    const route = name.replace(/\.py$/, '');
    const values: Record<string, string> = {
      SECRET_PATH: JSON.stringify(secretPath),
      MARKER_DIR: JSON.stringify(markerDir),
      TCP_PORT: String(tcpPort),
      DNS_PORT: String(dnsPort),
      VICTIM_PID: String(victim.pid),
      ROUTE: JSON.stringify(route),
    };
    const payload = PAYLOAD.replace(/\{\{(\w+)\}\}/g, (_, key: string) => values[key] ?? '');
    const code = `${payload}\n${readFileSync(join(ESCAPES, name), 'utf8')}`;
    writeFileSync(join(programDir, name), code);
    // As a lesson: a whole program (it starts an event loop) that, the lesson says, prints
    // what a successful escape prints.
    writeFileSync(
      join(courseDir, `${route}.md`),
      `# ${route}\n\n\`\`\`\`python\n${code}\nimport asyncio\nasyncio.run(asyncio.sleep(0))\n\`\`\`\`\n\nOutput:\n\n\`\`\`\nESCAPED\n\`\`\`\n`,
    );
  }
});

afterAll(() => {
  console.log(`hostile command line: ${tally.tried} escapes tried, ${tally.contained} contained`);
  tcp.close();
  dns.close();
  victim.kill();
  rmSync(work, { recursive: true, force: true });
});

function loopscope(args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, LANG: 'en_US.UTF-8', LOOPSCOPE_TEST_SECRET: ENV_SECRET },
    timeout: 540_000,
  });
  return { output: `${result.stdout}${result.stderr}`, status: result.status };
}

function victimAlive(): boolean {
  try {
    process.kill(victim.pid ?? 0, 0);
    return true;
  } catch {
    return false;
  }
}

/** Asserts that nothing got out; counts one escape tried and, if it holds, contained. */
function expectContained(output: string): void {
  tally.tried += 1;
  expect(readdirSync(markerDir)).toEqual([]);
  expect(output).not.toContain(SECRET);
  expect(output).not.toContain(ENV_SECRET);
  expect(output).not.toMatch(/^ESCAPED$/m);
  expect(contacts).toEqual([]);
  expect(victimAlive()).toBe(true);
  tally.contained += 1;
}

function expectations(name: string): string[] {
  return readFileSync(join(ESCAPES, name), 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('# expect: '))
    .map((line) => line.slice('# expect: '.length));
}

describe('escape programs run by loopscope run are contained', () => {
  test('there are escape programs, each stating what it must reach', () => {
    expect(programs.length).toBeGreaterThanOrEqual(12);
    for (const name of programs) expect(expectations(name).length).toBeGreaterThan(0);
  });

  for (const name of programs) {
    test(name, { timeout: 300_000 }, () => {
      const result = loopscope([
        'run',
        join(programDir, name),
        '--timeout',
        '120000',
        '--max-events',
        '100000000',
      ]);
      expectContained(result.output);
      expect(result.output).toMatch(/^contained$/m);
      for (const line of expectations(name)) expect(result.output).toContain(line);
    });
  }
});

describe('escape lessons checked by loopscope check are contained and never pass', () => {
  test('every lesson fails its check, and nothing got out', { timeout: 600_000 }, () => {
    const result = loopscope(['check', courseDir]);
    for (let i = 0; i < programs.length; i++) expectContained(result.output);
    expect(result.output).toContain(`${programs.length} failed`);
    expect(result.output).not.toContain('✓');
    expect(result.status).toBe(1);
  });
});

describe('a lesson does not stay resident for the next run', () => {
  test(
    "a program's timers, callbacks and patches do not reach the programs after it",
    {
      timeout: 300_000,
    },
    () => {
      const lesson = join(work, 'resident.md');
      const prelude = `${PAYLOAD.replace(/\{\{\w+\}\}/g, 'None')}\nimport asyncio\nObject, Function = realm_intrinsics()\n`;
      // Callbacks due during the next runs, and marks on the realm's shared prototypes.
      // (Pyodide's scheduler is dropped before a run, by `cut_bridges`: tried all the same.)
      const plant = `${prelude}_pyodide_core = find_module("_pyodide_core")
def later(*args):
    print("RESIDENT")
callback = _pyodide_core.create_proxy(later)
api = attempt("pyodide_js._api", lambda: pyodide_api()._api)
for delay in (0, 1, 50, 500, 1000, 2000, 4000) if api is not None else ():
    api.scheduleCallback(callback, delay)
# Object.prototype and Function.prototype take no new property (lockRealm); Array.prototype does.
for prototype in (Object.prototype, Function.prototype):
    attempt("mark a locked prototype", lambda: setattr(prototype, "loopscopeResident", "RESIDENT"))
setattr(Object.getPrototypeOf(Object.keys(Object)), "loopscopeResident", "RESIDENT")
print("planted", getattr(Object.keys(Object), "loopscopeResident"))
asyncio.run(asyncio.sleep(0))
`;
      // Each looks for the marks in its own realm, after a wait in which the callbacks are due.
      const ordinary = (n: number) => `${prelude}async def main():
    await asyncio.sleep(0.5)
    print("ordinary ${n}", getattr(Object.keys(Object), "loopscopeResident", None))
asyncio.run(main())
`;
      const scenario = (title: string, code: string, expected: string) =>
        `## ${title}\n\n\`\`\`\`python\n${code}\`\`\`\`\n\nOutput:\n\n\`\`\`\n${expected}\n\`\`\`\n\n`;
      writeFileSync(
        lesson,
        `# Residency\n\n${scenario('Plant', plant, 'planted RESIDENT')}${[1, 2, 3]
          .map((n) => scenario(`Ordinary ${n}`, ordinary(n), `ordinary ${n} None`))
          .join('')}`,
      );
      const result = loopscope(['check', '--jobs', '1', lesson]);
      tally.tried += 1;
      expect(result.output).not.toContain('RESIDENT');
      expect(result.output).toContain('1 lesson, 4 scenarios: 4 passed.');
      expect(result.status).toBe(0);
      tally.contained += 1;
    },
  );
});

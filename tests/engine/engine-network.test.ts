/**
 * The loopback network (docs/engine.md, "The loopback network"): latency on the virtual clock,
 * what the trace says about the selector, and the clear error for anything but the loopback.
 * What programs print over the loopback, natively, is pinned by the conformance programs
 * 200–210.
 */
import { describe, expect, test } from 'vitest';
import type { ProgramResult } from '../../src-engine/node/engine.ts';
import {
  applyEvent,
  createRunState,
  foldTrace,
  TraceFoldError,
} from '../../src-shared/loop-state.ts';
import type { IoSocket } from '../../src-shared/trace.ts';
import { validateTrace } from '../../src-shared/trace-validate.ts';
import { endOf, eventsOf, useEngine } from './engine-fixture.ts';

const engine = useEngine();

function run(code: string): Promise<ProgramResult> {
  return engine().run({ code, filename: '/home/student/program.py' });
}

/** Three clients ask at once over connections with the given latencies (in seconds). */
const threeRequests = (latencies: string) => `
import asyncio
from loopscope import set_latency

LATENCY = ${latencies}

async def handle(reader, writer):
    request = await reader.readline()
    writer.write(b"re " + request)
    await writer.drain()
    writer.close()

async def ask(name, start, loop):
    reader, writer = await asyncio.open_connection("127.0.0.1", 8888)
    set_latency(writer, LATENCY[name])
    writer.write(name.encode() + b"\\n")
    answer = await reader.readline()
    print(round(loop.time() - start, 3), answer.decode().strip())

async def main():
    loop = asyncio.get_running_loop()
    server = await asyncio.start_server(handle, "127.0.0.1", 8888)
    async with server:
        start = loop.time()
        await asyncio.gather(*(ask(name, start, loop) for name in "ABC"))

asyncio.run(main())
`;

describe('latency on the virtual clock', () => {
  test('an answer arrives after a round trip of the connection’s latency, so answers overtake', async () => {
    const result = await run(threeRequests('{"A": 0.3, "B": 0.05, "C": 0.2}'));
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('0.1 re B\n0.4 re C\n0.6 re A\n');
  });

  test('without latency every answer is back at once, in the order asked', async () => {
    const result = await run(threeRequests('{"A": 0, "B": 0, "C": 0}'));
    expect(result.stdout).toBe('0.0 re A\n0.0 re B\n0.0 re C\n');
  });

  test('a server’s latency applies to the connections it accepts, connecting included', async () => {
    const result = await run(`
import asyncio, socket
from loopscope import set_latency

async def handle(reader, writer):
    writer.write(await reader.readline())
    await writer.drain()
    writer.close()

async def main():
    loop = asyncio.get_running_loop()
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    set_latency(server, 0.25)
    start = loop.time()
    reader, writer = await asyncio.open_connection(*server.sockets[0].getsockname())
    print("connected", round(loop.time() - start, 3))
    writer.write(b"x\\n")
    print(await reader.readline(), round(loop.time() - start, 3))
    writer.close()
    server.close()

asyncio.run(main())
`);
    expect(result.stdout).toBe("connected 0.25\nb'x\\n' 0.75\n");
  });

  test('bad latencies and targets are refused with a clear message', async () => {
    const result = await run(`
import asyncio, math
from loopscope import set_latency

async def main():
    server = await asyncio.start_server(lambda r, w: None, "127.0.0.1", 0)
    for target, seconds in ((server, -1), (server, math.nan), (server, math.inf), (42, 1)):
        try:
            set_latency(target, seconds)
        except (TypeError, ValueError) as error:
            print(type(error).__name__, error)
    server.close()

asyncio.run(main())
`);
    expect(result.stdout.split('\n').filter(Boolean)).toEqual([
      'ValueError latency must be a finite number of seconds, at least 0, not -1.0',
      'ValueError latency must be a finite number of seconds, at least 0, not nan',
      'ValueError latency must be a finite number of seconds, at least 0, not inf',
      'TypeError set_latency() needs a connection (a StreamWriter, a transport or a socket) or a server, not int',
    ]);
  });
});

describe('the selector phase in the trace', () => {
  test('a select records what it waits on when that changed, and the sockets that became ready', async () => {
    const result = await run(threeRequests('{"A": 0.3, "B": 0.05, "C": 0.2}'));
    const events = validateTrace(result.events);
    const waits = eventsOf(result, 'io.wait');
    const readies = eventsOf(result, 'io.ready');
    // Every io.wait directly follows its loop.select, and records a change: fewer of them
    // than polls, each adding, changing or removing at least one socket.
    expect(waits.length).toBeGreaterThan(0);
    expect(waits.length).toBeLessThan(readies.length);
    for (const wait of waits) {
      expect(events[wait.seq - 1]?.kind).toBe('loop.select');
      expect(wait.sockets.length + (wait.removed?.length ?? 0)).toBeGreaterThan(0);
    }
    // The server's sockets close at the end: the last change removes what was left.
    expect(waits.at(-1)?.removed?.length).toBeGreaterThan(0);
    const listener = waits[0]?.sockets[0];
    expect(listener).toMatchObject({ read: true, write: false, listening: true });
    expect(listener?.local).toBe('127.0.0.1:8888');
    // The server's connection for B is ready first, once its request arrives at 0.05 s.
    const firstData = readies.find((ready) =>
      ready.sockets.some((socket) => !socket.listening && socket.read && ready.t > 0.01),
    );
    expect(firstData?.t).toBeCloseTo(0.05, 6);
    // Each ready socket's callback joins the ready queue right after io.ready.
    const pushed = events[(firstData?.seq ?? 0) + 1];
    expect(pushed).toMatchObject({
      kind: 'handle.push',
      callback: '_SelectorSocketTransport._read_ready',
    });
    // The clock jumped to the arrival: the loop waited for the socket, not for a timer.
    const jump = eventsOf(result, 'loop.wait').find((wait) => Math.abs(wait.until - 0.05) < 1e-6);
    expect(jump).toBeDefined();
    // The fold keeps what the last poll waited on.
    const state = foldTrace(events.slice(0, (firstData?.seq ?? 0) + 1));
    const loop = state.loops.get(firstData?.loop ?? 0);
    expect(loop?.readySockets).toEqual(firstData?.sockets.map((socket) => socket.fd));
    expect(loop?.sockets.length).toBeGreaterThanOrEqual(loop?.readySockets.length ?? 0);
  });

  test('the fold applies each change, and takes an io.wait without removed (an older trace) as the whole set', () => {
    const socket = (fd: number, read = true): IoSocket => ({
      fd,
      read,
      write: !read,
      listening: false,
      local: '127.0.0.1:8888',
      peer: null,
    });
    const state = createRunState();
    const wait = (seq: number, sockets: IoSocket[], removed?: number[]) =>
      applyEvent(state, {
        seq,
        t: 0,
        kind: 'io.wait',
        loop: 1,
        sockets,
        ...(removed && { removed }),
      });
    const waited = () => state.loops.get(1)?.sockets;
    wait(0, [socket(7), socket(5)], []);
    expect(waited()).toEqual([socket(5), socket(7)]);
    wait(1, [socket(7, false), socket(6)], [5]);
    expect(waited()).toEqual([socket(6), socket(7, false)]);
    wait(2, [socket(9)]);
    expect(waited()).toEqual([socket(9)]);
    expect(() => wait(3, [], [4])).toThrow(TraceFoldError);
  });

  test('a program without sockets records no io events', async () => {
    const result = await run(`
import asyncio
asyncio.run(asyncio.sleep(0.1))
`);
    expect(eventsOf(result, 'io.wait')).toEqual([]);
    expect(eventsOf(result, 'io.ready')).toEqual([]);
  });

  test('a server nobody connects to leaves the run stuck, as it would wait forever', async () => {
    const result = await run(`
import asyncio
async def main():
    server = await asyncio.start_server(lambda r, w: None, "127.0.0.1", 8888)
    await server.serve_forever()
asyncio.run(main())
`);
    expect(endOf(result).outcome).toBe('stuck');
  });
});

describe('nothing but the loopback', () => {
  test('a name or an address elsewhere fails as on a Linux machine whose DNS resolves nothing and that has no route off the loopback', async () => {
    const result = await run(`
import asyncio, socket
async def main():
    for host in ("example.com", "10.0.0.1", "2001:db8::1"):
        try:
            await asyncio.open_connection(host, 80)
        except OSError as error:
            print(type(error).__name__, error)
    try:
        socket.create_connection(("192.168.1.1", 443))
    except OSError as error:
        print(type(error).__name__, error.errno, error.errno == errno.ENETUNREACH)
import errno
asyncio.run(main())
`);
    expect(result.stdout).toBe(
      [
        'gaierror [Errno -2] Name or service not known',
        'OSError [Errno 101] Network is unreachable',
        'OSError [Errno 101] Network is unreachable',
        'OSError 101 True',
        '',
      ].join('\n'),
    );
  });

  test('IPv6 loopback works as IPv4 does', async () => {
    const result = await run(`
import asyncio
async def handle(reader, writer):
    writer.write(b"six")
    writer.close()
async def main():
    server = await asyncio.start_server(handle, "::1", 0)
    host, port, *_ = server.sockets[0].getsockname()
    reader, writer = await asyncio.open_connection(host, port)
    print(host, await reader.read(), writer.get_extra_info("peername")[0])
    writer.close()
    server.close()
asyncio.run(main())
`);
    expect(result.stdout).toBe("::1 b'six' ::1\n");
  });

  test('Unix sockets and UDP, which the network lacks, fail with errors that say so', async () => {
    const result = await run(`
import asyncio, socket
async def main():
    for call in (
        lambda: asyncio.start_unix_server(lambda r, w: None, "/tmp/server.sock"),
        lambda: asyncio.open_unix_connection("/tmp/server.sock"),
    ):
        try:
            await call()
        except NotImplementedError as error:
            print(type(error).__name__, error)
asyncio.run(main())
for kind in (socket.SOCK_DGRAM, socket.SOCK_RAW):
    try:
        socket.socket(socket.AF_INET, kind)
    except OSError as error:
        print(type(error).__name__, error)
`);
    expect(result.stderr).toBe('');
    const missing = (what: string) =>
      `NotImplementedError Loopscope runs asyncio on a virtual clock, with TCP sockets on the loopback only (no Unix sockets, UDP, pipes, subprocesses or signals): ${what} is not available here.`;
    const noType = (kind: string) =>
      `OSError [Errno 94] Loopscope's network has TCP sockets only (SOCK_STREAM, on the loopback): a socket of type ${kind} (UDP, raw) is not available here`;
    expect(result.stdout).toBe(
      [
        missing('create_unix_server'),
        missing('create_unix_connection'),
        noType('SOCK_DGRAM'),
        noType('SOCK_RAW'),
        '',
      ].join('\n'),
    );
  });
});

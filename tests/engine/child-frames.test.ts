/**
 * The frames a confined child's messages come in (`MESSAGES_FD`): read whole, in order,
 * however the pipe cuts them, and refused past the limit.
 */
import { PassThrough } from 'node:stream';
import { serialize, deserialize } from 'node:v8';
import { describe, expect, test } from 'vitest';
import { readFrames } from '../../src-engine/node/child-port.ts';

function frame(message: unknown): Buffer {
  const body = serialize(message);
  const head = Buffer.alloc(4);
  head.writeUInt32LE(body.length, 0);
  return Buffer.concat([head, body]);
}

function read(
  chunks: Buffer[],
  limit: number | (() => number) = 1 << 20,
): { messages: unknown[]; refused: boolean } {
  const stream = new PassThrough();
  const messages: unknown[] = [];
  let refused = false;
  readFrames(
    stream,
    limit,
    (body) => messages.push(deserialize(body)),
    () => (refused = true),
  );
  for (const chunk of chunks) stream.emit('data', chunk);
  return { messages, refused };
}

describe("a child's message frames", () => {
  const sent = [
    { type: 'ready' },
    { type: 'events', id: 1, batch: new Uint8Array(100_000).fill(7) },
    { type: 'done', id: 1 },
  ];
  const bytes = Buffer.concat(sent.map(frame));

  test('arrive whole and in order when the pipe gives them in one piece', () => {
    expect(read([bytes])).toEqual({ messages: sent, refused: false });
  });

  test('arrive whole and in order however the pipe cuts them, even inside a length', () => {
    for (const size of [1, 3, 4, 5, 4096, 65_536]) {
      const chunks: Buffer[] = [];
      for (let at = 0; at < bytes.length; at += size) chunks.push(bytes.subarray(at, at + size));
      expect(read(chunks).messages).toEqual(sent);
    }
  });

  test('a frame longer than the limit is refused, and nothing after it is read', () => {
    const result = read(
      [frame({ type: 'ready' }), frame('y'.repeat(5000)), frame({ type: 'done' })],
      1000,
    );
    expect(result).toEqual({ messages: [{ type: 'ready' }], refused: true });
  });

  test('the limit is read for each frame: it can fall once a big frame has come', () => {
    let limit = 10_000;
    const result = read(
      [frame('s'.repeat(5000)), frame({ type: 'ready' }), frame('y'.repeat(5000))],
      () => {
        const now = limit;
        limit = 1000;
        return now;
      },
    );
    expect(result).toEqual({ messages: ['s'.repeat(5000), { type: 'ready' }], refused: true });
  });
});

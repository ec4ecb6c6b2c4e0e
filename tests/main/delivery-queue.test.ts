import { describe, expect, it } from 'vitest';
import { createDeliveryQueue } from '../../src-main/delivery-queue.ts';

describe('a delivery queue', () => {
  it('keeps what is posted before there is a receiver, and hands it over in one batch', () => {
    const queue = createDeliveryQueue<string>();
    queue.post('/home/a.md');
    queue.post('/home/b.md', '/home/c.py');
    const batches: string[][] = [];
    queue.deliverTo((items) => batches.push(items));
    expect(batches).toEqual([['/home/a.md', '/home/b.md', '/home/c.py']]);
  });

  it('hands later posts over as they come, each post one batch, and nothing empty', () => {
    const queue = createDeliveryQueue<number>();
    const batches: number[][] = [];
    queue.deliverTo((items) => batches.push(items));
    queue.post(1);
    queue.post(2, 3);
    queue.post();
    expect(batches).toEqual([[1], [2, 3]]);
  });

  it('keeps items again while the receiver is away, and gives them to the next one', () => {
    const queue = createDeliveryQueue<string>();
    const first: string[][] = [];
    const second: string[][] = [];
    queue.deliverTo((items) => first.push(items));
    queue.post('before the reload');
    queue.hold();
    queue.post('during the reload');
    expect(first).toEqual([['before the reload']]);
    queue.deliverTo((items) => second.push(items));
    expect(second).toEqual([['during the reload']]);
  });
});

import { EventQueue, SeededRandom, deriveSeed } from '@kz/raft/testing';

describe('SeededRandom', () => {
  it('replays the same stream from the same seed', () => {
    const a = new SeededRandom(42);
    const b = new SeededRandom(42);
    const drawsA = Array.from({ length: 20 }, () => a.next());
    const drawsB = Array.from({ length: 20 }, () => b.next());
    expect(drawsA).toEqual(drawsB);
    expect(new Set(drawsA).size).toBe(20);
  });

  it('stays in range', () => {
    const r = new SeededRandom(7);
    for (let i = 0; i < 1000; i++) {
      const x = r.next();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
      const n = r.int(3, 9);
      expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(9);
    }
  });

  it('never draws for certain outcomes, so calm links consume no randomness', () => {
    const r = new SeededRandom(1);
    const twin = new SeededRandom(1);
    expect(r.chance(0)).toBe(false);
    expect(r.chance(1)).toBe(true);
    expect(r.next()).toBe(twin.next());
  });

  it('derives independent, stable seeds per label', () => {
    expect(deriveSeed(5, 'network')).toBe(deriveSeed(5, 'network'));
    expect(deriveSeed(5, 'network')).not.toBe(deriveSeed(5, 'disk'));
    expect(deriveSeed(5, 'node', 1, 1)).not.toBe(deriveSeed(5, 'node', 1, 2));
    expect(deriveSeed(5, 'x')).not.toBe(deriveSeed(6, 'x'));
  });
});

describe('EventQueue', () => {
  it('orders by time, then by insertion', () => {
    const q = new EventQueue<string>();
    q.push(10, 'c');
    q.push(5, 'a');
    q.push(10, 'd');
    q.push(5, 'b');
    q.push(1, 'first');
    const order: string[] = [];
    for (let e = q.pop(); e !== undefined; e = q.pop()) order.push(e.item);
    expect(order).toEqual(['first', 'a', 'b', 'c', 'd']);
  });

  it('keeps ties in insertion order at scale', () => {
    const q = new EventQueue<number>();
    const r = new SeededRandom(3);
    for (let i = 0; i < 500; i++) q.push(r.int(0, 20), i);
    let last = { at: -1, item: -1 };
    for (let e = q.pop(); e !== undefined; e = q.pop()) {
      expect(e.at > last.at || (e.at === last.at && e.item > last.item)).toBe(true);
      last = { at: e.at, item: e.item };
    }
  });
});

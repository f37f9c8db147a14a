import { DelayedFetches } from '../../src/server/delayed-fetch';
import type { FetchResponse } from '../../src/protocol/fetch';

const DONE: FetchResponse = { errorCode: 0, topics: [] };

describe('DelayedFetches', () => {
  test('a parked fetch is read again once per retry, however many of its partitions changed', () => {
    const fetches = new DelayedFetches();
    const keys = new Set(Array.from({ length: 1000 }, (_, i) => `t:${i}`));
    let reads = 0;
    void fetches.park(keys, 1000, () => {
      reads++;
      return null;
    });
    for (const key of keys) fetches.wake(key);
    expect(reads).toBe(0);
    fetches.retryWoken(10);
    expect(reads).toBe(1);
    // Nothing woke it since: a retry reads nothing.
    fetches.retryWoken(11);
    expect(reads).toBe(1);
    expect(fetches.size).toBe(1);
  });

  test('only fetches waiting on a changed partition are read again, and a done one is answered', async () => {
    const fetches = new DelayedFetches();
    const reads = { a: 0, b: 0 };
    const a = fetches.park(new Set(['t:0', 't:1']), 1000, () => {
      reads.a++;
      return DONE;
    });
    void fetches.park(new Set(['t:2']), 1000, () => {
      reads.b++;
      return null;
    });
    fetches.wake('t:1');
    fetches.retryWoken(5);
    await expect(a).resolves.toBe(DONE);
    expect(reads).toEqual({ a: 1, b: 0 });
    expect(fetches.size).toBe(1);
  });

  test('a fetch answered at its deadline is not read again when woken afterwards', () => {
    const fetches = new DelayedFetches();
    let reads = 0;
    void fetches.park(new Set(['t:0']), 100, (_now, expired) => {
      reads++;
      return expired ? DONE : null;
    });
    fetches.wake('t:0');
    fetches.expire(100);
    expect(reads).toBe(1);
    fetches.retryWoken(101);
    expect(reads).toBe(1);
    expect(fetches.size).toBe(0);
  });

  test('a read is told which partitions woke it, each once, and a session map serves as the keys', () => {
    const fetches = new DelayedFetches();
    const session = new Map([['t:0', 'a'], ['t:1', 'b'], ['t:2', 'c']]);
    const told: string[][] = [];
    void fetches.park(session, 1000, (_now, expired, woken) => {
      told.push([...woken].sort());
      return expired ? DONE : null;
    });
    fetches.wake('t:2');
    fetches.wake('t:0');
    fetches.wake('t:2');
    fetches.wake('t:9');
    fetches.retryWoken(5);
    // A partition added to the session later wakes it too: the map is read at every wake.
    session.set('t:9', 'd');
    fetches.wake('t:9');
    fetches.retryWoken(6);
    fetches.expire(1000);
    expect(told).toEqual([['t:0', 't:2'], ['t:9'], []]);
  });
});

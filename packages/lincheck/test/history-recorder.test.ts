import {
  checkOperations,
  HistoryRecorder,
  kvModel,
  type KvInput,
  type KvOutput,
  type OperationHandle,
} from '@kz/lincheck';
import { applyToMap, mulberry32 } from './helpers';

describe('HistoryRecorder', () => {
  test('records intervals from the injected clock, in invocation order', () => {
    let now = 0;
    const rec = new HistoryRecorder<string, number>(() => now);
    const a = rec.invoke(0, 'a');
    now = 5;
    const b = rec.invoke(1, 'b');
    now = 7;
    rec.complete(b, 2);
    now = 9;
    rec.complete(a, 1);
    expect(rec.operations()).toEqual([
      { clientId: 0, input: 'a', output: 1, call: 0, return: 9 },
      { clientId: 1, input: 'b', output: 2, call: 5, return: 7 },
    ]);
  });

  test('explicit timestamps override the clock', () => {
    const rec = new HistoryRecorder<string, number>(() => {
      throw new Error('clock should not be read');
    });
    rec.complete(rec.invoke(3, 'x', 100), 1, 150);
    expect(rec.operations()).toEqual([{ clientId: 3, input: 'x', output: 1, call: 100, return: 150 }]);
  });

  test('an unknown outcome is open-ended', () => {
    const rec = new HistoryRecorder<string, string>(() => 1);
    rec.unknown(rec.invoke(0, 'x'), '?');
    expect(rec.operations()).toEqual([{ clientId: 0, input: 'x', output: '?', call: 1, return: Infinity }]);
  });

  test('refuses to hand out a history with invocations still open', () => {
    const rec = new HistoryRecorder<string, string>(() => 1);
    rec.invoke(0, 'x');
    rec.complete(rec.invoke(1, 'y'), 'done');
    expect(rec.pendingCount).toBe(1);
    expect(() => rec.operations()).toThrow(/1 invocation\(s\) still open/);
    expect(rec.abandonPending('?')).toBe(1);
    expect(rec.pendingCount).toBe(0);
    expect(rec.operations().map((o) => o.return)).toEqual([Infinity, 1]);
  });

  test('rejects misuse', () => {
    const rec = new HistoryRecorder<string, string>(() => 10);
    const h = rec.invoke(0, 'x');
    expect(() => rec.complete(h, 'r', 9)).toThrow(RangeError);
    rec.complete(h, 'r');
    expect(() => rec.complete(h, 'r')).toThrow(/already finished/);
    expect(() => rec.unknown(h, 'r')).toThrow(/already finished/);
    expect(() => rec.complete((h + 1) as OperationHandle, 'r')).toThrow(/unknown handle/);
    expect(() => rec.invoke(0, 'x', NaN)).toThrow(RangeError);
  });

  test('defaults to a monotonic clock', () => {
    const rec = new HistoryRecorder<string, string>();
    const h = rec.invoke(0, 'x');
    rec.complete(h, 'y');
    const [op] = rec.operations();
    expect(op!.return).toBeGreaterThanOrEqual(op!.call);
  });

  test('a history recorded from concurrent async clients of a correct store checks ok', async () => {
    const rand = mulberry32(1);
    const store = new Map<string, string>();
    const tick = () => new Promise<void>((resolve) => setImmediate(resolve));
    /** A server that applies each request at some point after it arrives, after a random number of ticks. */
    const serve = async (input: KvInput): Promise<KvOutput> => {
      for (let i = Math.floor(rand() * 3); i > 0; i--) await tick();
      const output = applyToMap(store, input);
      for (let i = Math.floor(rand() * 3); i > 0; i--) await tick();
      return output;
    };
    const rec = new HistoryRecorder<KvInput, KvOutput>();
    const abandoned: Promise<KvOutput>[] = [];
    const client = async (clientId: number): Promise<void> => {
      for (let i = 0; i < 40; i++) {
        const key = `k${Math.floor(rand() * 2)}`;
        const input: KvInput =
          rand() < 0.5 ? { op: 'get', key } : { op: 'put', key, value: `${clientId}.${i}` };
        const handle = rec.invoke(clientId, input);
        if (rand() < 0.1) {
          // The client gives up; the request still reaches the store.
          abandoned.push(serve(input));
          rec.unknown(handle, { unknown: true });
        } else {
          rec.complete(handle, await serve(input));
        }
      }
    };
    await Promise.all([0, 1, 2, 3].map(client));
    await Promise.all(abandoned);
    expect(checkOperations(kvModel, rec.operations())).toEqual({ result: 'ok' });
  });
});

import fc from 'fast-check';
import { DeadlineQueue } from '../src/deadline-queue';

describe('DeadlineQueue', () => {
  it('gives back exactly the items due, each once, and knows the next deadline', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 20 }))), fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1 }), (pushes, nows) => {
        const queue = new DeadlineQueue<number>();
        for (const [at, item] of pushes) queue.push(at, item);
        let remaining = [...pushes];
        for (const now of [...nows].sort((a, b) => a - b)) {
          const due = queue.popDue(now);
          const expected = new Set(remaining.filter(([at]) => at <= now).map(([, item]) => item));
          expect(new Set(due)).toEqual(expected);
          expect(due).toHaveLength(expected.size);
          remaining = remaining.filter(([at]) => at > now);
          expect(queue.next).toBe(remaining.length === 0 ? Number.POSITIVE_INFINITY : Math.min(...remaining.map(([at]) => at)));
          expect(queue.size).toBe(remaining.length);
        }
      }),
      { numRuns: Number(process.env['FC_RUNS'] ?? 200), ...(process.env['FC_SEED'] === undefined ? {} : { seed: Number(process.env['FC_SEED']) }) },
    );
  });

  it('never queues what is never due', () => {
    const queue = new DeadlineQueue<string>();
    queue.push(Number.POSITIVE_INFINITY, 'never');
    expect(queue.size).toBe(0);
    expect(queue.popDue(Number.MAX_VALUE)).toEqual([]);
  });
});

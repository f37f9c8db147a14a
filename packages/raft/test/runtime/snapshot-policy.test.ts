import { nodeShare, snapshotDue, snapshotPolicy } from '../../src/runtime/snapshot-policy';

describe('snapshotDue', () => {
  test('with ratio 0 the byte count alone decides, whatever the state size', () => {
    const policy = { everyBytes: 100, stateRatio: 0, spread: 0 };
    expect(snapshotDue(policy, 99, 1_000_000)).toBe(false);
    expect(snapshotDue(policy, 100, 1_000_000)).toBe(true);
  });

  test('with ratio 1 the log must also reach the last snapshot size', () => {
    const policy = { everyBytes: 100, stateRatio: 1, spread: 0 };
    expect(snapshotDue(policy, 100, 0)).toBe(true);
    expect(snapshotDue(policy, 100, 250)).toBe(false);
    expect(snapshotDue(policy, 249, 250)).toBe(false);
    expect(snapshotDue(policy, 250, 250)).toBe(true);
    expect(snapshotDue({ everyBytes: 100, stateRatio: 2, spread: 0 }, 499, 250)).toBe(false);
    expect(snapshotDue({ everyBytes: 100, stateRatio: 2, spread: 0 }, 500, 250)).toBe(true);
  });

  test('a spread stretches whichever threshold applies', () => {
    expect(snapshotDue({ everyBytes: 100, stateRatio: 0, spread: 0.5 }, 149, 0)).toBe(false);
    expect(snapshotDue({ everyBytes: 100, stateRatio: 0, spread: 0.5 }, 150, 0)).toBe(true);
    expect(snapshotDue({ everyBytes: 100, stateRatio: 1, spread: 0.5 }, 299, 200)).toBe(false);
    expect(snapshotDue({ everyBytes: 100, stateRatio: 1, spread: 0.5 }, 300, 200)).toBe(true);
  });
});

describe('snapshotPolicy', () => {
  test('gives the nodes of a cluster different spreads within the jitter', () => {
    const spreads = [1, 2, 3, 4, 5].map((id) => snapshotPolicy(id, 100, 1, 0.5).spread);
    expect(new Set(spreads).size).toBe(5);
    for (const spread of spreads) expect(spread >= 0 && spread < 0.5).toBe(true);
    // Any two of three consecutive ids at least a tenth of the jitter apart.
    const [a, b, c] = [1, 2, 3].map(nodeShare) as [number, number, number];
    for (const [x, y] of [[a, b], [b, c], [a, c]] as const) expect(Math.abs(x - y)).toBeGreaterThan(0.1);
  });

  test('without jitter every node gets the same threshold', () => {
    expect([1, 2, 3].map((id) => snapshotPolicy(id, 100, 0, 0).spread)).toEqual([0, 0, 0]);
  });

  test.each([
    [-1, 0],
    [Number.NaN, 0],
    [Number.POSITIVE_INFINITY, 0],
    [0, -0.1],
    [0, 1.5],
    [0, Number.NaN],
  ])('refuses ratio %p with jitter %p', (ratio, jitter) => {
    expect(() => snapshotPolicy(1, 100, ratio, jitter)).toThrow(RangeError);
  });
});

import { checkedStateRatio, snapshotDue } from '../../src/runtime/snapshot-policy';

describe('snapshotDue', () => {
  test('with ratio 0 the byte count alone decides, whatever the state size', () => {
    const policy = { everyBytes: 100, stateRatio: 0 };
    expect(snapshotDue(policy, 99, 1_000_000)).toBe(false);
    expect(snapshotDue(policy, 100, 1_000_000)).toBe(true);
  });

  test('with ratio 1 the log must also reach the last snapshot size', () => {
    const policy = { everyBytes: 100, stateRatio: 1 };
    expect(snapshotDue(policy, 100, 0)).toBe(true);
    expect(snapshotDue(policy, 100, 250)).toBe(false);
    expect(snapshotDue(policy, 249, 250)).toBe(false);
    expect(snapshotDue(policy, 250, 250)).toBe(true);
    expect(snapshotDue({ everyBytes: 100, stateRatio: 2 }, 499, 250)).toBe(false);
    expect(snapshotDue({ everyBytes: 100, stateRatio: 2 }, 500, 250)).toBe(true);
  });
});

describe('checkedStateRatio', () => {
  test.each([-1, Number.NaN, Number.POSITIVE_INFINITY])('refuses %p', (ratio) => {
    expect(() => checkedStateRatio(ratio)).toThrow(RangeError);
  });
  test('takes 0 and positive ratios', () => {
    expect(checkedStateRatio(0)).toBe(0);
    expect(checkedStateRatio(1.5)).toBe(1.5);
  });
});

/** The low watermark (Partition.lowWatermarkIfLeader): the smallest log start over the leader and its followers on live brokers. */
import { initialFollowerState, updateFollowerFetchState } from '../../src/replication/follower-fetch-state';
import { lowWatermark } from '../../src/replication/low-watermark';

const reported = (id: number, logStart: number) => updateFollowerFetchState(initialFollowerState(id, true, 0), 10, 20, 20, logStart);

describe('lowWatermark', () => {
  it('is the smallest log start of the leader and its live followers', () => {
    expect(lowWatermark(8, [reported(2, 8), reported(3, 5)], () => true)).toBe(5);
    expect(lowWatermark(8, [reported(2, 9), reported(3, 12)], () => true)).toBe(8);
  });

  it('is -1 while a live follower has not reported a start to this leader', () => {
    expect(lowWatermark(8, [reported(2, 8), initialFollowerState(3, true, 0)], () => true)).toBe(-1);
  });

  it('does not count followers on brokers that are down', () => {
    expect(lowWatermark(8, [reported(2, 8), reported(3, 0)], (id) => id !== 3)).toBe(8);
    expect(lowWatermark(8, [initialFollowerState(3, true, 0)], () => false)).toBe(8);
  });
});

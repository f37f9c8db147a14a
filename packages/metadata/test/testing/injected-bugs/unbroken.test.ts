import { fenceTheLeader } from './fence-leader';

describe('the injected-bug story on the build as shipped', () => {
  it('fires nothing', async () => {
    for (const seed of [31, 32, 33, 34, 35]) {
      const { ms, fired } = await fenceTheLeader(seed);
      expect([...fired]).toEqual([]);
      // Leadership moved off the fenced broker: the path the bugs are put on ran.
      expect(ms.committed.image.topic('events')!.partitions[0]!.leader).not.toBe(4);
    }
  }, 120_000);
});

import { encodeRecordBatch } from '@kz/records';
import { instantCluster } from './instant-cluster';

test('three cores elect a leader and commit proposals', () => {
  const committed = new Map<number, number>([1, 2, 3].map((v) => [v, 0]));
  const readsReady: { readId: number; offset: number }[] = [];
  const { cores, run, drain, now: clock } = instantCluster((id, ready) => {
    committed.set(id, committed.get(id)! + ready.committed.length);
    readsReady.push(...ready.readsReady);
  });
  run(4000);
  let now = clock();
  const leaders = [...cores.values()].filter((c) => c.status().role === 'leader');
  expect(leaders).toHaveLength(1);
  const leader = leaders[0]!;
  const result = leader.propose(now, [encodeRecordBatch({ records: [{ key: null, value: Buffer.from('hello') }] })]);
  expect(result.ok).toBe(true);
  run(1000);
  now = clock();
  for (const core of cores.values()) {
    expect(core.status().highWatermark).toBe(leader.status().logEndOffset);
    expect(committed.get(core.status().nodeId)).toBe(2);
  }

  // A read is confirmed by a round of acknowledgements and served at the high watermark.
  const read = leader.readIndex(now);
  expect(read.ok).toBe(true);
  const follower = [...cores.values()].find((c) => c !== leader)!;
  expect(follower.readIndex(now)).toMatchObject({ ok: false, error: { code: 'NOT_LEADER_OR_FOLLOWER', leaderId: leader.status().nodeId } });
  drain();
  expect(readsReady).toEqual([{ readId: read.ok ? read.readId : -1, offset: leader.status().highWatermark }]);
});

import { encodeRecordBatch } from '@kz/records';
import type { FetchResponse } from '../../src/core/messages';
import { instantCluster } from './instant-cluster';

test('a proposal of several batches reaches a follower waiting in a long poll in one fetch', () => {
  const { cores, queue, run, now } = instantCluster();
  run(4000);
  const leader = [...cores.values()].find((c) => c.status().role === 'leader')!;
  // Every follower is now parked at the leader, waiting for data.
  expect(queue).toHaveLength(0);
  const batches = [1, 2, 3].map((n) => encodeRecordBatch({ records: Array.from({ length: n }, () => ({ key: null, value: Buffer.from('x') })) }));
  const result = leader.propose(now(), batches);
  expect(result.ok).toBe(true);
  const sent = leader.takeReady().messages.filter((m) => m.message.type === 'FetchResponse');
  expect(sent).toHaveLength(2);
  for (const { message } of sent) expect((message as FetchResponse).batches).toHaveLength(3);
});

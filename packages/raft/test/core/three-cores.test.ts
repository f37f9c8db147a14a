import { encodeRecordBatch } from '@kz/records';
import { INITIAL_ELECTION_STATE, RaftCore, type Outbound } from '@kz/raft';
import { SeededRandom } from '@kz/raft/testing';

test('three cores elect a leader and commit proposals', () => {
  const voters = [1, 2, 3];
  const cores = new Map(voters.map((id) => [id, RaftCore.start({ nodeId: id, voters, random: new SeededRandom(id).asFunction() }, { electionState: INITIAL_ELECTION_STATE, snapshot: null, batches: [] }, 0)]));
  const queue: { from: number; out: Outbound }[] = [];
  const committed = new Map<number, number>(voters.map((v) => [v, 0]));
  const readsReady: { readId: number; offset: number }[] = [];
  let now = 0;
  const drain = (): void => {
    for (let guard = 0; guard < 10000; guard++) {
      let progressed = false;
      for (const [id, core] of cores) {
        while (core.hasReady()) {
          progressed = true;
          const ready = core.takeReady();
          if (ready.persistId !== null) core.persisted(now, ready.persistId);
          for (const out of [...ready.messages, ...ready.messagesAfterPersist]) queue.push({ from: id, out });
          committed.set(id, committed.get(id)! + ready.committed.length);
          readsReady.push(...ready.readsReady);
        }
      }
      const next = queue.shift();
      if (next !== undefined) {
        progressed = true;
        cores.get(next.out.to)!.receive(now, next.from, next.out.message);
      }
      if (!progressed) return;
    }
  };
  for (let step = 0; step < 400; step++) {
    now += 10;
    for (const core of cores.values()) if (core.nextDeadline() <= now) core.tick(now);
    drain();
  }
  const leaders = [...cores.values()].filter((c) => c.status().role === 'leader');
  expect(leaders).toHaveLength(1);
  const leader = leaders[0]!;
  const result = leader.propose(now, [encodeRecordBatch({ records: [{ key: null, value: Buffer.from('hello') }] })]);
  expect(result.ok).toBe(true);
  for (let step = 0; step < 100; step++) {
    now += 10;
    for (const core of cores.values()) if (core.nextDeadline() <= now) core.tick(now);
    drain();
  }
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

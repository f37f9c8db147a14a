import { encodeRecordBatch } from '@kz/records';
import { INITIAL_ELECTION_STATE, RaftCore, type FetchResponse, type Outbound } from '@kz/raft';
import { SeededRandom } from '@kz/raft/testing';

/** Three cores with instant disks and a lossless network, stepped by hand. */
function cluster() {
  const voters = [1, 2, 3];
  const cores = new Map(voters.map((id) => [id, RaftCore.start({ nodeId: id, voters, random: new SeededRandom(id).asFunction() }, { electionState: INITIAL_ELECTION_STATE, snapshot: null, batches: [] }, 0)]));
  const queue: { from: number; out: Outbound }[] = [];
  let now = 0;
  const drain = (): void => {
    for (let guard = 0; guard < 10_000; guard++) {
      let progressed = false;
      for (const [id, core] of cores) {
        while (core.hasReady()) {
          progressed = true;
          const ready = core.takeReady();
          if (ready.persistId !== null) core.persisted(now, ready.persistId);
          for (const out of [...ready.messages, ...ready.messagesAfterPersist]) queue.push({ from: id, out });
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
  const run = (ms: number): void => {
    for (let t = 0; t < ms; t += 10) {
      now += 10;
      for (const core of cores.values()) if (core.nextDeadline() <= now) core.tick(now);
      drain();
    }
  };
  return { cores, queue, run, now: () => now };
}

test('a proposal of several batches reaches a follower waiting in a long poll in one fetch', () => {
  const { cores, queue, run, now } = cluster();
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

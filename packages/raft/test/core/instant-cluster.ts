import { INITIAL_ELECTION_STATE } from '../../src/core/quorum-state';
import { RaftCore } from '../../src/core/raft-core';
import type { Outbound, Ready } from '../../src/core/ready';
import { SeededRandom } from '../../src/testing/seeded-random';

/**
 * Three cores with instant disks and a lossless, in-order network, stepped by hand: every Ready
 * is persisted at once and its messages queued; `run` advances the clock in 10 ms steps, ticking
 * each core at its deadline and delivering until nothing moves. `onReady` sees every Ready.
 */
export function instantCluster(onReady: (id: number, ready: Ready) => void = () => undefined) {
  const voters = [1, 2, 3];
  const cores = new Map(
    voters.map((id) => [id, RaftCore.start({ nodeId: id, voters, random: new SeededRandom(id).asFunction() }, { electionState: INITIAL_ELECTION_STATE, snapshot: null, batches: [] }, 0)]),
  );
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
          onReady(id, ready);
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
  return { cores, queue, run, drain, now: (): number => now };
}

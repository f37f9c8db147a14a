import { RaftCore } from '../../src/core/raft-core';
import type { RaftMessage } from '../../src/core/messages';
import { SeededRandom } from '../../src/testing/seeded-random';

/**
 * One core, node 1, started in `epoch` with no vote and an empty log, for tests that hand it
 * messages one by one and read what it answers.
 */
export function loneCore(voters: number[], epoch: number): RaftCore {
  return RaftCore.start(
    { nodeId: 1, voters, random: new SeededRandom(1).asFunction() },
    { electionState: { epoch, votedFor: -1, leaderId: -1 }, snapshot: null, batches: [] },
    0,
  );
}

/** Persists every Ready at once and returns the messages they carried, in order. */
export function sentBy(core: RaftCore): RaftMessage[] {
  const out: RaftMessage[] = [];
  while (core.hasReady()) {
    const ready = core.takeReady();
    if (ready.persistId !== null) core.persisted(0, ready.persistId);
    out.push(...[...ready.messages, ...ready.messagesAfterPersist].map((o) => o.message));
  }
  return out;
}

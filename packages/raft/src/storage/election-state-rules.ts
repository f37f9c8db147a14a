/**
 * What a storage accepts as the next election state. Checked before anything is written, as a
 * last line of defence: the core is the one that keeps Raft's promises, but a storage that
 * silently records an epoch going backwards or a vote changing within an epoch would make a
 * core bug into a split brain. The storage refuses instead (InvalidPersistError).
 */
import { NO_NODE, type ElectionState } from '../core/quorum-state';
import { InvalidPersistError } from './storage-errors';

const INT32_MAX = 0x7fff_ffff;

/** Epochs and node ids are int32 in Kafka's protocol, and that is what the stored form holds. */
export function checkElectionState(state: ElectionState): void {
  const ok =
    isIntIn(state.epoch, 0, INT32_MAX) && isIntIn(state.votedFor, NO_NODE, INT32_MAX) && isIntIn(state.leaderId, NO_NODE, INT32_MAX);
  if (!ok) throw new InvalidPersistError(`election state ${JSON.stringify(state)} has a field outside int32 (ids >= -1, epoch >= 0)`);
}

/**
 * The epoch never decreases, and within one epoch a vote once cast is never changed nor
 * withdrawn (the leader id may come and go: a node forgets a leader that resigns).
 */
export function checkElectionTransition(current: ElectionState, next: ElectionState): void {
  checkElectionState(next);
  if (next.epoch < current.epoch) {
    throw new InvalidPersistError(`election epoch would go back from ${current.epoch} to ${next.epoch}`);
  }
  if (next.epoch === current.epoch && current.votedFor !== NO_NODE && next.votedFor !== current.votedFor) {
    throw new InvalidPersistError(
      `vote in epoch ${current.epoch} would change from ${current.votedFor} to ${next.votedFor}`,
    );
  }
}

function isIntIn(n: number, min: number, max: number): boolean {
  return Number.isInteger(n) && n >= min && n <= max;
}

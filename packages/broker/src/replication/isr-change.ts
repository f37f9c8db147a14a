/**
 * ISR changes as pure decisions (Kafka's Partition.maybeShrinkIsr / maybeExpandIsr /
 * handleAlterPartitionError, KIP-497). They only propose; LeaderReplicaState.beginIsrChange records
 * the proposal as in flight and yields the AlterPartition entry to send.
 */
import type { BrokerId, PartitionState } from '@kz/metadata';
import { isFollowerCaughtUp } from './follower-fetch-state';
import type { IsrExpandProposal, IsrShrinkProposal, IsrState } from './isr-state';
import type { LeaderReplicaState } from './partition-replicas';

/** replica.lag.time.max.ms's default. */
export const DEFAULT_REPLICA_LAG_TIME_MAX_MS = 30_000;

/**
 * ISR members to remove: every follower in the committed ISR that is not caught up, i.e. neither at
 * the leader's log end nor caught up within `replicaLagTimeMaxMs`. Kafka runs this every
 * lag/2 ms. The leader never removes itself. Nothing is proposed while a change is in flight.
 */
export function isrToShrink(state: LeaderReplicaState, now: number, replicaLagTimeMaxMs: number): IsrShrinkProposal | null {
  if (state.isIsrChangeInFlight) return null;
  const removing = state.isr.filter((id) => {
    if (id === state.leaderId) return false;
    const f = state.follower(id);
    // An ISR member that is not an assigned replica cannot fetch from us: it is out of sync.
    return f === undefined || !isFollowerCaughtUp(f, state.logEndOffset, now, replicaLagTimeMaxMs);
  });
  if (removing.length === 0) return null;
  return { kind: 'shrink', removing, newIsr: state.isr.filter((id) => !removing.includes(id)) };
}

/**
 * Followers to add: every assigned follower outside the ISR whose log end has reached both the high
 * watermark (it holds everything committed) and the leader epoch's start offset (it has truncated
 * away any divergent tail of an older epoch, KIP-101). Nothing is proposed while a change is in
 * flight.
 */
export function isrToExpand(state: LeaderReplicaState): IsrExpandProposal | null {
  if (state.isIsrChangeInFlight) return null;
  const hw = state.highWatermark();
  const adding: BrokerId[] = [];
  for (const f of state.followers) {
    if (state.isr.includes(f.brokerId)) continue;
    if (f.logEndOffset >= hw && f.logEndOffset >= state.leaderEpochStartOffset) adding.push(f.brokerId);
  }
  if (adding.length === 0) return null;
  return { kind: 'expand', adding, newIsr: [...state.isr, ...adding] };
}

/** One partition's answer to AlterPartition. ApiError fits `error`. */
export interface AlterPartitionResult {
  readonly error: { readonly code: string } | null;
  readonly state: PartitionState | null;
}

/** What to do with an AlterPartition answer. */
export type AlterPartitionOutcome =
  /** The controller committed this ISR at this partition epoch. */
  | { readonly kind: 'commit'; readonly isr: readonly BrokerId[]; readonly partitionEpoch: number }
  /** Refused for good: drop the pending change and go back to the committed ISR. */
  | { readonly kind: 'revert'; readonly error: string }
  /** The leader's view is stale: stay pending until new metadata settles it (onPartitionMetadata). */
  | { readonly kind: 'wait-for-metadata'; readonly error: string }
  /** A transient failure: send the pending request again. */
  | { readonly kind: 'retry'; readonly error: string }
  /** An answer that is not for the change in flight, or is older than what we know: nothing changes. */
  | { readonly kind: 'ignore'; readonly reason: string };

/** Errors after which the leader reverts to its committed ISR rather than retry. */
const REVERT_ERRORS: ReadonlySet<string> = new Set(['OPERATION_NOT_ATTEMPTED', 'INELIGIBLE_REPLICA']);
/**
 * Errors meaning the leader's leader or partition epoch is out of date (or the partition is gone):
 * a retry would be refused again, and the metadata that explains it is on its way.
 */
const WAIT_FOR_METADATA_ERRORS: ReadonlySet<string> = new Set([
  // A deposed leader: the controller checks leadership before the leader epoch.
  'NOT_LEADER_OR_FOLLOWER',
  'UNKNOWN_TOPIC_OR_PARTITION',
  'UNKNOWN_TOPIC_ID',
  'FENCED_LEADER_EPOCH',
  'INVALID_UPDATE_VERSION',
  'INVALID_REQUEST',
  'NEW_LEADER_ELECTED',
]);

/** Kafka's handleAlterPartitionError / handleAlterPartitionUpdate as a pure decision. */
export function alterPartitionOutcome(isrState: IsrState, leaderEpoch: number, result: AlterPartitionResult): AlterPartitionOutcome {
  if (isrState.kind === 'committed') return { kind: 'ignore', reason: 'no ISR change is in flight' };
  const { error, state } = result;
  if (error !== null) {
    if (REVERT_ERRORS.has(error.code)) return { kind: 'revert', error: error.code };
    if (WAIT_FOR_METADATA_ERRORS.has(error.code)) return { kind: 'wait-for-metadata', error: error.code };
    return { kind: 'retry', error: error.code };
  }
  if (state === null) return { kind: 'retry', error: 'UNKNOWN_SERVER_ERROR' };
  if (state.leaderEpoch !== leaderEpoch) {
    return { kind: 'ignore', reason: `answer is for leader epoch ${state.leaderEpoch}, ours is ${leaderEpoch}` };
  }
  if (state.partitionEpoch < isrState.partitionEpoch) {
    return { kind: 'ignore', reason: `answer has partition epoch ${state.partitionEpoch}, ours is ${isrState.partitionEpoch}` };
  }
  return { kind: 'commit', isr: state.isr, partitionEpoch: state.partitionEpoch };
}

/** Applies the controller's answer to `state` and returns what was decided (on 'retry', resend state.pendingAlterPartition()). */
export function onAlterPartitionResult(state: LeaderReplicaState, result: AlterPartitionResult): AlterPartitionOutcome {
  const outcome = alterPartitionOutcome(state.isrState, state.leaderEpoch, result);
  if (outcome.kind === 'commit') state.commitIsr(outcome.isr, outcome.partitionEpoch);
  else if (outcome.kind === 'revert') state.revertIsrChange();
  return outcome;
}

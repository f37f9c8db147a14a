/** A proposal was appended but replaced by another leader's batch before it committed. */
export class ProposalLostError extends Error {
  override readonly name = 'ProposalLostError';
  readonly code = 'NOT_LEADER_OR_FOLLOWER';
}

/** No answer within the caller's timeout; the proposal may still commit later. */
export class RequestTimedOutError extends Error {
  override readonly name = 'RequestTimedOutError';
  readonly code = 'REQUEST_TIMED_OUT';
}

/** The node is stopping or stopped. */
export class NodeStoppedError extends Error {
  override readonly name = 'NodeStoppedError';
  readonly code = 'BROKER_NOT_AVAILABLE';
}

/** A proposal larger than the node's batch limit; nothing was appended. */
export class RecordBatchTooLargeError extends Error {
  override readonly name = 'RecordBatchTooLargeError';
  readonly code = 'RECORD_LIST_TOO_LARGE';
}

/**
 * A voter change (KIP-853 AddRaftVoter / RemoveRaftVoter) the leader refused; nothing was appended.
 * `code` is Kafka's error name: REQUEST_TIMED_OUT (another change is not committed yet, the leader
 * has not committed in its epoch, or the new voter is not caught up), DUPLICATE_VOTER,
 * VOTER_NOT_FOUND, UNSUPPORTED_VERSION (static voters), INVALID_REQUEST.
 */
export class VoterChangeError extends Error {
  override readonly name = 'VoterChangeError';
  constructor(
    readonly code: 'UNSUPPORTED_VERSION' | 'REQUEST_TIMED_OUT' | 'DUPLICATE_VOTER' | 'VOTER_NOT_FOUND' | 'INVALID_REQUEST',
    message: string,
  ) {
    super(message);
  }
}

/** The storage was formatted for another replica (another directory id) than the one starting on it. */
export class InconsistentDirectoryIdError extends Error {
  override readonly name = 'InconsistentDirectoryIdError';
  readonly code = 'INVALID_VOTER_KEY';
}

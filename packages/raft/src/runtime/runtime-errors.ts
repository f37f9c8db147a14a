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

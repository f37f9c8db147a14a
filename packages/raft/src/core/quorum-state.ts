import type { NodeId } from './config';

/**
 * The election state that must survive a crash (KRaft's `quorum-state` file): it is made durable
 * before any message that depends on it leaves, so a node can never vote twice in one epoch nor
 * forget that it led one.
 */
export interface ElectionState {
  readonly epoch: number;
  /** -1 when this node has not voted in `epoch`. */
  readonly votedFor: NodeId;
  /** -1 when no leader of `epoch` is known. */
  readonly leaderId: NodeId;
}

export const NO_NODE = -1;

export const INITIAL_ELECTION_STATE: ElectionState = { epoch: 0, votedFor: NO_NODE, leaderId: NO_NODE };

/** The quorum states of KIP-595 plus KIP-996's prospective (pre-vote) state. */
export type RoleName = 'unattached' | 'prospective' | 'candidate' | 'leader' | 'follower' | 'resigned';

import type { NodeId } from '../core/config';
import type { RaftMessage } from '../core/messages';
import type { QuorumDescription } from '../core/status';
import type { DirectoryId, Endpoint, Voter, VoterSet } from '../core/voter-set';
import type { RaftErrorCode } from '../core/messages';

/** A voter change an admin asks of a node (KIP-853): add, remove, or new endpoints for a voter. */
export type VoterChangeRequest =
  | { readonly kind: 'add'; readonly voter: Voter }
  | { readonly kind: 'remove'; readonly id: NodeId; readonly directoryId: DirectoryId }
  | { readonly kind: 'update'; readonly id: NodeId; readonly directoryId: DirectoryId; readonly endpoints: readonly Endpoint[] };

/**
 * How a voter change ended: committed (the VotersRecord's offset and epoch, the set now in force),
 * or why not. NOT_LEADER_OR_FOLLOWER names the leader when the node knows it (-1 otherwise).
 */
export type VoterChangeAnswer =
  | { readonly ok: true; readonly offset: number; readonly epoch: number; readonly voters: VoterSet }
  | {
      readonly ok: false;
      readonly code: Exclude<RaftErrorCode, 'NONE'>;
      readonly message: string;
      readonly leaderId: NodeId;
      readonly epoch: number;
      readonly leaderAddress?: string;
    };

/** What a transport hands inbound traffic to: the node's event loop. */
export interface RaftTransportHandlers {
  /**
   * An inbound request, or the response to one of our requests. Called from the transport's I/O
   * callbacks, never from inside `send`; it must not throw (a transport re-raises what it throws as
   * an uncaught exception rather than swallow a bug). An inbound request may be answered from
   * inside this call.
   */
  deliver(from: NodeId, message: RaftMessage): void;
  /** DescribeQuorum from an admin client: the leader's view, or null on a non-leader. */
  describeQuorum(): QuorumDescription | null;
  /**
   * A voter change from an admin client, to wait for at most `timeoutMs`. Resolves, never rejects.
   * Optional: a transport answers UNIMPLEMENTED without it.
   */
  changeVoters?(change: VoterChangeRequest, timeoutMs: number): Promise<VoterChangeAnswer>;
}

/**
 * Moves RaftMessages between nodes. Requests and responses are matched by the transport (a
 * response the core emits echoes its request's requestId and goes back on the same call); the
 * core never sees sockets. Delivery is best effort: a message that cannot be delivered is
 * dropped, and the core's own timeouts retry — which is exactly what the simulator's lossy
 * network exercises.
 */
export interface RaftTransport {
  /** Starts serving; nothing is delivered before, and `send` drops everything before. Once only. */
  start(handlers: RaftTransportHandlers): Promise<void>;
  /**
   * Never throws and never delivers synchronously. A request goes to `to`; a response completes the
   * request from `to` with the same requestId that is still waiting, and is dropped otherwise
   * (already answered, timed out, or never asked).
   */
  send(to: NodeId, message: RaftMessage): void;
  /** Where a node can be reached, for NotLeader errors that point clients at the leader. */
  addressOf(nodeId: NodeId): string | undefined;
  /**
   * The voter set in force changed (KIP-853): a transport that dials by address learns the voters'
   * endpoints from it. Optional: static transports (one address per node, fixed) ignore it.
   */
  votersChanged?(voters: VoterSet): void;
  /** Stops serving and sending; nothing is delivered after it resolves. Idempotent. */
  close(): Promise<void>;
}

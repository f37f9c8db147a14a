import type { NodeId } from '../core/config';
import type { RaftMessage } from '../core/messages';
import type { QuorumDescription } from '../core/status';
import type { VoterSet } from '../core/voter-set';

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

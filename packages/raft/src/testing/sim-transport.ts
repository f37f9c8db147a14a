import type { NodeId } from '../core/config';
import type { RaftMessage } from '../core/messages';
import type { RaftTransport, RaftTransportHandlers } from '../transport/raft-transport';
import { TransportStateError } from '../transport/transport-errors';

/**
 * One simulated process's RaftTransport: what it sends goes to the simulated network (which decides
 * each copy's fate), and the simulation hands it what arrives, as events of their own — never from
 * inside `send`. It is more hostile than the contract a real transport keeps: every response that
 * arrives is delivered, duplicated, late or meant for an earlier incarnation alike, and the node must
 * recognise the ones it no longer waits for (by requestId) itself.
 */
export class SimTransport implements RaftTransport {
  private handlers: RaftTransportHandlers | null = null;
  private closed = false;

  constructor(
    private readonly nodeId: NodeId,
    private readonly network: { send(from: NodeId, to: NodeId, message: RaftMessage): void },
  ) {}

  start(handlers: RaftTransportHandlers): Promise<void> {
    if (this.handlers !== null) return Promise.reject(new TransportStateError(`node ${this.nodeId}: transport started twice`));
    this.handlers = handlers;
    return Promise.resolve();
  }

  send(to: NodeId, message: RaftMessage): void {
    if (this.handlers === null || this.closed) return;
    this.network.send(this.nodeId, to, message);
  }

  addressOf(nodeId: NodeId): string {
    return `sim-node-${nodeId}:9093`;
  }

  close(): Promise<void> {
    this.closed = true;
    return Promise.resolve();
  }

  /** The process died: nothing more goes out or comes in. */
  kill(): void {
    this.closed = true;
  }

  /** A message arrived for this process; false if it is not listening (not started, closed, dead). */
  deliver(from: NodeId, message: RaftMessage): boolean {
    if (this.handlers === null || this.closed) return false;
    this.handlers.deliver(from, message);
    return true;
  }
}

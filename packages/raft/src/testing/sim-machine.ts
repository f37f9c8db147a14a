import type { NodeId } from '../core/config';
import type { LogBatch, Snapshot } from '../core/log-batch';

/**
 * What a SimNode needs from the replicated state machine it drives. SimStateMachine (a digest of
 * the data applied) is the default; another package runs its own machine on the same harness — the
 * metadata simulation runs a MetadataLoader — by giving Simulation a `machineFor` factory.
 *
 * Every batch handed to `apply` is committed, control batches included (a machine skips what it does
 * not want but still moves past it); errors are returned, not thrown, and surface as violations.
 */
export interface SimMachine {
  /** The offset after the last batch applied (control batches included). */
  readonly nextOffset: number;
  /** Equal on two replicas exactly when they applied the same committed prefix (stateMachinesAgree). */
  readonly digest: number;
  /** Proposal ids in the order applied (SimClient's proposals); a machine without them returns []. */
  readonly appliedIds: readonly number[];
  /** Data batches applied since the last snapshot was taken or loaded: the node snapshots every K. */
  readonly appliedSinceSnapshot: number;
  /** Applies the next committed batch; returns why it cannot, or null. */
  apply(batch: LogBatch): string | null;
  /** Everything applied so far; the id is (nextOffset, epoch of the last batch applied). */
  snapshot(): Snapshot;
  /** Replaces the whole state with a snapshot's; returns why it cannot, or null. */
  restore(snapshot: Snapshot): string | null;
}

/** Makes the machine for one incarnation of a node: called at every start, before its core starts. */
export type SimMachineFactory = (node: NodeId, incarnation: number) => SimMachine;

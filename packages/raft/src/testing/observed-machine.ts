import type { LogBatch } from '../core/log-batch';
import type { OffsetAndEpoch } from '../core/messages';
import type { RoleName } from '../core/quorum-state';
import type { CommittedBatch, LeaderChange, StateMachine } from '../runtime/state-machine';
import type { SimMachine } from './sim-machine';
import { captureSnapshot, restoreFromSnapshot } from '../runtime/state-machine-snapshots';
import type { SnapshotReader, SnapshotWriter } from '../storage/snapshot-stream';

/** What the simulation learns from a node's state machine. */
export interface MachineObserver {
  /** The node's RaftNode.appliedOffset, or null before its RaftNode exists. */
  appliedOffset(): number | null;
  applied(batch: LogBatch): void;
  roleChanged(change: LeaderChange): void;
  loaded(id: OffsetAndEpoch): void;
  contractError(message: string): void;
}

/**
 * The StateMachine a simulated RaftNode drives: the node's SimMachine, watched. It tells the
 * simulation what the node delivered and checks the delivery contract as the machine sees it —
 * each committed batch starts where the node's applied offset stands (nothing skipped, nothing
 * twice), and no snapshot is loaded once the machine has been told it leads (Kafka's
 * LeaderNeverLoadSnapshot).
 */
export class ObservedMachine implements StateMachine {
  private role: RoleName | null = null;

  constructor(
    readonly inner: SimMachine,
    private readonly observer: MachineObserver,
  ) {}

  apply(batch: CommittedBatch): void {
    const applied = this.observer.appliedOffset();
    if (applied !== null && batch.baseOffset !== applied) {
      this.observer.contractError(`committed batch [${batch.baseOffset}..${batch.lastOffset}] handed over at applied offset ${applied}`);
    }
    this.inner.apply(batch);
    this.observer.applied({ baseOffset: batch.baseOffset, lastOffset: batch.lastOffset, epoch: batch.epoch, bytes: batch.bytes });
  }

  /** The streaming path whichever path the inner machine takes, so that every snapshot goes through the checkpoint streams. */
  async writeSnapshot(writer: SnapshotWriter): Promise<void> {
    return captureSnapshot(this.inner)(writer);
  }

  async restoreSnapshot(reader: SnapshotReader, id: OffsetAndEpoch): Promise<void> {
    if (this.role === 'leader') this.observer.contractError(`a leader loaded snapshot ${id.offset}-${id.epoch}`);
    await restoreFromSnapshot(this.inner, reader, id);
    this.observer.loaded(id);
  }

  onLeaderChange(change: LeaderChange): void {
    this.role = change.role;
    this.inner.onLeaderChange?.(change);
    this.observer.roleChanged(change);
  }
}

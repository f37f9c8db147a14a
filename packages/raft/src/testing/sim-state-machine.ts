import { crc32c } from '@kz/records';
import type { LogBatch, Snapshot } from '../core/log-batch';
import { proposalIdOf } from './proposal-batch';
import type { SimMachine } from './sim-machine';

interface MachineState {
  /** The offset after the last batch applied (control batches included). */
  readonly nextOffset: number;
  /** Epoch of the last batch applied: a snapshot's id carries it. */
  readonly lastEpoch: number;
  /** CRC-32C chained over the bytes of every data batch applied, in order. */
  readonly digest: number;
  /** Proposal ids in the order they were applied: lets the harness prove no acknowledged write is lost. */
  readonly appliedIds: readonly number[];
}

const EMPTY: MachineState = { nextOffset: 0, lastEpoch: 0, digest: 0, appliedIds: [] };

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * The toy replicated state machine each simulated node runs unless the simulation is given another
 * (SimulationOptions.machineFor). Its whole state is a digest of the data
 * it applied plus the proposal ids, so two replicas that applied the same committed prefix hold equal
 * states, and a snapshot of it (taken via `snapshot()`, loaded via `restore()`) carries everything.
 */
export class SimStateMachine implements SimMachine {
  private state: MachineState = EMPTY;
  private sinceSnapshot = 0;

  get nextOffset(): number {
    return this.state.nextOffset;
  }

  get digest(): number {
    return this.state.digest;
  }

  get appliedIds(): readonly number[] {
    return this.state.appliedIds;
  }

  /** Data batches applied since the last snapshot was taken or loaded. */
  get appliedSinceSnapshot(): number {
    return this.sinceSnapshot;
  }

  /** Applies the next committed batch; returns an error when it does not follow the last one. */
  apply(batch: LogBatch): string | null {
    if (batch.baseOffset !== this.state.nextOffset) {
      return `committed batch at ${batch.baseOffset} handed to a state machine expecting ${this.state.nextOffset}`;
    }
    const id = proposalIdOf(batch.bytes);
    this.state = {
      nextOffset: batch.lastOffset + 1,
      lastEpoch: batch.epoch,
      digest: id === null ? this.state.digest : crc32c(batch.bytes, this.state.digest),
      appliedIds: id === null ? this.state.appliedIds : [...this.state.appliedIds, id],
    };
    if (id !== null) this.sinceSnapshot++;
    return null;
  }

  /** A snapshot of everything applied; its id is (next offset, epoch of the last batch). */
  snapshot(): Snapshot {
    this.sinceSnapshot = 0;
    return {
      id: { offset: this.state.nextOffset, epoch: this.state.lastEpoch },
      bytes: encoder.encode(JSON.stringify(this.state)),
    };
  }

  /** Replaces the whole state with a snapshot's; returns an error if the bytes disagree with its id. */
  restore(snapshot: Snapshot): string | null {
    const state = decodeState(snapshot.bytes);
    this.sinceSnapshot = 0;
    if (state === null) return `snapshot ${snapshot.id.offset}-${snapshot.id.epoch} does not decode`;
    this.state = state;
    if (state.nextOffset !== snapshot.id.offset) {
      return `snapshot ${snapshot.id.offset}-${snapshot.id.epoch} holds the state at ${state.nextOffset}`;
    }
    return null;
  }
}

function decodeState(bytes: Uint8Array): MachineState | null {
  try {
    const parsed: unknown = JSON.parse(decoder.decode(bytes));
    if (!isMachineState(parsed)) return null;
    return parsed;
  } catch {
    return null;
  }
}

function isMachineState(value: unknown): value is MachineState {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v['nextOffset'] === 'number' &&
    typeof v['lastEpoch'] === 'number' &&
    typeof v['digest'] === 'number' &&
    Array.isArray(v['appliedIds']) &&
    v['appliedIds'].every((id) => typeof id === 'number')
  );
}

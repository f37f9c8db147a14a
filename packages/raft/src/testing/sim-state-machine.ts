import { crc32c } from '@kz/records';
import type { OffsetAndEpoch } from '../core/messages';
import type { CommittedBatch } from '../runtime/state-machine';
import { proposalIdOfRecord } from './proposal-batch';
import type { SimMachine } from './sim-machine';

interface MachineState {
  /** CRC-32C chained over the bytes of every data batch applied, in order. */
  readonly digest: number;
  /** Proposal ids in the order they were applied: lets the harness prove no acknowledged write is lost. */
  readonly appliedIds: readonly number[];
}

const EMPTY: MachineState = { digest: 0, appliedIds: [] };

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * The toy replicated state machine each simulated node runs unless the simulation is given another
 * (SimulationOptions.machineFor). Its whole state is a digest of the data batches it applied plus
 * the proposal ids their records carry, so two replicas that applied the same committed prefix hold
 * equal states, and a snapshot of it carries everything. It throws — halting its node — when a
 * snapshot does not decode.
 */
export class SimStateMachine implements SimMachine {
  private state: MachineState = EMPTY;

  get digest(): number {
    return this.state.digest;
  }

  get appliedIds(): readonly number[] {
    return this.state.appliedIds;
  }

  apply(batch: CommittedBatch): void {
    const ids = batch.records.map((record) => proposalIdOfRecord(record.value)).filter((id): id is number => id !== null);
    this.state = {
      digest: crc32c(batch.bytes, this.state.digest),
      appliedIds: ids.length === 0 ? this.state.appliedIds : [...this.state.appliedIds, ...ids],
    };
  }

  snapshot(): Uint8Array {
    return encoder.encode(JSON.stringify(this.state));
  }

  restore(snapshot: Uint8Array, id: OffsetAndEpoch): void {
    const state = decodeState(snapshot);
    if (state === null) throw new Error(`snapshot ${id.offset}-${id.epoch} does not decode`);
    this.state = state;
  }
}

function decodeState(bytes: Uint8Array): MachineState | null {
  try {
    const parsed: unknown = JSON.parse(decoder.decode(bytes));
    return isMachineState(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

function isMachineState(value: unknown): value is MachineState {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v['digest'] === 'number' && Array.isArray(v['appliedIds']) && v['appliedIds'].every((id) => typeof id === 'number');
}

import type { MetadataDelta } from '../image/metadata-delta';
import type { MetadataRecord } from '../records/metadata-record';
import type { BrokerHeartbeats } from './broker-heartbeats';
import type { ControllerConfig } from './controller-config';

/**
 * What one controller operation works with: the controller's view (committed image plus every
 * record this controller wrote that has not committed yet) and the way to write. `write` appends
 * at once and replays the records into the view, so the next decision sees them. `view` and `now`
 * are read afresh at each access: an operation that pauses (operation.ts) sees them as they are
 * when it goes on.
 */
export interface ControlContext {
  readonly view: MetadataDelta;
  readonly now: number;
  readonly config: ControllerConfig;
  readonly heartbeats: BrokerHeartbeats;
  readonly random: () => number;
  /** The offset the next record written gets. */
  nextOffset(): number;
  /** The offset of the last record this controller wrote (or the committed image's, when none is pending). */
  lastWritten(): number;
  /**
   * Writes records. `atomic` ones go in one batch (they must fit maxRecordsPerBatch); others are
   * split. Returns the offset of the last record, or the last written offset when there are none.
   */
  write(records: readonly MetadataRecord[], atomic: boolean): number;
  /**
   * Writes batches made by the caller, each atomic (each must fit maxRecordsPerBatch), in one append:
   * a follower fetches them together. Returns the offset of the last record.
   */
  writeBatches(batches: readonly (readonly MetadataRecord[])[]): number;
}

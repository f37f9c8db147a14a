/**
 * A controller operation that may pause: a generator that yields where it has written a chunk of
 * records and the controller may let other work run before it goes on, and returns its outcome.
 *
 * Why: one request or one fencing can touch tens of thousands of partitions. Written in one turn of
 * the event loop, that work held every node's loop for hundreds of milliseconds (planning, encoding,
 * replicating, replaying), heartbeats went unanswered, live brokers were fenced, and each fencing
 * wrote thousands more changes: the storm fed itself. In chunks, with heartbeats answered between
 * them, it does not. Every chunk leaves the view consistent (whole topics, whole partition changes),
 * so anything handled in between sees a valid state; every chunk re-reads what it changes from the
 * view, so what happened in between is respected.
 */
import type { PartitionRegistration } from '../image/partition-registration';
import type { PartitionChangeRecord } from '../records/metadata-record';
import type { Outcome } from './broker-lifecycle';
import type { ControlContext } from './control-context';
import type { PartitionRef } from './partition-scan';

export type Operation<T> = Generator<void, Outcome<T>, void>;

/** An operation that never pauses. */
export function* atOnce<T>(run: () => Outcome<T>): Operation<T> {
  return run();
}

/**
 * Builds a change for each partition of `refs` — read again from the view, since earlier chunks and
 * whatever ran between them may have changed it (a partition of a deleted topic is skipped) — and
 * writes the changes `recordsPerBatch` at a time, pausing after each chunk. `build` is called once
 * per chunk to make the per-partition builder, so that lookups it caches (election contexts) are
 * never older than the chunk. Returns how many changes were written.
 */
export function* writeChangesInChunks(
  ctx: ControlContext,
  refs: readonly PartitionRef[],
  build: () => (ref: PartitionRef) => PartitionChangeRecord | null,
): Generator<void, number, void> {
  let written = 0;
  for (let from = 0; from < refs.length; from += ctx.config.recordsPerBatch) {
    const change = build();
    const chunk: PartitionChangeRecord[] = [];
    for (const ref of refs.slice(from, from + ctx.config.recordsPerBatch)) {
      const partition: PartitionRegistration | undefined = ctx.view.partition(ref.topicId, ref.partitionId);
      if (partition === undefined) continue;
      const record = change({ ...ref, partition });
      if (record !== null) chunk.push(record);
    }
    ctx.write(chunk, false);
    written += chunk.length;
    yield;
  }
  return written;
}

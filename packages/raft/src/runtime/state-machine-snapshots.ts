/**
 * A StateMachine's snapshot, whichever path it implements (state-machine.ts): the simple one runs
 * on top of the streams, so that every snapshot is a checkpoint file either way.
 */
import type { OffsetAndEpoch } from '../core/messages';
import type { SnapshotReader, SnapshotWriter } from '../storage/snapshot-stream';
import type { StateMachine } from './state-machine';

/** The machine implements a snapshot path, or it cannot take part in a cluster that compacts. */
export function snapshotPathOf(machine: StateMachine): 'streaming' | 'simple' | null {
  if (machine.writeSnapshot !== undefined && machine.restoreSnapshot !== undefined) return 'streaming';
  if (machine.snapshot !== undefined && machine.restore !== undefined) return 'simple';
  return null;
}

/**
 * Takes the state now (the simple path calls snapshot() at once) and returns what writes it out once
 * a writer exists. For the streaming path the capture happens in writeSnapshot itself, up to its
 * first await: the caller must not apply anything between this call and the write's start.
 */
export function captureSnapshot(machine: StateMachine): (writer: SnapshotWriter) => Promise<void> {
  if (snapshotPathOf(machine) === 'streaming') return (writer) => machine.writeSnapshot!(writer);
  const bytes = Promise.resolve(machine.snapshot!());
  return async (writer) => writer.write(await bytes);
}

/** Restores the machine from a stored snapshot; the simple path gathers the chunks first. */
export async function restoreFromSnapshot(machine: StateMachine, reader: SnapshotReader, id: OffsetAndEpoch): Promise<void> {
  if (snapshotPathOf(machine) === 'streaming') return machine.restoreSnapshot!(reader, id);
  const chunks: Uint8Array[] = [];
  for await (const chunk of reader) chunks.push(chunk);
  machine.restore!(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks), id);
}

/**
 * A StateMachine's snapshot in memory, for tests of a machine: written through whichever path it
 * implements, as RaftNode would, and read back in pieces cut anywhere, as RaftNode's reader hands
 * them (it does not keep the writer's chunk boundaries).
 */
import type { OffsetAndEpoch } from '../core/messages';
import { captureSnapshot } from '../runtime/state-machine-snapshots';
import type { StateMachine } from '../runtime/state-machine';
import type { SnapshotReader } from '../storage/snapshot-stream';

/** The chunks `machine` writes for a snapshot ending at `id` (copies: a machine may reuse its buffers). */
export async function snapshotChunks(machine: StateMachine, id: OffsetAndEpoch): Promise<Uint8Array[]> {
  const chunks: Uint8Array[] = [];
  await captureSnapshot(machine)({
    id,
    write: async (chunk) => {
      chunks.push(new Uint8Array(chunk));
    },
  });
  return chunks;
}

/** A SnapshotReader over `bytes`, in pieces of `pieceBytes`. */
export function snapshotReaderOver(bytes: Uint8Array, pieceBytes: number): SnapshotReader {
  return {
    async *[Symbol.asyncIterator]() {
      for (let at = 0; at < bytes.length; at += pieceBytes) yield bytes.subarray(at, at + pieceBytes);
    },
  };
}

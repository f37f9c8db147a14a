/**
 * A snapshot as FetchSnapshot carries it. With dynamic voters (KIP-853) the voter set in force at
 * the snapshot's end travels in it, as a control batch (KRaftVersionRecord + VotersRecord) ahead of
 * the state machine's bytes — the place KRaft's checkpoint files keep them; a replica installing
 * the snapshot has no other way to learn the voters, since the log that held them is gone. With
 * static voters the image is the state machine's bytes alone.
 */
import { readBatchHeader, verifyBatchCrc } from '@kz/records';
import type { Snapshot } from './log-batch';
import type { OffsetAndEpoch } from './messages';
import { votersIn } from './voter-history';
import { encodeVotersBatch } from './voter-set';

export function encodeSnapshotImage(snapshot: Snapshot, dynamic: boolean): Uint8Array {
  if (!dynamic) return snapshot.bytes;
  const voters = encodeVotersBatch(snapshot.voters ?? [], true, 0);
  const image = new Uint8Array(voters.length + snapshot.bytes.length);
  image.set(voters, 0);
  image.set(snapshot.bytes, voters.length);
  return image;
}

/** Throws @kz/records' errors for an image whose voter batch is damaged. */
export function decodeSnapshotImage(id: OffsetAndEpoch, image: Uint8Array, dynamic: boolean): Snapshot {
  if (!dynamic) return { id, bytes: image };
  const size = readBatchHeader(image).sizeInBytes;
  const batch = image.subarray(0, size);
  verifyBatchCrc(batch);
  const voters = votersIn({ baseOffset: 0, lastOffset: 0, epoch: 0, bytes: batch }) ?? [];
  return { id, bytes: image.subarray(size), voters };
}

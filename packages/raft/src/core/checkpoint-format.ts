/**
 * A snapshot as KRaft keeps it (KIP-630): a checkpoint — a plain sequence of RecordBatch v2 —
 * starting with a control batch holding a SnapshotHeaderRecord, then with dynamic voters
 * (KIP-853) a control batch holding KRaftVersionRecord + VotersRecord, then the state machine's
 * bytes as data batches (one record each, its value a piece of the state), and last a control
 * batch holding a SnapshotFooterRecord. The file on disk and the bytes FetchSnapshot carries are
 * the same bytes, so a leader serves a byte range of its file and a follower appends it to its own.
 *
 * The footer is what tells a complete snapshot from one cut short at a batch boundary; every
 * batch's CRC-32C covers its bytes. The scanner here checks all of that incrementally, holding at
 * most one control batch in memory, so a follower can verify a snapshot of any size as it arrives.
 */
import {
  ControlRecordType,
  decodeControlRecord,
  decodeRecordBatch,
  encodeRecordBatch,
  encodeSnapshotFooterBatch,
  encodeSnapshotHeaderBatch,
  crc32c,
  RECORD_BATCH_OVERHEAD,
  stampBatch,
} from '@kz/records';
import type { OffsetAndEpoch } from './messages';
import { votersIn } from './voter-history';
import { encodeVotersBatch, type VoterSet } from './voter-set';

/** The state bytes one data batch carries, at most (a reader holds one batch at a time). */
export const CHECKPOINT_BATCH_BYTES = 1024 * 1024;
/** The largest control batch a scanner accepts (a voter set of thousands of voters fits). */
const MAX_CONTROL_BATCH_BYTES = 4 * 1024 * 1024;
/** The first byte a batch's CRC-32C covers (attributes onwards). */
const CRC_COVERED_FROM = 21;

/** A checkpoint that is not one: cut short, damaged, or out of order. */
export class CheckpointFormatError extends Error {
  override readonly name = 'CheckpointFormatError';
}

/** The batches a checkpoint starts with: the header, then (dynamic voters) the voter set. */
export function checkpointHead(id: OffsetAndEpoch, voters: VoterSet | undefined): Uint8Array[] {
  const head = [encodeSnapshotHeaderBatch({ lastContainedLogTimestamp: -1 }, { baseOffset: 0, partitionLeaderEpoch: id.epoch })];
  if (voters !== undefined) {
    const batch = encodeVotersBatch(voters, true, 0);
    stampBatch(batch, 1, id.epoch);
    head.push(batch);
  }
  return head;
}

/** A data batch carrying `value`, a piece of the state, at record offset `offset`. */
export function checkpointDataBatch(value: Uint8Array, offset: number, epoch: number): Uint8Array {
  return encodeRecordBatch({ records: [{ key: null, value }], baseOffset: offset, partitionLeaderEpoch: epoch, baseTimestamp: 0 });
}

export function checkpointFooter(offset: number, epoch: number): Uint8Array {
  return encodeSnapshotFooterBatch({ baseOffset: offset, partitionLeaderEpoch: epoch });
}

/** What a complete checkpoint said about itself. */
export interface CheckpointSummary {
  /** The voter set it carries; undefined when it carries none (static voters). */
  readonly voters: VoterSet | undefined;
  readonly size: number;
}

type Stage = 'header' | 'voters' | 'data' | 'done';

/**
 * Checks a checkpoint as its bytes arrive, in pieces of any size: every batch whole and its CRC
 * holding, the header first, the footer last and nothing after it. Throws CheckpointFormatError.
 */
export class CheckpointScanner {
  private stage: Stage = 'header';
  private readonly head = new Uint8Array(RECORD_BATCH_OVERHEAD);
  private headFill = 0;
  private batch: { header: BatchHead; remaining: number; crc: number; parts: Uint8Array[] | null } | null = null;
  private voters: VoterSet | undefined = undefined;
  private size = 0;

  push(chunk: Uint8Array): void {
    this.size += chunk.length;
    let at = 0;
    while (at < chunk.length) {
      if (this.stage === 'done') throw new CheckpointFormatError(`${chunk.length - at} bytes follow the snapshot footer`);
      if (this.batch === null) {
        const take = Math.min(RECORD_BATCH_OVERHEAD - this.headFill, chunk.length - at);
        this.head.set(chunk.subarray(at, at + take), this.headFill);
        this.headFill += take;
        at += take;
        if (this.headFill === RECORD_BATCH_OVERHEAD) this.startBatch();
        continue;
      }
      const take = Math.min(this.batch.remaining, chunk.length - at);
      const piece = chunk.subarray(at, at + take);
      this.batch.crc = crc32c(piece, this.batch.crc);
      // A copy, not slice(): on a Buffer that is a view the caller may reuse before the batch ends.
      this.batch.parts?.push(new Uint8Array(piece));
      this.batch.remaining -= take;
      at += take;
      if (this.batch.remaining === 0) this.endBatch();
    }
  }

  /** The summary of a complete checkpoint; throws if it was cut short. */
  finish(): CheckpointSummary {
    if (this.stage !== 'done') throw new CheckpointFormatError(`the snapshot ends after ${this.size} bytes without its footer`);
    return { voters: this.voters, size: this.size };
  }

  private startBatch(): void {
    const header = parseHead(this.head);
    const control = header.isControl;
    if (control && header.sizeInBytes > MAX_CONTROL_BATCH_BYTES) throw new CheckpointFormatError(`a ${header.sizeInBytes}-byte control batch`);
    if (this.stage === 'header' && !control) throw new CheckpointFormatError('the snapshot does not start with its header');
    const crc = crc32c(this.head.subarray(CRC_COVERED_FROM));
    this.batch = { header, remaining: header.sizeInBytes - RECORD_BATCH_OVERHEAD, crc, parts: control ? [this.head.slice()] : null };
    this.headFill = 0;
    if (this.batch.remaining === 0) this.endBatch();
  }

  private endBatch(): void {
    const batch = this.batch!;
    this.batch = null;
    if (batch.crc !== batch.header.crc) throw new CheckpointFormatError(`the batch at record offset ${batch.header.baseOffset} fails its CRC`);
    if (batch.parts === null) {
      if (this.stage === 'header') throw new CheckpointFormatError('the snapshot does not start with its header');
      this.stage = 'data';
      return;
    }
    const bytes = concat(batch.parts);
    const types = controlTypes(bytes);
    if (this.stage === 'header') {
      if (types[0] !== ControlRecordType.SnapshotHeader) throw new CheckpointFormatError('the first batch is not a snapshot header');
      this.stage = 'voters';
    } else if (types.includes(ControlRecordType.SnapshotFooter)) {
      this.stage = 'done';
    } else if (this.stage === 'voters' && types.includes(ControlRecordType.KRaftVoters)) {
      this.voters = votersIn({ baseOffset: 0, lastOffset: 0, epoch: 0, bytes }) ?? undefined;
      this.stage = 'data';
    } else {
      throw new CheckpointFormatError(`an unexpected control batch at record offset ${batch.header.baseOffset}`);
    }
  }
}

/** The control record types a (CRC-checked) control batch holds; unknown ones as -1. */
function controlTypes(bytes: Uint8Array): number[] {
  try {
    return decodeRecordBatch(bytes).records.map((record) => {
      try {
        return decodeControlRecord(record).type;
      } catch {
        return -1;
      }
    });
  } catch (error) {
    throw new CheckpointFormatError(`a control batch does not decode: ${(error as Error).message}`);
  }
}

/** The framing fields of a batch from its 61-byte header (the rest has not arrived yet). */
function parseHead(head: Uint8Array): BatchHead {
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  const sizeInBytes = view.getInt32(8) + 12;
  const magic = view.getInt8(16);
  if (magic !== 2) throw new CheckpointFormatError(`a batch has magic ${magic}, not 2`);
  if (sizeInBytes < RECORD_BATCH_OVERHEAD) throw new CheckpointFormatError(`a batch claims ${sizeInBytes} bytes, less than its header`);
  return { baseOffset: Number(view.getBigInt64(0)), sizeInBytes, crc: view.getUint32(17), isControl: (view.getInt16(21) & 0x20) !== 0 };
}

interface BatchHead {
  readonly baseOffset: number;
  readonly sizeInBytes: number;
  readonly crc: number;
  readonly isControl: boolean;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

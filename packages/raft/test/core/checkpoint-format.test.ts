import {
  ControlRecordType,
  RECORD_BATCH_OVERHEAD,
  crc32c,
  decodeControlRecord,
  decodeRecordBatch,
  encodeControlRecordKey,
  encodeLeaderChangeBatch,
  encodeRecordBatch,
  iterateBatches,
} from '@kz/records';
import { SeededRandom } from '../../src/testing/seeded-random';
import {
  CHECKPOINT_BATCH_BYTES,
  CheckpointFormatError,
  CheckpointScanner,
  checkpointDataBatch,
  checkpointFooter,
  checkpointHead,
} from '../../src/core/checkpoint-format';
import { encodeVotersBatch, newDirectoryId, type Voter } from '../../src/core/voter-set';

const voter = (id: number): Voter => ({
  id,
  directoryId: newDirectoryId(new SeededRandom(id).asFunction()),
  endpoints: [{ name: 'CONTROLLER', host: `h${id}`, port: 9000 + id }],
});

/** Writes the batch CRC again after a test changed covered bytes, so only the change itself is judged. */
function recrc(batch: Uint8Array): Uint8Array {
  new DataView(batch.buffer, batch.byteOffset, batch.byteLength).setUint32(17, crc32c(batch.subarray(21)));
  return batch;
}

/** A copy of `batch` whose length field claims `sizeInBytes` (only its head is sent). */
function claimingSize(batch: Uint8Array, sizeInBytes: number): Uint8Array {
  const head = Uint8Array.from(batch.subarray(0, RECORD_BATCH_OVERHEAD));
  new DataView(head.buffer).setInt32(8, sizeInBytes - 12);
  return head;
}

function scan(...batches: Uint8Array[]): ReturnType<CheckpointScanner['finish']> {
  const scanner = new CheckpointScanner();
  for (const batch of batches) scanner.push(batch);
  return scanner.finish();
}

function refusal(...batches: Uint8Array[]): string {
  try {
    scan(...batches);
  } catch (error) {
    expect(error).toBeInstanceOf(CheckpointFormatError);
    return (error as Error).message;
  }
  throw new Error('the checkpoint was accepted');
}

const id = { offset: 40, epoch: 3 };
const header = (): Uint8Array => checkpointHead(id, undefined)[0]!;
const data = (offset = 1): Uint8Array => checkpointDataBatch(new Uint8Array([1, 2, 3]), offset, id.epoch);
const footer = (offset = 2): Uint8Array => checkpointFooter(offset, id.epoch);

describe('checkpoint batches (KIP-630 layout)', () => {
  test('the head is a snapshot header at offset 0, then with dynamic voters kraft.version + VotersRecord at offset 1', () => {
    const voters = [voter(1), voter(2)];
    const head = checkpointHead(id, voters);
    expect(head).toHaveLength(2);
    const [first, second] = head.map((bytes) => decodeRecordBatch(bytes));
    expect(first!.header).toMatchObject({ baseOffset: 0, partitionLeaderEpoch: 3, isControl: true });
    expect(first!.records.map((r) => decodeControlRecord(r))).toEqual([{ type: ControlRecordType.SnapshotHeader, lastContainedLogTimestamp: -1 }]);
    expect(second!.header).toMatchObject({ baseOffset: 1, partitionLeaderEpoch: 3, isControl: true });
    expect(second!.records.map((r) => decodeControlRecord(r).type)).toEqual([ControlRecordType.KRaftVersion, ControlRecordType.KRaftVoters]);
    expect(decodeControlRecord(second!.records[0]!)).toMatchObject({ record: { kraftVersion: 1 } });
    expect(checkpointHead(id, undefined)).toHaveLength(1);
  });

  test('a data batch holds one keyless record of state; the footer closes the checkpoint', () => {
    const batch = decodeRecordBatch(checkpointDataBatch(new Uint8Array([9, 8]), 5, 3));
    expect(batch.header).toMatchObject({ baseOffset: 5, partitionLeaderEpoch: 3, isControl: false, baseTimestamp: 0 });
    expect(batch.records.map((r) => [r.key, [...r.value!]])).toEqual([[null, [9, 8]]]);
    const end = decodeRecordBatch(checkpointFooter(6, 3));
    expect(end.header).toMatchObject({ baseOffset: 6, partitionLeaderEpoch: 3, isControl: true });
    expect(end.records.map((r) => decodeControlRecord(r).type)).toEqual([ControlRecordType.SnapshotFooter]);
    expect(CHECKPOINT_BATCH_BYTES).toBe(1024 * 1024);
  });
});

describe('CheckpointScanner', () => {
  test('a header, data and a footer make a checkpoint; its size counts every byte pushed', () => {
    const parts = [header(), data(1), data(2), footer(3)];
    const size = parts.reduce((sum, p) => sum + p.length, 0);
    expect(scan(...parts)).toEqual({ voters: undefined, size });
    // A header and a footer alone (an empty state machine) are a checkpoint too.
    expect(scan(header(), footer(1)).voters).toBeUndefined();
  });

  test('pieces that split batches anywhere, from a buffer the caller reuses, give the same answer', () => {
    const bytes = Buffer.concat([...checkpointHead(id, [voter(1), voter(2)]), data(2), footer(3)]);
    for (const piece of [1, 2, 60, 61, 62, 250]) {
      const scanner = new CheckpointScanner();
      const reused = new Uint8Array(piece);
      for (let at = 0; at < bytes.length; at += piece) {
        const chunk = bytes.subarray(at, at + piece);
        reused.set(chunk);
        scanner.push(reused.subarray(0, chunk.length));
        reused.fill(0xee);
      }
      expect(scanner.finish()).toEqual({ voters: [voter(1), voter(2)], size: bytes.length });
    }
  });

  test('a cut-short checkpoint names how many bytes came', () => {
    const bytes = Buffer.concat([header(), data(1)]);
    const scanner = new CheckpointScanner();
    scanner.push(bytes);
    expect(() => scanner.finish()).toThrow(`the snapshot ends after ${bytes.length} bytes without its footer`);
    const empty = new CheckpointScanner();
    expect(() => empty.finish()).toThrow('the snapshot ends after 0 bytes without its footer');
  });

  test('anything after the footer is refused, even in a later push', () => {
    const scanner = new CheckpointScanner();
    scanner.push(Buffer.concat([header(), footer(1)]));
    expect(() => scanner.push(new Uint8Array([0, 0, 0]))).toThrow('3 bytes follow the snapshot footer');
    // Bytes after the footer in the same push are counted from the footer's end.
    const joined = Buffer.concat([header(), footer(1), new Uint8Array([9, 9])]);
    expect(() => new CheckpointScanner().push(joined)).toThrow(new CheckpointFormatError('2 bytes follow the snapshot footer'));
    expect(new CheckpointFormatError('x').name).toBe('CheckpointFormatError');
  });

  test('it must start with a snapshot header batch', () => {
    expect(refusal(data(0), footer(1))).toBe('the snapshot does not start with its header');
    expect(refusal(footer(0))).toBe('the first batch is not a snapshot header');
    expect(refusal(encodeLeaderChangeBatch({ leaderId: 1, voters: [1], grantingVoters: [1] }), footer(1))).toBe('the first batch is not a snapshot header');
  });

  test('voters only right after the header; no other control batch in between', () => {
    const votersBatch = checkpointHead(id, [voter(1)])[1]!;
    expect(scan(header(), votersBatch, footer(2)).voters).toEqual([voter(1)]);
    expect(refusal(header(), data(1), votersBatch, footer(3))).toBe('an unexpected control batch at record offset 1');
    expect(refusal(header(), votersBatch, votersBatch, footer(3))).toMatch(/^an unexpected control batch/);
    const leaderChange = encodeLeaderChangeBatch({ leaderId: 1, voters: [1], grantingVoters: [1] }, { baseOffset: 7 });
    expect(refusal(header(), leaderChange, footer(2))).toBe('an unexpected control batch at record offset 7');
    // A voters batch without a VotersRecord is no voter set.
    const versionOnly = encodeRecordBatch({ records: [{ key: encodeControlRecordKey(ControlRecordType.KRaftVersion), value: new Uint8Array([0, 0, 0, 1]) }], isControl: true });
    expect(refusal(header(), versionOnly, footer(2))).toMatch(/^an unexpected control batch/);
    // An empty voters record is carried as it is: the checkpoint says "no voters", not "static voters".
    expect(scan(header(), encodeVotersBatch([], false, 0), footer(2)).voters).toEqual([]);
  });

  test('a control record of a type it does not know is not a footer, nor voters', () => {
    const unknown = encodeRecordBatch({ records: [{ key: encodeControlRecordKey(99 as ControlRecordType), value: new Uint8Array([0]) }], isControl: true, baseOffset: 1 });
    expect(refusal(header(), unknown, footer(2))).toBe('an unexpected control batch at record offset 1');
    // One unknown record beside the footer does not hide the footer.
    const footerRecord = decodeRecordBatch(footer()).records[0]!;
    const both = encodeRecordBatch({
      records: [
        { key: encodeControlRecordKey(99 as ControlRecordType), value: new Uint8Array([0]) },
        { key: footerRecord.key, value: footerRecord.value },
      ],
      isControl: true,
    });
    expect(scan(header(), both).size).toBe(header().length + both.length);
  });

  test('a control batch that passes its CRC but does not decode is refused as such', () => {
    const gzip = Uint8Array.from(footer(1));
    gzip[22] = gzip[22]! | 1; // compression gzip
    expect(refusal(header(), recrc(gzip))).toMatch(/^a control batch does not decode: /);
  });

  test('a damaged batch fails its CRC, wherever the damage is', () => {
    const bytes = Buffer.concat([header(), data(1), footer(2)]);
    const starts = [...iterateBatches(bytes)].map((batch) => batch.at);
    for (const [at, offset] of [
      [starts[1]! + 40, 1],
      [bytes.length - 1, 2],
      [starts[0]! + 30, 0],
    ] as const) {
      const damaged = Uint8Array.from(bytes);
      damaged[at] = damaged[at]! ^ 1;
      expect(refusal(damaged)).toBe(`the batch at record offset ${offset} fails its CRC`);
    }
  });

  test('the framing is checked from the head: magic 2 and a size no smaller than the head', () => {
    const wrongMagic = Uint8Array.from(header());
    wrongMagic[16] = 1;
    expect(refusal(wrongMagic)).toBe('a batch has magic 1, not 2');
    expect(refusal(claimingSize(header(), RECORD_BATCH_OVERHEAD - 1))).toBe(`a batch claims ${RECORD_BATCH_OVERHEAD - 1} bytes, less than its header`);
  });

  test('a control batch over 4 MiB is refused from its head; a data batch may be larger', () => {
    const limit = 4 * 1024 * 1024;
    const big = new CheckpointScanner();
    big.push(claimingSize(header(), limit));
    expect(() => big.finish()).toThrow(/without its footer/);
    expect(() => new CheckpointScanner().push(claimingSize(header(), limit + 1))).toThrow(`a ${limit + 1}-byte control batch`);
    const bigData = new CheckpointScanner();
    bigData.push(header());
    bigData.push(claimingSize(data(1), limit + 1));
    expect(() => bigData.finish()).toThrow(/without its footer/);
  });

  test('a batch of only a head is taken whole at once', () => {
    // A data batch cut to its 61-byte head (its records count says 1, but the scanner reads no records).
    const bare = claimingSize(data(1), RECORD_BATCH_OVERHEAD);
    recrc(bare);
    const bytes = Buffer.concat([header(), bare, footer(2)]);
    expect(scan(bytes)).toEqual({ voters: undefined, size: bytes.length });
    // The same as a control batch does not decode.
    const bareControl = recrc(claimingSize(footer(1), RECORD_BATCH_OVERHEAD));
    expect(refusal(header(), bareControl)).toMatch(/^a control batch does not decode/);
  });
});

import { ControlRecordType, decodeControlRecord, decodeRecordBatch, encodeControlRecordKey, encodeLeaderChangeBatch, encodeRecordBatch } from '@kz/records';
import { InvalidRaftConfigError } from '../../src/core/config';
import { RaftCore } from '../../src/core/raft-core';
import { ZERO_DIRECTORY_ID, newDirectoryId, type Voter } from '../../src/core/voter-set';
import type { LogBatch } from '../../src/core/log-batch';
import { SeededRandom } from '../../src/testing/seeded-random';
import { VoterHistory, votersIn } from '../../src/core/voter-history';
import { encodeVotersBatch } from '../../src/core/voter-set';
import { iterateBatches } from '@kz/records';
import { CheckpointFormatError, CheckpointScanner, checkpointDataBatch, checkpointFooter, checkpointHead } from '../../src/core/checkpoint-format';

const dir = (seed: number): string => newDirectoryId(new SeededRandom(seed).asFunction());
const voter = (id: number, seed = id): Voter => ({ id, directoryId: dir(seed), endpoints: [{ name: 'raft', host: `h${id}`, port: 9000 + id }] });

/** A VotersRecord batch at `offset` putting `voters` in force. */
function votersBatch(offset: number, voters: readonly Voter[], epoch = 1): LogBatch {
  const bytes = encodeVotersBatch(voters, false, 0);
  new DataView(bytes.buffer, bytes.byteOffset).setUint32(12, epoch); // partitionLeaderEpoch
  return { baseOffset: offset, lastOffset: offset, epoch, bytes: bytes.subarray(0) };
}

function dataBatch(offset: number): LogBatch {
  return { baseOffset: offset, lastOffset: offset, epoch: 1, bytes: encodeRecordBatch({ records: [{ key: null, value: new Uint8Array([1]) }], baseOffset: offset }) };
}

describe('VoterHistory: the voter set in force is the latest in the log (KIP-853)', () => {
  const [a, b, c] = [voter(1), voter(2), voter(3)];

  it('puts an appended set in force at once, and a truncation below it reverts to the one before', () => {
    const history = new VoterHistory('bootstrap', [a!]);
    expect(history.onlyBootstrap).toBe(true);
    history.appended(dataBatch(0));
    history.appended(votersBatch(1, [a!, b!]));
    history.appended(votersBatch(2, [a!, b!, c!]));
    expect(history.latest?.map((v) => v.id)).toEqual([1, 2, 3]);
    expect(history.latestRecordOffset).toBe(2);
    history.truncateTo(2);
    expect(history.latest?.map((v) => v.id)).toEqual([1, 2]);
    history.truncateTo(1);
    expect(history.latest?.map((v) => v.id)).toEqual([1]);
    expect(history.latestRecordOffset).toBe(-1);
  });

  it('answers which set covers a prefix (what a snapshot keeps), and keeps it as the base when compacted', () => {
    const history = new VoterHistory('bootstrap', [a!]);
    history.appended(votersBatch(3, [a!, b!]));
    history.appended(votersBatch(7, [a!, b!, c!]));
    expect(history.at(3)?.length).toBe(1);
    expect(history.at(4)?.length).toBe(2);
    expect(history.at(8)?.length).toBe(3);
    history.compactTo(5);
    expect(history.at(5)?.length).toBe(2);
    history.truncateTo(6);
    expect(history.latest?.length).toBe(2);
    expect(history.onlyBootstrap).toBe(false);
  });

  it('a compaction below every VotersRecord changes nothing; the base is never truncated away', () => {
    const history = new VoterHistory('bootstrap', [a!]);
    history.compactTo(4);
    expect(history.onlyBootstrap).toBe(true);
    expect(history.at(0)?.map((v) => v.id)).toEqual([1]);
    history.appended(votersBatch(5, [a!, b!]));
    history.compactTo(5);
    expect(history.latestRecordOffset).toBe(5);
    expect(history.at(5)?.map((v) => v.id)).toEqual([1]);
    history.truncateTo(0);
    expect(history.latest?.map((v) => v.id)).toEqual([1]);
    expect(history.onlyBootstrap).toBe(true);
  });

  it('compaction past a VotersRecord makes its set the base, from below the log', () => {
    const history = new VoterHistory('bootstrap', [a!]);
    history.appended(votersBatch(3, [a!, b!]));
    history.appended(votersBatch(7, [a!, b!, c!]));
    history.compactTo(4);
    expect(history.latestRecordOffset).toBe(7);
    history.truncateTo(7);
    expect(history.latest?.map((v) => v.id)).toEqual([1, 2]);
    // The record at 3 now lies below the log: it is the base, not a record of the log.
    expect(history.latestRecordOffset).toBe(-1);
    history.truncateTo(0);
    expect(history.latest?.map((v) => v.id)).toEqual([1, 2]);
    expect(history.at(0)?.map((v) => v.id)).toEqual([1, 2]);
    expect(history.onlyBootstrap).toBe(false);
  });

  it('a snapshot from the leader replaces the history; only a bootstrap base is "only bootstrap"', () => {
    const history = new VoterHistory('bootstrap', [a!]);
    history.appended(votersBatch(3, [a!, b!]));
    history.reset([a!, b!, c!], 10);
    expect(history.latest?.map((v) => v.id)).toEqual([1, 2, 3]);
    expect(history.latestRecordOffset).toBe(-1);
    expect(history.onlyBootstrap).toBe(false);
    history.reset(null, 20);
    expect(history.latest).toBeNull();
    expect(history.at(30)).toBeNull();
    expect(new VoterHistory('static', [a!]).onlyBootstrap).toBe(false);
    expect(new VoterHistory('bootstrap', null).onlyBootstrap).toBe(false);
  });

  it('only a control batch holding a VotersRecord changes the set', () => {
    const history = new VoterHistory('bootstrap', [a!]);
    expect(history.appended(dataBatch(0))).toBeNull();
    const leaderChange = encodeLeaderChangeBatch({ leaderId: 1, voters: [], grantingVoters: [] }, { baseOffset: 1 });
    expect(history.appended({ baseOffset: 1, lastOffset: 1, epoch: 1, bytes: leaderChange })).toBeNull();
    expect(history.appended(votersBatch(2, [a!, b!]))?.map((v) => v.id)).toEqual([1, 2]);
    expect(history.latestRecordOffset).toBe(2);
  });

  it('a control type this version does not know is skipped, not taken for a voter set nor fatal', () => {
    const known = decodeRecordBatch(encodeVotersBatch([a!, b!], false, 0)).records[0]!;
    const bytes = encodeRecordBatch({
      records: [
        { key: encodeControlRecordKey(99 as ControlRecordType), value: new Uint8Array([0, 0, 0]) },
        { key: known.key, value: known.value },
      ],
      isControl: true,
    });
    expect(votersIn({ baseOffset: 0, lastOffset: 1, epoch: 1, bytes })?.map((v) => v.id)).toEqual([1, 2]);
  });

  it('a replica without a base set: no record offset, truncation and compaction of nothing are safe', () => {
    const history = new VoterHistory('bootstrap', null);
    expect(history.latestRecordOffset).toBe(-1);
    history.truncateTo(0);
    history.appended(votersBatch(5, [a!]));
    history.appended(votersBatch(6, [a!, b!]));
    // Nothing below 3: compaction there keeps both records as records of the log.
    history.compactTo(3);
    expect(history.latestRecordOffset).toBe(6);
    history.truncateTo(6);
    expect(history.latestRecordOffset).toBe(5);
    // The first record below the snapshot end becomes the base.
    history.compactTo(6);
    expect(history.latestRecordOffset).toBe(-1);
    expect(history.latest?.map((v) => v.id)).toEqual([1]);
    history.truncateTo(0);
    expect(history.latest?.map((v) => v.id)).toEqual([1]);
  });

  it('the bootstrap set alone is "only bootstrap"; once a record is appended it is not', () => {
    const history = new VoterHistory('bootstrap', [a!]);
    history.appended(votersBatch(0, [a!, b!]));
    expect(history.onlyBootstrap).toBe(false);
    history.truncateTo(0);
    expect(history.onlyBootstrap).toBe(true);
  });

  it('a replica joining with no voter set knows none until the log brings one', () => {
    const history = new VoterHistory('bootstrap', null);
    expect(history.latest).toBeNull();
    history.appended(votersBatch(0, [a!]));
    expect(history.latest?.map((v) => v.id)).toEqual([1]);
    expect(history.latestRecordOffset).toBe(0);
  });
});

describe('dynamic voters configuration', () => {
  const empty = { electionState: { epoch: 0, votedFor: -1, leaderId: -1 }, snapshot: null, batches: [] };

  it('static voters and a directory id exclude each other; a bootstrap set needs dynamic voters', () => {
    expect(() => RaftCore.start({ nodeId: 1, voters: [1], directoryId: dir(1) }, empty, 0)).toThrow(InvalidRaftConfigError);
    expect(() => RaftCore.start({ nodeId: 1, voters: [1], bootstrapVoters: [voter(1)] }, empty, 0)).toThrow(InvalidRaftConfigError);
    expect(() => RaftCore.start({ nodeId: 1 }, empty, 0)).toThrow(InvalidRaftConfigError);
  });

  it('refuses a bootstrap set naming this node under another directory id, and the zero id', () => {
    expect(() => RaftCore.start({ nodeId: 1, directoryId: dir(1), bootstrapVoters: [voter(1, 99)] }, empty, 0)).toThrow(/directory id/);
    expect(() => RaftCore.start({ nodeId: 1, directoryId: ZERO_DIRECTORY_ID }, empty, 0)).toThrow(InvalidRaftConfigError);
  });

  it('a single bootstrap voter leads at once and writes kraft.version and its voter set into the log', () => {
    const self = voter(1);
    const core = RaftCore.start({ nodeId: 1, directoryId: self.directoryId, bootstrapVoters: [self] }, empty, 0);
    core.tick(5000);
    const ready = core.takeReady();
    expect(core.status().role).toBe('leader');
    expect(ready.voters?.map((v) => v.id)).toEqual([1]);
    // LeaderChange, then the KRaftVersion + Voters control batch.
    expect(core.batches()).toHaveLength(2);
    expect(core.status().votersOffset).toBe(1);
    const records = decodeRecordBatch(core.batches()[1]!.bytes).records.map((r) => decodeControlRecord(r).type);
    expect(records).toEqual([ControlRecordType.KRaftVersion, ControlRecordType.KRaftVoters]);
  });

  it('a static cluster refuses voter changes (UNSUPPORTED_VERSION)', () => {
    const core = RaftCore.start({ nodeId: 1, voters: [1] }, empty, 0);
    core.tick(5000);
    expect(core.removeVoter(5000, 1, ZERO_DIRECTORY_ID)).toEqual({
      ok: false,
      error: { code: 'UNSUPPORTED_VERSION', message: 'static voters (kraft.version 0) cannot change', leaderId: 1, epoch: core.status().epoch },
    });
  });

  it('a proposal may not carry a VotersRecord', () => {
    const self = voter(1);
    const core = RaftCore.start({ nodeId: 1, directoryId: self.directoryId, bootstrapVoters: [self] }, empty, 0);
    core.tick(5000);
    expect(() => core.propose(5000, [encodeVotersBatch([self, voter(2)], false, 0)])).toThrow(/VotersRecord/);
  });
});

describe('a checkpoint carries the voter set after its header (KIP-853)', () => {
  const id = { offset: 10, epoch: 2 };
  const checkpoint = (voters: ReturnType<typeof voter>[] | undefined): Uint8Array =>
    Buffer.concat([...checkpointHead(id, voters), checkpointDataBatch(new Uint8Array([7, 8, 9]), voters === undefined ? 1 : 2, 2), checkpointFooter(3, 2)]);

  it('the scanner finds the voters, in pieces of any size, and none with static voters', () => {
    const bytes = checkpoint([voter(1), voter(2)]);
    for (const piece of [1, 7, 61, 100, bytes.length]) {
      const scanner = new CheckpointScanner();
      for (let at = 0; at < bytes.length; at += piece) scanner.push(bytes.subarray(at, at + piece));
      expect(scanner.finish()).toEqual({ voters: [voter(1), voter(2)], size: bytes.length });
    }
    const plain = new CheckpointScanner();
    plain.push(checkpoint(undefined));
    expect(plain.finish().voters).toBeUndefined();
  });

  it('a damaged byte, a missing footer or bytes after it are refused', () => {
    const bytes = checkpoint([voter(1)]);
    // Kafka leaves a batch's base offset and leader epoch (its first 16 bytes) outside the CRC.
    const starts = [...iterateBatches(bytes)].map((batch) => batch.at);
    const covered = (at: number): boolean => !starts.some((start) => at >= start && at < start + 16);
    for (let at = 0; at < bytes.length; at += 13) {
      if (!covered(at)) continue;
      const damaged = Uint8Array.from(bytes); // not slice(): on a Buffer that is a view, and the damage would pile up
      damaged[at] = damaged[at]! ^ 0x40;
      const scanner = new CheckpointScanner();
      expect(() => {
        scanner.push(damaged);
        scanner.finish();
      }).toThrow(CheckpointFormatError);
    }
    const cut = new CheckpointScanner();
    cut.push(bytes.subarray(0, bytes.length - 1));
    expect(() => cut.finish()).toThrow(/without its footer/);
    expect(() => new CheckpointScanner().push(Buffer.concat([bytes, new Uint8Array([0])]))).toThrow(/follow the snapshot footer/);
  });
});

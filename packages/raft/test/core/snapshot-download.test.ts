import { RaftCore } from '../../src/core/raft-core';
import type { FetchRequest, FetchSnapshotRequest, FetchSnapshotResponse, RaftMessage } from '../../src/core/messages';
import type { RaftConfigInput } from '../../src/core/config';
import type { Ready } from '../../src/core/ready';
import { SeededRandom } from '../../src/testing/seeded-random';
import { checkpointDataBatch, checkpointFooter, checkpointHead } from '../../src/core/checkpoint-format';
import { newDirectoryId, type Voter } from '../../src/core/voter-set';
import { batchAt } from './batch-fixtures';
import { readies } from './core-net';

function sent(core: RaftCore, now = 0): RaftMessage[] {
  return readies(core, now).flatMap((r) => [...r.messages, ...r.messagesAfterPersist].map((m) => m.message));
}

const id = { offset: 20, epoch: 2 };
const checkpoint = (voters?: Voter[]): Uint8Array =>
  Buffer.concat([...checkpointHead(id, voters), checkpointDataBatch(Buffer.from('state'), voters === undefined ? 1 : 2, 2), checkpointFooter(voters === undefined ? 2 : 3, 2)]);

/**
 * Node 1 following node 2 in epoch 3 with an empty log, told by its first fetch answer to load
 * snapshot (20, 2); returns it with its first FetchSnapshot request, which leaves at once: it
 * acknowledges nothing, so it need not wait for a sync.
 */
function downloading(config: Partial<RaftConfigInput> = {}) {
  const core = RaftCore.start(
    { nodeId: 1, voters: [1, 2, 3], random: () => 0, snapshotChunkBytes: 50, ...config },
    { electionState: { epoch: 3, votedFor: -1, leaderId: 2 }, snapshot: null, batches: [] },
    0,
  );
  const fetch = sent(core)[0] as FetchRequest;
  core.receive(10, 2, { type: 'FetchResponse', requestId: fetch.requestId, error: 'NONE', epoch: 3, leaderId: 2, highWatermark: 25, logStartOffset: 20, snapshotId: id, batches: [] });
  const ready = core.takeReady();
  expect(ready.messagesAfterPersist).toEqual([]);
  const request = ready.messages[0]!.message as FetchSnapshotRequest;
  expect(request.type).toBe('FetchSnapshotRequest');
  return { core, request };
}

const chunk = (request: FetchSnapshotRequest, bytes: Uint8Array, over: Partial<FetchSnapshotResponse> = {}): FetchSnapshotResponse => ({
  type: 'FetchSnapshotResponse',
  requestId: request.requestId,
  error: 'NONE',
  epoch: 3,
  leaderId: 2,
  snapshotId: id,
  size: bytes.length,
  position: request.position,
  bytes: bytes.subarray(request.position, request.position + request.maxBytes),
  ...over,
});

describe('a follower downloading a snapshot', () => {
  test('asks for the chunks in order, each after the previous one is written, and installs the whole', () => {
    const { core, request } = downloading();
    expect(request).toEqual({ type: 'FetchSnapshotRequest', requestId: request.requestId, epoch: 3, replicaId: 1, snapshotId: id, position: 0, maxBytes: 50 });
    const bytes = checkpoint();
    let next = request;
    const positions: number[] = [];
    for (;;) {
      positions.push(next.position);
      core.receive(20, 2, chunk(next, bytes));
      const ready = core.takeReady();
      const last = ready.logOps.find((op) => op.op === 'installSnapshot');
      if (last !== undefined) {
        // Static voters: the snapshot has no voters field at all.
        expect(last).toStrictEqual({ op: 'installSnapshot', snapshot: { id, size: bytes.length } });
        expect(ready.loadSnapshot).toEqual({ id, size: bytes.length });
        expect(ready.highWatermark).toBe(20);
        // Then it fetches the log after the snapshot, once the install is durable: that fetch
        // acknowledges offset 20.
        expect(ready.messages).toEqual([]);
        expect(ready.messagesAfterPersist.map((m) => m.message)).toMatchObject([{ type: 'FetchRequest', fetchOffset: 20, lastFetchedEpoch: 2 }]);
        break;
      }
      expect(ready.logOps).toEqual([{ op: 'snapshotChunk', id, position: next.position, bytes: bytes.subarray(next.position, next.position + 50) }]);
      // The next request waits for the chunk to be written.
      expect(ready.messages).toEqual([]);
      expect(ready.messagesAfterPersist).toHaveLength(1);
      core.persisted(20, ready.persistId!);
      next = ready.messagesAfterPersist[0]!.message as FetchSnapshotRequest;
    }
    expect(positions).toEqual(Array.from({ length: Math.ceil(bytes.length / 50) }, (_, i) => i * 50));
    expect(core.status()).toMatchObject({ logStartOffset: 20, logEndOffset: 20, highWatermark: 20, snapshotId: id, flushedEndOffset: 0 });
  });

  test('a chunk that is not the one asked for (other snapshot, position, empty) is dropped and asked for again', () => {
    const { core, request } = downloading();
    const bytes = checkpoint();
    for (const over of [{ snapshotId: { offset: 21, epoch: 2 } }, { snapshotId: { offset: 20, epoch: 1 } }, { position: 5 }, { bytes: new Uint8Array(0) }]) {
      const { core: fresh, request: first } = downloading();
      fresh.receive(20, 2, chunk(first, bytes, over));
      expect(fresh.takeReady().logOps).toEqual([]);
      // Retried after retryBackoffMs, the same chunk.
      expect(fresh.nextDeadline()).toBe(40);
      fresh.tick(40);
      expect(sent(fresh, 40)).toMatchObject([{ type: 'FetchSnapshotRequest', position: 0, snapshotId: id }]);
    }
    // An answer to another request id, or from another node, is ignored outright.
    core.receive(20, 2, chunk(request, bytes, { requestId: request.requestId + 1 }));
    core.receive(20, 3, chunk(request, bytes));
    expect(core.hasReady()).toBe(false);
    core.receive(20, 2, chunk(request, bytes));
    expect(core.takeReady().logOps).toMatchObject([{ op: 'snapshotChunk', position: 0 }]);
  });

  test('an error answer backs off; SNAPSHOT_NOT_FOUND and POSITION_OUT_OF_RANGE start over from a fetch', () => {
    for (const error of ['SNAPSHOT_NOT_FOUND', 'POSITION_OUT_OF_RANGE'] as const) {
      const { core, request } = downloading();
      core.receive(20, 2, chunk(request, new Uint8Array(0), { error }));
      expect(sent(core, 20)).toMatchObject([{ type: 'FetchRequest', fetchOffset: 0 }]);
    }
    const { core, request } = downloading();
    // Whatever else an error answer carries is not taken.
    core.receive(20, 2, chunk(request, checkpoint(), { error: 'BROKER_NOT_AVAILABLE' }));
    expect(core.hasReady()).toBe(false);
    expect(sent(core, 20)).toEqual([]);
    core.tick(40);
    expect(sent(core, 40)).toMatchObject([{ type: 'FetchSnapshotRequest', position: 0 }]);
    // An answer from an older epoch backs off too.
    const again = downloading();
    again.core.receive(20, 2, chunk(again.request, checkpoint(), { epoch: 2 }));
    expect(again.core.hasReady()).toBe(false);
    expect(again.core.nextDeadline()).toBe(40);
  });

  test('a Fetch answer bearing the id of the chunk request in flight is not taken for it', () => {
    const { core, request } = downloading();
    core.receive(20, 2, { type: 'FetchResponse', requestId: request.requestId, error: 'NONE', epoch: 3, leaderId: 2, highWatermark: 1, logStartOffset: 0, batches: [batchAt(0, 3).bytes] });
    expect(core.hasReady()).toBe(false);
    expect(core.status()).toMatchObject({ logEndOffset: 0, highWatermark: 0 });
    // The chunk answer still counts.
    core.receive(21, 2, chunk(request, checkpoint()));
    expect(core.takeReady().logOps).toMatchObject([{ op: 'snapshotChunk', position: 0 }]);
  });

  test('a later epoch in the answer ends the download: it follows the new leader', () => {
    const { core, request } = downloading();
    core.receive(20, 2, chunk(request, checkpoint(), { epoch: 4, leaderId: 3 }));
    expect(core.status()).toMatchObject({ role: 'follower', epoch: 4, leaderId: 3 });
    expect(sent(core, 20)).toMatchObject([{ type: 'FetchRequest', epoch: 4 }]);
  });

  test('a damaged chunk drops the download; the next fetch starts it over', () => {
    const { core, request } = downloading();
    const bytes = Uint8Array.from(checkpoint());
    bytes[30] = bytes[30]! ^ 0xff;
    let next = request;
    let written = 0;
    for (let i = 0; i < 10; i++) {
      core.receive(20, 2, chunk(next, bytes));
      const ready = core.takeReady();
      if (ready.persistId !== null) core.persisted(20, ready.persistId);
      written += ready.logOps.filter((op) => op.op === 'snapshotChunk').length;
      const ask = ready.messagesAfterPersist[0]?.message as FetchSnapshotRequest | undefined;
      if (ask === undefined) break;
      next = ask;
    }
    // The chunk found damaged is not written, and no chunk after it is asked for.
    expect(written).toBe(next.position / 50);
    expect(written).toBeLessThan(Math.ceil(bytes.length / 50));
    expect(core.status().snapshotId).toBeNull();
    core.tick(40);
    expect(sent(core, 40)).toMatchObject([{ type: 'FetchRequest', fetchOffset: 0 }]);
  });

  test('a checkpoint cut short (the size said it was all) is not installed', () => {
    const { core, request } = downloading({ snapshotChunkBytes: 1000 });
    const bytes = checkpoint();
    const cut = bytes.subarray(0, bytes.length - 10);
    core.receive(20, 2, chunk(request, cut));
    const ready = core.takeReady();
    expect(ready.logOps).toMatchObject([{ op: 'snapshotChunk' }]);
    expect(ready.logOps.some((op) => op.op === 'installSnapshot')).toBe(false);
    expect(core.status().snapshotId).toBeNull();
  });

  test('an unanswered chunk request is sent again after the request timeout', () => {
    const { core, request } = downloading({ requestTimeoutMs: 300, fetchTimeoutMs: 5000 });
    expect(core.nextDeadline()).toBe(310);
    core.tick(310);
    const again = sent(core, 310) as FetchSnapshotRequest[];
    expect(again).toMatchObject([{ type: 'FetchSnapshotRequest', position: 0, snapshotId: id }]);
    expect(again[0]!.requestId).not.toBe(request.requestId);
  });

  test('with dynamic voters a snapshot must carry the voter set', () => {
    const dir = (seed: number): string => newDirectoryId(new SeededRandom(seed).asFunction());
    const voters = [1, 2, 3].map((n) => ({ id: n, directoryId: dir(n), endpoints: [{ name: 'C', host: `h${n}`, port: n }] }));
    const start = () => {
      const core = RaftCore.start(
        { nodeId: 1, directoryId: dir(1), bootstrapVoters: voters, random: () => 0, snapshotChunkBytes: 10_000 },
        { electionState: { epoch: 3, votedFor: -1, leaderId: 2 }, snapshot: null, batches: [] },
        0,
      );
      const fetch = sent(core)[0] as FetchRequest;
      expect(fetch.replicaDirectoryId).toBe(dir(1));
      core.receive(10, 2, { type: 'FetchResponse', requestId: fetch.requestId, error: 'NONE', epoch: 3, leaderId: 2, highWatermark: 25, logStartOffset: 20, snapshotId: id, batches: [] });
      const request = sent(core, 10)[0] as FetchSnapshotRequest;
      expect(request.replicaDirectoryId).toBe(dir(1));
      return { core, request };
    };
    const plain = start();
    plain.core.receive(20, 2, chunk(plain.request, checkpoint()));
    expect(plain.core.takeReady().logOps.some((op) => op.op === 'installSnapshot')).toBe(false);

    const withVoters = start();
    const bytes = checkpoint(voters.slice(0, 2));
    withVoters.core.receive(20, 2, chunk(withVoters.request, bytes));
    const ready = withVoters.core.takeReady();
    expect(ready.logOps.find((op) => op.op === 'installSnapshot')).toEqual({ op: 'installSnapshot', snapshot: { id, size: bytes.length, voters: voters.slice(0, 2) } });
    expect(ready.voters).toEqual(voters.slice(0, 2));
    expect(withVoters.core.status().voters).toEqual(voters.slice(0, 2));
  });

  test('batches fetched but not yet handed out are dropped when a snapshot replaces them', () => {
    const core = RaftCore.start(
      { nodeId: 1, voters: [1, 2, 3], random: () => 0, snapshotChunkBytes: 10_000 },
      { electionState: { epoch: 3, votedFor: -1, leaderId: 2 }, snapshot: null, batches: [] },
      0,
    );
    const fetch = sent(core)[0] as FetchRequest;
    core.receive(10, 2, { type: 'FetchResponse', requestId: fetch.requestId, error: 'NONE', epoch: 3, leaderId: 2, highWatermark: 2, logStartOffset: 0, batches: [batchAt(0, 1).bytes, batchAt(1, 1).bytes] });
    // Committed, but this Ready is not taken before the snapshot arrives.
    const next = core.takeReady();
    core.persisted(10, next.persistId!);
    const fetch2 = next.messagesAfterPersist[0]!.message as FetchRequest;
    core.receive(11, 2, { type: 'FetchResponse', requestId: fetch2.requestId, error: 'NONE', epoch: 3, leaderId: 2, highWatermark: 2, logStartOffset: 0, batches: [batchAt(2, 1).bytes] });
    const fetch3 = (core.takeReady().messagesAfterPersist[0]?.message ?? null) as FetchRequest | null;
    expect(fetch3).not.toBeNull();
    core.persisted(11, 99);
    core.receive(12, 2, { type: 'FetchResponse', requestId: fetch3!.requestId, error: 'NONE', epoch: 3, leaderId: 2, highWatermark: 25, logStartOffset: 20, snapshotId: id, batches: [] });
    const ask = sent(core, 12)[0] as FetchSnapshotRequest;
    const bytes = checkpoint();
    core.receive(13, 2, chunk(ask, bytes));
    const ready = core.takeReady();
    expect(ready.committed).toEqual([]);
    expect(ready.loadSnapshot?.id).toEqual(id);
    expect(core.status()).toMatchObject({ highWatermark: 20, logStartOffset: 20, logEndOffset: 20 });
  });
});

import { InvalidSnapshotError, RaftSafetyError } from '../../src/core/errors';
import { encodeRecordBatch } from '@kz/records';
import { CoreNet } from './core-net';

/** Three static voters with a leader elected and `count` values committed everywhere. */
function committedCluster(count: number, config: { snapshotChunkBytes?: number } = {}) {
  const net = new CoreNet([1, 2, 3].map((nodeId) => ({ nodeId, voters: [1, 2, 3], ...config })));
  const leader = net.elect();
  net.run(100);
  for (let i = 0; i < count; i++) net.propose(leader, `v${i}`);
  net.run(100);
  return { net, leader, leaderId: leader.status().nodeId };
}

describe('snapshots the local state machine writes', () => {
  test('compact the log below their end; an older one changes nothing', () => {
    const { net, leader, leaderId } = committedCluster(4);
    const status = leader.status();
    expect(status.highWatermark).toBe(5); // LeaderChange + 4 values
    const epoch = status.epoch;
    const snapshot = net.snapshot(leaderId, 3, epoch);
    expect(leader.status()).toMatchObject({ logStartOffset: 3, logEndOffset: 5, snapshotId: { offset: 3, epoch } });
    expect(leader.snapshot()).toEqual(snapshot);
    expect(leader.batches().map((b) => b.baseOffset)).toEqual([3, 4]);
    const ops = net.readies.get(leaderId)!.flatMap((r) => r.logOps).filter((op) => op.op === 'snapshot');
    expect(ops).toEqual([{ op: 'snapshot', snapshot }]);
    // Static voters: the snapshot carries no voter set.
    expect(leader.snapshotVoters(3)).toBeUndefined();

    // An older (or the same) snapshot: nothing to do, no log op.
    leader.snapshotCreated(net.now, { id: { offset: 2, epoch }, size: 1 });
    leader.snapshotCreated(net.now, { id: { offset: 3, epoch }, size: 1 });
    expect(leader.hasReady()).toBe(false);
    expect(leader.status().logStartOffset).toBe(3);
    // A snapshot up to the log end empties the log.
    net.snapshot(leaderId, 5, epoch);
    expect(leader.status()).toMatchObject({ logStartOffset: 5, logEndOffset: 5 });
    expect(leader.batches()).toEqual([]);
  });

  test('must end at a committed batch boundary, named by that batch’s epoch', () => {
    const { net, leader } = committedCluster(3);
    const epoch = leader.status().epoch;
    const hw = leader.status().highWatermark;
    expect(() => leader.snapshotCreated(net.now, { id: { offset: hw + 1, epoch }, size: 1 })).toThrow(
      new InvalidSnapshotError(`snapshot end ${hw + 1} is above the high watermark ${hw}`),
    );
    expect(() => leader.snapshotCreated(net.now, { id: { offset: 2, epoch: epoch + 1 }, size: 1 })).toThrow(
      `snapshot id (2, ${epoch + 1}) does not end a batch of the log`,
    );
    expect(() => leader.snapshotCreated(net.now, { id: { offset: 2, epoch: epoch - 1 }, size: 1 })).toThrow(InvalidSnapshotError);
    // Inside a batch of three records, even with that batch's epoch.
    leader.propose(net.now, [encodeRecordBatch({ records: ['a', 'b', 'c'].map((v) => ({ key: null, value: Buffer.from(v) })) })]);
    net.run(100);
    expect(leader.status().highWatermark).toBe(hw + 3);
    expect(() => leader.snapshotCreated(net.now, { id: { offset: hw + 1, epoch }, size: 1 })).toThrow(
      `snapshot id (${hw + 1}, ${epoch}) does not end a batch of the log`,
    );
    const end = leader.status().highWatermark;
    // An uncommitted end is refused even when it is a boundary.
    net.heldDisks.add(leader.status().nodeId);
    net.propose(leader, 'x');
    expect(() => leader.snapshotCreated(net.now, { id: { offset: end + 1, epoch }, size: 1 })).toThrow(/above the high watermark/);
    expect(leader.status().logStartOffset).toBe(0);
  });

  test('a proposal still lingering is appended before the snapshot that covers it', () => {
    const net = new CoreNet([{ nodeId: 1, voters: [1], appendLingerMs: 50 }]);
    const leader = net.elect();
    net.run(100);
    net.propose(leader, 'a');
    // The single voter commits as soon as its append is durable: linger first.
    expect(leader.hasReady()).toBe(false);
    net.run(60);
    const hw = leader.status().highWatermark;
    expect(hw).toBe(2);
    net.propose(leader, 'b');
    const snapshotAt = leader.status().highWatermark;
    leader.snapshotCreated(net.now, { id: { offset: snapshotAt, epoch: leader.status().epoch }, size: 1 });
    const ops = leader.takeReady().logOps.map((op) => op.op);
    expect(ops).toEqual(['append', 'snapshot']);
  });
});

describe('a follower behind the leader’s snapshot fetches it in chunks', () => {
  test('installs it, then fetches the rest of the log and applies the snapshot before it', () => {
    const { net, leader, leaderId } = committedCluster(4, { snapshotChunkBytes: 64 });
    const laggard = [1, 2, 3].find((id) => id !== leaderId)!;
    const epoch = leader.status().epoch;
    // The laggard misses everything from now on.
    net.cut = (s) => s.from === laggard || s.to === laggard;
    for (let i = 0; i < 3; i++) net.propose(leader, `w${i}`);
    net.run(100);
    const hw = leader.status().highWatermark;
    expect(hw).toBe(8);
    const snapshot = net.snapshot(leaderId, 7, epoch);
    const checkpoint = net.checkpoints.get(leaderId)!.get(`7:${epoch}`)!;
    expect(snapshot.size).toBe(checkpoint.length);

    const start = net.sent.length;
    net.cut = () => false;
    net.run(3000);
    const follower = net.core(laggard);
    expect(follower.status()).toMatchObject({ logStartOffset: 7, logEndOffset: 8, highWatermark: 8, snapshotId: { offset: 7, epoch } });
    expect(net.checkpoints.get(laggard)!.get(`7:${epoch}`)).toEqual(checkpoint);

    // Chunk by chunk, each asked for at the position reached, at most snapshotChunkBytes.
    const requests = net.sentOf('FetchSnapshotRequest', start).filter((s) => s.from === laggard);
    expect(requests.length).toBe(Math.ceil(checkpoint.length / 64));
    expect(requests.map((r) => r.message.position)).toEqual(requests.map((_, i) => i * 64));
    for (const { message } of requests) expect(message).toMatchObject({ snapshotId: { offset: 7, epoch }, maxBytes: 64, replicaId: laggard, epoch });
    const responses = net.sentOf('FetchSnapshotResponse', start).filter((s) => s.to === laggard);
    expect(responses.map((r) => r.message.bytes.length).reduce((a, b) => a + b, 0)).toBe(checkpoint.length);
    expect(responses.every((r) => r.message.error === 'NONE' && r.message.size === checkpoint.length)).toBe(true);

    const ready = net.readies.get(laggard)!;
    const ops = ready.flatMap((r) => r.logOps);
    expect(ops.filter((op) => op.op === 'snapshotChunk').map((op) => (op.op === 'snapshotChunk' ? op.position : -1))).toEqual(requests.map((r) => r.message.position));
    expect(ops.filter((op) => op.op === 'installSnapshot')).toEqual([{ op: 'installSnapshot', snapshot: { id: { offset: 7, epoch }, size: checkpoint.length } }]);
    const loads = ready.filter((r) => r.loadSnapshot !== null);
    expect(loads.map((r) => r.loadSnapshot!.id)).toEqual([{ offset: 7, epoch }]);
    // What it applies after the snapshot starts at the snapshot's end.
    const applied = ready.slice(ready.indexOf(loads[0]!)).flatMap((r) => r.committed.map((b) => b.baseOffset));
    expect(applied[0]).toBe(7);
  });

  test('a snapshot id the leader no longer has sends the follower back to a plain fetch', () => {
    const { net, leader, leaderId } = committedCluster(4, { snapshotChunkBytes: 64 });
    const laggard = [1, 2, 3].find((id) => id !== leaderId)!;
    const epoch = leader.status().epoch;
    net.cut = (s) => s.from === laggard || s.to === laggard;
    net.propose(leader, 'x', 'y');
    net.run(100);
    net.snapshot(leaderId, 7, epoch);
    // The leader's checkpoint file is gone for one read (as when it just made a newer one).
    const files = net.checkpoints.get(leaderId)!;
    const saved = new Map(files);
    files.clear();
    net.cut = (s) => {
      if (s.message.type === 'FetchSnapshotResponse' && s.message.error === 'SNAPSHOT_NOT_FOUND') for (const [k, v] of saved) files.set(k, v);
      return false;
    };
    const start = net.sent.length;
    net.run(2500);
    const follower = net.core(laggard);
    const toLaggard = net.sent.slice(start).filter((s) => s.to === laggard || s.from === laggard);
    const refused = toLaggard.findIndex((s) => s.message.type === 'FetchSnapshotResponse' && s.message.error === 'SNAPSHOT_NOT_FOUND');
    expect(refused).toBeGreaterThanOrEqual(0);
    // It starts over from a plain fetch, which sends it to the snapshot again.
    expect(toLaggard[refused + 1]).toMatchObject({ from: laggard, message: { type: 'FetchRequest', fetchOffset: 5 } });
    expect(toLaggard[refused + 2]).toMatchObject({ to: laggard, message: { type: 'FetchResponse', snapshotId: { offset: 7, epoch } } });
    expect(toLaggard[refused + 3]).toMatchObject({ from: laggard, message: { type: 'FetchSnapshotRequest', position: 0 } });
    expect(follower.status()).toMatchObject({ logStartOffset: 7, highWatermark: leader.status().highWatermark });
  });
});

describe('the leader answers FetchSnapshot', () => {
  test('refuses a malformed request, a wrong epoch, an unknown snapshot and a position past its end', () => {
    const { net, leader, leaderId } = committedCluster(3);
    const epoch = leader.status().epoch;
    const snapshot = net.snapshot(leaderId, 4, epoch);
    const follower = [1, 2, 3].find((id) => id !== leaderId)!;
    const ask = (over: Partial<{ replicaId: number; epoch: number; offset: number; snapEpoch: number; position: number; maxBytes: number }>, from = follower) => {
      leader.receive(net.now, from, {
        type: 'FetchSnapshotRequest',
        requestId: 77,
        epoch: over.epoch ?? epoch,
        replicaId: over.replicaId ?? from,
        snapshotId: { offset: over.offset ?? 4, epoch: over.snapEpoch ?? epoch },
        position: over.position ?? 0,
        maxBytes: over.maxBytes ?? 1000,
      });
      const ready = leader.takeReady();
      return { messages: ready.messages.map((m) => m.message), reads: ready.snapshotReads };
    };
    const error = (over: Parameters<typeof ask>[0]) => {
      const { messages, reads } = ask(over);
      expect(reads).toEqual([]);
      expect(messages).toHaveLength(1);
      return messages[0];
    };
    expect(error({ replicaId: 9 })).toMatchObject({ type: 'FetchSnapshotResponse', requestId: 77, error: 'INVALID_REQUEST', epoch, leaderId, size: 0, position: 0 });
    expect(error({ maxBytes: 0 })).toMatchObject({ error: 'INVALID_REQUEST' });
    expect(error({ epoch: epoch - 1 })).toMatchObject({ error: 'FENCED_LEADER_EPOCH' });
    expect(error({ epoch: epoch + 1 })).toMatchObject({ error: 'UNKNOWN_LEADER_EPOCH' });
    expect(error({ offset: 3 })).toMatchObject({ error: 'SNAPSHOT_NOT_FOUND', snapshotId: { offset: 3, epoch } });
    expect(error({ snapEpoch: epoch - 1 })).toMatchObject({ error: 'SNAPSHOT_NOT_FOUND' });
    expect(error({ position: snapshot.size })).toMatchObject({ error: 'POSITION_OUT_OF_RANGE', size: snapshot.size, position: snapshot.size });
    expect(error({ position: -1 })).toMatchObject({ error: 'POSITION_OUT_OF_RANGE', size: snapshot.size });
    expect((error({ position: -1 }) as { bytes: Uint8Array }).bytes).toHaveLength(0);

    // A good request: a read the driver completes, at most maxBytes, the chunk size and what is left.
    const good = ask({ position: 10, maxBytes: 30 });
    expect(good.messages).toEqual([]);
    expect(good.reads).toEqual([
      {
        to: follower,
        length: 30,
        response: { type: 'FetchSnapshotResponse', requestId: 77, error: 'NONE', epoch, leaderId, snapshotId: { offset: 4, epoch }, size: snapshot.size, position: 10, bytes: new Uint8Array(0) },
      },
    ]);
    expect(ask({ position: snapshot.size - 5, maxBytes: 1000 }).reads[0]!.length).toBe(5);
    expect(ask({ position: 0, maxBytes: snapshot.size + 1 }).reads[0]!.length).toBe(snapshot.size);
  });

  test('a follower refuses FetchSnapshot: it is not the leader', () => {
    const { net, leader, leaderId } = committedCluster(1);
    const epoch = leader.status().epoch;
    const follower = net.core([1, 2, 3].find((id) => id !== leaderId)!);
    const other = [1, 2, 3].find((id) => id !== leaderId && id !== follower.status().nodeId)!;
    follower.receive(net.now, other, { type: 'FetchSnapshotRequest', requestId: 5, epoch, replicaId: other, snapshotId: { offset: 1, epoch }, position: 0, maxBytes: 10 });
    const ready = follower.takeReady();
    expect(ready.snapshotReads).toEqual([]);
    expect(ready.messages.map((m) => m.message)).toEqual([
      { type: 'FetchSnapshotResponse', requestId: 5, error: 'NOT_LEADER_OR_FOLLOWER', epoch, leaderId, snapshotId: { offset: 1, epoch }, size: 0, position: 0, bytes: new Uint8Array(0) },
    ]);
  });
});

describe('a leader offering a snapshot below the follower’s high watermark', () => {
  test('is a safety violation the follower refuses', () => {
    const { net, leader, leaderId } = committedCluster(3);
    const followerId = [1, 2, 3].find((id) => id !== leaderId)!;
    const follower = net.core(followerId);
    const hw = follower.status().highWatermark;
    expect(hw).toBeGreaterThan(1);
    // The follower's next fetch goes out on its tick; answer it with a snapshot id below its HW.
    net.cut = (s) => s.from === followerId && s.message.type === 'FetchRequest';
    const start = net.sent.length;
    net.run(600);
    const fetch = net.sentOf('FetchRequest', start).find((s) => s.from === followerId)!;
    expect(fetch).toBeDefined();
    const epoch = leader.status().epoch;
    expect(() =>
      follower.receive(net.now, leaderId, {
        type: 'FetchResponse',
        requestId: fetch.message.requestId,
        error: 'NONE',
        epoch,
        leaderId,
        highWatermark: hw,
        logStartOffset: 1,
        snapshotId: { offset: 1, epoch },
        batches: [],
      }),
    ).toThrow(new RaftSafetyError(`node ${followerId}: leader offered snapshot ending at 1, below the high watermark ${hw}`));
  });
});

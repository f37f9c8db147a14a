/**
 * The high-watermark checkpoint across restarts: a leader that comes back before its followers
 * serves what was committed at once (it starts from its checkpointed HW, not from 0), a killed
 * broker starts from its last periodic checkpoint, and a damaged checkpoint is refused with a log
 * line while the HW comes back through replication and nothing is lost.
 */
import * as fs from 'node:fs';
import { decodeRecordBatch, iterateBatches } from '@kz/records';
import pino from 'pino';
import { LATEST_OFFSET_SPEC } from '../../src/protocol/list-offsets';
import type { FetchRequest } from '../../src/protocol/fetch';
import { ReplicaCluster, TOPIC, TOPIC_ID } from './replica-cluster';

function consumerFetch(fetchOffset: number): FetchRequest {
  return {
    replicaId: -1,
    replicaEpoch: -1,
    maxWaitMs: 0,
    minBytes: 1,
    maxBytes: 1 << 20,
    topics: [{ topicId: TOPIC_ID, partitions: [{ partition: 0, currentLeaderEpoch: -1, fetchOffset, lastFetchedEpoch: -1, logStartOffset: -1, partitionMaxBytes: 1 << 20 }] }],
  };
}

async function consumed(cluster: ReplicaCluster, leader: number): Promise<{ highWatermark: number; values: string[] }> {
  const answer = (await cluster.manager(leader).fetch(consumerFetch(0), cluster.now)).topics[0]!.partitions[0]!;
  const values: string[] = [];
  for (const { at } of iterateBatches(answer.records)) for (const r of decodeRecordBatch(answer.records, at).records) values.push(Buffer.from(r.value!).toString());
  return { highWatermark: answer.highWatermark, values };
}

async function latestOffset(cluster: ReplicaCluster, leader: number): Promise<number> {
  const answer = cluster.manager(leader).listOffsets({ topics: [{ name: TOPIC, partitions: [{ partition: 0, currentLeaderEpoch: -1, timestamp: LATEST_OFFSET_SPEC }] }] });
  return answer.topics[0]!.partitions[0]!.offset;
}

/** acks=all batches, each committed on the whole ISR before the next. */
async function commit(cluster: ReplicaCluster, values: readonly string[]): Promise<void> {
  for (const v of values) {
    const answered = cluster.produce(1, [v]);
    cluster.manager(1).flush(cluster.now);
    await cluster.pump(2);
    expect((await answered).topics[0]!.partitions[0]!.errorCode).toBe(0);
  }
}

let cluster: ReplicaCluster;
afterEach(() => cluster.close());

describe('a restarted broker and its high-watermark checkpoint', () => {
  it('a leader restarting alone serves up to its old HW at once', async () => {
    cluster = new ReplicaCluster();
    await commit(cluster, ['a', 'b', 'c']);
    expect(cluster.manager(1).partition(TOPIC_ID, 0)!.highWatermark).toBe(3);
    // A follower knows the HW its leader's last answer carried: one fetch behind.
    const followerHighWatermark = cluster.manager(2).partition(TOPIC_ID, 0)!.highWatermark;
    expect(followerHighWatermark).toBeGreaterThan(0);
    for (const id of [1, 2, 3]) cluster.kill(id); // clean shutdowns: each checkpoints
    cluster.start(1);
    // The ISR is still [1,2,3] and no follower has fetched: only the checkpoint can say 3 is committed.
    expect(await consumed(cluster, 1)).toEqual({ highWatermark: 3, values: ['a', 'b', 'c'] });
    expect(await latestOffset(cluster, 1)).toBe(3);
    // A follower starts from its checkpoint too.
    expect(cluster.start(2).partition(TOPIC_ID, 0)!.highWatermark).toBe(followerHighWatermark);
  });

  it('without a checkpoint the same leader serves nothing until its followers fetch (what the checkpoint fixes)', async () => {
    cluster = new ReplicaCluster();
    await commit(cluster, ['a', 'b', 'c']);
    for (const id of [1, 2, 3]) cluster.kill(id);
    fs.rmSync(cluster.checkpointFile(1));
    cluster.start(1);
    expect(await consumed(cluster, 1)).toEqual({ highWatermark: 0, values: [] });
  });

  it('a killed broker starts from its last periodic checkpoint, and replication brings the HW the rest of the way', async () => {
    cluster = new ReplicaCluster();
    await commit(cluster, ['a', 'b', 'c']);
    cluster.advance(5000); // replica.high.watermark.checkpoint.interval.ms: every broker checkpoints HW 3
    await commit(cluster, ['d', 'e']);
    expect(cluster.manager(1).partition(TOPIC_ID, 0)!.highWatermark).toBe(5);
    for (const id of [1, 2, 3]) cluster.crash(id);
    cluster.start(1);
    expect(await consumed(cluster, 1)).toEqual({ highWatermark: 3, values: ['a', 'b', 'c'] });
    cluster.start(2);
    cluster.start(3);
    await cluster.pump(2);
    expect(await consumed(cluster, 1)).toEqual({ highWatermark: 5, values: ['a', 'b', 'c', 'd', 'e'] });
  });

  it('never starts a replica past its log end, whatever the checkpoint says', async () => {
    cluster = new ReplicaCluster();
    await commit(cluster, ['a', 'b']);
    for (const id of [1, 2, 3]) cluster.kill(id);
    fs.writeFileSync(cluster.checkpointFile(2), `0\n1\n${TOPIC_ID} 0 1000\n`);
    expect(cluster.start(2).partition(TOPIC_ID, 0)!.highWatermark).toBe(2);
  });

  it('refuses a damaged checkpoint with a log line, starts without it, and loses nothing', async () => {
    cluster = new ReplicaCluster();
    await commit(cluster, ['a', 'b', 'c']);
    for (const id of [1, 2, 3]) cluster.kill(id);
    const file = cluster.checkpointFile(1);
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').slice(0, -3)); // cut short
    const lines: Record<string, unknown>[] = [];
    cluster.start(1, pino({ level: 'warn' }, { write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>) }));
    expect(lines).toEqual([expect.objectContaining({ level: 50, msg: 'high-watermark checkpoint refused: high watermarks will come from replication', err: expect.objectContaining({ type: 'CorruptCheckpointError' }) })]);
    expect(await consumed(cluster, 1)).toEqual({ highWatermark: 0, values: [] });
    cluster.start(2);
    cluster.start(3);
    await cluster.pump(2);
    expect(await consumed(cluster, 1)).toEqual({ highWatermark: 3, values: ['a', 'b', 'c'] });
    // The next checkpoint replaces the damaged file.
    cluster.advance(5000);
    expect(fs.readFileSync(file, 'utf8')).toBe(`0\n1\n${TOPIC_ID} 0 3\n`);
  });
});

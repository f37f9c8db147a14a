/**
 * KIP-227 fetch sessions between brokers: after the first (full) fetch, a follower lists only the
 * partitions whose position moved and is answered only with news, while every partition of the
 * session still counts as fetched — so idle partitions keep their followers in the ISR. A session
 * the leader lost, or a fetch out of turn, is answered with Kafka's session errors and the follower
 * starts over with a full fetch.
 */
import { KAFKA_ERROR_CODES } from '@kz/metadata';
import { encodeRecordBatch } from '@kz/records';
import type { FetchRequest, FetchResponse } from '../../src/protocol/fetch';
import { ReplicaCluster, settle, TOPIC_ID } from './replica-cluster';

const IDLE_IDS = ['idle-a-id-0000000000000', 'idle-b-id-0000000000000'];

function listed(request: FetchRequest): string[] {
  return request.topics.flatMap((t) => t.partitions.map((p) => `${t.topicId}:${p.partition}`));
}

function answered(response: FetchResponse): string[] {
  return response.topics.flatMap((t) => t.partitions.map((p) => `${t.topicId}:${p.partition}`));
}

/** One fetch of follower `id` from broker 1, answered at once and applied, as its fetcher does. */
async function fetchOnce(c: ReplicaCluster, id: number): Promise<{ request: FetchRequest; response: FetchResponse }> {
  const follower = c.manager(id);
  c.manager(1).flush(c.now); // the leader counts its own log end once flushed, as its runtime does
  const request = follower.fetchRequestFor(1, c.now)!;
  const response = await c.manager(1).fetch({ ...request, maxWaitMs: 0 }, c.now);
  follower.onFetchResponse(1, request, response, c.now);
  follower.flush(c.now);
  return { request, response };
}

function cluster(): ReplicaCluster {
  const c = new ReplicaCluster([1, 2, 3], { replicaLagTimeMaxMs: 10_000 });
  c.addTopic('idle-a', IDLE_IDS[0]!);
  c.addTopic('idle-b', IDLE_IDS[1]!);
  return c;
}

describe('fetch sessions (KIP-227)', () => {
  let c: ReplicaCluster;
  beforeEach(() => {
    c = cluster();
  });
  afterEach(() => c.close());

  it('opens with a full fetch, then lists only moved positions and is answered only with news', async () => {
    const first = await fetchOnce(c, 2);
    expect(first.request.sessionEpoch).toBe(0);
    expect(listed(first.request)).toHaveLength(3);
    expect(first.response.sessionId).toBeGreaterThan(0);
    expect(answered(first.response)).toHaveLength(3);

    // Nothing moved: the next fetch lists nothing and nothing is answered.
    const quiet = await fetchOnce(c, 2);
    expect(quiet.request).toMatchObject({ sessionId: first.response.sessionId, sessionEpoch: 1, topics: [], forgottenTopics: [] });
    expect(answered(quiet.response)).toEqual([]);

    // One partition gets records: only it is answered, and then only it is listed (its position moved).
    const produced = c.produce(1, ['a', 'b']);
    const data = await fetchOnce(c, 2);
    expect(answered(data.response)).toEqual([`${TOPIC_ID}:0`]);
    expect(data.response.topics[0]!.partitions[0]!.records.length).toBeGreaterThan(0);
    const moved = await fetchOnce(c, 2);
    expect(listed(moved.request)).toEqual([`${TOPIC_ID}:0`]);
    expect(moved.request.sessionEpoch).toBe(3);
    await fetchOnce(c, 3);
    await fetchOnce(c, 3);
    await settle();
    await expect(produced).resolves.toMatchObject({ topics: [{ partitions: [{ errorCode: 0 }] }] });
    expect(c.manager(2).partition(TOPIC_ID, 0)!.log.logEndOffset).toBe(2);
  });

  it('tells a follower of a high watermark that moved although it fetched nothing new', async () => {
    await fetchOnce(c, 2);
    await fetchOnce(c, 3);
    void c.produce(1, ['x']);
    await fetchOnce(c, 2); // both fetch the record...
    await fetchOnce(c, 3);
    await fetchOnce(c, 2); // ...and report it: broker 2 first (the HW waits for broker 3)
    const last = await fetchOnce(c, 3);
    expect(c.manager(1).partition(TOPIC_ID, 0)!.highWatermark).toBe(1);
    expect(answered(last.response)).toEqual([`${TOPIC_ID}:0`]);
    // Broker 2 sits idle at its log end, and learns the new HW from its next answer, once.
    const told = await fetchOnce(c, 2);
    expect(told.request.topics).toEqual([]);
    expect(told.response.topics[0]!.partitions[0]).toMatchObject({ highWatermark: 1, records: new Uint8Array(0) });
    expect(c.manager(2).partition(TOPIC_ID, 0)!.highWatermark).toBe(1);
    expect(answered((await fetchOnce(c, 2)).response)).toEqual([]);
  });

  it('raises no ISR change for partitions fetched idle through the session, past replica.lag.time.max.ms', async () => {
    await c.pump();
    for (let i = 0; i < 6; i++) {
      c.advance(4000);
      const { request, response } = await fetchOnce(c, 2);
      await fetchOnce(c, 3);
      expect(request.topics).toEqual([]);
      expect(answered(response)).toEqual([]);
    }
    expect(c.manager(1).takeAlterPartitions()).toEqual([]);
    for (const topicId of [TOPIC_ID, ...IDLE_IDS]) expect(c.manager(1).partition(topicId, 0)!.leader!.isr).toEqual([1, 2, 3]);
  });

  it('stops counting a forgotten partition as fetched: once the leader appends to it, its follower leaves the ISR', async () => {
    await c.pump();
    // Broker 2 backs its idle-a replica off for a long time, so its fetches forget it.
    c.manager(2).partition(IDLE_IDS[0]!, 0)!.delayFetchesUntil(c.now + 60_000);
    const forgetting = await fetchOnce(c, 2);
    expect(forgetting.request.forgottenTopics).toEqual([{ topicId: IDLE_IDS[0], partitions: [0] }]);
    const records = encodeRecordBatch({ records: [{ key: null, value: Buffer.from('v') }] });
    void c.manager(1).produce({ acks: 1, timeoutMs: 1000, topics: [{ name: 'idle-a', partitions: [{ partition: 0, records }] }] }, c.now);
    const toBroker2: string[] = [];
    for (let i = 0; i < 5; i++) {
      c.advance(3000);
      toBroker2.push(...answered((await fetchOnce(c, 2)).response));
      await fetchOnce(c, 3);
    }
    // The leader no longer reads it for broker 2...
    expect(toBroker2.filter((key) => key.startsWith(IDLE_IDS[0]!))).toEqual([]);
    // ...nor counts it as fetched.
    const shrinks = c.manager(1).takeAlterPartitions();
    expect(shrinks).toEqual([expect.objectContaining({ topicId: IDLE_IDS[0], newIsr: [1, 3] })]);
  });

  it('answers an unknown session FETCH_SESSION_ID_NOT_FOUND and an out-of-turn epoch INVALID_FETCH_SESSION_EPOCH; the follower starts over in full', async () => {
    const first = await fetchOnce(c, 2);
    const leader = c.manager(1);
    const base = { replicaId: 2, replicaEpoch: 1, maxWaitMs: 0, minBytes: 1, maxBytes: 1 << 20, topics: [] };
    const unknown = await leader.fetch({ ...base, sessionId: first.response.sessionId! + 1, sessionEpoch: 1 }, c.now);
    expect(unknown).toMatchObject({ errorCode: KAFKA_ERROR_CODES.FETCH_SESSION_ID_NOT_FOUND, topics: [] });
    const outOfTurn = await leader.fetch({ ...base, sessionId: first.response.sessionId, sessionEpoch: 5 }, c.now);
    expect(outOfTurn).toMatchObject({ errorCode: KAFKA_ERROR_CODES.INVALID_FETCH_SESSION_EPOCH, topics: [] });
    // Another broker cannot use broker 2's session.
    const stolen = await leader.fetch({ ...base, replicaId: 3, replicaEpoch: 2, sessionId: first.response.sessionId, sessionEpoch: 1 }, c.now);
    expect(stolen.errorCode).toBe(KAFKA_ERROR_CODES.FETCH_SESSION_ID_NOT_FOUND);

    // Refused fetches do not move the session: the follower's own next fetch, epoch 1, is accepted.
    const next = await fetchOnce(c, 2);
    expect(next.request.sessionEpoch).toBe(1);
    expect(next.response.errorCode).toBe(0);
    // A leader that lost the session (a restart) refuses it; the follower's next fetch is full, at once.
    const restarted = await leader.fetch({ ...base, sessionId: 12345, sessionEpoch: 2 }, c.now);
    expect(restarted.errorCode).toBe(KAFKA_ERROR_CODES.FETCH_SESSION_ID_NOT_FOUND);
    const follower = c.manager(2);
    const request = follower.fetchRequestFor(1, c.now)!;
    follower.onFetchResponse(1, request, restarted, c.now);
    const again = follower.fetchRequestFor(1, c.now)!;
    expect(again).toMatchObject({ sessionId: 0, sessionEpoch: 0 });
    expect(listed(again)).toHaveLength(3);
  });

  it('answers a parked session fetch with only the partition that got records', async () => {
    await c.pump();
    const follower = c.manager(2);
    const request = follower.fetchRequestFor(1, c.now)!;
    expect(request.topics).toEqual([]);
    let answer: FetchResponse | undefined;
    void c.manager(1).fetch({ ...request, maxWaitMs: 500 }, c.now).then((r) => (answer = r));
    await settle();
    expect(answer).toBeUndefined();
    void c.produce(1, ['late']);
    await settle();
    expect(answered(answer!)).toEqual([`${TOPIC_ID}:0`]);
    follower.onFetchResponse(1, request, answer!, c.now);
    expect(follower.partition(TOPIC_ID, 0)!.log.logEndOffset).toBe(1);
  });

  it('answers an idle partition whose leadership moved with the error, not silence', async () => {
    await c.pump();
    // Broker 3 builds its fetch before it learns of the move; the leader has learnt it by the time it answers.
    const follower = c.manager(3);
    const request = follower.fetchRequestFor(1, c.now)!;
    c.change({ leader: 2 }, IDLE_IDS[1]);
    const response = await c.manager(1).fetch({ ...request, maxWaitMs: 0 }, c.now);
    expect(answered(response)).toEqual([`${IDLE_IDS[1]}:0`]);
    expect(response.topics[0]!.partitions[0]!).toMatchObject({ errorCode: KAFKA_ERROR_CODES.NOT_LEADER_OR_FOLLOWER, currentLeader: { leaderId: 2, leaderEpoch: 1 } });
  });
});

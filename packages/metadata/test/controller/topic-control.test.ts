/**
 * CreateTopics, DeleteTopics and CreatePartitions through the controller: what each refusal says,
 * the cluster defaults, placement against the load already there (and placed earlier in the same
 * request), and how the records are batched.
 */
import type { CreatableTopic } from '../../src/controller/controller-requests';
import { ControllerHarness } from './controller-harness';

function topic(h: ControllerHarness, name: string) {
  const t = h.loader.image.topic(name);
  if (t === undefined) throw new Error(`no topic ${name}`);
  return t;
}

/** Brokers 1–3 active, broker 4 registered but fenced (it never heartbeats). */
function cluster(config: ConstructorParameters<typeof ControllerHarness>[0] = {}): ControllerHarness {
  const h = new ControllerHarness(config);
  h.activate();
  h.addBrokers([1, 2, 3]);
  h.ok('registerBroker', { brokerId: 4, clusterId: 'test-cluster', incarnationId: 'inc-4', endpoints: [{ name: 'PLAINTEXT', host: 'localhost', port: 9004 }], rack: null });
  expect(h.loader.image.brokers.get(4)?.fenced).toBe(true);
  return h;
}

/** How many replicas and leaderships each broker holds over every partition. */
function loadOf(h: ControllerHarness): { replicas: Record<number, number>; leaders: Record<number, number> } {
  const replicas: Record<number, number> = {};
  const leaders: Record<number, number> = {};
  for (const t of h.loader.image.topicsById.values()) {
    for (const p of t.partitions) {
      for (const id of p.replicas) replicas[id] = (replicas[id] ?? 0) + 1;
      leaders[p.replicas[0]!] = (leaders[p.replicas[0]!] ?? 0) + 1;
    }
  }
  return { replicas, leaders };
}

describe('CreateTopics refusals', () => {
  it.each<[CreatableTopic, string, string]>([
    [{ name: 'n', numPartitions: 0 }, 'INVALID_PARTITIONS', 'number of partitions 0 must be at least 1'],
    [{ name: 'n', numPartitions: 1.5 }, 'INVALID_PARTITIONS', 'number of partitions 1.5 must be at least 1'],
    [{ name: 'n', replicationFactor: 0 }, 'INVALID_REPLICATION_FACTOR', 'replication factor 0 must be at least 1'],
    [{ name: 'n', replicationFactor: 2.5 }, 'INVALID_REPLICATION_FACTOR', 'replication factor 2.5 must be at least 1'],
    [{ name: 'n', assignments: [[1]], numPartitions: 1 }, 'INVALID_REQUEST', 'topic n gives assignments together with a partition count or replication factor'],
    [{ name: 'n', assignments: [[1]], replicationFactor: 1 }, 'INVALID_REQUEST', 'topic n gives assignments together with a partition count or replication factor'],
    [{ name: 'n', assignments: [] }, 'INVALID_PARTITIONS', 'topic n has an empty assignment'],
    [{ name: 'n', assignments: [[]] }, 'INVALID_REPLICA_ASSIGNMENT', 'partition 0 has no replicas'],
    [{ name: 'n', assignments: [[1, 2], [3]] }, 'INVALID_REPLICA_ASSIGNMENT', 'partition 1 has 1 replicas; every partition needs 2'],
    [{ name: 'n', assignments: [[1, 2], [3, 3]] }, 'INVALID_REPLICA_ASSIGNMENT', 'partition 1 names a broker twice: [3,3]'],
    [{ name: 'n', assignments: [[1, 9]] }, 'INVALID_REPLICA_ASSIGNMENT', 'partition 0 names broker 9, which is not registered'],
    [{ name: 'n', assignments: [[1], [4]] }, 'INVALID_REPLICA_ASSIGNMENT', 'every broker of partition 1 [4] is fenced or shutting down'],
  ])('refuses %j with %s: %s, writing nothing', (request, code, message) => {
    const h = cluster();
    const before = h.endOffset;
    const { topics } = h.ok('createTopics', { topics: [request] });
    expect(topics).toEqual([
      {
        name: 'n',
        error: expect.objectContaining({ code, message }),
        topicId: null,
        numPartitions: request.numPartitions ?? -1,
        replicationFactor: request.replicationFactor ?? -1,
      },
    ]);
    expect(h.endOffset).toBe(before);
  });

  it('names every broker of a partition whose brokers are all fenced', () => {
    const h = cluster();
    h.ok('registerBroker', { brokerId: 5, clusterId: 'test-cluster', incarnationId: 'inc-5', endpoints: [], rack: null });
    const { topics } = h.ok('createTopics', { topics: [{ name: 'n', assignments: [[4, 5]] }] });
    expect(topics[0]?.error).toEqual(expect.objectContaining({ code: 'INVALID_REPLICA_ASSIGNMENT', message: 'every broker of partition 0 [4,5] is fenced or shutting down' }));
  });

  it('refuses a name given twice in one request (both of them) and an existing topic, and creates the rest', () => {
    const h = cluster();
    h.ok('createTopics', { topics: [{ name: 'old' }] });
    const { topics } = h.ok('createTopics', { topics: [{ name: 'd' }, { name: 'old' }, { name: 'd' }, { name: 'new' }] });
    expect(topics.map((t) => [t.name, t.error?.code ?? null, t.error?.message ?? null])).toEqual([
      ['d', 'INVALID_REQUEST', 'topic d appears more than once in the request'],
      ['old', 'TOPIC_ALREADY_EXISTS', 'topic old already exists'],
      ['d', 'INVALID_REQUEST', 'topic d appears more than once in the request'],
      ['new', null, null],
    ]);
    expect([...h.loader.image.topicIdsByName.keys()].sort()).toEqual(['new', 'old']);
  });

  it('takes a topic whose Topic, Partition and Config records fill one batch exactly, and refuses one record more', () => {
    const h = cluster({ maxRecordsPerBatch: 10, recordsPerBatch: 10 });
    const { topics } = h.ok('createTopics', {
      topics: [
        { name: 'full', numPartitions: 9, replicationFactor: 1 },
        { name: 'over', numPartitions: 10, replicationFactor: 1 },
        { name: 'full-conf', numPartitions: 8, replicationFactor: 1, configs: { 'retention.ms': '1000' } },
        { name: 'over-conf', numPartitions: 9, replicationFactor: 1, configs: { 'retention.ms': '1000' } },
      ],
    });
    expect(topics.map((t) => t.error?.message ?? null)).toEqual([
      null,
      '10 partitions do not fit one metadata batch of 10 records; create fewer and add more with CreatePartitions',
      null,
      '9 partitions do not fit one metadata batch of 10 records; create fewer and add more with CreatePartitions',
    ]);
    expect(topic(h, 'full').partitions).toHaveLength(9);
    expect(topic(h, 'full-conf').partitions).toHaveLength(8);
  });
});

describe('CreateTopics placement and records', () => {
  it('a partition count or replication factor of -1 or none takes the cluster defaults', () => {
    const h = cluster({ staticBrokerConfigs: new Map([['num.partitions', '3'], ['default.replication.factor', '2']]) });
    h.ok('incrementalAlterConfigs', { resources: [{ type: 'broker', name: '', changes: [{ name: 'num.partitions', op: 'set', value: '4' }] }] });
    const { topics } = h.ok('createTopics', { topics: [{ name: 'a', numPartitions: -1, replicationFactor: -1 }, { name: 'b' }, { name: 'c', numPartitions: 2, replicationFactor: 3 }] });
    expect(topics.map((t) => [t.numPartitions, t.replicationFactor])).toEqual([[4, 2], [4, 2], [2, 3]]);
    expect(topic(h, 'a').partitions.map((p) => p.replicas.length)).toEqual([2, 2, 2, 2]);
    // Placement uses only the active brokers: the fenced broker 4 gets nothing.
    expect(loadOf(h).replicas[4]).toBeUndefined();
  });

  it('places each topic against the load of the topics before it, in the same request or earlier ones', () => {
    const together = cluster();
    together.ok('createTopics', { topics: ['a', 'b', 'c', 'd', 'e', 'f'].map((name) => ({ name, numPartitions: 1, replicationFactor: 2 })) });
    const apart = cluster();
    for (const name of ['a', 'b', 'c', 'd', 'e', 'f']) apart.ok('createTopics', { topics: [{ name, numPartitions: 1, replicationFactor: 2 }] });
    for (const h of [together, apart]) expect(loadOf(h)).toEqual({ replicas: { 1: 4, 2: 4, 3: 4 }, leaders: { 1: 2, 2: 2, 3: 2 } });
  });

  it('spreads leaderships by the leaders already placed, in the same request or earlier ones, when every broker holds a replica', () => {
    const names = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'];
    const together = cluster();
    together.ok('createTopics', { topics: names.map((name) => ({ name, numPartitions: 1, replicationFactor: 3 })) });
    const apart = cluster();
    for (const name of names) apart.ok('createTopics', { topics: [{ name, numPartitions: 1, replicationFactor: 3 }] });
    for (const h of [together, apart]) expect(loadOf(h).leaders).toEqual({ 1: 3, 2: 3, 3: 3 });
  });

  it('places the same way whatever order the brokers registered in', () => {
    const placements = [[1, 2, 3], [3, 1, 2], [2, 3, 1]].map((ids) => {
      const h = new ControllerHarness();
      h.activate();
      h.addBrokers(ids, ids.map((id) => `rack-${id}`));
      h.ok('createTopics', { topics: [{ name: 'x', numPartitions: 5, replicationFactor: 2 }] });
      return topic(h, 'x').partitions.map((p) => p.replicas);
    });
    expect(placements[1]).toEqual(placements[0]);
    expect(placements[2]).toEqual(placements[0]);
  });

  it('draws a new topic id again when the one drawn is taken', () => {
    // 16 draws make an id: the second topic's first id repeats the first topic's, its redraw differs.
    let draws = 0;
    const h = new ControllerHarness({}, 7, () => (draws++ < 32 ? 0.5 : 0.25));
    h.activate();
    h.addBrokers([1]);
    h.ok('createTopics', { topics: [{ name: 'first', assignments: [[1]] }] });
    h.ok('createTopics', { topics: [{ name: 'second', assignments: [[1]] }] });
    expect(topic(h, 'first').id).toBe(Buffer.alloc(16, 128).toString('base64url'));
    expect(topic(h, 'second').id).toBe(Buffer.alloc(16, 64).toString('base64url'));
    expect(draws).toBe(48);
  });

  it('an explicit assignment is kept as given; a new partition’s ISR is its active replicas, led by the first of them', () => {
    const h = cluster();
    const { topics } = h.ok('createTopics', { topics: [{ name: 'x', assignments: [[4, 2], [3, 1]] }] });
    expect(topics[0]).toMatchObject({ error: null, numPartitions: 2, replicationFactor: 2, topicId: topic(h, 'x').id });
    expect(topic(h, 'x').partitions.map((p) => ({ replicas: p.replicas, isr: p.isr, leader: p.leader }))).toEqual([
      { replicas: [4, 2], isr: [2], leader: 2 },
      { replicas: [3, 1], isr: [3, 1], leader: 3 },
    ]);
  });

  it('validateOnly answers as a creation would, without a topic id, and writes nothing', () => {
    const h = cluster();
    const before = h.endOffset;
    const { topics } = h.ok('createTopics', { topics: [{ name: 'v', numPartitions: 2, replicationFactor: 3 }, { name: 'v2', assignments: [[1, 2]] }], validateOnly: true });
    expect(topics).toEqual([
      { name: 'v', error: null, topicId: null, numPartitions: 2, replicationFactor: 3 },
      { name: 'v2', error: null, topicId: null, numPartitions: 1, replicationFactor: 2 },
    ]);
    expect(h.endOffset).toBe(before);
  });

  it('packs whole topics into batches of up to recordsPerBatch, pausing once a chunk holds that many', () => {
    const h = cluster({ recordsPerBatch: 4, recordsPerSlice: 4 });
    // Each topic is 2 records (Topic, Partition): two topics fill a batch.
    const id = h.submit('createTopics', { topics: ['a', 'b', 'c', 'd', 'e'].map((name) => ({ name, numPartitions: 1, replicationFactor: 1 })) });
    expect(h.pendingBatchSizes()).toEqual([4]);
    expect(h.runPendingWork()).toBe(2);
    expect(h.pendingBatchSizes()).toEqual([4, 4, 2]);
    h.commitAll();
    expect(h.replies.get(id)?.result.ok).toBe(true);
    // A topic larger than what is left of a batch starts the next one; the chunk is written in one append.
    const big = h.submit('createTopics', { topics: [{ name: 'p', numPartitions: 2, replicationFactor: 1 }, { name: 'q', numPartitions: 2, replicationFactor: 1 }] });
    expect(h.pendingBatchSizes()).toEqual([3, 3]);
    h.runPendingWork();
    h.commitAll();
    expect(h.replies.get(big)?.result.ok).toBe(true);
  });
});

describe('DeleteTopics', () => {
  it('names each refusal; a name given twice is removed once', () => {
    const h = cluster();
    h.ok('createTopics', { topics: [{ name: 'a' }, { name: 'b' }] });
    const { topics } = h.ok('deleteTopics', { names: ['a', 'nope', 'a'] });
    expect(topics).toEqual([
      { name: 'a', error: null },
      { name: 'nope', error: expect.objectContaining({ code: 'UNKNOWN_TOPIC_OR_PARTITION', message: 'topic nope does not exist' }) },
      { name: 'a', error: expect.objectContaining({ code: 'INVALID_REQUEST', message: 'topic a appears more than once in the request' }) },
    ]);
    expect([...h.loader.image.topicIdsByName.keys()]).toEqual(['b']);
  });

  it('deletes more topics at once than one batch may hold', () => {
    const h = cluster({ maxRecordsPerBatch: 2, recordsPerBatch: 2 });
    h.ok('createTopics', { topics: [{ name: 'a' }, { name: 'b' }, { name: 'c' }] });
    const id = h.submit('deleteTopics', { names: ['a', 'b', 'c'] });
    expect(h.pendingBatchSizes()).toEqual([2, 1]);
    h.commitAll();
    expect(h.replies.get(id)?.result).toMatchObject({ ok: true, value: { topics: [{ error: null }, { error: null }, { error: null }] } });
    expect(h.loader.image.topicIdsByName.size).toBe(0);
  });
});

describe('CreatePartitions', () => {
  it.each([
    [{ name: 'nope', count: 3 }, 'UNKNOWN_TOPIC_OR_PARTITION', 'topic nope does not exist'],
    [{ name: 'a', count: 2 }, 'INVALID_PARTITIONS', 'topic a has 2 partitions; the new count 2 must be larger'],
    [{ name: 'a', count: 2.5 }, 'INVALID_PARTITIONS', 'topic a has 2 partitions; the new count 2.5 must be larger'],
    [{ name: 'a', count: 13 }, 'INVALID_PARTITIONS', '11 new partitions do not fit one metadata batch of 10 records'],
    [{ name: 'a', count: 4, assignments: [[1, 2]] }, 'INVALID_REPLICA_ASSIGNMENT', '1 assignments given for 2 new partitions of a'],
    [{ name: 'a', count: 4, assignments: [[1, 2], [3]] }, 'INVALID_REPLICA_ASSIGNMENT', 'partition 3 has 1 replicas; every partition needs 2'],
    [{ name: 'a', count: 3, assignments: [[4, 9]] }, 'INVALID_REPLICA_ASSIGNMENT', 'partition 2 names broker 9, which is not registered'],
  ])('refuses %j with %s: %s, writing nothing', (request, code, message) => {
    const h = cluster({ maxRecordsPerBatch: 10, recordsPerBatch: 10 });
    h.ok('createTopics', { topics: [{ name: 'a', numPartitions: 2, replicationFactor: 2 }] });
    const before = h.endOffset;
    const { topics } = h.ok('createPartitions', { topics: [request] });
    expect(topics).toEqual([{ name: request.name, error: expect.objectContaining({ code, message }) }]);
    expect(h.endOffset).toBe(before);
  });

  it('adds a topic’s new partitions in one batch, as many as a batch holds, with the assignments given', () => {
    const h = cluster({ maxRecordsPerBatch: 10, recordsPerBatch: 2 });
    h.ok('createTopics', { topics: [{ name: 'a', numPartitions: 2, replicationFactor: 2 }, { name: 'b', numPartitions: 1, replicationFactor: 2 }] });
    const id = h.submit('createPartitions', { topics: [{ name: 'a', count: 12 }, { name: 'b', count: 3, assignments: [[4, 2], [2, 3]] }] });
    expect(h.pendingBatchSizes()).toEqual([10, 2]);
    h.commitAll();
    expect(h.replies.get(id)?.result).toEqual({ ok: true, value: { topics: [{ name: 'a', error: null }, { name: 'b', error: null }] } });
    expect(topic(h, 'a').partitions.map((p) => p.replicas.length)).toEqual(Array<number>(12).fill(2));
    expect(topic(h, 'b').partitions.slice(1).map((p) => ({ replicas: p.replicas, isr: p.isr, leader: p.leader }))).toEqual([
      { replicas: [4, 2], isr: [2], leader: 2 },
      { replicas: [2, 3], isr: [2, 3], leader: 2 },
    ]);
  });

  it('validateOnly checks without writing', () => {
    const h = cluster();
    h.ok('createTopics', { topics: [{ name: 'a', numPartitions: 1, replicationFactor: 1 }] });
    const before = h.endOffset;
    expect(h.ok('createPartitions', { topics: [{ name: 'a', count: 3 }], validateOnly: true }).topics).toEqual([{ name: 'a', error: null }]);
    expect(h.endOffset).toBe(before);
    expect(topic(h, 'a').partitions).toHaveLength(1);
  });

  it('places new partitions against the load already there', () => {
    const h = cluster();
    h.ok('createTopics', { topics: [{ name: 'a', assignments: [[1], [1]] }] });
    h.ok('createPartitions', { topics: [{ name: 'a', count: 6 }] });
    expect(loadOf(h).replicas).toEqual({ 1: 2, 2: 2, 3: 2 });
  });
});

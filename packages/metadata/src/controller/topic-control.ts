/**
 * CreateTopics, DeleteTopics and CreatePartitions. Each topic is written atomically (its Topic,
 * Partition and Config records in one batch), so no node ever sees half a topic; topics of one
 * request succeed or fail one by one, with Kafka's per-topic errors. A CreateTopics of thousands of
 * partitions is written a chunk of topics at a time (operation.ts).
 */
import { apiError, ApiError } from '../errors/api-error';
import { isActive } from '../image/broker-registration';
import type { TopicImage } from '../image/topic-image';
import type { BrokerId, MetadataRecord } from '../records/metadata-record';
import { ok, type Outcome } from './broker-lifecycle';
import { alterConfigRecords } from './config-control';
import type { ControlContext } from './control-context';
import type {
  CreatableTopic,
  CreatePartitionsRequest,
  CreatePartitionsResponse,
  CreateTopicResult,
  CreateTopicsRequest,
  CreateTopicsResponse,
  DeleteTopicsRequest,
  DeleteTopicsResponse,
  TopicOutcome,
} from './controller-requests';
import type { Operation } from './operation';
import { clusterSetting } from './partition-scan';
import { placeReplicas, type PlacementBroker } from './replica-placement';
import { newTopicId } from './topic-id';
import { validateTopicName } from './topic-names';

export function* createTopics(ctx: ControlContext, request: CreateTopicsRequest, receivedAt: number = ctx.now): Operation<CreateTopicsResponse> {
  // Half the caller's time for creating topics, half for the last of them to commit and the answer to travel.
  const lastStart = request.timeoutMs === undefined ? Number.POSITIVE_INFINITY : receivedAt + request.timeoutMs / 2;
  const counts = new Map<string, number>();
  for (const t of request.topics) counts.set(t.name, (counts.get(t.name) ?? 0) + 1);
  const load = brokerLoad(ctx);
  // Whole topics share a batch up to recordsPerBatch, and the batches of a chunk go in one append:
  // one replication round for the chunk. A topic never spans two batches, so no node ever sees half
  // of one. Between chunks other work runs (heartbeats first), and each topic is planned against
  // the view as it is then.
  let chunk: MetadataRecord[][] = [];
  let batch: MetadataRecord[] = [];
  let chunkRecords = 0;
  const results: CreateTopicResult[] = [];
  for (const topic of request.topics) {
    if (ctx.now >= lastStart) {
      results.push(rejected(topic, apiError('REQUEST_TIMED_OUT', `topic ${topic.name} not created: the request's ${request.timeoutMs} ms ran out while earlier topics were written`)));
      continue;
    }
    results.push(planned(ctx, request, topic, counts, load, (records) => {
      if (batch.length > 0 && batch.length + records.length > ctx.config.recordsPerBatch) {
        chunk.push(batch);
        batch = [];
      }
      batch.push(...records);
      chunkRecords += records.length;
    }));
    if (chunkRecords >= ctx.config.recordsPerBatch) {
      ctx.writeBatches([...chunk, batch]);
      chunk = [];
      batch = [];
      chunkRecords = 0;
      yield;
    }
  }
  ctx.writeBatches([...chunk, batch]);
  return ok({ topics: results });
}

/** One topic of a CreateTopics: its result, its records handed to `write` unless validateOnly. */
function planned(
  ctx: ControlContext,
  request: CreateTopicsRequest,
  topic: CreatableTopic,
  counts: ReadonlyMap<string, number>,
  load: Map<BrokerId, { replicas: number; leaders: number }>,
  write: (records: readonly MetadataRecord[]) => void,
): CreateTopicResult {
  if ((counts.get(topic.name) ?? 0) > 1) {
    return rejected(topic, apiError('INVALID_REQUEST', `topic ${topic.name} appears more than once in the request`));
  }
  const plan = planTopic(ctx, topic, load);
  if (plan instanceof ApiError) return rejected(topic, plan);
  if (!request.validateOnly) {
    write(plan.records);
    for (const replicas of plan.assignments) {
      replicas.forEach((id, i) => {
        const entry = load.get(id) ?? { replicas: 0, leaders: 0 };
        load.set(id, { replicas: entry.replicas + 1, leaders: entry.leaders + (i === 0 ? 1 : 0) });
      });
    }
  }
  return {
    name: topic.name,
    error: null,
    topicId: request.validateOnly ? null : plan.topicId,
    numPartitions: plan.assignments.length,
    replicationFactor: plan.assignments[0]?.length ?? 0,
  };
}

interface PlannedTopic {
  readonly topicId: string;
  readonly assignments: readonly (readonly BrokerId[])[];
  readonly records: readonly MetadataRecord[];
}

function planTopic(ctx: ControlContext, topic: CreatableTopic, load: ReadonlyMap<BrokerId, { replicas: number; leaders: number }>): PlannedTopic | ApiError {
  const nameError = validateTopicName(topic.name);
  if (nameError !== null) return nameError;
  if (ctx.view.topic(topic.name) !== undefined) return apiError('TOPIC_ALREADY_EXISTS', `topic ${topic.name} already exists`);
  const assignments = topic.assignments !== undefined ? checkAssignments(ctx, topic) : placeNew(ctx, topic, load);
  if (assignments instanceof ApiError) return assignments;
  // One topic is one atomic batch: Topic + Partitions + Configs must fit (KAFKA-14204).
  const configCount = Object.keys(topic.configs ?? {}).length;
  if (1 + assignments.length + configCount > ctx.config.maxRecordsPerBatch) {
    return apiError(
      'INVALID_PARTITIONS',
      `${assignments.length} partitions do not fit one metadata batch of ${ctx.config.maxRecordsPerBatch} records; create fewer and add more with CreatePartitions`,
    );
  }
  const configRecords = alterConfigRecords(
    { type: 'topic', name: topic.name },
    Object.entries(topic.configs ?? {}).map(([name, value]) => ({ name, op: 'set' as const, value })),
    new Map(),
  );
  if (configRecords instanceof ApiError) return configRecords;
  const topicId = newTopicId(ctx.random, (id) => ctx.view.topicById(id) !== undefined);
  const records: MetadataRecord[] = [{ type: 'topic', name: topic.name, topicId }];
  assignments.forEach((replicas, partitionId) => records.push(newPartitionRecord(ctx, topicId, partitionId, replicas)));
  records.push(...configRecords);
  return { topicId, assignments, records };
}

/** A new partition: its ISR is its replicas that are active now, led by the first of them. */
function newPartitionRecord(ctx: ControlContext, topicId: string, partitionId: number, replicas: readonly BrokerId[]): MetadataRecord {
  const isr = replicas.filter((id) => isActive(ctx.view.broker(id)));
  return {
    type: 'partition',
    topicId,
    partitionId,
    replicas,
    isr,
    removingReplicas: [],
    addingReplicas: [],
    leader: isr[0] ?? -1,
    leaderEpoch: 0,
    partitionEpoch: 0,
  };
}

function clusterDefault(ctx: ControlContext, name: string): number {
  return Number(clusterSetting(ctx.view, ctx.config.staticBrokerConfigs, name));
}

function placeNew(ctx: ControlContext, topic: CreatableTopic, load: ReadonlyMap<BrokerId, { replicas: number; leaders: number }>): BrokerId[][] | ApiError {
  const numPartitions = topic.numPartitions === undefined || topic.numPartitions === -1 ? clusterDefault(ctx, 'num.partitions') : topic.numPartitions;
  const replicationFactor =
    topic.replicationFactor === undefined || topic.replicationFactor === -1 ? clusterDefault(ctx, 'default.replication.factor') : topic.replicationFactor;
  if (!Number.isInteger(numPartitions) || numPartitions < 1) return apiError('INVALID_PARTITIONS', `number of partitions ${numPartitions} must be at least 1`);
  if (!Number.isInteger(replicationFactor) || replicationFactor < 1) {
    return apiError('INVALID_REPLICATION_FACTOR', `replication factor ${replicationFactor} must be at least 1`);
  }
  return placeReplicas({ brokers: usableBrokers(ctx), numPartitions, replicationFactor, load, random: ctx.random });
}

function usableBrokers(ctx: ControlContext): PlacementBroker[] {
  const out: PlacementBroker[] = [];
  for (const broker of ctx.view.allBrokers().values()) if (isActive(broker)) out.push({ id: broker.id, rack: broker.rack });
  return out.sort((a, b) => a.id - b.id);
}

/** Explicit assignments: Kafka's INVALID_REPLICA_ASSIGNMENT rules. */
function checkAssignments(ctx: ControlContext, topic: CreatableTopic): BrokerId[][] | ApiError {
  if ((topic.numPartitions ?? -1) !== -1 || (topic.replicationFactor ?? -1) !== -1) {
    return apiError('INVALID_REQUEST', `topic ${topic.name} gives assignments together with a partition count or replication factor`);
  }
  const assignments = topic.assignments ?? [];
  if (assignments.length === 0) return apiError('INVALID_PARTITIONS', `topic ${topic.name} has an empty assignment`);
  return checkReplicaLists(ctx, assignments, assignments[0]!.length, 0);
}

function checkReplicaLists(ctx: ControlContext, lists: readonly (readonly BrokerId[])[], replicationFactor: number, firstPartition: number): BrokerId[][] | ApiError {
  const out: BrokerId[][] = [];
  for (let i = 0; i < lists.length; i++) {
    const replicas = lists[i]!;
    const partition = firstPartition + i;
    if (replicas.length === 0) return apiError('INVALID_REPLICA_ASSIGNMENT', `partition ${partition} has no replicas`);
    if (replicas.length !== replicationFactor) {
      return apiError('INVALID_REPLICA_ASSIGNMENT', `partition ${partition} has ${replicas.length} replicas; every partition needs ${replicationFactor}`);
    }
    if (new Set(replicas).size !== replicas.length) return apiError('INVALID_REPLICA_ASSIGNMENT', `partition ${partition} names a broker twice: [${replicas.join(',')}]`);
    for (const id of replicas) {
      if (ctx.view.broker(id) === undefined) return apiError('INVALID_REPLICA_ASSIGNMENT', `partition ${partition} names broker ${id}, which is not registered`);
    }
    if (!replicas.some((id) => isActive(ctx.view.broker(id)))) {
      return apiError('INVALID_REPLICA_ASSIGNMENT', `every broker of partition ${partition} [${replicas.join(',')}] is fenced or shutting down`);
    }
    out.push([...replicas]);
  }
  return out;
}

/** Replicas and leaderships per broker now: placement fills the emptiest brokers first. */
function brokerLoad(ctx: ControlContext): Map<BrokerId, { replicas: number; leaders: number }> {
  const load = new Map<BrokerId, { replicas: number; leaders: number }>();
  for (const topic of ctx.view.allTopics().values()) {
    for (const p of topic.partitions) {
      p.replicas.forEach((id, i) => {
        const entry = load.get(id) ?? { replicas: 0, leaders: 0 };
        entry.replicas++;
        if (i === 0) entry.leaders++;
        load.set(id, entry);
      });
    }
  }
  return load;
}

function rejected(topic: CreatableTopic, error: ApiError): CreateTopicResult {
  return { name: topic.name, error, topicId: null, numPartitions: topic.numPartitions ?? -1, replicationFactor: topic.replicationFactor ?? -1 };
}

/** DeleteTopics: one RemoveTopic record per topic; its partitions and configs go with it. */
export function deleteTopics(ctx: ControlContext, request: DeleteTopicsRequest): Outcome<DeleteTopicsResponse> {
  const topics: TopicOutcome[] = [];
  const removals: MetadataRecord[] = [];
  const seen = new Set<string>();
  for (const name of request.names) {
    if (seen.has(name)) {
      topics.push({ name, error: apiError('INVALID_REQUEST', `topic ${name} appears more than once in the request`) });
      continue;
    }
    seen.add(name);
    const topic = ctx.view.topic(name);
    if (topic === undefined) {
      topics.push({ name, error: apiError('UNKNOWN_TOPIC_OR_PARTITION', `topic ${name} does not exist`) });
      continue;
    }
    removals.push({ type: 'removeTopic', topicId: topic.id });
    topics.push({ name, error: null });
  }
  ctx.write(removals, false);
  return ok({ topics });
}

/** CreatePartitions: new partitions with the topic's replication factor, placed or given. */
export function createPartitions(ctx: ControlContext, request: CreatePartitionsRequest): Outcome<CreatePartitionsResponse> {
  const load = brokerLoad(ctx);
  const topics: TopicOutcome[] = request.topics.map((t) => {
    const topic = ctx.view.topic(t.name);
    if (topic === undefined) return { name: t.name, error: apiError('UNKNOWN_TOPIC_OR_PARTITION', `topic ${t.name} does not exist`) };
    const planned = planPartitions(ctx, topic, t.count, t.assignments, load);
    if (planned instanceof ApiError) return { name: t.name, error: planned };
    if (!request.validateOnly) ctx.write(planned, true);
    return { name: t.name, error: null };
  });
  return ok({ topics });
}

function planPartitions(
  ctx: ControlContext,
  topic: TopicImage,
  count: number,
  assignments: readonly (readonly BrokerId[])[] | undefined,
  load: ReadonlyMap<BrokerId, { replicas: number; leaders: number }>,
): MetadataRecord[] | ApiError {
  const current = topic.partitions.length;
  if (!Number.isInteger(count) || count <= current) {
    return apiError('INVALID_PARTITIONS', `topic ${topic.name} has ${current} partitions; the new count ${count} must be larger`);
  }
  const adding = count - current;
  if (adding > ctx.config.maxRecordsPerBatch) {
    return apiError('INVALID_PARTITIONS', `${adding} new partitions do not fit one metadata batch of ${ctx.config.maxRecordsPerBatch} records`);
  }
  const replicationFactor = topic.partitions[0]?.replicas.length ?? 1;
  let lists: BrokerId[][] | ApiError;
  if (assignments !== undefined) {
    if (assignments.length !== adding) {
      return apiError('INVALID_REPLICA_ASSIGNMENT', `${assignments.length} assignments given for ${adding} new partitions of ${topic.name}`);
    }
    lists = checkReplicaLists(ctx, assignments, replicationFactor, current);
  } else {
    lists = placeReplicas({ brokers: usableBrokers(ctx), numPartitions: adding, replicationFactor, load, random: ctx.random });
  }
  if (lists instanceof ApiError) return lists;
  return lists.map((replicas, i) => newPartitionRecord(ctx, topic.id, current + i, replicas));
}

/**
 * Committed offsets of consumer groups (the offset half of Kafka's GroupCoordinator). A group's
 * coordinator is the leader of partition offsetsPartitionFor(group) of `__consumer_offsets`:
 *
 * - OffsetCommit appends one record per partition to that partition with acks=all and answers once
 *   the high watermark passes it, so a committed offset is on every ISR member before the consumer
 *   hears "committed" — it survives the coordinator's failure like any acknowledged record.
 * - On becoming leader of an offsets partition, the coordinator replays its log into a cache (until
 *   then: COORDINATOR_LOAD_IN_PROGRESS); on losing it, it drops the cache (NOT_COORDINATOR).
 * - FindCoordinator creates `__consumer_offsets` through the controller on first use, as Kafka does.
 *
 * Only standalone commits (generation -1, no member id) exist: group membership is not built.
 */
import { encodeRecordBatch, iterateBatches, decodeRecordBatch } from '@kz/records';
import type { MetadataImage } from '@kz/metadata';
import type { Logger } from 'pino';
import type { FindCoordinatorResponse, OffsetCommitPartition, OffsetCommitRequest, OffsetCommitResponse, OffsetDeleteRequest, OffsetDeleteResponse, OffsetFetchRequest, OffsetFetchResponse, OffsetFetchPartitionResponse } from '../protocol/group-offsets.js';
import { KafkaErrorCode } from '@kz/kafka-protocol';
import { kafkaError, type KafkaErrorValue } from '../server/error-code.js';
import type { Partition } from '../server/partition.js';
import type { ReplicaManager } from '../server/replica-manager.js';
import { decodeOffsetCommitKey, decodeOffsetCommitValue, encodeOffsetCommitKey, encodeOffsetCommitValue, type OffsetCommitValue } from './offset-commit-record.js';
import { OFFSET_METADATA_MAX_BYTES, OFFSETS_TOPIC, offsetsPartitionFor } from './offsets-topic.js';
import { clientEndpoint } from '../runtime/listener-endpoints.js';

/** How the coordinator asks for `__consumer_offsets` to be created (the controller, in a broker). */
export interface OffsetsTopicCreator {
  createOffsetsTopic(): Promise<void>;
}

export interface GroupCoordinatorOptions {
  readonly manager: ReplicaManager;
  readonly creator: OffsetsTopicCreator;
  readonly logger: Logger;
  /** acks=all timeout of a commit. */
  readonly commitTimeoutMs?: number;
}

interface Committed extends OffsetCommitValue {
  /** The record's offset in __consumer_offsets: a later record for the same key replaces it. */
  readonly logOffset: number;
}

/** A group's commits, by `topic\0partition`. */
type GroupOffsets = Map<string, Committed & { readonly topic: string; readonly partition: number }>;

const LOAD_CHUNK_BYTES = 1024 * 1024;
const TOO_LARGE = kafkaError('OFFSET_METADATA_TOO_LARGE', '').errorCode;

export class GroupCoordinator {
  private readonly manager: ReplicaManager;
  private readonly creator: OffsetsTopicCreator;
  private readonly log: Logger;
  private readonly commitTimeoutMs: number;
  /** Offsets partitions this broker leads, loaded, at the leader epoch they were loaded in. */
  private readonly loaded = new Map<number, { readonly leaderEpoch: number; readonly groups: Map<string, GroupOffsets> }>();
  private creating: Promise<void> | null = null;

  constructor(options: GroupCoordinatorOptions) {
    this.manager = options.manager;
    this.creator = options.creator;
    this.log = options.logger.child({ component: 'group-coordinator' });
    this.commitTimeoutMs = options.commitTimeoutMs ?? 5000;
  }

  /**
   * After each metadata update: load the offsets partitions this broker now leads, forget the ones
   * it no longer leads (or leads at a new epoch: another leader may have written in between).
   */
  onMetadata(image: MetadataImage): void {
    const topicId = image.topicIdsByName.get(OFFSETS_TOPIC);
    const topic = topicId === undefined ? undefined : image.topicsById.get(topicId);
    const leading = new Map<number, Partition>();
    if (topic !== undefined) {
      topic.partitions.forEach((_, partitionId) => {
        const p = this.manager.partition(topic.id, partitionId);
        if (p?.isLeader === true) leading.set(partitionId, p);
      });
    }
    for (const [partitionId, state] of [...this.loaded]) {
      const p = leading.get(partitionId);
      if (p === undefined || p.leaderEpoch !== state.leaderEpoch) {
        this.loaded.delete(partitionId);
        this.log.info({ partition: partitionId }, 'unloaded offsets partition');
      }
    }
    for (const [partitionId, p] of leading) {
      if (!this.loaded.has(partitionId)) this.load(partitionId, p);
    }
  }

  /** Replays a partition's log, from its start to its end, into the cache. */
  private load(partitionId: number, p: Partition): void {
    const groups = new Map<string, GroupOffsets>();
    let offset = p.log.logStartOffset;
    let records = 0;
    while (offset < p.log.logEndOffset) {
      const bytes = p.log.read(offset, LOAD_CHUNK_BYTES);
      if (bytes.length === 0) break;
      for (const { at, header } of iterateBatches(bytes)) {
        for (const record of decodeRecordBatch(bytes, at).records) {
          if (record.key === null) continue;
          const key = decodeOffsetCommitKey(record.key);
          if (key === undefined) continue;
          // A tombstone (OffsetDelete) removes what the commits before it set.
          if (record.value === null) {
            removeCommit(groups, key.group, key.topic, key.partition, record.offset);
            continue;
          }
          applyCommit(groups, key.group, key.topic, key.partition, { ...decodeOffsetCommitValue(record.value), logOffset: record.offset });
          records++;
        }
        offset = header.lastOffset + 1;
      }
    }
    this.loaded.set(partitionId, { leaderEpoch: p.leaderEpoch, groups });
    this.log.info({ partition: partitionId, leaderEpoch: p.leaderEpoch, groups: groups.size, records, logEndOffset: p.log.logEndOffset }, 'loaded offsets partition');
  }

  async findCoordinator(groupId: string): Promise<FindCoordinatorResponse> {
    const none = { nodeId: -1, host: '', port: -1 };
    if (groupId === '') return { ...none, ...errorFields(kafkaError('INVALID_GROUP_ID', 'the group id is empty')) };
    const image = this.manager.metadataImage;
    const topicId = image?.topicIdsByName.get(OFFSETS_TOPIC);
    if (image === null || topicId === undefined) {
      this.ensureOffsetsTopic();
      return { ...none, ...errorFields(kafkaError('COORDINATOR_NOT_AVAILABLE', `${OFFSETS_TOPIC} is being created`)) };
    }
    const topic = image.topicsById.get(topicId)!;
    const registration = topic.partitions[offsetsPartitionFor(groupId, topic.partitions.length)]!;
    const endpoint = clientEndpoint(image.brokers.get(registration.leader));
    if (registration.leader < 0 || endpoint === undefined) {
      return { ...none, ...errorFields(kafkaError('COORDINATOR_NOT_AVAILABLE', `the ${OFFSETS_TOPIC} partition of group ${groupId} has no leader`)) };
    }
    return { errorCode: 0, errorMessage: '', nodeId: registration.leader, host: endpoint.host, port: endpoint.port };
  }

  private ensureOffsetsTopic(): void {
    if (this.creating !== null) return;
    this.creating = this.creator.createOffsetsTopic().then(
      () => {
        this.creating = null;
      },
      (error: unknown) => {
        this.log.warn({ err: error }, `could not create ${OFFSETS_TOPIC}`);
        this.creating = null;
      },
    );
  }

  async offsetCommit(request: OffsetCommitRequest, now: number): Promise<OffsetCommitResponse> {
    // The commits that can be written: oversized metadata is refused per partition, as Kafka does.
    const fits = (p: OffsetCommitPartition): boolean => Buffer.byteLength(p.metadata, 'utf8') <= OFFSET_METADATA_MAX_BYTES;
    const accepted = request.topics.flatMap((t) => t.partitions.filter(fits).map((p) => ({ topic: t.name, commit: p })));
    const answer = (errorCode: number): OffsetCommitResponse => ({
      topics: request.topics.map((t) => ({ name: t.name, partitions: t.partitions.map((p) => ({ partition: p.partition, errorCode: fits(p) ? errorCode : TOO_LARGE })) })),
    });
    const where = this.coordinatorFor(request.groupId);
    if ('error' in where) return answer(where.error.errorCode);
    if (accepted.length === 0) return answer(TOO_LARGE);
    const records = accepted.map(({ topic, commit }) => ({
      key: encodeOffsetCommitKey({ group: request.groupId, topic, partition: commit.partition }),
      value: encodeOffsetCommitValue({ offset: commit.committedOffset, leaderEpoch: commit.committedLeaderEpoch, metadata: commit.metadata, commitTimestamp: now }),
      timestamp: now,
    }));
    const response = await this.manager.produce(
      { acks: -1, timeoutMs: this.commitTimeoutMs, topics: [{ name: OFFSETS_TOPIC, partitions: [{ partition: where.partitionId, records: encodeRecordBatch({ records, baseTimestamp: now }) }] }] },
      now,
    );
    const result = response.topics[0]?.partitions[0];
    const errorCode = result === undefined ? kafkaError('UNKNOWN_SERVER_ERROR', '').errorCode : commitErrorCode(result.errorCode);
    const state = this.loaded.get(where.partitionId);
    if (errorCode === 0 && result !== undefined && state !== undefined) {
      accepted.forEach(({ topic, commit }, i) =>
        applyCommit(state.groups, request.groupId, topic, commit.partition, {
          offset: commit.committedOffset,
          leaderEpoch: commit.committedLeaderEpoch,
          metadata: commit.metadata,
          commitTimestamp: now,
          logOffset: result.baseOffset + i,
        }),
      );
    }
    return answer(errorCode);
  }


  /**
   * OffsetDelete: a tombstone per committed partition asked, appended as commits are (acks=all);
   * once written, the offsets are gone from the cache too. A group with no offsets here is
   * GROUP_ID_NOT_FOUND; a partition with none is answered without error, as Kafka answers it.
   * Groups have no members yet, so no group is ever refused as NON_EMPTY_GROUP.
   */
  async offsetDelete(request: OffsetDeleteRequest, now: number): Promise<OffsetDeleteResponse> {
    const answer = (errorCode: number, partitionCode: number): OffsetDeleteResponse => ({
      errorCode,
      topics: request.topics.map((t) => ({ name: t.name, partitions: t.partitions.map((partition) => ({ partition, errorCode: partitionCode })) })),
    });
    const where = this.coordinatorFor(request.groupId);
    if ('error' in where) return answer(where.error.errorCode, 0);
    const group = this.loaded.get(where.partitionId)?.groups.get(request.groupId);
    if (group === undefined) return answer(KafkaErrorCode.GROUP_ID_NOT_FOUND, 0);
    const doomed = request.topics.flatMap((t) => t.partitions.filter((p) => group.has(`${t.name}\u0000${p}`)).map((partition) => ({ topic: t.name, partition })));
    if (doomed.length === 0) return answer(0, 0);
    const records = doomed.map(({ topic, partition }) => ({ key: encodeOffsetCommitKey({ group: request.groupId, topic, partition }), value: null, timestamp: now }));
    const response = await this.manager.produce(
      { acks: -1, timeoutMs: this.commitTimeoutMs, topics: [{ name: OFFSETS_TOPIC, partitions: [{ partition: where.partitionId, records: encodeRecordBatch({ records, baseTimestamp: now }) }] }] },
      now,
    );
    const result = response.topics[0]?.partitions[0];
    const errorCode = result === undefined ? kafkaError('UNKNOWN_SERVER_ERROR', '').errorCode : commitErrorCode(result.errorCode);
    const state = this.loaded.get(where.partitionId);
    if (errorCode === 0 && result !== undefined && state !== undefined) {
      doomed.forEach(({ topic, partition }, i) => removeCommit(state.groups, request.groupId, topic, partition, result.baseOffset + i));
    }
    return answer(0, errorCode);
  }

  offsetFetch(request: OffsetFetchRequest): OffsetFetchResponse {
    const where = this.coordinatorFor(request.groupId);
    if ('error' in where) return { errorCode: where.error.errorCode, topics: [] };
    const group = this.loaded.get(where.partitionId)?.groups.get(request.groupId);
    const lookup = (topic: string, partition: number): OffsetFetchPartitionResponse => {
      const c = group?.get(`${topic}\u0000${partition}`);
      return c === undefined
        ? { partition, committedOffset: -1, committedLeaderEpoch: -1, metadata: '', errorCode: 0 }
        : { partition, committedOffset: c.offset, committedLeaderEpoch: c.leaderEpoch, metadata: c.metadata, errorCode: 0 };
    };
    if (request.topics !== null) {
      return { errorCode: 0, topics: request.topics.map((t) => ({ name: t.name, partitions: t.partitions.map((p) => lookup(t.name, p)) })) };
    }
    const byTopic = new Map<string, OffsetFetchPartitionResponse[]>();
    for (const c of group?.values() ?? []) {
      const list = byTopic.get(c.topic) ?? [];
      list.push(lookup(c.topic, c.partition));
      byTopic.set(c.topic, list);
    }
    return { errorCode: 0, topics: [...byTopic].map(([name, partitions]) => ({ name, partitions: partitions.sort((a, b) => a.partition - b.partition) })) };
  }

  /** This broker as the group's coordinator: its offsets partition, or why not. */
  private coordinatorFor(groupId: string): { partitionId: number } | { error: KafkaErrorValue } {
    if (groupId === '') return { error: kafkaError('INVALID_GROUP_ID', 'the group id is empty') };
    const image = this.manager.metadataImage;
    const topicId = image?.topicIdsByName.get(OFFSETS_TOPIC);
    const topic = topicId === undefined ? undefined : image?.topicsById.get(topicId);
    if (topic === undefined) return { error: kafkaError('COORDINATOR_NOT_AVAILABLE', `${OFFSETS_TOPIC} does not exist yet`) };
    const partitionId = offsetsPartitionFor(groupId, topic.partitions.length);
    const p = this.manager.partition(topic.id, partitionId);
    if (p === undefined || !p.isLeader) return { error: kafkaError('NOT_COORDINATOR', `broker ${this.manager.brokerId} is not the coordinator of group ${groupId}`) };
    if (!this.loaded.has(partitionId)) return { error: kafkaError('COORDINATOR_LOAD_IN_PROGRESS', `offsets partition ${partitionId} is loading`) };
    return { partitionId };
  }
}

function applyCommit(groups: Map<string, GroupOffsets>, group: string, topic: string, partition: number, committed: Committed): void {
  let offsets = groups.get(group);
  if (offsets === undefined) {
    offsets = new Map();
    groups.set(group, offsets);
  }
  const key = `${topic}\u0000${partition}`;
  const current = offsets.get(key);
  if (current !== undefined && current.logOffset > committed.logOffset) return;
  offsets.set(key, { ...committed, topic, partition });
}

/** A tombstone at `logOffset`: the commit goes unless a later one replaced it. */
function removeCommit(groups: Map<string, GroupOffsets>, group: string, topic: string, partition: number, logOffset: number): void {
  const offsets = groups.get(group);
  const key = `${topic}\u0000${partition}`;
  const current = offsets?.get(key);
  if (offsets === undefined || current === undefined || current.logOffset > logOffset) return;
  offsets.delete(key);
  if (offsets.size === 0) groups.delete(group);
}

/** Kafka's mapping of a failed offsets append to what a committing consumer understands (GroupMetadataManager). */
function commitErrorCode(produceErrorCode: number): number {
  const named = (name: Parameters<typeof kafkaError>[0]): number => kafkaError(name, '').errorCode;
  switch (produceErrorCode) {
    case 0:
      return 0;
    case named('UNKNOWN_TOPIC_OR_PARTITION'):
    case named('NOT_ENOUGH_REPLICAS'):
    case named('NOT_ENOUGH_REPLICAS_AFTER_APPEND'):
    case named('REQUEST_TIMED_OUT'):
      return named('COORDINATOR_NOT_AVAILABLE');
    case named('NOT_LEADER_OR_FOLLOWER'):
    case named('LEADER_NOT_AVAILABLE'):
    case named('KAFKA_STORAGE_ERROR'):
      return named('NOT_COORDINATOR');
    default:
      return produceErrorCode;
  }
}

function errorFields(error: KafkaErrorValue): { errorCode: number; errorMessage: string } {
  return { errorCode: error.errorCode, errorMessage: error.errorMessage };
}

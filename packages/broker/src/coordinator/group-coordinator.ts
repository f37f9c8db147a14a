/**
 * Kafka's group coordinator: consumer groups' membership and committed offsets. A group's
 * coordinator is the leader of partition offsetsPartitionFor(group) of `__consumer_offsets`:
 *
 * - Membership (JoinGroup, SyncGroup, Heartbeat, LeaveGroup) is decided by the group's ClassicGroup;
 *   what must survive the coordinator — a completed rebalance's generation and assignments — is
 *   written to the group's partition with acks=all before the members hear it.
 * - OffsetCommit is checked against the group (member, generation), appended the same way, and
 *   answered once the high watermark passes it, so a committed offset is on every ISR member
 *   before the consumer hears "committed": it survives the coordinator's failure like any
 *   acknowledged record.
 * - On becoming leader of an offsets partition, the coordinator replays its log (offsets and group
 *   records); on losing it, it forgets its groups and answers their waiting members NOT_COORDINATOR,
 *   so they find the new coordinator, which has replayed the same log.
 * - FindCoordinator creates `__consumer_offsets` through the controller on first use, as Kafka does.
 *
 * Time comes in as `now`; the broker calls `tick(now)` at `nextDeadline()` to end sessions and
 * rebalances. Not built: KIP-848's consumer protocol, offset expiry (offsets.retention.minutes).
 */
import { randomUUID } from 'node:crypto';
import { KafkaErrorCode } from '@kz/kafka-protocol';
import { encodeRecordBatch } from '@kz/records';
import type { MetadataImage } from '@kz/metadata';
import { DeadlineQueue } from '@kz/runtime';
import type { Logger } from 'pino';
import type {
  DeleteGroupsRequest,
  DeleteGroupsResponse,
  DescribedGroup,
  DescribeGroupsRequest,
  HeartbeatRequest,
  HeartbeatResponse,
  JoinGroupRequest,
  JoinGroupResponse,
  LeaveGroupRequest,
  LeaveGroupResponse,
  ListedGroup,
  ListGroupsRequest,
  ListGroupsResponse,
  SyncGroupRequest,
  SyncGroupResponse,
} from '../protocol/group-membership';
import type {
  FindCoordinatorResponse,
  OffsetCommitPartition,
  OffsetCommitRequest,
  OffsetCommitResponse,
  OffsetDeleteRequest,
  OffsetDeleteResponse,
  OffsetFetchRequest,
  OffsetFetchResponse,
  OffsetFetchPartitionResponse,
} from '../protocol/group-offsets';
import { kafkaError, type KafkaErrorValue } from '../server/error-code';
import type { Partition } from '../server/partition';
import type { ReplicaManager } from '../server/replica-manager';
import { ClassicGroup, DEFAULT_GROUP_CONFIG, type GroupConfig, type PersistGroup } from './classic-group';
import { CommittedOffsets } from './committed-offsets';
import { encodeGroupMetadataKey, encodeGroupMetadataValue, encodeOffsetCommitKey, encodeOffsetCommitValue } from './consumer-offsets-records';
import { replayOffsetsPartition } from './offsets-partition-replay';
import { OFFSET_METADATA_MAX_BYTES, OFFSETS_TOPIC, offsetsPartitionFor } from './offsets-topic';

/** How the coordinator asks for `__consumer_offsets` to be created (the controller, in a broker). */
export interface OffsetsTopicCreator {
  createOffsetsTopic(): Promise<void>;
}

export interface GroupCoordinatorOptions {
  readonly manager: ReplicaManager;
  readonly creator: OffsetsTopicCreator;
  readonly logger: Logger;
  /** acks=all timeout of a commit or a group record. */
  readonly commitTimeoutMs?: number;
  readonly groupConfig?: GroupConfig;
  /** The clock `now` comes from, read when an append completes. */
  readonly clock?: () => number;
  /** Called after work that finished on its own (an append answered): the broker re-arms its timer. */
  readonly afterWork?: () => void;
  /** A fresh member id for a client id or instance id; Kafka's is the prefix, '-', a UUID. */
  readonly newMemberId?: (prefix: string) => string;
}

/** The groups of one offsets partition this broker leads, loaded at the leader epoch it leads in. */
interface LoadedPartition {
  readonly partitionId: number;
  readonly leaderEpoch: number;
  readonly offsets: CommittedOffsets;
  readonly groups: Map<string, ClassicGroup>;
}

type Where = { readonly loaded: LoadedPartition } | { readonly error: KafkaErrorValue };

const TOO_LARGE = KafkaErrorCode.OFFSET_METADATA_TOO_LARGE;
const EMPTY = new Uint8Array(0);

export class GroupCoordinator {
  private readonly manager: ReplicaManager;
  private readonly creator: OffsetsTopicCreator;
  private readonly log: Logger;
  private readonly commitTimeoutMs: number;
  private readonly config: GroupConfig;
  private readonly clock: () => number;
  private readonly afterWork: () => void;
  private readonly newMemberId: (prefix: string) => string;
  /** Offsets partitions this broker leads, loaded. */
  private readonly loaded = new Map<number, LoadedPartition>();
  /** When each group next has something to do (a session or rebalance ends). */
  private readonly deadlines = new DeadlineQueue<ClassicGroup>();
  private creating: Promise<void> | null = null;

  constructor(options: GroupCoordinatorOptions) {
    this.manager = options.manager;
    this.creator = options.creator;
    this.log = options.logger.child({ component: 'group-coordinator' });
    this.commitTimeoutMs = options.commitTimeoutMs ?? 5000;
    this.config = options.groupConfig ?? DEFAULT_GROUP_CONFIG;
    this.clock = options.clock ?? Date.now;
    this.afterWork = options.afterWork ?? (() => undefined);
    this.newMemberId = options.newMemberId ?? ((prefix) => `${prefix}-${randomUUID()}`);
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
      if (p === undefined || p.leaderEpoch !== state.leaderEpoch) this.unload(state);
    }
    for (const [partitionId, p] of leading) {
      if (!this.loaded.has(partitionId)) this.load(partitionId, p);
    }
  }

  private load(partitionId: number, p: Partition): void {
    const now = this.clock();
    const offsets = new CommittedOffsets();
    const replayed = replayOffsetsPartition(p.log, offsets);
    const state: LoadedPartition = { partitionId, leaderEpoch: p.leaderEpoch, offsets, groups: new Map() };
    for (const [groupId, record] of replayed.groups) {
      const group = ClassicGroup.fromMetadata(groupId, record, now, this.config, this.persistFor(state, groupId), this.newMemberId);
      state.groups.set(groupId, group);
      this.requeue(group);
    }
    this.loaded.set(partitionId, state);
    this.log.info({ partition: partitionId, leaderEpoch: p.leaderEpoch, groups: state.groups.size, records: replayed.records, logEndOffset: p.log.logEndOffset }, 'loaded offsets partition');
  }

  private unload(state: LoadedPartition): void {
    this.loaded.delete(state.partitionId);
    // Members waiting in a join or sync go to the new coordinator rather than time out.
    for (const group of state.groups.values()) group.abandon(KafkaErrorCode.NOT_COORDINATOR);
    this.log.info({ partition: state.partitionId, leaderEpoch: state.leaderEpoch, groups: state.groups.size }, 'unloaded offsets partition');
  }

  // ---------------------------------------------------------------- time

  nextDeadline(): number {
    return this.deadlines.next;
  }

  tick(now: number): void {
    for (const group of this.deadlines.popDue(now)) {
      if (group.state === 'Dead') continue;
      group.tick(now);
      this.requeue(group);
    }
  }

  private requeue(group: ClassicGroup): void {
    this.deadlines.push(group.nextDeadline(), group);
  }

  // ---------------------------------------------------------------- FindCoordinator

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
    const endpoint = image.brokers.get(registration.leader)?.endpoints[0];
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

  // ---------------------------------------------------------------- membership

  joinGroup(request: JoinGroupRequest, now: number): Promise<JoinGroupResponse> {
    const where = this.coordinatorFor(request.groupId);
    const refuse = (errorCode: number): Promise<JoinGroupResponse> =>
      Promise.resolve({ errorCode, generationId: -1, protocolType: null, protocolName: null, leader: '', memberId: request.memberId, members: [] });
    if ('error' in where) return refuse(where.error.errorCode);
    let group = where.loaded.groups.get(request.groupId);
    if (group === undefined) {
      // A member id names a member of a group that exists; this coordinator has none by that name.
      if (request.memberId !== '') return refuse(KafkaErrorCode.UNKNOWN_MEMBER_ID);
      group = new ClassicGroup(request.groupId, this.config, this.persistFor(where.loaded, request.groupId), this.newMemberId);
      where.loaded.groups.set(request.groupId, group);
    }
    const joining = group;
    return new Promise((resolve) => {
      joining.join(now, request, resolve);
      this.requeue(joining);
    });
  }

  syncGroup(request: SyncGroupRequest, now: number): Promise<SyncGroupResponse> {
    const refuse = (errorCode: number): Promise<SyncGroupResponse> => Promise.resolve({ errorCode, protocolType: null, protocolName: null, assignment: EMPTY });
    const found = this.group(request.groupId);
    if (typeof found === 'number') return refuse(found);
    return new Promise((resolve) => {
      found.sync(now, request, resolve);
      this.requeue(found);
    });
  }

  heartbeat(request: HeartbeatRequest, now: number): HeartbeatResponse {
    const found = this.group(request.groupId);
    if (typeof found === 'number') return { errorCode: found };
    const errorCode = found.heartbeat(now, request);
    this.requeue(found);
    return { errorCode };
  }

  leaveGroup(request: LeaveGroupRequest, now: number): LeaveGroupResponse {
    const found = this.group(request.groupId);
    if (found === KafkaErrorCode.UNKNOWN_MEMBER_ID) return { errorCode: 0, members: request.members.map((m) => ({ ...m, errorCode: found })) };
    if (typeof found === 'number') return { errorCode: found, members: [] };
    const response = found.leave(now, request);
    this.requeue(found);
    return response;
  }

  describeGroups(request: DescribeGroupsRequest): DescribedGroup[] {
    return request.groupIds.map((groupId): DescribedGroup => {
      const where = this.coordinatorFor(groupId);
      if ('error' in where) return { ...deadGroup(groupId), errorCode: where.error.errorCode };
      const group = where.loaded.groups.get(groupId);
      if (group !== undefined) return group.describe();
      // A group that only ever committed offsets (standalone consumers) exists, with no members.
      return where.loaded.offsets.hasGroup(groupId) ? { ...deadGroup(groupId), state: 'Empty' } : deadGroup(groupId);
    });
  }

  /** The groups this broker coordinates (a client asks every broker, as Kafka's admin client does). */
  listGroups(request: ListGroupsRequest): ListGroupsResponse {
    const groups: ListedGroup[] = [];
    for (const state of this.loaded.values()) {
      const names = new Set([...state.groups.keys(), ...state.offsets.groups()]);
      for (const groupId of names) {
        const group = state.groups.get(groupId);
        const listed: ListedGroup = { groupId, protocolType: group?.protocolType ?? '', state: group?.state ?? 'Empty' };
        if (request.states.length > 0 && !request.states.some((s) => s.toLowerCase() === listed.state.toLowerCase())) continue;
        if (request.types.length > 0 && !request.types.some((t) => t.toLowerCase() === 'classic')) continue;
        groups.push(listed);
      }
    }
    return { errorCode: 0, groups: groups.sort((a, b) => (a.groupId < b.groupId ? -1 : a.groupId > b.groupId ? 1 : 0)) };
  }

  /**
   * DeleteGroups: a group with no members loses its membership record and every committed offset,
   * by tombstones in its partition, answered once they are durable (as Kafka's deleteGroups).
   */
  async deleteGroups(request: DeleteGroupsRequest, now: number): Promise<DeleteGroupsResponse> {
    const results = await Promise.all(request.groupIds.map(async (groupId) => ({ groupId, errorCode: await this.deleteGroup(groupId, now) })));
    return { results };
  }

  private async deleteGroup(groupId: string, now: number): Promise<number> {
    const where = this.coordinatorFor(groupId);
    if ('error' in where) return where.error.errorCode;
    const { loaded } = where;
    const group = loaded.groups.get(groupId);
    if (group !== undefined && group.state !== 'Empty') return KafkaErrorCode.NON_EMPTY_GROUP;
    const offsets = loaded.offsets.ofGroup(groupId);
    if (group === undefined && offsets.length === 0) return KafkaErrorCode.GROUP_ID_NOT_FOUND;
    group?.abandon(KafkaErrorCode.COORDINATOR_NOT_AVAILABLE);
    loaded.groups.delete(groupId);
    loaded.offsets.deleteGroup(groupId);
    const tombstones = offsets.map((c) => ({ key: encodeOffsetCommitKey({ group: groupId, topic: c.topic, partition: c.partition }), value: null }));
    if (group !== undefined) tombstones.push({ key: encodeGroupMetadataKey(groupId), value: null });
    const { errorCode } = await this.append(loaded.partitionId, tombstones, now);
    if (errorCode === 0) this.log.info({ group: groupId, offsets: offsets.length }, 'deleted group');
    return errorCode;
  }

  /** The group a call names on this coordinator, or the error to answer. */
  private group(groupId: string): ClassicGroup | number {
    const where = this.coordinatorFor(groupId);
    if ('error' in where) return where.error.errorCode;
    return where.loaded.groups.get(groupId) ?? KafkaErrorCode.UNKNOWN_MEMBER_ID;
  }

  /** The group's records go to its partition of `__consumer_offsets`, acks=all. */
  private persistFor(state: LoadedPartition, groupId: string): PersistGroup {
    return (record, done) => {
      void this.append(state.partitionId, [{ key: encodeGroupMetadataKey(groupId), value: encodeGroupMetadataValue(record) }], this.clock()).then(({ errorCode }) => {
        done(errorCode, this.clock());
        const group = state.groups.get(groupId);
        if (group !== undefined) this.requeue(group);
        this.afterWork();
      });
    };
  }

  // ---------------------------------------------------------------- offsets

  async offsetCommit(request: OffsetCommitRequest, now: number): Promise<OffsetCommitResponse> {
    // The commits that can be written: oversized metadata is refused per partition, as Kafka does.
    const fits = (p: OffsetCommitPartition): boolean => Buffer.byteLength(p.metadata, 'utf8') <= OFFSET_METADATA_MAX_BYTES;
    const accepted = request.topics.flatMap((t) => t.partitions.filter(fits).map((p) => ({ topic: t.name, commit: p })));
    const answer = (errorCode: number): OffsetCommitResponse => ({
      topics: request.topics.map((t) => ({ name: t.name, partitions: t.partitions.map((p) => ({ partition: p.partition, errorCode: fits(p) ? errorCode : TOO_LARGE })) })),
    });
    const where = this.coordinatorFor(request.groupId);
    if ('error' in where) return answer(where.error.errorCode);
    const refused = this.validateCommit(where.loaded, request, now);
    if (refused !== 0) return answer(refused);
    if (accepted.length === 0) return answer(TOO_LARGE);
    const records = accepted.map(({ topic, commit }) => ({
      key: encodeOffsetCommitKey({ group: request.groupId, topic, partition: commit.partition }),
      value: encodeOffsetCommitValue({ offset: commit.committedOffset, leaderEpoch: commit.committedLeaderEpoch, metadata: commit.metadata, commitTimestamp: now }),
    }));
    const { errorCode, baseOffset } = await this.append(where.loaded.partitionId, records, now);
    // Applied to the partition it was written to, if this broker still coordinates it at that epoch.
    if (errorCode === 0 && this.loaded.get(where.loaded.partitionId) === where.loaded) {
      accepted.forEach(({ topic, commit }, i) =>
        where.loaded.offsets.apply(
          request.groupId,
          topic,
          commit.partition,
          { offset: commit.committedOffset, leaderEpoch: commit.committedLeaderEpoch, metadata: commit.metadata, commitTimestamp: now },
          baseOffset + i,
        ),
      );
    }
    return answer(errorCode);
  }

  /**
   * Kafka's commit check: a member commits in its current generation (not while the assignment is
   * being handed out); a standalone commit (no member, generation -1) only to a group with no
   * members; a generation named for a group that does not exist is ILLEGAL_GENERATION.
   */
  private validateCommit(state: LoadedPartition, request: OffsetCommitRequest, now: number): number {
    const generationId = request.generationId ?? -1;
    const memberId = request.memberId ?? '';
    const group = state.groups.get(request.groupId);
    if (group === undefined) return generationId < 0 && memberId === '' ? 0 : KafkaErrorCode.ILLEGAL_GENERATION;
    const errorCode = group.validateCommit(now, generationId, memberId, request.groupInstanceId ?? null);
    this.requeue(group);
    return errorCode;
  }

  /**
   * OffsetDelete: a tombstone per committed partition asked, appended acks=all; once durable, the
   * offsets are gone from the cache too (a new coordinator replays the tombstones). A group with
   * nothing here is GROUP_ID_NOT_FOUND; a partition with no offset is answered without error, as
   * Kafka answers it. A group with members is refused whole (NON_EMPTY_GROUP) — stricter than
   * Kafka, which refuses only the topics its members subscribe to (GROUP_SUBSCRIBED_TO_TOPIC).
   */
  async offsetDelete(request: OffsetDeleteRequest, now: number): Promise<OffsetDeleteResponse> {
    const answer = (errorCode: number, partitionCode: number): OffsetDeleteResponse => ({
      errorCode,
      topics: request.topics.map((t) => ({ name: t.name, partitions: t.partitions.map((partition) => ({ partition, errorCode: partitionCode })) })),
    });
    const where = this.coordinatorFor(request.groupId);
    if ('error' in where) return answer(where.error.errorCode, 0);
    const { loaded } = where;
    const group = loaded.groups.get(request.groupId);
    if (group !== undefined && group.state !== 'Empty') return answer(KafkaErrorCode.NON_EMPTY_GROUP, 0);
    if (group === undefined && !loaded.offsets.hasGroup(request.groupId)) return answer(KafkaErrorCode.GROUP_ID_NOT_FOUND, 0);
    const doomed = request.topics.flatMap((t) =>
      t.partitions.filter((p) => loaded.offsets.get(request.groupId, t.name, p) !== undefined).map((partition) => ({ topic: t.name, partition })),
    );
    if (doomed.length === 0) return answer(0, 0);
    const tombstones = doomed.map(({ topic, partition }) => ({ key: encodeOffsetCommitKey({ group: request.groupId, topic, partition }), value: null }));
    const { errorCode, baseOffset } = await this.append(loaded.partitionId, tombstones, now);
    if (errorCode === 0 && this.loaded.get(loaded.partitionId) === loaded) {
      doomed.forEach(({ topic, partition }, i) => loaded.offsets.apply(request.groupId, topic, partition, null, baseOffset + i));
    }
    return answer(0, errorCode);
  }

  offsetFetch(request: OffsetFetchRequest): OffsetFetchResponse {
    const where = this.coordinatorFor(request.groupId);
    if ('error' in where) return { errorCode: where.error.errorCode, topics: [] };
    const offsets = where.loaded.offsets;
    const lookup = (topic: string, partition: number): OffsetFetchPartitionResponse => {
      const c = offsets.get(request.groupId, topic, partition);
      return c === undefined
        ? { partition, committedOffset: -1, committedLeaderEpoch: -1, metadata: '', errorCode: 0 }
        : { partition, committedOffset: c.offset, committedLeaderEpoch: c.leaderEpoch, metadata: c.metadata, errorCode: 0 };
    };
    if (request.topics !== null) {
      return { errorCode: 0, topics: request.topics.map((t) => ({ name: t.name, partitions: t.partitions.map((p) => lookup(t.name, p)) })) };
    }
    const byTopic = new Map<string, OffsetFetchPartitionResponse[]>();
    for (const c of offsets.ofGroup(request.groupId)) {
      const list = byTopic.get(c.topic) ?? [];
      list.push(lookup(c.topic, c.partition));
      byTopic.set(c.topic, list);
    }
    return { errorCode: 0, topics: [...byTopic].map(([name, partitions]) => ({ name, partitions: partitions.sort((a, b) => a.partition - b.partition) })) };
  }

  // ---------------------------------------------------------------- the offsets partitions

  /** Appends records to an offsets partition with acks=all; the error is one a group client understands. */
  private async append(partitionId: number, records: readonly { key: Uint8Array; value: Uint8Array | null }[], now: number): Promise<{ errorCode: number; baseOffset: number }> {
    const response = await this.manager.produce(
      {
        acks: -1,
        timeoutMs: this.commitTimeoutMs,
        topics: [{ name: OFFSETS_TOPIC, partitions: [{ partition: partitionId, records: encodeRecordBatch({ records: records.map((r) => ({ ...r, timestamp: now })), baseTimestamp: now }) }] }],
      },
      now,
    );
    const result = response.topics[0]?.partitions[0];
    if (result === undefined) return { errorCode: KafkaErrorCode.UNKNOWN_SERVER_ERROR, baseOffset: -1 };
    return { errorCode: appendErrorCode(result.errorCode), baseOffset: result.baseOffset };
  }

  /** This broker as the group's coordinator: its loaded offsets partition, or why not. */
  private coordinatorFor(groupId: string): Where {
    if (groupId === '') return { error: kafkaError('INVALID_GROUP_ID', 'the group id is empty') };
    const image = this.manager.metadataImage;
    const topicId = image?.topicIdsByName.get(OFFSETS_TOPIC);
    const topic = topicId === undefined ? undefined : image?.topicsById.get(topicId);
    if (topic === undefined) return { error: kafkaError('COORDINATOR_NOT_AVAILABLE', `${OFFSETS_TOPIC} does not exist yet`) };
    const partitionId = offsetsPartitionFor(groupId, topic.partitions.length);
    const p = this.manager.partition(topic.id, partitionId);
    if (p === undefined || !p.isLeader) return { error: kafkaError('NOT_COORDINATOR', `broker ${this.manager.brokerId} is not the coordinator of group ${groupId}`) };
    const loaded = this.loaded.get(partitionId);
    if (loaded === undefined) return { error: kafkaError('COORDINATOR_LOAD_IN_PROGRESS', `offsets partition ${partitionId} is loading`) };
    return { loaded };
  }
}

function deadGroup(groupId: string): DescribedGroup {
  return { errorCode: 0, groupId, state: 'Dead', protocolType: '', protocol: '', members: [] };
}

/** Kafka's mapping of a failed offsets append to what a group client understands (GroupMetadataManager). */
function appendErrorCode(produceErrorCode: number): number {
  switch (produceErrorCode) {
    case KafkaErrorCode.UNKNOWN_TOPIC_OR_PARTITION:
    case KafkaErrorCode.NOT_ENOUGH_REPLICAS:
    case KafkaErrorCode.NOT_ENOUGH_REPLICAS_AFTER_APPEND:
    case KafkaErrorCode.REQUEST_TIMED_OUT:
      return KafkaErrorCode.COORDINATOR_NOT_AVAILABLE;
    case KafkaErrorCode.NOT_LEADER_OR_FOLLOWER:
    case KafkaErrorCode.LEADER_NOT_AVAILABLE:
    case KafkaErrorCode.KAFKA_STORAGE_ERROR:
      return KafkaErrorCode.NOT_COORDINATOR;
    default:
      return produceErrorCode;
  }
}

function errorFields(error: KafkaErrorValue): { errorCode: number; errorMessage: string } {
  return { errorCode: error.errorCode, errorMessage: error.errorMessage };
}

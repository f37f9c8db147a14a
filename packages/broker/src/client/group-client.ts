/**
 * A consumer group's calls, through its coordinator: FindCoordinator (any broker answers), then
 * the call to the coordinator — OffsetCommit and OffsetFetch here, membership calls for
 * GroupMembership through `withCoordinator`. NOT_COORDINATOR, COORDINATOR_NOT_AVAILABLE and an
 * unreachable coordinator send it to find the coordinator again; COORDINATOR_LOAD_IN_PROGRESS only
 * waits. Calls retry with backoff until their deadline, like Kafka's consumer does for commitSync.
 */
import { KafkaErrorCode } from '@kz/kafka-protocol';
import type { Logger } from 'pino';
import type { OffsetCommitRequest, OffsetFetchPartitionResponse } from '../protocol/group-offsets';
import type { KafkaBrokerConnection } from './kafka-broker-connection';
import { BrokerUnreachableError } from '../service/broker-unreachable-error';
import type { ClusterView } from './cluster-view';
import { formatAddress } from './cluster-view';
import { ERROR_NONE, isCoordinatorError, isRetriableError, kafkaError, NETWORK_EXCEPTION } from './kafka-error-policy';
import { KzClientError } from './kz-client-error';

/** One partition's committed position. */
export interface CommittedOffset {
  readonly topic: string;
  readonly partition: number;
  /** -1: nothing committed. */
  readonly offset: number;
  readonly leaderEpoch: number;
  readonly metadata: string;
}

const { COORDINATOR_LOAD_IN_PROGRESS } = KafkaErrorCode;

/** Who commits: a member of the group's current generation, or (absent) a consumer assigning its own partitions. */
export interface CommittingMember {
  readonly generationId: number;
  readonly memberId: string;
  readonly groupInstanceId: string | null;
}

export class GroupClient {
  private coordinator: KafkaBrokerConnection | undefined;

  constructor(
    private readonly cluster: ClusterView,
    readonly groupId: string,
    private readonly retryBackoffMs: number,
    private readonly log: Logger,
  ) {}

  /** Commits these positions; rejects with KzClientError when a partition's commit fails for good. */
  async commit(offsets: readonly Omit<CommittedOffset, 'metadata'>[], timeoutMs: number, member?: CommittingMember): Promise<void> {
    if (offsets.length === 0) return;
    const byTopic = new Map<string, OffsetCommitRequest['topics'][number]['partitions'][number][]>();
    for (const o of offsets) {
      let list = byTopic.get(o.topic);
      if (list === undefined) {
        list = [];
        byTopic.set(o.topic, list);
      }
      list.push({ partition: o.partition, committedOffset: o.offset, committedLeaderEpoch: o.leaderEpoch, metadata: '' });
    }
    const request: OffsetCommitRequest = { groupId: this.groupId, ...member, topics: [...byTopic].map(([name, partitions]) => ({ name, partitions })) };
    await this.withCoordinator('OffsetCommit', timeoutMs, async (coordinator) => {
      const response = await coordinator.offsetCommit(request);
      let retriable: number | undefined;
      for (const t of response.topics) {
        for (const p of t.partitions) {
          if (p.errorCode === ERROR_NONE) continue;
          if (isCoordinatorError(p.errorCode) || isRetriableError(p.errorCode)) retriable ??= p.errorCode;
          else throw kafkaError(p.errorCode, `committing for group ${this.groupId}`, t.name, p.partition);
        }
      }
      return retriable;
    });
  }

  /** The committed positions of these partitions (offset -1 where the group has none); null: every partition the group committed. */
  async fetch(partitions: readonly { readonly topic: string; readonly partition: number }[] | null, timeoutMs: number): Promise<CommittedOffset[]> {
    let topics: { name: string; partitions: number[] }[] | null = null;
    if (partitions !== null) {
      const byTopic = new Map<string, number[]>();
      for (const p of partitions) {
        let list = byTopic.get(p.topic);
        if (list === undefined) {
          list = [];
          byTopic.set(p.topic, list);
        }
        list.push(p.partition);
      }
      topics = [...byTopic].map(([name, ids]) => ({ name, partitions: ids }));
    }
    let result: CommittedOffset[] = [];
    await this.withCoordinator('OffsetFetch', timeoutMs, async (coordinator) => {
      const response = await coordinator.offsetFetch({ groupId: this.groupId, topics });
      if (response.errorCode !== ERROR_NONE) {
        if (isCoordinatorError(response.errorCode) || isRetriableError(response.errorCode)) return response.errorCode;
        throw kafkaError(response.errorCode, `fetching offsets of group ${this.groupId}`);
      }
      const out: CommittedOffset[] = [];
      for (const t of response.topics) {
        for (const p of t.partitions as readonly OffsetFetchPartitionResponse[]) {
          if (p.errorCode !== ERROR_NONE) {
            if (isCoordinatorError(p.errorCode) || isRetriableError(p.errorCode)) return p.errorCode;
            throw kafkaError(p.errorCode, `fetching offsets of group ${this.groupId}`, t.name, p.partition);
          }
          out.push({ topic: t.name, partition: p.partition, offset: p.committedOffset, leaderEpoch: p.committedLeaderEpoch, metadata: p.metadata });
        }
      }
      result = out;
      return undefined;
    });
    return result;
  }

  /**
   * Runs `attempt` against the coordinator until it returns undefined (done), throws a final
   * error, or the time runs out. It returns a retriable error code to go again.
   */
  async withCoordinator(what: string, timeoutMs: number, attempt: (coordinator: KafkaBrokerConnection) => Promise<number | undefined>): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let last: KzClientError | undefined;
    for (;;) {
      let code: number | undefined;
      try {
        const coordinator = await this.find();
        code = typeof coordinator === 'number' ? coordinator : await attempt(coordinator);
        if (code === undefined) return;
      } catch (error) {
        if (!(error instanceof BrokerUnreachableError)) throw error;
        code = NETWORK_EXCEPTION;
        last = new KzClientError('NETWORK_EXCEPTION', NETWORK_EXCEPTION, error.message, undefined, undefined, { cause: error });
      }
      if (code !== NETWORK_EXCEPTION) last = kafkaError(code, `${what} for group ${this.groupId}`);
      // Anything but "still loading" may mean the coordinator moved: look it up again.
      if (code !== COORDINATOR_LOAD_IN_PROGRESS) this.forgetCoordinator();
      this.log.debug({ groupId: this.groupId, what, code: last?.code }, 'group call will be retried');
      if (Date.now() + this.retryBackoffMs >= deadline) {
        throw new KzClientError('REQUEST_TIMED_OUT', KafkaErrorCode.REQUEST_TIMED_OUT, `${what} for group ${this.groupId} did not succeed within ${timeoutMs} ms: ${last?.message ?? ''}`, undefined, undefined, {
          cause: last,
        });
      }
      await new Promise((resolve) => setTimeout(resolve, this.retryBackoffMs));
    }
  }

  /** Closes the connection to the coordinator; the next call finds it again. */
  close(): void {
    this.forgetCoordinator();
  }

  private forgetCoordinator(): void {
    if (this.coordinator !== undefined) this.cluster.release(this.coordinator);
    this.coordinator = undefined;
  }

  /** The coordinator's connection, or the retriable error code FindCoordinator answered. */
  private async find(): Promise<KafkaBrokerConnection | number> {
    if (this.coordinator !== undefined) return this.coordinator;
    // Any broker answers FindCoordinator: ask whichever the cluster view reaches first.
    const response = await this.cluster.anyBroker((broker) => broker.findCoordinator({ key: this.groupId }));
    if (response.errorCode !== ERROR_NONE) {
      if (isCoordinatorError(response.errorCode) || isRetriableError(response.errorCode)) return response.errorCode;
      throw kafkaError(response.errorCode, `finding the coordinator of group ${this.groupId}: ${response.errorMessage}`);
    }
    // A connection of the group's own: see ClusterView.ownConnectionAt.
    this.coordinator = this.cluster.ownConnectionAt(formatAddress(response.host, response.port));
    this.log.debug({ groupId: this.groupId, coordinator: response.nodeId }, 'found the group coordinator');
    return this.coordinator;
  }
}

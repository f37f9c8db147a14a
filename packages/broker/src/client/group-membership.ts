/**
 * A consumer's membership of its group, Kafka's classic (eager) protocol: JoinGroup until the
 * coordinator names a generation, the leader computes everyone's partitions with the assignor the
 * group chose, SyncGroup hands each member its share, and heartbeats keep the member in the
 * generation. A heartbeat answered REBALANCE_IN_PROGRESS, ILLEGAL_GENERATION or UNKNOWN_MEMBER_ID
 * marks the membership for a rejoin, which the consumer performs at its next poll after committing
 * what it consumed (eager: every partition is given up before rejoining, so no two members ever
 * fetch the same partition in one generation).
 *
 * A first JoinGroup (v4+) is answered MEMBER_ID_REQUIRED with the member id to join with (KIP-394);
 * a static member (KIP-345, `groupInstanceId`) keeps its partitions across a restart within the
 * session timeout. Errors a rejoin cannot fix (an inconsistent protocol, a fenced instance id, an
 * invalid session timeout, authorization) are thrown to the caller as KzClientError.
 */
import { KafkaErrorCode } from '@kz/kafka-protocol';
import type { Logger } from 'pino';
import type { JoinGroupResponse, SyncGroupResponse } from '../protocol/group-membership';
import type { ClusterView } from './cluster-view';
import { CONSUMER_PROTOCOL_TYPE, decodeAssignment, decodeSubscription, encodeAssignment, encodeSubscription, type TopicPartitions } from './consumer-protocol';
import type { CommittingMember, GroupClient } from './group-client';
import { ERROR_NONE, isCoordinatorError, kafkaError } from './kafka-error-policy';
import type { KzClientError } from './kz-client-error';
import type { PartitionAssignor } from './partition-assignors';

export interface MembershipOptions {
  readonly sessionTimeoutMs: number;
  /** How long the coordinator waits for every member to rejoin (Kafka's max.poll.interval.ms). */
  readonly rebalanceTimeoutMs: number;
  readonly heartbeatIntervalMs: number;
  readonly groupInstanceId: string | null;
  /** In preference order; the coordinator picks the first every member supports. */
  readonly assignors: readonly PartitionAssignor[];
  readonly retryBackoffMs: number;
}

const { ILLEGAL_GENERATION, UNKNOWN_MEMBER_ID, REBALANCE_IN_PROGRESS, MEMBER_ID_REQUIRED, INCONSISTENT_GROUP_PROTOCOL } = KafkaErrorCode;
/** Kafka gives a JoinGroup this long beyond the rebalance timeout before calling it lost. */
const JOIN_GRACE_MS = 5_000;

/** A JoinGroup or SyncGroup answer that sends the member round again (with a new member id, or none). */
type Rejoin = { readonly kind: 'rejoin'; readonly resetMember: boolean; readonly memberId?: string };
type Joined = { readonly kind: 'joined'; readonly leader: boolean; readonly response: JoinGroupResponse };
type Synced = { readonly kind: 'synced'; readonly assignment: readonly TopicPartitions[] };

export class GroupMembership {
  private memberId = '';
  private generationId = -1;
  private rejoin = true;
  private heartbeatTimer: NodeJS.Timeout | undefined;
  private fatal: KzClientError | undefined;
  private stopped = false;

  constructor(
    private readonly cluster: ClusterView,
    private readonly group: GroupClient,
    private readonly options: MembershipOptions,
    private readonly log: Logger,
  ) {}

  /** Whether the next poll must rejoin before fetching. */
  get rejoinNeeded(): boolean {
    return this.rejoin;
  }

  /** The member to commit as, while it belongs to a generation. */
  committingMember(): CommittingMember | undefined {
    if (this.generationId < 0) return undefined;
    return { generationId: this.generationId, memberId: this.memberId, groupInstanceId: this.options.groupInstanceId };
  }

  /** A commit refused for the generation, or a subscription that changed: rejoin at the next poll. */
  requestRejoin(reason: string): void {
    if (this.rejoin) return;
    this.log.info({ groupId: this.group.groupId, memberId: this.memberId, generationId: this.generationId, reason }, 'rejoining the group');
    this.rejoin = true;
    this.stopHeartbeats();
  }

  /** Joins (or rejoins) the group with this subscription; resolves with the member's partitions. */
  async join(topics: readonly string[]): Promise<readonly TopicPartitions[]> {
    this.stopHeartbeats();
    const metadata = encodeSubscription(topics);
    for (;;) {
      if (this.fatal !== undefined) throw this.fatal;
      if (this.stopped) throw kafkaError(REBALANCE_IN_PROGRESS, 'the consumer closed while joining its group');
      const joined = await this.joinGroup(metadata);
      if (joined.kind === 'rejoin') {
        this.afterRefusal(joined);
        continue;
      }
      const synced = await this.syncGroup(joined.leader ? await this.assign(joined.response) : []);
      if (synced.kind === 'rejoin') {
        this.afterRefusal(synced);
        continue;
      }
      this.rejoin = false;
      this.scheduleHeartbeat();
      this.log.info({ groupId: this.group.groupId, memberId: this.memberId, generationId: this.generationId, assignment: synced.assignment }, 'joined the group');
      return synced.assignment;
    }
  }

  /** Leaves the group (LeaveGroup), so its partitions move at once rather than after the session timeout. */
  async leave(timeoutMs: number): Promise<void> {
    this.stopped = true;
    this.stopHeartbeats();
    // A static member stays: leaving is what its restart within the session timeout avoids.
    if (this.memberId === '' || this.options.groupInstanceId !== null) return;
    const member = { memberId: this.memberId, groupInstanceId: null };
    this.memberId = '';
    this.generationId = -1;
    await this.group
      .withCoordinator('LeaveGroup', timeoutMs, async (coordinator) => {
        const response = await coordinator.leaveGroup({ groupId: this.group.groupId, members: [member] });
        return isCoordinatorError(response.errorCode) ? response.errorCode : undefined;
      })
      .catch((error: unknown) => this.log.debug({ groupId: this.group.groupId, err: String(error) }, 'LeaveGroup failed; the session timeout will remove the member'));
  }

  stop(): void {
    this.stopped = true;
    this.stopHeartbeats();
  }

  // ---------------------------------------------------------------------------- join and sync

  private async joinGroup(metadata: Uint8Array): Promise<Rejoin | Joined> {
    let answer: JoinGroupResponse | undefined;
    await this.group.withCoordinator('JoinGroup', this.options.rebalanceTimeoutMs + JOIN_GRACE_MS, async (coordinator) => {
      const response = await coordinator.joinGroup(
        {
          groupId: this.group.groupId,
          sessionTimeoutMs: this.options.sessionTimeoutMs,
          rebalanceTimeoutMs: this.options.rebalanceTimeoutMs,
          memberId: this.memberId,
          groupInstanceId: this.options.groupInstanceId,
          protocolType: CONSUMER_PROTOCOL_TYPE,
          protocols: this.options.assignors.map((a) => ({ name: a.name, metadata })),
        },
        { timeoutMs: this.options.rebalanceTimeoutMs + JOIN_GRACE_MS },
      );
      if (isCoordinatorError(response.errorCode)) return response.errorCode;
      answer = response;
      return undefined;
    });
    const response = answer!;
    switch (response.errorCode) {
      case ERROR_NONE:
        this.memberId = response.memberId;
        this.generationId = response.generationId;
        return { kind: 'joined', leader: response.leader === response.memberId, response };
      case MEMBER_ID_REQUIRED:
        return { kind: 'rejoin', resetMember: false, memberId: response.memberId };
      case UNKNOWN_MEMBER_ID:
      case ILLEGAL_GENERATION:
        return { kind: 'rejoin', resetMember: true };
      case REBALANCE_IN_PROGRESS:
        return { kind: 'rejoin', resetMember: false };
      default:
        throw this.fail(kafkaError(response.errorCode, `joining group ${this.group.groupId}`));
    }
  }

  private async syncGroup(assignments: readonly { memberId: string; assignment: Uint8Array }[]): Promise<Rejoin | Synced> {
    let answer: SyncGroupResponse | undefined;
    await this.group.withCoordinator('SyncGroup', this.options.rebalanceTimeoutMs + JOIN_GRACE_MS, async (coordinator) => {
      const response = await coordinator.syncGroup(
        {
          groupId: this.group.groupId,
          generationId: this.generationId,
          memberId: this.memberId,
          groupInstanceId: this.options.groupInstanceId,
          protocolType: CONSUMER_PROTOCOL_TYPE,
          protocolName: null,
          assignments,
        },
        { timeoutMs: this.options.rebalanceTimeoutMs + JOIN_GRACE_MS },
      );
      if (isCoordinatorError(response.errorCode)) return response.errorCode;
      answer = response;
      return undefined;
    });
    const response = answer!;
    switch (response.errorCode) {
      case ERROR_NONE:
        return { kind: 'synced', assignment: decodeAssignment(response.assignment) };
      case UNKNOWN_MEMBER_ID:
      case ILLEGAL_GENERATION:
        return { kind: 'rejoin', resetMember: true };
      case REBALANCE_IN_PROGRESS:
        return { kind: 'rejoin', resetMember: false };
      default:
        throw this.fail(kafkaError(response.errorCode, `syncing group ${this.group.groupId}`));
    }
  }

  /** The leader's job: every member's partitions, by the protocol the coordinator chose. */
  private async assign(joined: JoinGroupResponse): Promise<{ memberId: string; assignment: Uint8Array }[]> {
    const assignor = this.options.assignors.find((a) => a.name === joined.protocolName);
    if (assignor === undefined) throw this.fail(kafkaError(INCONSISTENT_GROUP_PROTOCOL, `the coordinator chose protocol ${joined.protocolName ?? 'none'}, which this consumer did not offer`));
    const members = joined.members.map((m) => ({ memberId: m.memberId, topics: decodeSubscription(m.metadata, m.memberId).topics }));
    const topics = [...new Set(members.flatMap((m) => m.topics))];
    this.cluster.want(topics);
    await this.cluster.refresh().catch((error: unknown) => this.log.debug({ err: String(error) }, 'metadata refresh before assigning failed'));
    const counts = new Map<string, number>();
    for (const topic of topics) {
      const view = this.cluster.topic(topic);
      if (view !== undefined && view.errorCode === ERROR_NONE) counts.set(topic, view.partitions.length);
    }
    const plan = assignor.assign(members, counts);
    this.log.debug({ groupId: this.group.groupId, generationId: this.generationId, assignor: assignor.name, members: members.length }, 'assigned the group as its leader');
    return [...plan].map(([memberId, assigned]) => ({ memberId, assignment: encodeAssignment(assigned) }));
  }

  private afterRefusal(step: Rejoin): void {
    if (step.memberId !== undefined) this.memberId = step.memberId;
    if (step.resetMember) this.memberId = '';
    this.generationId = -1;
  }

  private fail(error: KzClientError): KzClientError {
    this.fatal = error;
    this.stopHeartbeats();
    return error;
  }

  // ---------------------------------------------------------------------------- heartbeats

  private scheduleHeartbeat(): void {
    if (this.stopped || this.rejoin) return;
    this.heartbeatTimer = setTimeout(() => {
      this.heartbeatTimer = undefined;
      void this.heartbeat().finally(() => this.scheduleHeartbeat());
    }, this.options.heartbeatIntervalMs);
  }

  private stopHeartbeats(): void {
    clearTimeout(this.heartbeatTimer);
    this.heartbeatTimer = undefined;
  }

  private async heartbeat(): Promise<void> {
    const generationId = this.generationId;
    let code = ERROR_NONE;
    try {
      // Within the session: a heartbeat that cannot get through before then is lost anyway.
      await this.group.withCoordinator('Heartbeat', Math.max(this.options.retryBackoffMs, this.options.sessionTimeoutMs - this.options.heartbeatIntervalMs), async (coordinator) => {
        const response = await coordinator.heartbeat({ groupId: this.group.groupId, generationId, memberId: this.memberId, groupInstanceId: this.options.groupInstanceId });
        if (isCoordinatorError(response.errorCode)) return response.errorCode;
        code = response.errorCode;
        return undefined;
      });
    } catch (error) {
      this.log.debug({ groupId: this.group.groupId, err: String(error) }, 'heartbeat failed');
      return;
    }
    // An answer for a generation since left says nothing about the current one.
    if (generationId !== this.generationId || this.rejoin) return;
    switch (code) {
      case ERROR_NONE:
        return;
      case REBALANCE_IN_PROGRESS:
        this.requestRejoin('the group is rebalancing');
        return;
      case UNKNOWN_MEMBER_ID:
        this.requestRejoin('the coordinator no longer knows this member');
        this.afterRefusal({ kind: 'rejoin', resetMember: true });
        return;
      case ILLEGAL_GENERATION:
        this.requestRejoin('the generation moved on');
        this.afterRefusal({ kind: 'rejoin', resetMember: false });
        return;
      default:
        this.fail(kafkaError(code, `heartbeat of group ${this.group.groupId}`));
        this.rejoin = true;
    }
  }
}

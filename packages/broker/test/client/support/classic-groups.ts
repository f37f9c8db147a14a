/**
 * The fake cluster's group coordinator: the shipped ClassicGroup state machine for every group,
 * with writes that are durable at once and a timer that ticks it, so the client's membership is
 * tested against the real rules of joining, syncing, heartbeats, session expiry and commit fencing.
 * Calls to a broker that is not the coordinator are answered NOT_COORDINATOR.
 */
import { KafkaErrorCode } from '@kz/kafka-protocol';
import { ClassicGroup, DEFAULT_GROUP_CONFIG, type GroupConfig } from '../../../src/coordinator/classic-group';
import type { DescribedGroup, GroupMembershipApi } from '../../../src/protocol/group-membership';
import type { OffsetCommitRequest } from '../../../src/protocol/group-offsets';

const EMPTY = new Uint8Array(0);

export class ClassicGroups {
  readonly groups = new Map<string, ClassicGroup>();
  private ids = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly config: GroupConfig = { ...DEFAULT_GROUP_CONFIG, initialRebalanceDelayMs: 0, minSessionTimeoutMs: 100 }) {
    this.timer = setInterval(() => {
      for (const group of this.groups.values()) group.tick(Date.now());
    }, 10);
  }

  /** What one broker answers: the groups' answers if it is the coordinator, NOT_COORDINATOR otherwise. */
  api(isCoordinator: () => boolean): GroupMembershipApi {
    const notCoordinator = KafkaErrorCode.NOT_COORDINATOR;
    return {
      joinGroup: async (request) => {
        if (!isCoordinator()) return { errorCode: notCoordinator, generationId: -1, protocolType: null, protocolName: null, leader: '', memberId: request.memberId, members: [] };
        let group = this.groups.get(request.groupId);
        if (group === undefined) {
          group = new ClassicGroup(request.groupId, this.config, (_record, done) => done(0, Date.now()), (prefix) => `${prefix}-${++this.ids}`);
          this.groups.set(request.groupId, group);
        }
        const joining = group;
        return new Promise((resolve) => joining.join(Date.now(), request, resolve));
      },
      syncGroup: async (request) => {
        const group = this.groups.get(request.groupId);
        if (!isCoordinator() || group === undefined) return { errorCode: isCoordinator() ? KafkaErrorCode.UNKNOWN_MEMBER_ID : notCoordinator, protocolType: null, protocolName: null, assignment: EMPTY };
        return new Promise((resolve) => group.sync(Date.now(), request, resolve));
      },
      heartbeat: async (request) => {
        const group = this.groups.get(request.groupId);
        if (!isCoordinator() || group === undefined) return { errorCode: isCoordinator() ? KafkaErrorCode.UNKNOWN_MEMBER_ID : notCoordinator };
        return { errorCode: group.heartbeat(Date.now(), request) };
      },
      leaveGroup: async (request) => {
        const group = this.groups.get(request.groupId);
        if (!isCoordinator()) return { errorCode: notCoordinator, members: [] };
        if (group === undefined) return { errorCode: 0, members: request.members.map((m) => ({ ...m, errorCode: KafkaErrorCode.UNKNOWN_MEMBER_ID })) };
        return group.leave(Date.now(), request);
      },
      describeGroups: async (request) =>
        request.groupIds.map(
          (groupId): DescribedGroup =>
            this.groups.get(groupId)?.describe() ?? { errorCode: isCoordinator() ? 0 : notCoordinator, groupId, state: 'Dead', protocolType: '', protocol: '', members: [] },
        ),
      listGroups: async () => ({
        errorCode: 0,
        groups: isCoordinator() ? [...this.groups.values()].map((g) => ({ groupId: g.groupId, protocolType: g.protocolType ?? '', state: g.state })) : [],
      }),
      deleteGroups: async (request) => ({ results: request.groupIds.map((groupId) => ({ groupId, errorCode: this.groups.delete(groupId) ? 0 : KafkaErrorCode.GROUP_ID_NOT_FOUND })) }),
    };
  }

  /** Whether an OffsetCommit's member may commit: 0, or the error the coordinator answers. */
  validateCommit(request: OffsetCommitRequest): number {
    const group = this.groups.get(request.groupId);
    const generationId = request.generationId ?? -1;
    const memberId = request.memberId ?? '';
    if (group === undefined) return generationId < 0 && memberId === '' ? 0 : KafkaErrorCode.ILLEGAL_GENERATION;
    return group.validateCommit(Date.now(), generationId, memberId, request.groupInstanceId ?? null);
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

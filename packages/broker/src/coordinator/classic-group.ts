/**
 * One consumer group under Kafka's classic protocol (GroupCoordinator.scala, GroupMetadata.scala):
 * Empty → PreparingRebalance → CompletingRebalance → Stable, and Dead once its coordinator lets go
 * of it. It decides everything about membership — who is in, which generation, which protocol, who
 * leads, when a rebalance starts and ends, whose session expired — and answers JoinGroup and
 * SyncGroup through the callbacks it was handed when they complete (a join waits for the others).
 * What must survive the coordinator, a completed rebalance's generation and assignments, it hands
 * to `persist`, and only once that is durable does it answer the syncs (as Kafka's storeGroup).
 *
 * Time comes in as `now`; `tick(now)` at `nextDeadline()` expires sessions and ends rebalances.
 */
import { KafkaErrorCode } from '@kz/kafka-protocol';
import type {
  DescribedGroup,
  GroupStateName,
  HeartbeatRequest,
  JoinGroupProtocol,
  JoinGroupRequest,
  JoinGroupResponse,
  LeaveGroupRequest,
  LeaveGroupResponse,
  SyncGroupRequest,
  SyncGroupResponse,
} from '../protocol/group-membership';
import type { GroupMetadata } from './consumer-offsets-records';

/** Kafka's group settings, broker-wide. */
export interface GroupConfig {
  /** group.min.session.timeout.ms */
  readonly minSessionTimeoutMs: number;
  /** group.max.session.timeout.ms */
  readonly maxSessionTimeoutMs: number;
  /** group.initial.rebalance.delay.ms: a new group waits this long (extended per joiner) for more members. */
  readonly initialRebalanceDelayMs: number;
  /** group.max.size */
  readonly maxSize: number;
}

export const DEFAULT_GROUP_CONFIG: GroupConfig = {
  minSessionTimeoutMs: 6000,
  maxSessionTimeoutMs: 1_800_000,
  initialRebalanceDelayMs: 3000,
  maxSize: Number.MAX_SAFE_INTEGER,
};

/** Writes the group's record to `__consumer_offsets`, then calls `done` with 0 or the error code. */
export type PersistGroup = (record: GroupMetadata, done: (errorCode: number, now: number) => void) => void;

interface Member {
  readonly memberId: string;
  readonly groupInstanceId: string | null;
  clientId: string;
  clientHost: string;
  rebalanceTimeoutMs: number;
  sessionTimeoutMs: number;
  protocols: readonly JoinGroupProtocol[];
  assignment: Uint8Array;
  awaitingJoin: ((response: JoinGroupResponse) => void) | null;
  awaitingSync: ((response: SyncGroupResponse) => void) | null;
  /** The session ends at this time unless the member is heard from. */
  sessionDeadline: number;
}

const E = {
  NONE: 0,
  COORDINATOR_NOT_AVAILABLE: KafkaErrorCode.COORDINATOR_NOT_AVAILABLE,
  ILLEGAL_GENERATION: KafkaErrorCode.ILLEGAL_GENERATION,
  INCONSISTENT_GROUP_PROTOCOL: KafkaErrorCode.INCONSISTENT_GROUP_PROTOCOL,
  UNKNOWN_MEMBER_ID: KafkaErrorCode.UNKNOWN_MEMBER_ID,
  INVALID_SESSION_TIMEOUT: KafkaErrorCode.INVALID_SESSION_TIMEOUT,
  REBALANCE_IN_PROGRESS: KafkaErrorCode.REBALANCE_IN_PROGRESS,
  MEMBER_ID_REQUIRED: KafkaErrorCode.MEMBER_ID_REQUIRED,
  GROUP_MAX_SIZE_REACHED: KafkaErrorCode.GROUP_MAX_SIZE_REACHED,
  FENCED_INSTANCE_ID: KafkaErrorCode.FENCED_INSTANCE_ID,
} as const;

const EMPTY = new Uint8Array(0);

export class ClassicGroup {
  private stateValue: GroupStateName = 'Empty';
  private generation = 0;
  private protocolTypeValue: string | null = null;
  private protocolNameValue: string | null = null;
  private leaderId: string | null = null;
  private readonly members = new Map<string, Member>();
  /** KIP-394: member ids handed out with MEMBER_ID_REQUIRED, and when each expires unused. */
  private readonly pending = new Map<string, number>();
  /** KIP-345: static members by group instance id. */
  private readonly staticMembers = new Map<string, string>();
  /** The rebalance in progress ends at the latest then (its members' longest rebalance timeout). */
  private rebalanceDeadline = Number.POSITIVE_INFINITY;
  /** A new group's rebalance ends no earlier than this (group.initial.rebalance.delay.ms). */
  private joinNotBefore = 0;
  /** The leader's assignment is being written; syncs wait for it. */
  private storing = false;

  constructor(
    readonly groupId: string,
    private readonly config: GroupConfig,
    private readonly persist: PersistGroup,
    /** A fresh member id for a client (Kafka: clientId or group instance id, then a UUID). */
    private readonly newMemberId: (prefix: string) => string,
  ) {}

  /** The group as its last record left it: Stable with its members, or Empty. Sessions start now. */
  static fromMetadata(groupId: string, record: GroupMetadata, now: number, config: GroupConfig, persist: PersistGroup, newMemberId: (prefix: string) => string): ClassicGroup {
    const group = new ClassicGroup(groupId, config, persist, newMemberId);
    group.generation = record.generation;
    group.protocolTypeValue = record.protocolType === '' ? null : record.protocolType;
    group.protocolNameValue = record.protocol;
    group.leaderId = record.leader;
    for (const m of record.members) {
      group.members.set(m.memberId, {
        memberId: m.memberId,
        groupInstanceId: m.groupInstanceId,
        clientId: m.clientId,
        clientHost: m.clientHost,
        rebalanceTimeoutMs: m.rebalanceTimeout,
        sessionTimeoutMs: m.sessionTimeout,
        protocols: record.protocol === null ? [] : [{ name: record.protocol, metadata: m.subscription }],
        assignment: m.assignment,
        awaitingJoin: null,
        awaitingSync: null,
        sessionDeadline: now + m.sessionTimeout,
      });
      if (m.groupInstanceId !== null) group.staticMembers.set(m.groupInstanceId, m.memberId);
    }
    group.stateValue = group.members.size > 0 ? 'Stable' : 'Empty';
    return group;
  }

  get state(): GroupStateName {
    return this.stateValue;
  }

  get generationId(): number {
    return this.generation;
  }

  get protocolType(): string | null {
    return this.protocolTypeValue;
  }

  get size(): number {
    return this.members.size;
  }

  // ---------------------------------------------------------------- JoinGroup

  join(now: number, request: JoinGroupRequest, respond: (response: JoinGroupResponse) => void): void {
    const fail = (errorCode: number, memberId = request.memberId): void => respond(joinError(errorCode, memberId));
    if (this.stateValue === 'Dead') return fail(E.COORDINATOR_NOT_AVAILABLE);
    if (request.sessionTimeoutMs < this.config.minSessionTimeoutMs || request.sessionTimeoutMs > this.config.maxSessionTimeoutMs) return fail(E.INVALID_SESSION_TIMEOUT);
    if (!this.acceptsProtocols(request)) return fail(E.INCONSISTENT_GROUP_PROTOCOL);

    if (request.memberId === '') {
      if (request.groupInstanceId !== null) return this.joinStatic(now, request, respond);
      const memberId = this.newMemberId(request.clientId);
      if (request.requireKnownMemberId) {
        // KIP-394: the id is handed out first, so a client that never comes back leaves no member behind.
        this.pending.set(memberId, now + request.sessionTimeoutMs);
        return respond(joinError(E.MEMBER_ID_REQUIRED, memberId));
      }
      return this.addMember(now, memberId, request, respond);
    }
    if (this.pending.has(request.memberId)) {
      this.pending.delete(request.memberId);
      return this.addMember(now, request.memberId, request, respond);
    }
    const member = this.findMember(request.memberId, request.groupInstanceId);
    if (typeof member === 'number') return fail(member);
    member.sessionDeadline = now + member.sessionTimeoutMs;
    switch (this.stateValue) {
      case 'PreparingRebalance':
        this.update(member, request);
        this.awaitJoin(member, respond);
        this.maybeCompleteJoin(now);
        return;
      case 'CompletingRebalance':
        if (sameProtocols(member.protocols, request.protocols)) return respond(this.joinResponse(member));
        this.update(member, request);
        this.awaitJoin(member, respond);
        this.prepareRebalance(now);
        return;
      case 'Stable':
        // The leader rejoining means it wants a new assignment computed; so does a changed subscription.
        if (member.memberId !== this.leaderId && sameProtocols(member.protocols, request.protocols)) return respond(this.joinResponse(member));
        this.update(member, request);
        this.awaitJoin(member, respond);
        this.prepareRebalance(now);
        return;
      case 'Empty':
        return fail(E.UNKNOWN_MEMBER_ID);
    }
  }

  /**
   * KIP-345: a static member (re)joining with no member id. One not known is a new member; one known
   * takes a new member id, the old one is fenced (FENCED_INSTANCE_ID on its next call), and if the
   * group is Stable and its subscription unchanged it keeps its assignment without a rebalance —
   * the point of static membership: a restarted consumer does not reshuffle the group.
   */
  private joinStatic(now: number, request: JoinGroupRequest, respond: (response: JoinGroupResponse) => void): void {
    const instanceId = request.groupInstanceId!;
    const memberId = this.newMemberId(instanceId);
    const oldId = this.staticMembers.get(instanceId);
    const old = oldId === undefined ? undefined : this.members.get(oldId);
    if (old === undefined) return this.addMember(now, memberId, request, respond);
    this.members.delete(old.memberId);
    old.awaitingJoin?.(joinError(E.FENCED_INSTANCE_ID, old.memberId));
    old.awaitingSync?.(syncError(E.FENCED_INSTANCE_ID));
    const member: Member = { ...old, memberId, awaitingJoin: null, awaitingSync: null, sessionDeadline: now + request.sessionTimeoutMs };
    this.members.set(memberId, member);
    this.staticMembers.set(instanceId, memberId);
    if (this.leaderId === old.memberId) this.leaderId = memberId;
    if (this.stateValue === 'Stable' && sameProtocols(old.protocols, request.protocols)) {
      this.update(member, request);
      this.persist(this.record(now), () => undefined);
      return respond(this.joinResponse(member));
    }
    this.update(member, request);
    this.awaitJoin(member, respond);
    if (this.stateValue === 'PreparingRebalance') this.maybeCompleteJoin(now);
    else this.prepareRebalance(now);
  }

  private addMember(now: number, memberId: string, request: JoinGroupRequest, respond: (response: JoinGroupResponse) => void): void {
    if (this.members.size >= this.config.maxSize) return respond(joinError(E.GROUP_MAX_SIZE_REACHED, memberId));
    const member: Member = {
      memberId,
      groupInstanceId: request.groupInstanceId,
      clientId: request.clientId,
      clientHost: request.clientHost,
      rebalanceTimeoutMs: request.rebalanceTimeoutMs,
      sessionTimeoutMs: request.sessionTimeoutMs,
      protocols: request.protocols,
      assignment: EMPTY,
      awaitingJoin: respond,
      awaitingSync: null,
      sessionDeadline: now + request.sessionTimeoutMs,
    };
    this.members.set(memberId, member);
    if (request.groupInstanceId !== null) this.staticMembers.set(request.groupInstanceId, memberId);
    this.protocolTypeValue ??= request.protocolType;
    this.leaderId ??= memberId;
    if (this.stateValue !== 'PreparingRebalance') {
      this.prepareRebalance(now);
      return;
    }
    // A new group waiting out its initial delay waits a little longer for each member that arrives.
    if (now < this.joinNotBefore) this.joinNotBefore = Math.min(now + this.config.initialRebalanceDelayMs, this.rebalanceDeadline);
    this.maybeCompleteJoin(now);
  }

  // ---------------------------------------------------------------- SyncGroup

  sync(now: number, request: SyncGroupRequest, respond: (response: SyncGroupResponse) => void): void {
    if (this.stateValue === 'Dead') return respond(syncError(E.COORDINATOR_NOT_AVAILABLE));
    const member = this.findMember(request.memberId, request.groupInstanceId);
    if (typeof member === 'number') return respond(syncError(member));
    if (request.generationId !== this.generation) return respond(syncError(E.ILLEGAL_GENERATION));
    if ((request.protocolType !== null && request.protocolType !== this.protocolTypeValue) || (request.protocolName !== null && request.protocolName !== this.protocolNameValue)) {
      return respond(syncError(E.INCONSISTENT_GROUP_PROTOCOL));
    }
    member.sessionDeadline = now + member.sessionTimeoutMs;
    switch (this.stateValue) {
      case 'Empty':
        return respond(syncError(E.UNKNOWN_MEMBER_ID));
      case 'PreparingRebalance':
        return respond(syncError(E.REBALANCE_IN_PROGRESS));
      case 'Stable':
        return respond(this.syncResponse(member.assignment));
      case 'CompletingRebalance':
        member.awaitingSync = respond;
        if (member.memberId === this.leaderId && !this.storing) this.storeAssignment(now, request);
    }
  }

  /** The leader's assignment: written to __consumer_offsets, then handed to every member that asked. */
  private storeAssignment(now: number, request: SyncGroupRequest): void {
    const assigned = new Map(request.assignments.map((a) => [a.memberId, a.assignment]));
    const generation = this.generation;
    this.storing = true;
    const record = this.record(now, (m) => assigned.get(m.memberId) ?? EMPTY);
    this.persist(record, (errorCode, at) => {
      this.storing = false;
      if (this.stateValue !== 'CompletingRebalance' || this.generation !== generation) return;
      if (errorCode !== E.NONE) {
        // Not durable: nobody gets an assignment; a new rebalance follows (Kafka: NOT_COORDINATOR and the like).
        for (const m of this.members.values()) {
          m.awaitingSync?.(syncError(errorCode));
          m.awaitingSync = null;
        }
        this.prepareRebalance(at);
        return;
      }
      for (const m of this.members.values()) m.assignment = assigned.get(m.memberId) ?? EMPTY;
      this.stateValue = 'Stable';
      for (const m of this.members.values()) {
        m.awaitingSync?.(this.syncResponse(m.assignment));
        m.awaitingSync = null;
      }
    });
  }

  // ---------------------------------------------------------------- Heartbeat, LeaveGroup, commits

  heartbeat(now: number, request: HeartbeatRequest): number {
    if (this.stateValue === 'Dead') return E.COORDINATOR_NOT_AVAILABLE;
    if (this.stateValue === 'Empty') return E.UNKNOWN_MEMBER_ID;
    const member = this.findMember(request.memberId, request.groupInstanceId);
    if (typeof member === 'number') return member;
    if (request.generationId !== this.generation) return E.ILLEGAL_GENERATION;
    member.sessionDeadline = now + member.sessionTimeoutMs;
    return this.stateValue === 'PreparingRebalance' ? E.REBALANCE_IN_PROGRESS : E.NONE;
  }

  leave(now: number, request: LeaveGroupRequest): LeaveGroupResponse {
    if (this.stateValue === 'Dead') return { errorCode: E.COORDINATOR_NOT_AVAILABLE, members: [] };
    let removed = false;
    const members = request.members.map((who) => {
      const result = (errorCode: number): LeaveGroupResponse['members'][number] => ({ memberId: who.memberId, groupInstanceId: who.groupInstanceId, errorCode });
      const memberId = who.memberId !== '' ? who.memberId : who.groupInstanceId === null ? undefined : this.staticMembers.get(who.groupInstanceId);
      if (memberId !== undefined && this.pending.delete(memberId)) return result(E.NONE);
      if (memberId === undefined) return result(E.UNKNOWN_MEMBER_ID);
      const member = this.findMember(memberId, who.groupInstanceId);
      if (typeof member === 'number') return result(member);
      this.remove(member);
      removed = true;
      return result(E.NONE);
    });
    if (removed) this.afterRemoval(now);
    return { errorCode: E.NONE, members };
  }

  /**
   * Whether an OffsetCommit by this member at this generation may be written (Kafka's
   * handleCommitOffsets): 0, or the error to answer. A commit with no member (generation -1) is a
   * simple consumer's, allowed only while the group has no members.
   */
  validateCommit(now: number, generationId: number, memberId: string, groupInstanceId: string | null): number {
    if (this.stateValue === 'Dead') return E.COORDINATOR_NOT_AVAILABLE;
    if (generationId < 0 && memberId === '') return this.members.size === 0 ? E.NONE : E.UNKNOWN_MEMBER_ID;
    const member = this.findMember(memberId, groupInstanceId);
    if (typeof member === 'number') return member;
    if (generationId !== this.generation) return E.ILLEGAL_GENERATION;
    if (this.stateValue === 'CompletingRebalance') return E.REBALANCE_IN_PROGRESS;
    member.sessionDeadline = now + member.sessionTimeoutMs;
    return E.NONE;
  }

  describe(): DescribedGroup {
    return {
      errorCode: E.NONE,
      groupId: this.groupId,
      state: this.stateValue,
      protocolType: this.protocolTypeValue ?? '',
      protocol: this.stateValue === 'Stable' || this.stateValue === 'CompletingRebalance' ? (this.protocolNameValue ?? '') : '',
      members: [...this.members.values()].map((m) => ({
        memberId: m.memberId,
        groupInstanceId: m.groupInstanceId,
        clientId: m.clientId,
        clientHost: m.clientHost,
        metadata: this.stateValue === 'Stable' || this.stateValue === 'CompletingRebalance' ? metadataFor(m, this.protocolNameValue) : EMPTY,
        assignment: this.stateValue === 'Stable' ? m.assignment : EMPTY,
      })),
    };
  }

  /** The coordinator let go of the group (it lost the offsets partition, or the group was deleted). */
  abandon(errorCode: number): void {
    this.stateValue = 'Dead';
    for (const m of this.members.values()) {
      m.awaitingJoin?.(joinError(errorCode, m.memberId));
      m.awaitingSync?.(syncError(errorCode));
      m.awaitingJoin = null;
      m.awaitingSync = null;
    }
  }

  // ---------------------------------------------------------------- time

  /** When `tick` has something to do: a session ends, a pending id expires, a rebalance may end. */
  nextDeadline(): number {
    let at = Number.POSITIVE_INFINITY;
    for (const expiry of this.pending.values()) at = Math.min(at, expiry);
    for (const m of this.members.values()) if (m.awaitingJoin === null && m.awaitingSync === null) at = Math.min(at, m.sessionDeadline);
    if (this.stateValue === 'PreparingRebalance') at = Math.min(at, this.rebalanceDeadline, this.allJoined() ? this.joinNotBefore : Number.POSITIVE_INFINITY);
    return at;
  }

  tick(now: number): void {
    for (const [memberId, expiry] of [...this.pending]) if (now >= expiry) this.pending.delete(memberId);
    let removed = false;
    for (const m of [...this.members.values()]) {
      // A member waiting in a join or a sync is alive: it is the coordinator that has not answered.
      if (m.awaitingJoin !== null || m.awaitingSync !== null || now < m.sessionDeadline) continue;
      this.remove(m);
      removed = true;
    }
    if (removed) this.afterRemoval(now);
    else this.maybeCompleteJoin(now);
  }

  // ---------------------------------------------------------------- rebalancing

  private prepareRebalance(now: number): void {
    if (this.stateValue === 'CompletingRebalance') {
      for (const m of this.members.values()) {
        m.awaitingSync?.(syncError(E.REBALANCE_IN_PROGRESS));
        m.awaitingSync = null;
      }
    }
    const wasEmpty = this.stateValue === 'Empty';
    this.stateValue = 'PreparingRebalance';
    let longest = 0;
    for (const m of this.members.values()) longest = Math.max(longest, m.rebalanceTimeoutMs);
    this.rebalanceDeadline = now + longest;
    this.joinNotBefore = wasEmpty ? Math.min(now + this.config.initialRebalanceDelayMs, this.rebalanceDeadline) : now;
    this.maybeCompleteJoin(now);
  }

  private allJoined(): boolean {
    if (this.pending.size > 0) return false;
    for (const m of this.members.values()) if (m.awaitingJoin === null) return false;
    return true;
  }

  private maybeCompleteJoin(now: number): void {
    if (this.stateValue !== 'PreparingRebalance') return;
    if (now < this.rebalanceDeadline && !(now >= this.joinNotBefore && this.allJoined())) return;
    // Members that did not rejoin in time are out of the group.
    for (const m of [...this.members.values()]) if (m.awaitingJoin === null) this.remove(m);
    this.generation++;
    if (this.members.size === 0) {
      this.stateValue = 'Empty';
      this.protocolNameValue = null;
      this.leaderId = null;
      this.persist(this.record(now), () => undefined);
      return;
    }
    this.protocolNameValue = this.selectProtocol();
    if (this.leaderId === null || !this.members.has(this.leaderId)) this.leaderId = this.members.keys().next().value!;
    this.stateValue = 'CompletingRebalance';
    for (const m of this.members.values()) {
      m.sessionDeadline = now + m.sessionTimeoutMs;
      const respond = m.awaitingJoin!;
      m.awaitingJoin = null;
      respond(this.joinResponse(m));
    }
  }

  /** The protocol every member supports that most members prefer (each votes for its first such one). */
  private selectProtocol(): string {
    const members = [...this.members.values()];
    const candidates = members[0]!.protocols.map((p) => p.name).filter((name) => members.every((m) => m.protocols.some((p) => p.name === name)));
    const votes = new Map<string, number>();
    for (const m of members) {
      const choice = m.protocols.find((p) => candidates.includes(p.name))!.name;
      votes.set(choice, (votes.get(choice) ?? 0) + 1);
    }
    return [...votes].sort((a, b) => b[1] - a[1] || candidates.indexOf(a[0]) - candidates.indexOf(b[0]))[0]![0];
  }

  private remove(member: Member): void {
    this.members.delete(member.memberId);
    if (member.groupInstanceId !== null && this.staticMembers.get(member.groupInstanceId) === member.memberId) this.staticMembers.delete(member.groupInstanceId);
    member.awaitingJoin?.(joinError(E.UNKNOWN_MEMBER_ID, member.memberId));
    member.awaitingSync?.(syncError(E.UNKNOWN_MEMBER_ID));
    if (this.leaderId === member.memberId) this.leaderId = this.members.keys().next().value ?? null;
  }

  /** After members left or expired: a settled group rebalances; one rebalancing may now be done. */
  private afterRemoval(now: number): void {
    if (this.stateValue === 'Stable' || this.stateValue === 'CompletingRebalance') this.prepareRebalance(now);
    else this.maybeCompleteJoin(now);
  }

  // ---------------------------------------------------------------- helpers

  private acceptsProtocols(request: JoinGroupRequest): boolean {
    if (request.protocolType === '' || request.protocols.length === 0) return false;
    if (this.members.size === 0) return true;
    if (request.protocolType !== this.protocolTypeValue) return false;
    // Some protocol every member — the joiner included, in place of its old self — supports.
    const others = [...this.members.values()].filter((m) => m.memberId !== request.memberId);
    return request.protocols.some((p) => others.every((m) => m.protocols.some((q) => q.name === p.name)));
  }

  /**
   * The member a call names, or why it is refused. A static member's old incarnation is told
   * FENCED_INSTANCE_ID (KIP-345) even though its member id is gone, so it stops instead of rejoining.
   */
  private findMember(memberId: string, groupInstanceId: string | null): Member | number {
    if (groupInstanceId !== null) {
      const current = this.staticMembers.get(groupInstanceId);
      if (current !== undefined && current !== memberId) return E.FENCED_INSTANCE_ID;
    }
    return this.members.get(memberId) ?? E.UNKNOWN_MEMBER_ID;
  }

  private update(member: Member, request: JoinGroupRequest): void {
    member.protocols = request.protocols;
    member.clientId = request.clientId;
    member.clientHost = request.clientHost;
    member.rebalanceTimeoutMs = request.rebalanceTimeoutMs;
    member.sessionTimeoutMs = request.sessionTimeoutMs;
  }

  private awaitJoin(member: Member, respond: (response: JoinGroupResponse) => void): void {
    // A member joining again while its previous join still waits: the newer call is the one answered.
    member.awaitingJoin?.(joinError(E.REBALANCE_IN_PROGRESS, member.memberId));
    member.awaitingJoin = respond;
  }

  private joinResponse(member: Member): JoinGroupResponse {
    const isLeader = member.memberId === this.leaderId;
    return {
      errorCode: E.NONE,
      generationId: this.generation,
      protocolType: this.protocolTypeValue,
      protocolName: this.protocolNameValue,
      leader: this.leaderId ?? '',
      memberId: member.memberId,
      members: isLeader ? [...this.members.values()].map((m) => ({ memberId: m.memberId, groupInstanceId: m.groupInstanceId, metadata: metadataFor(m, this.protocolNameValue) })) : [],
    };
  }

  private syncResponse(assignment: Uint8Array): SyncGroupResponse {
    return { errorCode: E.NONE, protocolType: this.protocolTypeValue, protocolName: this.protocolNameValue, assignment };
  }

  /** What the group's record in __consumer_offsets says (GroupMetadataValue v3). */
  private record(now: number, assignmentOf: (m: Member) => Uint8Array = (m) => m.assignment): GroupMetadata {
    return {
      protocolType: this.protocolTypeValue ?? '',
      generation: this.generation,
      protocol: this.protocolNameValue,
      leader: this.leaderId,
      currentStateTimestamp: now,
      members: [...this.members.values()].map((m) => ({
        memberId: m.memberId,
        groupInstanceId: m.groupInstanceId,
        clientId: m.clientId,
        clientHost: m.clientHost,
        rebalanceTimeout: m.rebalanceTimeoutMs,
        sessionTimeout: m.sessionTimeoutMs,
        subscription: metadataFor(m, this.protocolNameValue),
        assignment: assignmentOf(m),
      })),
    };
  }
}

function sameProtocols(a: readonly JoinGroupProtocol[], b: readonly JoinGroupProtocol[]): boolean {
  return a.length === b.length && a.every((p, i) => p.name === b[i]!.name && Buffer.from(p.metadata).equals(Buffer.from(b[i]!.metadata)));
}

function metadataFor(member: Member, protocol: string | null): Uint8Array {
  return member.protocols.find((p) => p.name === protocol)?.metadata ?? EMPTY;
}

function joinError(errorCode: number, memberId: string): JoinGroupResponse {
  return { errorCode, generationId: -1, protocolType: null, protocolName: null, leader: '', memberId, members: [] };
}

function syncError(errorCode: number): SyncGroupResponse {
  return { errorCode, protocolType: null, protocolName: null, assignment: EMPTY };
}

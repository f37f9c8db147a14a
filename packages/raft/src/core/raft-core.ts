import { encodeLeaderChangeBatch, readBatchHeader, stampBatch } from '@kz/records';
import { majorityOf, resolveConfig, type NodeId, type RaftConfig, type RaftConfigInput } from './config';
import { electionBackoff, endQuorumEpochBackoff, fetchTimeoutWithJitter, randomElectionTimeout } from './election-timing';
import { InvalidProposalError, InvalidSnapshotError, RaftSafetyError, type NotLeader } from './errors';
import { majorityEndOffset, nextHighWatermark } from './high-watermark';
import { LeaderState, type ParkedFetch } from './leader-state';
import { toLogBatch, type LogBatch, type Snapshot } from './log-batch';
import type {
  BeginQuorumEpochRequest,
  EndQuorumEpochRequest,
  FetchRequest,
  FetchResponse,
  FetchSnapshotRequest,
  FetchSnapshotResponse,
  OffsetAndEpoch,
  RaftErrorCode,
  RaftMessage,
  UpdateVoterRequest,
  UpdateVoterResponse,
  VoteRequest,
  VoteResponse,
} from './messages';
import { NO_NODE, type ElectionState, type RoleName } from './quorum-state';
import { RaftLog } from './raft-log';
import type { LeaderAndEpoch, LogOp, Outbound, Ready, SnapshotRead } from './ready';
import type { QuorumDescription, RaftStatus } from './status';
import { isLogUpToDate, shouldGrantVote } from './vote-decision';
import { CheckpointFormatError, CheckpointScanner } from './checkpoint-format';
import { VoterHistory, votersIn } from './voter-history';
import {
  ZERO_DIRECTORY_ID,
  describeVoters,
  encodeVotersBatch,
  findVoter,
  hasVoterKey,
  sameEndpoints,
  sameVoterSets,
  sortVoters,
  staticVoterSet,
  voterIds,
  type DirectoryId,
  type Endpoint,
  type Voter,
  type VoterSet,
} from './voter-set';

export type { QuorumDescription, RaftStatus, ReplicaDescription } from './status';
export type { NotLeader } from './errors';

/** What a node finds on its disk when it starts. */
export interface DurableState {
  readonly electionState: ElectionState;
  readonly snapshot: Snapshot | null;
  /** Contiguous batches from the snapshot's end (or offset 0). */
  readonly batches: readonly LogBatch[];
}

/** Why a leader refused a voter change (KIP-853's AddRaftVoter / RemoveRaftVoter / UpdateRaftVoter errors). */
export interface VoterChangeRefusal {
  readonly code: 'NOT_LEADER_OR_FOLLOWER' | 'UNSUPPORTED_VERSION' | 'REQUEST_TIMED_OUT' | 'DUPLICATE_VOTER' | 'VOTER_NOT_FOUND' | 'INVALID_REQUEST';
  readonly message: string;
  /** The leader as this node knows it (-1: none); for NOT_LEADER_OR_FOLLOWER. */
  readonly leaderId: NodeId;
  readonly epoch: number;
}

/** A voter change appended: the VotersRecord batch at `offset` is in force; it is done once committed. */
export type VoterChangeResult =
  | { readonly ok: true; readonly offset: number; readonly epoch: number; readonly voters: VoterSet }
  | { readonly ok: false; readonly error: VoterChangeRefusal };

export type ProposeResult =
  | { readonly ok: true; readonly baseOffset: number; readonly lastOffset: number; readonly epoch: number }
  | { readonly ok: false; readonly error: NotLeader };

/** A snapshot being fetched: its chunks go to the storage as they come; the scanner checks them on the way. */
interface SnapshotDownload {
  readonly id: OffsetAndEpoch;
  readonly scanner: CheckpointScanner;
  received: number;
}

interface Election {
  readonly roundId: number;
  readonly granted: Set<NodeId>;
  readonly rejected: Set<NodeId>;
  electionDeadline: number;
}

type Role =
  | { readonly name: 'unattached'; electionDeadline: number }
  | ({ readonly name: 'prospective' } & Election)
  | ({ readonly name: 'candidate' } & Election)
  | { readonly name: 'leader'; readonly state: LeaderState }
  | { readonly name: 'follower'; fetchDeadline: number; lastLeaderContact: number; download: SnapshotDownload | null }
  | {
      readonly name: 'resigned';
      electionDeadline: number;
      readonly successors: readonly NodeId[];
      readonly pending: Set<NodeId>;
      resendAt: number;
    };

interface InflightRequest {
  readonly requestId: number;
  readonly to: NodeId;
  readonly kind: 'fetch' | 'fetchSnapshot';
  readonly deadline: number;
}

/**
 * The KRaft protocol as a deterministic state machine (etcd raft's Step/Ready shape): inputs are
 * time, messages, proposals and I/O completions; outputs are Readys saying what to persist, send
 * and apply. No timers, no I/O, no randomness of its own — which is what lets the simulator replay
 * any interleaving from a seed.
 */
export class RaftCore {
  readonly config: RaftConfig;
  /** kraft.version 1 (KIP-853): voters live in the log as VotersRecords; else the static list. */
  private readonly dynamic: boolean;
  /** This replica's directory id; the zero id with static voters. */
  private readonly directoryId: DirectoryId;
  private readonly voterHistory: VoterHistory;
  private readonly log: RaftLog;
  /** Followers: when to ask the leader again to update our endpoints (UpdateRaftVoter). */
  private updateVoterAt = 0;
  private election: ElectionState;
  private role: Role;
  private highWatermark: number;
  /** Log end offset the driver has made durable. */
  private flushedEnd: number;
  /** Log end offset covered by LogOps handed out so far (leader appends may linger). */
  private emittedEnd: number;
  private nextDeliverOffset: number;
  private nextRequestId: number;
  private persistSeq = 0;
  private readonly pendingPersists: { readonly id: number; end: number }[] = [];
  /**
   * The persist that writes the newest election state, until it is durable (0: none pending). While
   * it is pending no message may leave, not only those of the Ready that changed the state: a
   * duplicated VoteRequest re-granted from the in-memory vote would otherwise promise a vote a crash
   * can still take back (raft sim seed 1191270690: the voter then voted for itself in that epoch).
   */
  private electionPersistId = 0;
  private electionRetries = 0;
  private inflight: InflightRequest | null = null;
  private fetchRetryAt = 0;
  private discoveryIndex = 0;
  private nextReadId = 0;
  /** Reads confirmed by a quorum, waiting for the high watermark to reach this epoch. */
  private heldReads: number[] = [];
  private lingering: LogBatch[] = [];
  private lingerDeadline = Number.POSITIVE_INFINITY;
  private now: number;

  private outElection: ElectionState | null = null;
  private outLogOps: LogOp[] = [];
  private outMessages: Outbound[] = [];
  private outAfterPersist: Outbound[] = [];
  private outSnapshotReads: SnapshotRead[] = [];
  private outSnapshot: Snapshot | null = null;
  private outCommitted: LogBatch[] = [];
  private outRoleChange: { role: RoleName; leader: LeaderAndEpoch } | null = null;
  private outVoters: VoterSet | null = null;
  private outHighWatermarkChanged = false;
  private outReadsReady: { readId: number; offset: number }[] = [];
  private outReadsFailed: number[] = [];

  static start(config: RaftConfigInput, durable: DurableState, now: number): RaftCore {
    return new RaftCore(resolveConfig(config), durable, now);
  }

  private constructor(config: RaftConfig, durable: DurableState, now: number) {
    this.config = config;
    this.now = now;
    this.dynamic = config.directoryId !== null;
    this.directoryId = config.directoryId ?? ZERO_DIRECTORY_ID;
    const snapshot = durable.snapshot;
    if (!this.dynamic) this.voterHistory = new VoterHistory('static', staticVoterSet(config.voters));
    else if (snapshot?.voters !== undefined && snapshot.voters.length > 0) this.voterHistory = new VoterHistory('snapshot', snapshot.voters, snapshot.id.offset - 1);
    else this.voterHistory = new VoterHistory('bootstrap', config.bootstrapVoters);
    this.log = new RaftLog(snapshot, durable.batches);
    if (this.dynamic) for (const batch of this.log.batches) this.voterHistory.appended(batch);
    this.outVoters = this.voters;
    this.flushedEnd = this.log.endOffset;
    this.emittedEnd = this.log.endOffset;
    this.highWatermark = this.log.startOffset;
    this.nextDeliverOffset = this.log.startOffset;
    this.outSnapshot = durable.snapshot;
    // Request ids must not repeat across restarts, or a response to a request sent before a crash
    // could be taken for the answer to a new one.
    this.nextRequestId = Math.floor(config.random() * 2 ** 40);
    this.election = durable.electionState;
    this.role = { name: 'unattached', electionDeadline: now };

    const { epoch, leaderId } = this.election;
    if (this.log.lastEpoch > epoch) {
      // The quorum-state write was lost but the log proves a later epoch exists.
      this.becomeUnattached(now, this.log.lastEpoch);
    } else if (leaderId === config.nodeId && this.mayCampaign) {
      // A leader that restarts must not lead the same epoch again: it may have lost unflushed
      // batches that followers hold, and (offset, epoch) must name one batch only.
      this.becomeResigned(now, this.voterIdList().filter((v) => v !== config.nodeId));
    } else if (leaderId !== NO_NODE && leaderId !== config.nodeId) {
      this.becomeFollower(now, epoch, leaderId);
    } else {
      this.becomeUnattached(now, epoch, this.election.votedFor);
    }
  }

  // ---------------------------------------------------------------- inputs

  tick(now: number): void {
    this.now = now;
    this.onTick(now);
    this.endInput();
  }

  private onTick(now: number): void {
    const role = this.role;
    switch (role.name) {
      case 'leader': {
        const state = role.state;
        if (state.checkQuorumExpired(now)) {
          this.becomeResigned(now, state.preferredSuccessors());
          return;
        }
        if (state.beginQuorumPending.size > 0 && now >= state.beginQuorumResendAt) {
          for (const voter of state.beginQuorumPending) this.sendBeginQuorumEpoch(voter);
          state.beginQuorumResendAt = now + this.config.fetchTimeoutMs / 2;
        }
        if (state.reads.roundExpired(now)) this.startReadRound(now, state);
        const expired = state.parked.filter((p) => p.deadline <= now);
        if (expired.length > 0) {
          state.parked = state.parked.filter((p) => p.deadline > now);
          for (const parked of expired) this.answerFetch(state, parked.from, parked.request);
        }
        return;
      }
      case 'follower': {
        this.expireInflight(now);
        if (now >= role.fetchDeadline) {
          // A voter that stops hearing from its leader campaigns; an observer looks for the leader anew.
          if (this.mayCampaign) this.becomeProspective(now);
          // (keeping its vote of this epoch: a voter removed after voting is still bound by it)
          else this.becomeUnattached(now, this.election.epoch, this.election.votedFor);
          return;
        }
        this.pollFetch(now);
        return;
      }
      case 'unattached':
        // A replica outside the voter set in force looks for the leader (no leader tells it); one
        // still in the committed set may also campaign, as a voter does.
        if (this.mayCampaign && now >= role.electionDeadline) {
          this.becomeProspective(now);
          return;
        }
        if (!this.isVoter) {
          this.expireInflight(now);
          this.pollFetch(now);
        }
        return;
      case 'prospective':
      case 'candidate':
        if (now >= role.electionDeadline) this.becomeProspective(now);
        return;
      case 'resigned':
        if (now >= role.electionDeadline) {
          this.becomeProspective(now);
          return;
        }
        if (role.pending.size > 0 && now >= role.resendAt) {
          for (const voter of role.pending) this.sendEndQuorumEpoch(voter, role.successors);
          role.resendAt = now + this.config.fetchTimeoutMs / 2;
        }
        return;
    }
  }

  receive(now: number, from: NodeId, message: RaftMessage): void {
    this.now = now;
    if (from !== this.config.nodeId) this.onMessage(now, from, message);
    this.endInput();
  }

  private onMessage(now: number, from: NodeId, message: RaftMessage): void {
    switch (message.type) {
      case 'VoteRequest':
        return this.onVoteRequest(now, from, message);
      case 'VoteResponse':
        return this.onVoteResponse(now, from, message);
      case 'BeginQuorumEpochRequest':
        return this.onBeginQuorumEpoch(now, from, message);
      case 'BeginQuorumEpochResponse':
        if (this.observeEpoch(now, message.epoch, message.leaderId)) return;
        if (this.role.name === 'leader' && message.epoch === this.election.epoch && message.error === 'NONE') {
          const state = this.role.state;
          state.beginQuorumPending.delete(from);
          // Only a voter of the set in force confirms a read (the request named its directory id).
          if (this.voterIdList().includes(from) && state.reads.acknowledge(from, message.requestId)) this.startReadRound(now, state);
          this.releaseConfirmedReads(state);
        }
        return;
      case 'EndQuorumEpochRequest':
        return this.onEndQuorumEpoch(now, from, message);
      case 'EndQuorumEpochResponse':
        if (this.observeEpoch(now, message.epoch, message.leaderId)) return;
        if (this.role.name === 'resigned' && message.epoch === this.election.epoch) this.role.pending.delete(from);
        return;
      case 'FetchRequest':
        return this.onFetchRequest(now, from, message);
      case 'FetchResponse':
        return this.onFetchResponse(now, from, message);
      case 'FetchSnapshotRequest':
        return this.onFetchSnapshotRequest(now, from, message);
      case 'FetchSnapshotResponse':
        return this.onFetchSnapshotResponse(now, from, message);
      case 'UpdateVoterRequest':
        return this.onUpdateVoterRequest(now, from, message);
      case 'UpdateVoterResponse':
        if (this.observeEpoch(now, message.epoch, message.leaderId)) return;
        return;
    }
  }

  /**
   * Leader only: stamps consecutive offsets and the leader epoch into each batch (in place — the
   * core takes ownership of the bytes) and appends them. Commitment arrives later, in Ready.committed.
   */
  propose(now: number, batches: readonly Uint8Array[]): ProposeResult {
    this.now = now;
    if (this.role.name !== 'leader') return { ok: false, error: this.notLeader() };
    // Validate every batch before appending any, so a bad one leaves the log untouched.
    const checked = batches.map(toLogBatch);
    for (const batch of checked) {
      // The voter set changes only through addVoter/removeVoter, which enforce one change at a time.
      if (votersIn(batch) !== null) throw new InvalidProposalError('a proposal may not carry a VotersRecord: use addVoter or removeVoter');
    }
    const baseOffset = this.log.endOffset;
    for (const { bytes, lastOffset, baseOffset: proposedBase } of checked) {
      const base = this.log.endOffset;
      stampBatch(bytes, base, this.election.epoch);
      this.appendAsLeader(now, { baseOffset: base, lastOffset: base + lastOffset - proposedBase, epoch: this.election.epoch, bytes });
    }
    // Woken once the whole proposal is in the log, so a waiting follower fetches all of it at once.
    this.wakeParkedFetches();
    this.endInput();
    return { ok: true, baseOffset, lastOffset: this.log.endOffset - 1, epoch: this.election.epoch };
  }

  /**
   * Leader only (KIP-853 AddRaftVoter): makes `voter` — a replica that has been fetching as an
   * observer and is caught up — a voter, by appending a VotersRecord. The new set is in force at
   * once; the change is done when that batch commits (counted in the new set).
   */
  addVoter(now: number, voter: Voter): VoterChangeResult {
    this.now = now;
    const result = this.changeVoters(now, (voters, state) => {
      if (findVoter(voters, voter.id) !== undefined) return this.refusal('DUPLICATE_VOTER', `node ${voter.id} is already a voter`);
      if (voter.directoryId === ZERO_DIRECTORY_ID) return this.refusal('INVALID_REQUEST', 'a voter needs a directory id');
      if (!state.isCaughtUp(now, voter.id, voter.directoryId, this.config.fetchTimeoutMs)) {
        const fetched = state.directoryIdOf(voter.id);
        const why = fetched === undefined ? 'has not fetched from the leader' : fetched !== voter.directoryId ? `fetches with directory id ${fetched}` : 'is not caught up with the leader';
        return this.refusal('REQUEST_TIMED_OUT', `replica ${voter.id} (directory ${voter.directoryId}) ${why}; start it as an observer first`);
      }
      return sortVoters([...voters, voter]);
    });
    this.endInput();
    return result;
  }

  /**
   * Leader only (KIP-853 RemoveRaftVoter): removes the voter (id, directoryId). A leader that
   * removes itself keeps leading until the change commits, then resigns.
   */
  removeVoter(now: number, id: NodeId, directoryId: DirectoryId): VoterChangeResult {
    this.now = now;
    const result = this.changeVoters(now, (voters, state) => {
      if (!hasVoterKey(voters, id, directoryId)) return this.refusal('VOTER_NOT_FOUND', `(${id}, ${directoryId}) is not a voter of ${describeVoters(voters)}`);
      if (voters.length === 1) return this.refusal('INVALID_REQUEST', 'the last voter cannot be removed');
      const remaining = voters.filter((v) => v.id !== id);
      // A change commits only in the new set: refuse one whose voters could not commit it now (a
      // voter down, or a wiped disk still listed under its old key), which would stall the cluster.
      const live = remaining.filter(
        (v) => (v.id === this.config.nodeId && v.directoryId === this.directoryId) || state.isCaughtUp(now, v.id, v.directoryId, this.config.fetchTimeoutMs),
      );
      if (live.length < majorityOf(remaining.length)) {
        return this.refusal('REQUEST_TIMED_OUT', `only [${voterIds(live).join(',')}] of the remaining voters ${describeVoters(remaining)} are caught up: not a majority`);
      }
      return remaining;
    });
    this.endInput();
    return result;
  }

  /**
   * Leader only: records new endpoints for the voter (id, directoryId), as that voter's own
   * UpdateRaftVoter would — for an operator moving a voter that is down. Appends even when the
   * endpoints are the ones listed, so the caller always gets a change to wait for.
   */
  updateVoter(now: number, id: NodeId, directoryId: DirectoryId, endpoints: readonly Endpoint[]): VoterChangeResult {
    this.now = now;
    const result = this.changeVoters(now, (voters) => {
      if (!hasVoterKey(voters, id, directoryId)) return this.refusal('VOTER_NOT_FOUND', `(${id}, ${directoryId}) is not a voter of ${describeVoters(voters)}`);
      if (endpoints.length === 0) return this.refusal('INVALID_REQUEST', 'a voter needs at least one endpoint');
      return voters.map((v) => (v.id === id ? { ...v, endpoints } : v));
    });
    this.endInput();
    return result;
  }

  /** The driver made the Ready with this persistId (and every one before it) durable. */
  persisted(now: number, persistId: number): void {
    this.now = now;
    while (this.pendingPersists.length > 0 && this.pendingPersists[0]!.id <= persistId) {
      this.flushedEnd = this.pendingPersists.shift()!.end;
    }
    if (persistId >= this.electionPersistId) this.electionPersistId = 0;
    if (this.role.name === 'leader') this.maybeAdvanceHighWatermark(this.role.state);
    this.endInput();
  }

  /** The local state machine wrote a snapshot of every offset below snapshot.id.offset. */
  snapshotCreated(now: number, snapshot: Snapshot): void {
    this.now = now;
    const { offset, epoch } = snapshot.id;
    if (offset > this.highWatermark) {
      throw new InvalidSnapshotError(`snapshot end ${offset} is above the high watermark ${this.highWatermark}`);
    }
    if (offset <= this.log.startOffset) return; // an older snapshot than the one we hold: nothing to gain
    const atBoundary = offset === this.log.endOffset || this.log.indexOfBatchStartingAt(offset) >= 0;
    if (!atBoundary || this.log.epochOfOffsetBefore(offset) !== epoch) {
      throw new InvalidSnapshotError(`snapshot id (${offset}, ${epoch}) does not end a batch of the log`);
    }
    // Batches still lingering sit below the snapshot's end: their append must reach the disk
    // first, or the disk would hold a snapshot followed by a batch it already covers.
    this.flushLingering();
    // KIP-853: the snapshot carries the voter set in force at its end, since that log goes away.
    // The checkpoint was written with snapshotVoters(offset), which a committed prefix cannot change.
    const stored: Snapshot = this.dynamic ? { id: snapshot.id, size: snapshot.size, voters: snapshot.voters ?? this.voterHistory.at(offset) ?? [] } : snapshot;
    this.log.compactTo(stored);
    this.voterHistory.compactTo(offset);
    this.outLogOps.push({ op: 'snapshot', snapshot: stored });
  }

  /**
   * What a snapshot ending at `offset` must carry (KIP-853): the voter set in force below it;
   * undefined with static voters. Ask before writing its checkpoint.
   */
  snapshotVoters(offset: number): VoterSet | undefined {
    return this.dynamic ? (this.voterHistory.at(offset) ?? []) : undefined;
  }

  /** Leader only: step down gracefully, naming the best-placed voters as successors. */
  resign(now: number): void {
    this.now = now;
    if (this.role.name === 'leader') this.becomeResigned(now, this.role.state.preferredSuccessors());
    this.endInput();
  }

  /**
   * Leader only: asks for a linearizable read point. The answer comes in a later Ready's
   * `readsReady` (or `readsFailed` if leadership ends first).
   */
  readIndex(now: number): { readonly ok: true; readonly readId: number } | { readonly ok: false; readonly error: NotLeader } {
    this.now = now;
    this.flushLingeringIfDue();
    const role = this.role;
    if (role.name !== 'leader') return { ok: false, error: this.notLeader() };
    const readId = ++this.nextReadId;
    if (role.state.reads.add(readId)) this.startReadRound(now, role.state);
    this.releaseConfirmedReads(role.state);
    return { ok: true, readId };
  }

  // --------------------------------------------------------------- outputs

  /** Whether takeReady has anything to hand out. A pure query: it changes nothing. */
  hasReady(): boolean {
    return (
      this.outElection !== null ||
      this.outLogOps.length > 0 ||
      this.outMessages.length > 0 ||
      this.outAfterPersist.length > 0 ||
      this.outSnapshotReads.length > 0 ||
      this.outSnapshot !== null ||
      this.outCommitted.length > 0 ||
      this.outRoleChange !== null ||
      this.outVoters !== null ||
      this.outHighWatermarkChanged ||
      this.outReadsReady.length > 0 ||
      this.outReadsFailed.length > 0
    );
  }

  takeReady(): Ready {
    const mustPersist = this.outElection !== null || this.outLogOps.length > 0;
    const persistId = mustPersist ? ++this.persistSeq : null;
    if (persistId !== null) this.pendingPersists.push({ id: persistId, end: this.emittedEnd });
    // Nothing may leave before a changed election state is durable: a vote, a new epoch, a
    // leadership are promises that must survive a crash.
    if (this.outElection !== null && persistId !== null) this.electionPersistId = persistId;
    const electionPending = this.electionPersistId !== 0;
    const ready: Ready = {
      persistId,
      electionState: this.outElection,
      electionPending,
      logOps: this.outLogOps,
      messages: electionPending ? [] : this.outMessages,
      messagesAfterPersist: electionPending ? [...this.outMessages, ...this.outAfterPersist] : this.outAfterPersist,
      snapshotReads: this.outSnapshotReads,
      loadSnapshot: this.outSnapshot,
      committed: this.outCommitted,
      highWatermark: this.highWatermark,
      roleChange: this.outRoleChange,
      voters: this.outVoters,
      readsReady: this.outReadsReady,
      readsFailed: this.outReadsFailed,
    };
    this.outElection = null;
    this.outLogOps = [];
    this.outMessages = [];
    this.outAfterPersist = [];
    this.outSnapshotReads = [];
    this.outSnapshot = null;
    this.outCommitted = [];
    this.outRoleChange = null;
    this.outVoters = null;
    this.outHighWatermarkChanged = false;
    this.outReadsReady = [];
    this.outReadsFailed = [];
    return ready;
  }

  /** The time by which tick() must next be called. */
  nextDeadline(): number {
    const role = this.role;
    const fetchPoll = this.inflight !== null ? this.inflight.deadline : this.fetchRetryAt;
    switch (role.name) {
      case 'leader': {
        const state = role.state;
        let deadline = Math.min(state.checkQuorumDeadlineMs, this.lingerDeadline, state.reads.roundDeadline);
        if (state.beginQuorumPending.size > 0) deadline = Math.min(deadline, state.beginQuorumResendAt);
        for (const parked of state.parked) deadline = Math.min(deadline, parked.deadline);
        return deadline;
      }
      case 'follower':
        return Math.min(role.fetchDeadline, fetchPoll);
      case 'unattached':
        if (this.isVoter) return role.electionDeadline;
        return this.mayCampaign ? Math.min(role.electionDeadline, fetchPoll) : fetchPoll;
      case 'prospective':
      case 'candidate':
        return role.electionDeadline;
      case 'resigned':
        return role.pending.size > 0 ? Math.min(role.electionDeadline, role.resendAt) : role.electionDeadline;
    }
  }

  // ------------------------------------------------------------ inspection

  status(): RaftStatus {
    return {
      nodeId: this.config.nodeId,
      isVoter: this.isVoter,
      role: this.role.name,
      epoch: this.election.epoch,
      leaderId: this.knownLeader(),
      votedFor: this.election.votedFor,
      highWatermark: this.highWatermark,
      logStartOffset: this.log.startOffset,
      logEndOffset: this.log.endOffset,
      flushedEndOffset: this.flushedEnd,
      snapshotId: this.log.snapshot?.id ?? null,
      epochStartOffset: this.role.name === 'leader' ? this.role.state.epochStartOffset : -1,
      directoryId: this.directoryId,
      voters: this.voters,
      votersOffset: this.voterHistory.latestRecordOffset,
      committedVoters: this.voterHistory.at(this.highWatermark) ?? [],
    };
  }

  describeQuorum(now: number): QuorumDescription | null {
    if (this.role.name !== 'leader') return null;
    const { voters, observers } = this.role.state.describe(now, this.log.endOffset);
    return { leaderId: this.config.nodeId, epoch: this.election.epoch, highWatermark: this.highWatermark, voters, observers };
  }

  batches(): readonly LogBatch[] {
    return this.log.batches;
  }

  snapshot(): Snapshot | null {
    return this.log.snapshot;
  }

  // ------------------------------------------------------------- elections

  private onVoteRequest(now: number, from: NodeId, request: VoteRequest): void {
    const malformed =
      request.candidateId !== from ||
      // KIP-853: a candidate need not be in this replica's voter set (its log may be ahead of ours).
      (!this.dynamic && !this.config.voters.includes(from)) ||
      request.lastOffset < 0 ||
      request.lastEpoch < 0 ||
      (request.preVote ? request.lastEpoch > request.epoch : request.lastEpoch >= request.epoch);
    if (malformed) return this.replyVote(from, request, 'INVALID_REQUEST', false);
    if (this.dynamic) {
      // The candidate asks the replica it knows as a voter; a wiped disk (new directory id) is not that replica.
      if (request.voterDirectoryId !== this.directoryId) return this.replyVote(from, request, 'INVALID_VOTER_KEY', false);
    } else if (!this.isVoter) return this.replyVote(from, request, 'INVALID_REQUEST', false);
    if (request.epoch < this.election.epoch) return this.replyVote(from, request, 'FENCED_LEADER_EPOCH', false);
    if (request.epoch > this.election.epoch) this.becomeUnattached(now, request.epoch);

    const upToDate = isLogUpToDate(
      { lastEpoch: request.lastEpoch, endOffset: request.lastOffset },
      { lastEpoch: this.log.lastEpoch, endOffset: this.log.endOffset },
    );
    const role = this.role;
    const granted = shouldGrantVote(
      {
        role: role.name,
        votedFor: this.election.votedFor,
        leaderId: this.election.leaderId,
        hasRecentLeaderContact: role.name === 'follower' && now - role.lastLeaderContact < this.config.fetchTimeoutMs,
      },
      from,
      request.preVote,
      upToDate,
    );
    if (granted && !request.preVote && this.election.votedFor === NO_NODE) {
      this.becomeUnattached(now, this.election.epoch, from);
    }
    this.replyVote(from, request, 'NONE', granted);
  }

  private replyVote(to: NodeId, request: VoteRequest, error: RaftErrorCode, granted: boolean): void {
    this.send(to, {
      type: 'VoteResponse',
      requestId: request.requestId,
      error,
      epoch: this.election.epoch,
      leaderId: this.knownLeader(),
      granted,
      preVote: request.preVote,
    });
  }

  private onVoteResponse(now: number, from: NodeId, response: VoteResponse): void {
    if (this.observeEpoch(now, response.epoch, response.leaderId)) return;
    const role = this.role;
    if (response.epoch !== this.election.epoch) return;
    if (role.name !== 'prospective' && role.name !== 'candidate') return;
    // A replica that knows a leader of our epoch we did not know ends the election, whatever the
    // tally says (KIP-996: a prospective that discovers a leader follows it). A voter removed while
    // it was down learns the leader only this way: BeginQuorumEpoch goes to the voters in force, and
    // its own voter set is stale, so it would otherwise lose pre-vote after pre-vote. The leader we
    // already had is no news: we stopped hearing from it (it may have resigned), and following it
    // again on the word of a replica that has not timed out yet would keep the election from ever
    // starting.
    const news = response.leaderId !== NO_NODE && response.leaderId !== this.config.nodeId && response.leaderId !== this.election.leaderId;
    if (!response.granted && news) {
      this.becomeFollower(now, this.election.epoch, response.leaderId);
      return;
    }
    if (response.requestId !== role.roundId || response.preVote !== (role.name === 'prospective')) return;
    // Only voters of the set in force count (the request named each one's directory id).
    const voters = this.voterIdList();
    if (!voters.includes(from)) return;

    if (response.granted) role.granted.add(from);
    else role.rejected.add(from);
    const majority = majorityOf(voters.length);
    if (role.granted.size >= majority) {
      if (role.name === 'prospective') this.becomeCandidate(now);
      else this.becomeLeader(now);
      return;
    }
    if (role.rejected.size > voters.length - majority) {
      if (role.name === 'candidate') {
        // Lost: wait out a randomised backoff, then try again through a pre-vote.
        this.electionRetries += 1;
        role.electionDeadline = now + electionBackoff(this.electionRetries, this.config.electionBackoffMaxMs, this.config.random);
      } else if (this.election.leaderId !== NO_NODE && this.election.leaderId !== this.config.nodeId) {
        // A majority still hears from our leader: go back to following it.
        this.becomeFollower(now, this.election.epoch, this.election.leaderId);
      } else {
        this.becomeUnattached(now, this.election.epoch, this.election.votedFor);
      }
      return;
    }
  }

  private onBeginQuorumEpoch(now: number, from: NodeId, request: BeginQuorumEpochRequest): void {
    const reply = (error: RaftErrorCode): void =>
      this.send(from, { type: 'BeginQuorumEpochResponse', requestId: request.requestId, error, epoch: this.election.epoch, leaderId: this.knownLeader() });
    if (request.leaderId !== from || (!this.dynamic && !this.config.voters.includes(from))) return reply('INVALID_REQUEST');
    if (this.dynamic && request.voterDirectoryId !== undefined && request.voterDirectoryId !== this.directoryId) return reply('INVALID_VOTER_KEY');
    if (request.epoch < this.election.epoch) return reply('FENCED_LEADER_EPOCH');
    if (request.epoch > this.election.epoch) {
      this.becomeFollower(now, request.epoch, from);
    } else if (this.election.leaderId === NO_NODE || (this.election.leaderId === from && this.role.name !== 'follower')) {
      this.becomeFollower(now, request.epoch, from);
    } else if (this.election.leaderId !== from) {
      return reply('INVALID_REQUEST'); // two leaders in one epoch cannot be: refuse the claim
    }
    reply('NONE');
  }

  private onEndQuorumEpoch(now: number, from: NodeId, request: EndQuorumEpochRequest): void {
    const reply = (error: RaftErrorCode): void =>
      this.send(from, { type: 'EndQuorumEpochResponse', requestId: request.requestId, error, epoch: this.election.epoch, leaderId: this.knownLeader() });
    if (request.leaderId !== from || (!this.dynamic && !this.config.voters.includes(from))) return reply('INVALID_REQUEST');
    if (request.epoch < this.election.epoch) return reply('FENCED_LEADER_EPOCH');
    if (request.epoch > this.election.epoch) this.becomeUnattached(now, request.epoch);

    if (this.mayCampaign) {
      const position = request.preferredSuccessors.indexOf(this.config.nodeId);
      const wait = endQuorumEpochBackoff(position, request.preferredSuccessors.length, this.config.electionBackoffMaxMs);
      const role = this.role;
      if (role.name === 'follower' && this.election.leaderId === from) {
        // The leader is gone: stop treating it as alive, so pre-votes can be granted at once.
        role.lastLeaderContact = Number.NEGATIVE_INFINITY;
        role.fetchDeadline = Math.min(role.fetchDeadline, now + wait);
      } else if (role.name === 'unattached') {
        role.electionDeadline = Math.min(role.electionDeadline, now + wait);
      }
      if (wait === 0 && (role.name === 'follower' || role.name === 'unattached')) this.becomeProspective(now);
    }
    reply('NONE');
  }

  // ---------------------------------------------------------- replication

  /** Checks a leader-only request's epoch (KRaft validateLeaderOnlyRequest); null when it may proceed. */
  private leaderOnlyError(epoch: number): RaftErrorCode | null {
    if (epoch < this.election.epoch) return 'FENCED_LEADER_EPOCH';
    if (epoch > this.election.epoch) return 'UNKNOWN_LEADER_EPOCH';
    if (this.role.name !== 'leader') return 'NOT_LEADER_OR_FOLLOWER';
    return null;
  }

  private onFetchRequest(now: number, from: NodeId, request: FetchRequest): void {
    const malformed =
      request.replicaId !== from ||
      request.fetchOffset < 0 ||
      request.lastFetchedEpoch < 0 ||
      request.lastFetchedEpoch > request.epoch ||
      request.maxWaitMs < 0 ||
      request.maxBytes < 0;
    const error = malformed ? 'INVALID_REQUEST' : this.leaderOnlyError(request.epoch);
    const role = this.role;
    if (error !== null || role.name !== 'leader') return this.sendFetchResponse(from, request, error ?? 'NOT_LEADER_OR_FOLLOWER', {});
    const state = role.state;
    const directoryId = request.replicaDirectoryId ?? ZERO_DIRECTORY_ID;
    state.recordVoterContact(now, from, directoryId);

    const position = this.log.validateFetchPosition(request.fetchOffset, request.lastFetchedEpoch);
    if (position.kind === 'snapshot') return this.sendFetchResponse(from, request, 'NONE', { snapshotId: position.snapshotId });
    if (position.kind === 'diverging') return this.sendFetchResponse(from, request, 'NONE', { divergingEpoch: position.endOffset });

    state.recordFetch(now, from, directoryId, request.fetchOffset, this.log.endOffset);
    if (state.isVoter(from, directoryId)) this.maybeAdvanceHighWatermark(state);
    const hasData = request.fetchOffset < this.log.endOffset;
    if (!hasData && request.maxWaitMs > 0 && !state.hasNewsFor(from, this.highWatermark)) {
      // Long poll: answer when there is something to say or the wait runs out.
      state.parked.push({ from, request, deadline: now + request.maxWaitMs });
      return;
    }
    this.answerFetch(state, from, request);
  }

  private answerFetch(state: LeaderState, from: NodeId, request: FetchRequest): void {
    const batches = this.log.read(request.fetchOffset, request.maxBytes).map((b) => b.bytes);
    state.markSent(from, this.highWatermark);
    this.sendFetchResponse(from, request, 'NONE', { batches });
  }

  private completeParkedFetches(state: LeaderState, shouldAnswer: (parked: ParkedFetch) => boolean): void {
    if (state.parked.length === 0) return;
    const ready = state.parked.filter(shouldAnswer);
    if (ready.length === 0) return;
    state.parked = state.parked.filter((p) => !ready.includes(p));
    for (const parked of ready) this.answerFetch(state, parked.from, parked.request);
  }

  private sendFetchResponse(
    to: NodeId,
    request: FetchRequest,
    error: RaftErrorCode,
    body: { batches?: readonly Uint8Array[]; divergingEpoch?: OffsetAndEpoch; snapshotId?: OffsetAndEpoch },
  ): void {
    const response: FetchResponse = {
      type: 'FetchResponse',
      requestId: request.requestId,
      error,
      epoch: this.election.epoch,
      leaderId: this.knownLeader(),
      highWatermark: this.highWatermark,
      logStartOffset: this.log.startOffset,
      batches: body.batches ?? [],
      ...(body.divergingEpoch !== undefined ? { divergingEpoch: body.divergingEpoch } : {}),
      ...(body.snapshotId !== undefined ? { snapshotId: body.snapshotId } : {}),
    };
    this.send(to, response);
  }

  private onFetchResponse(now: number, from: NodeId, response: FetchResponse): void {
    if (!this.claimInflight(from, response.requestId, 'fetch')) return;
    if (this.observeEpoch(now, response.epoch, response.leaderId)) return;
    const role = this.role;
    if (response.epoch < this.election.epoch) return this.retryFetchLater(now);
    if (response.error !== 'NONE') {
      if (this.election.leaderId === NO_NODE && response.leaderId !== NO_NODE && response.leaderId !== this.config.nodeId) {
        return this.becomeFollower(now, this.election.epoch, response.leaderId);
      }
      // Our leader says it leads no more and knows no leader (it resigned: removed from the voters,
      // say). A voter hears of the next leader from its BeginQuorumEpoch; an observer hears nothing,
      // so it looks for the leader anew now rather than at its fetch timeout. Kept waiting, an
      // observer that then asked a replica still following the old leader re-attached to it and
      // lost a second timeout (membership sim seed 160785268: 3.5 s without applying).
      if (role.name === 'follower' && !this.mayCampaign && from === this.election.leaderId && response.error === 'NOT_LEADER_OR_FOLLOWER' && response.leaderId === NO_NODE) {
        return this.becomeUnattached(now, this.election.epoch, this.election.votedFor);
      }
      return this.retryFetchLater(now);
    }
    if (role.name !== 'follower') {
      // An observer looking for the leader found it.
      if (role.name === 'unattached' && this.election.leaderId === NO_NODE) this.becomeFollower(now, this.election.epoch, from);
      return;
    }
    if (from !== this.election.leaderId) return this.retryFetchLater(now);

    role.lastLeaderContact = now;
    role.fetchDeadline = now + this.followerFetchTimeout();
    if (response.divergingEpoch !== undefined) {
      if (!this.truncateDivergentTail(response.divergingEpoch)) return this.retryFetchLater(now);
    } else if (response.snapshotId !== undefined) {
      if (response.snapshotId.offset < this.highWatermark) {
        throw new RaftSafetyError(
          `node ${this.config.nodeId}: leader offered snapshot ending at ${response.snapshotId.offset}, below the high watermark ${this.highWatermark}`,
        );
      }
      role.download = { id: response.snapshotId, scanner: new CheckpointScanner(), received: 0 };
      return this.sendFetchSnapshot(now, role.download);
    } else {
      this.appendAsFollower(response);
    }
    this.sendFetch(now);
    this.maybeAskToUpdateEndpoints(now);
  }

  /** Follows the leader's DivergingEpoch; returns false when there was nothing to truncate. */
  private truncateDivergentTail(leaderEnd: OffsetAndEpoch): boolean {
    const point = this.log.divergenceTruncationPoint(leaderEnd);
    if (point < this.highWatermark) {
      throw new RaftSafetyError(
        `node ${this.config.nodeId}: leader asked to truncate to ${point}, below the high watermark ${this.highWatermark}`,
      );
    }
    if (point >= this.log.endOffset) return false;
    this.truncateLog(this.log.truncateTo(point));
    return true;
  }

  private truncateLog(end: number): void {
    const before = this.voterHistory.latest;
    this.voterHistory.truncateTo(end);
    // KIP-853: a voter set that was in force only because it was in the log reverts with the log.
    if (this.voterHistory.latest !== before) this.votersChanged(this.now);
    this.outLogOps.push({ op: 'truncate', endOffset: end });
    this.emittedEnd = Math.min(this.emittedEnd, end);
    this.flushedEnd = Math.min(this.flushedEnd, end);
    // A sync still in flight can no longer make the truncated offsets durable.
    for (const pending of this.pendingPersists) pending.end = Math.min(pending.end, end);
  }

  private appendAsFollower(response: FetchResponse): void {
    const appended: LogBatch[] = [];
    for (const bytes of response.batches) {
      let batch: LogBatch;
      try {
        batch = toLogBatch(bytes);
      } catch {
        break; // a malformed batch ends what we take from this response; the next fetch asks again
      }
      if (batch.baseOffset !== this.log.endOffset || batch.epoch > response.epoch || batch.epoch < this.log.lastEpoch) break;
      this.log.append(batch);
      appended.push(batch);
      if (this.dynamic && this.voterHistory.appended(batch) !== null) this.votersChanged(this.now);
    }
    if (appended.length > 0) {
      this.outLogOps.push({ op: 'append', batches: appended });
      this.emittedEnd = this.log.endOffset;
    }
    // Only the prefix validated against the leader can be known committed.
    this.setHighWatermark(Math.min(response.highWatermark, this.log.endOffset));
  }

  private onFetchSnapshotRequest(now: number, from: NodeId, request: FetchSnapshotRequest): void {
    const role = this.role;
    const reply = (error: RaftErrorCode, size = 0, bytes: Uint8Array = new Uint8Array(0)): void =>
      this.send(from, {
        type: 'FetchSnapshotResponse',
        requestId: request.requestId,
        error,
        epoch: this.election.epoch,
        leaderId: this.knownLeader(),
        snapshotId: request.snapshotId,
        size,
        position: request.position,
        bytes,
      });
    if (request.replicaId !== from || request.maxBytes <= 0) return reply('INVALID_REQUEST');
    const error = this.leaderOnlyError(request.epoch);
    if (error !== null || role.name !== 'leader') return reply(error ?? 'NOT_LEADER_OR_FOLLOWER');
    role.state.recordVoterContact(now, from, request.replicaDirectoryId ?? ZERO_DIRECTORY_ID);
    const snapshot = this.log.snapshot;
    if (snapshot === null || snapshot.id.offset !== request.snapshotId.offset || snapshot.id.epoch !== request.snapshotId.epoch) {
      return reply('SNAPSHOT_NOT_FOUND');
    }
    const size = snapshot.size;
    if (request.position < 0 || request.position >= size) return reply('POSITION_OUT_OF_RANGE', size);
    const length = Math.min(size - request.position, request.maxBytes, this.config.snapshotChunkBytes);
    this.outSnapshotReads.push({
      to: from,
      length,
      response: {
        type: 'FetchSnapshotResponse',
        requestId: request.requestId,
        error: 'NONE',
        epoch: this.election.epoch,
        leaderId: this.knownLeader(),
        snapshotId: snapshot.id,
        size,
        position: request.position,
        bytes: new Uint8Array(0),
      },
    });
  }

  private onFetchSnapshotResponse(now: number, from: NodeId, response: FetchSnapshotResponse): void {
    if (!this.claimInflight(from, response.requestId, 'fetchSnapshot')) return;
    if (this.observeEpoch(now, response.epoch, response.leaderId)) return;
    const role = this.role;
    if (role.name !== 'follower' || role.download === null || from !== this.election.leaderId) return;
    const download = role.download;
    if (response.epoch < this.election.epoch) return this.retryFetchLater(now);
    if (response.error === 'SNAPSHOT_NOT_FOUND' || response.error === 'POSITION_OUT_OF_RANGE') {
      // The leader moved on to a newer snapshot: start over from a plain fetch.
      role.download = null;
      return this.sendFetch(now);
    }
    if (response.error !== 'NONE') return this.retryFetchLater(now);
    const sameSnapshot = response.snapshotId.offset === download.id.offset && response.snapshotId.epoch === download.id.epoch;
    if (!sameSnapshot || response.position !== download.received || response.bytes.length === 0) return this.retryFetchLater(now);

    role.lastLeaderContact = now;
    role.fetchDeadline = now + this.followerFetchTimeout();
    try {
      download.scanner.push(response.bytes);
    } catch (error) {
      if (!(error instanceof CheckpointFormatError)) throw error;
      role.download = null;
      return this.retryFetchLater(now); // a damaged snapshot: fetch again, from a plain fetch
    }
    this.outLogOps.push({ op: 'snapshotChunk', id: download.id, position: download.received, bytes: response.bytes });
    download.received += response.bytes.length;
    // The next chunk is asked for once this one is written: a disk slower than the network must
    // not pile chunks up in memory.
    if (download.received < response.size) return this.sendFetchSnapshot(now, download, true);

    role.download = null;
    let voters: VoterSet | undefined;
    try {
      voters = download.scanner.finish().voters;
    } catch (error) {
      if (!(error instanceof CheckpointFormatError)) throw error;
      return this.retryFetchLater(now);
    }
    if (this.dynamic && voters === undefined) return this.retryFetchLater(now); // KIP-853: a snapshot must carry the voters
    this.installSnapshot({ id: download.id, size: download.received, ...(voters === undefined ? {} : { voters }) });
    this.sendFetch(now);
  }

  private installSnapshot(snapshot: Snapshot): void {
    this.log.replaceWithSnapshot(snapshot);
    if (this.dynamic) {
      this.voterHistory.reset(snapshot.voters !== undefined && snapshot.voters.length > 0 ? snapshot.voters : null, snapshot.id.offset);
      this.votersChanged(this.now);
    }
    this.outLogOps.push({ op: 'installSnapshot', snapshot });
    this.emittedEnd = snapshot.id.offset;
    // Nothing of the new log is durable until this install is: a fetch sent before then would
    // acknowledge the snapshot's end offset on the strength of the old log's syncs.
    this.flushedEnd = 0;
    for (const pending of this.pendingPersists) pending.end = 0;
    // Batches not yet handed out are covered by the snapshot, and must not be applied after it.
    this.outCommitted = [];
    this.outSnapshot = snapshot;
    this.nextDeliverOffset = snapshot.id.offset;
    if (snapshot.id.offset > this.highWatermark) {
      this.highWatermark = snapshot.id.offset;
      this.outHighWatermarkChanged = true;
    }
  }

  private sendFetch(now: number): void {
    const to = this.role.name === 'follower' ? this.election.leaderId : this.nextDiscoveryTarget();
    if (to === NO_NODE) {
      // Nobody to ask yet (no voter known, no bootstrap server): look again later.
      this.fetchRetryAt = now + this.config.fetchMaxWaitMs;
      return;
    }
    const requestId = this.newRequestId();
    this.inflight = { requestId, to, kind: 'fetch', deadline: now + this.config.requestTimeoutMs };
    const message: FetchRequest = {
      type: 'FetchRequest',
      requestId,
      epoch: this.election.epoch,
      replicaId: this.config.nodeId,
      fetchOffset: this.log.endOffset,
      lastFetchedEpoch: this.log.lastEpoch,
      maxWaitMs: this.role.name === 'follower' ? this.config.fetchMaxWaitMs : 0,
      maxBytes: this.config.fetchMaxBytes,
      ...(this.dynamic ? { replicaDirectoryId: this.directoryId } : {}),
    };
    // A voter's fetch offset acknowledges its log as durable: it may leave only after the sync. With
    // dynamic voters every replica's does: the leader may count an observer's offset the moment it
    // adds it as a voter, before the observer has heard of the change.
    if ((this.isVoter || this.dynamic) && this.flushedEnd < this.log.endOffset) this.outAfterPersist.push({ to, message });
    else this.outMessages.push({ to, message });
  }

  private sendFetchSnapshot(now: number, download: SnapshotDownload, afterPersist = false): void {
    const requestId = this.newRequestId();
    const to = this.election.leaderId;
    this.inflight = { requestId, to, kind: 'fetchSnapshot', deadline: now + this.config.requestTimeoutMs };
    const out = afterPersist ? this.outAfterPersist : this.outMessages;
    out.push({
      to,
      message: {
        type: 'FetchSnapshotRequest',
        requestId,
        epoch: this.election.epoch,
        replicaId: this.config.nodeId,
        snapshotId: download.id,
        position: download.received,
        maxBytes: this.config.snapshotChunkBytes,
        ...(this.dynamic ? { replicaDirectoryId: this.directoryId } : {}),
      },
    });
  }

  /** Sends the next fetch (or snapshot chunk request) when none is in flight and the backoff has passed. */
  private pollFetch(now: number): void {
    if (this.inflight !== null || now < this.fetchRetryAt) return;
    const role = this.role;
    if (role.name === 'follower' && role.download !== null) this.sendFetchSnapshot(now, role.download);
    else this.sendFetch(now);
  }

  private retryFetchLater(now: number): void {
    // Observers still searching for the leader probe the next voter less eagerly.
    const backoff = this.role.name === 'follower' ? this.config.retryBackoffMs : this.config.fetchMaxWaitMs;
    this.fetchRetryAt = now + backoff;
  }

  private expireInflight(now: number): void {
    if (this.inflight !== null && now >= this.inflight.deadline) {
      this.inflight = null;
      this.fetchRetryAt = now;
    }
  }

  private claimInflight(from: NodeId, requestId: number, kind: InflightRequest['kind']): boolean {
    const inflight = this.inflight;
    if (inflight === null || inflight.requestId !== requestId || inflight.to !== from || inflight.kind !== kind) return false;
    this.inflight = null;
    return true;
  }

  /** Where an observer looks for the leader: the voters it knows, then the bootstrap servers. */
  private nextDiscoveryTarget(): NodeId {
    const targets = [...new Set([...this.voterIdList(), ...this.config.bootstrapServers])].filter((v) => v !== this.config.nodeId);
    if (targets.length === 0) return NO_NODE;
    const target = targets[this.discoveryIndex % targets.length]!;
    this.discoveryIndex += 1;
    return target;
  }

  // --------------------------------------------------------------- leader

  private appendAsLeader(now: number, batch: LogBatch): void {
    const role = this.role;
    if (role.name !== 'leader') return;
    this.log.append(batch);
    if (this.dynamic && this.voterHistory.appended(batch) !== null) this.votersChanged(now);
    if (this.lingering.length === 0) this.lingerDeadline = now + this.config.appendLingerMs;
    this.lingering.push(batch);
  }

  /** Answers every long-polling fetch that now has data to read. */
  private wakeParkedFetches(): void {
    if (this.role.name !== 'leader') return;
    this.completeParkedFetches(this.role.state, (p) => p.request.fetchOffset < this.log.endOffset);
  }

  /**
   * Lingering leader appends go out once their deadline has passed. Every input ends here (the
   * deadline is reported by nextDeadline, so a tick comes at the latest then), which is what lets
   * hasReady and takeReady be plain reads of what the inputs produced.
   */
  private flushLingeringIfDue(): void {
    if (this.lingering.length > 0 && this.now >= this.lingerDeadline) this.flushLingering();
  }

  private flushLingering(): void {
    if (this.lingering.length === 0) return;
    this.outLogOps.push({ op: 'append', batches: this.lingering });
    this.emittedEnd = this.lingering[this.lingering.length - 1]!.lastOffset + 1;
    this.lingering = [];
    this.lingerDeadline = Number.POSITIVE_INFINITY;
  }

  private maybeAdvanceHighWatermark(state: LeaderState): void {
    const majorityEnd = majorityEndOffset(state.voterEndOffsets(this.flushedEnd));
    const next = nextHighWatermark(this.highWatermark, majorityEnd, state.epochStartOffset);
    if (next === this.highWatermark) return;
    this.setHighWatermark(next);
    this.releaseConfirmedReads(state);
    // Every waiting follower has news now.
    this.completeParkedFetches(state, () => true);
  }

  private setHighWatermark(next: number): void {
    if (next <= this.highWatermark) return;
    this.highWatermark = next;
    this.outHighWatermarkChanged = true;
    let index = this.log.indexOfBatchStartingAt(this.nextDeliverOffset);
    while (index >= 0 && index < this.log.batches.length) {
      const batch = this.log.batches[index]!;
      if (batch.lastOffset >= next) break;
      this.outCommitted.push(batch);
      this.nextDeliverOffset = batch.lastOffset + 1;
      index += 1;
    }
  }

  private startReadRound(now: number, state: LeaderState): void {
    state.reads.startRound(now, this.nextRequestId + 1);
    for (const voter of state.voters) if (voter.id !== this.config.nodeId) this.sendBeginQuorumEpoch(voter.id);
  }

  /**
   * Confirmed reads are answered at the high watermark, but only once it covers a batch of this
   * epoch: before that it may lag what an earlier leader committed.
   */
  private releaseConfirmedReads(state: LeaderState): void {
    this.heldReads.push(...state.reads.takeConfirmed());
    if (this.heldReads.length === 0 || this.highWatermark <= state.epochStartOffset) return;
    for (const readId of this.heldReads) this.outReadsReady.push({ readId, offset: this.highWatermark });
    this.heldReads = [];
  }

  // ----------------------------------------------------------- transitions

  /** Reconciles a higher epoch seen in any message; returns true when it changed our role. */
  private observeEpoch(now: number, epoch: number, leaderId: NodeId): boolean {
    if (epoch <= this.election.epoch) return false;
    if (leaderId !== NO_NODE && leaderId !== this.config.nodeId) this.becomeFollower(now, epoch, leaderId);
    else this.becomeUnattached(now, epoch);
    return true;
  }

  private setElection(next: ElectionState): void {
    const current = this.election;
    if (current.epoch === next.epoch && current.votedFor === next.votedFor && current.leaderId === next.leaderId) return;
    this.election = next;
    this.outElection = next;
  }

  private leaveRole(): void {
    const role = this.role;
    if (role.name === 'leader') {
      this.flushLingering();
      const parked = role.state.parked;
      role.state.parked = [];
      for (const p of parked) this.sendFetchResponse(p.from, p.request, 'NOT_LEADER_OR_FOLLOWER', {});
      this.outReadsFailed.push(...role.state.reads.takeAll(), ...this.heldReads);
      this.heldReads = [];
    }
    this.inflight = null;
  }

  private enter(role: Role): void {
    this.role = role;
    this.outRoleChange = { role: role.name, leader: { leaderId: this.knownLeader(), epoch: this.election.epoch } };
  }

  private becomeUnattached(now: number, epoch: number, votedFor: NodeId = NO_NODE): void {
    this.leaveRole();
    this.setElection({ epoch, votedFor, leaderId: NO_NODE });
    this.enter({ name: 'unattached', electionDeadline: now + randomElectionTimeout(this.config.electionTimeoutMs, this.config.random) });
    if (!this.isVoter) {
      this.fetchRetryAt = now;
      this.pollFetch(now);
    }
  }

  private becomeFollower(now: number, epoch: number, leaderId: NodeId): void {
    this.leaveRole();
    const votedFor = epoch === this.election.epoch ? this.election.votedFor : NO_NODE;
    this.setElection({ epoch, votedFor, leaderId });
    this.electionRetries = 0;
    this.enter({ name: 'follower', fetchDeadline: now + this.followerFetchTimeout(), lastLeaderContact: Number.NEGATIVE_INFINITY, download: null });
    this.fetchRetryAt = now;
    this.sendFetch(now);
  }

  /** Pre-vote (KIP-996): ask whether we could win, without bumping the epoch or persisting anything. */
  private becomeProspective(now: number): void {
    if (!this.mayCampaign) {
      // Not (or no longer) a voter: an observer looks for the leader instead of campaigning.
      if (this.role.name !== 'unattached') this.becomeUnattached(now, this.election.epoch, this.election.votedFor);
      return;
    }
    this.leaveRole();
    this.startElection(now, 'prospective');
  }

  private becomeCandidate(now: number): void {
    this.leaveRole();
    this.setElection({ epoch: this.election.epoch + 1, votedFor: this.config.nodeId, leaderId: NO_NODE });
    this.startElection(now, 'candidate');
  }

  /** Votes for itself, then asks every other voter — unless it alone is already a majority. */
  private startElection(now: number, name: 'prospective' | 'candidate'): void {
    const role: Role & Election = {
      name,
      roundId: this.newRequestId(),
      // Its own vote counts only if it is a voter of the set it counts in.
      granted: new Set(this.isVoter ? [this.config.nodeId] : []),
      rejected: new Set(),
      electionDeadline: now + randomElectionTimeout(this.config.electionTimeoutMs, this.config.random),
    };
    this.enter(role);
    if (role.granted.size < majorityOf(this.voters.length)) return this.requestVotes(role.roundId, name === 'prospective');
    if (name === 'prospective') this.becomeCandidate(now);
    else this.becomeLeader(now);
  }

  private requestVotes(roundId: number, preVote: boolean): void {
    for (const voter of this.voters) {
      if (voter.id === this.config.nodeId) continue;
      this.send(voter.id, {
        type: 'VoteRequest',
        requestId: roundId,
        epoch: this.election.epoch,
        candidateId: this.config.nodeId,
        lastEpoch: this.log.lastEpoch,
        lastOffset: this.log.endOffset,
        preVote,
        ...(this.dynamic ? { candidateDirectoryId: this.directoryId, voterDirectoryId: voter.directoryId } : {}),
      });
    }
  }

  private becomeLeader(now: number): void {
    const granted = this.role.name === 'candidate' ? [...this.role.granted] : [this.config.nodeId];
    this.leaveRole();
    this.setElection({ epoch: this.election.epoch, votedFor: this.config.nodeId, leaderId: this.config.nodeId });
    this.electionRetries = 0;
    const state = new LeaderState(this.config.nodeId, this.directoryId, this.voters, this.log.endOffset, this.config.fetchTimeoutMs * 1.5, now);
    this.enter({ name: 'leader', state });
    // The high watermark can only move once a batch of the new epoch is committed, so write one now.
    this.appendControlBatch(
      now,
      encodeLeaderChangeBatch(
        { leaderId: this.config.nodeId, voters: this.voterIdList(), grantingVoters: granted.sort((a, b) => a - b) },
        { timestamp: Math.floor(now) },
      ),
    );
    // KIP-853: the first leader of a bootstrapped cluster puts kraft.version and the bootstrap voters
    // into the log, so that every replica — observers joining later included — learns them.
    if (this.dynamic && this.voterHistory.onlyBootstrap) this.appendControlBatch(now, encodeVotersBatch(this.voters, true, Math.floor(now)));
    this.wakeParkedFetches();
    for (const voter of state.beginQuorumPending) this.sendBeginQuorumEpoch(voter);
    state.beginQuorumResendAt = now + this.config.fetchTimeoutMs / 2;
  }

  private becomeResigned(now: number, successors: readonly NodeId[]): void {
    this.leaveRole();
    const role: Role = {
      name: 'resigned',
      electionDeadline: now + randomElectionTimeout(this.config.electionTimeoutMs, this.config.random),
      successors,
      pending: new Set(successors),
      resendAt: now + this.config.fetchTimeoutMs / 2,
    };
    this.enter(role);
    for (const voter of successors) this.sendEndQuorumEpoch(voter, successors);
  }

  private sendBeginQuorumEpoch(to: NodeId): void {
    const voter = this.dynamic ? findVoter(this.voters, to) : undefined;
    this.send(to, {
      type: 'BeginQuorumEpochRequest',
      requestId: this.newRequestId(),
      epoch: this.election.epoch,
      leaderId: this.config.nodeId,
      ...(voter !== undefined ? { voterDirectoryId: voter.directoryId } : {}),
    });
  }

  private sendEndQuorumEpoch(to: NodeId, successors: readonly NodeId[]): void {
    this.send(to, {
      type: 'EndQuorumEpochRequest',
      requestId: this.newRequestId(),
      epoch: this.election.epoch,
      leaderId: this.config.nodeId,
      preferredSuccessors: successors,
    });
  }

  // ------------------------------------------------------ voters (KIP-853)

  /** The voter set in force: the latest in the log, committed or not. Empty while none is known. */
  private get voters(): VoterSet {
    return this.voterHistory.latest ?? [];
  }

  private voterIdList(): NodeId[] {
    return voterIds(this.voters);
  }

  /** This replica is a voter under its own key (node id and directory id). */
  private get isVoter(): boolean {
    return hasVoterKey(this.voters, this.config.nodeId, this.directoryId);
  }

  /**
   * Whether this replica may stand for election: a voter of the set in force, or of the set known
   * committed. The second covers a leader that appended its own removal and crashed before it
   * committed: its log is the longest, so no one else can win, and it must be able to win once
   * more — counting votes in its new set, where it does not count itself — to commit the removal
   * and resign.
   */
  private get mayCampaign(): boolean {
    return this.isVoter || (this.dynamic && hasVoterKey(this.voterHistory.at(this.highWatermark) ?? [], this.config.nodeId, this.directoryId));
  }

  /** The voter set in force changed (an append, a truncation, a snapshot): follow it. */
  private votersChanged(now: number): void {
    const voters = this.voters;
    this.outVoters = voters;
    const role = this.role;
    if (role.name === 'leader') role.state.setVoters(voters);
    else if ((role.name === 'prospective' || role.name === 'candidate') && !this.mayCampaign) {
      // A campaign for a seat this replica no longer has.
      this.becomeUnattached(now, this.election.epoch, this.election.votedFor);
    } else if (role.name === 'unattached' && !this.isVoter) {
      this.fetchRetryAt = Math.min(this.fetchRetryAt, now);
    }
  }

  /**
   * One voter change at a time, and only once the leader has committed a batch of its own epoch
   * (which fences every change an earlier leader left uncommitted): the old and new majorities
   * then always overlap. Checked against the log itself, not any handler state (KAFKA-20740).
   */
  private changeVoters(now: number, change: (voters: VoterSet, state: LeaderState) => VoterSet | VoterChangeRefusal): VoterChangeResult {
    const role = this.role;
    if (role.name !== 'leader') {
      const notLeader = this.notLeader();
      return { ok: false, error: { code: 'NOT_LEADER_OR_FOLLOWER', message: 'not the leader', leaderId: notLeader.leaderId, epoch: notLeader.epoch } };
    }
    if (!this.dynamic) return { ok: false, error: this.refusal('UNSUPPORTED_VERSION', 'static voters (kraft.version 0) cannot change') };
    const state = role.state;
    if (this.highWatermark <= state.epochStartOffset) {
      return { ok: false, error: this.refusal('REQUEST_TIMED_OUT', `the leader has not committed an entry of epoch ${this.election.epoch} yet`) };
    }
    const pending = this.voterHistory.latestRecordOffset;
    if (pending >= this.highWatermark) {
      return { ok: false, error: this.refusal('REQUEST_TIMED_OUT', `the voter change at offset ${pending} is not committed yet`) };
    }
    const next = change(this.voters, state);
    if (!Array.isArray(next)) return { ok: false, error: next as VoterChangeRefusal };
    const voters = next as VoterSet;
    const offset = this.appendControlBatch(now, encodeVotersBatch(voters, false, Math.floor(now)));
    this.wakeParkedFetches();
    return { ok: true, offset, epoch: this.election.epoch, voters };
  }

  private refusal(code: VoterChangeRefusal['code'], message: string): VoterChangeRefusal {
    return { code, message, leaderId: this.config.nodeId, epoch: this.election.epoch };
  }

  /** KIP-853 UpdateRaftVoter on the leader: a voter's endpoints changed. Answered once appended. */
  private onUpdateVoterRequest(now: number, from: NodeId, request: UpdateVoterRequest): void {
    const reply = (error: UpdateVoterResponse['error']): void =>
      this.send(from, { type: 'UpdateVoterResponse', requestId: request.requestId, error, epoch: this.election.epoch, leaderId: this.knownLeader() });
    if (request.voterId !== from) return reply('INVALID_REQUEST');
    const error = this.leaderOnlyError(request.epoch);
    if (error !== null) return reply(error);
    const current = findVoter(this.voters, from);
    if (current === undefined || current.directoryId !== request.voterDirectoryId) return reply('VOTER_NOT_FOUND');
    if (sameEndpoints(current.endpoints, request.endpoints)) return reply('NONE');
    const result = this.changeVoters(now, (voters) => voters.map((v) => (v.id === from ? { ...v, endpoints: request.endpoints } : v)));
    reply(result.ok ? 'NONE' : result.error.code);
  }

  /** A follower voter listed with other endpoints than it listens on asks the leader to fix them. */
  private maybeAskToUpdateEndpoints(now: number): void {
    if (!this.dynamic || this.config.endpoints.length === 0 || now < this.updateVoterAt || this.role.name !== 'follower') return;
    const self = findVoter(this.voters, this.config.nodeId);
    if (self === undefined || self.directoryId !== this.directoryId || sameEndpoints(self.endpoints, this.config.endpoints)) return;
    this.updateVoterAt = now + this.config.fetchTimeoutMs;
    this.send(this.election.leaderId, {
      type: 'UpdateVoterRequest',
      requestId: this.newRequestId(),
      epoch: this.election.epoch,
      voterId: this.config.nodeId,
      voterDirectoryId: this.directoryId,
      endpoints: this.config.endpoints,
    });
  }

  /** A leader that removed itself steps down once the removal is committed (KIP-853). */
  private resignIfRemoved(now: number): void {
    const role = this.role;
    if (role.name !== 'leader' || role.state.leaderIsVoter) return;
    if (this.voterHistory.latestRecordOffset >= this.highWatermark) return;
    this.becomeResigned(now, role.state.preferredSuccessors());
  }

  /** Appends a control batch the leader writes itself; returns its offset. */
  private appendControlBatch(now: number, bytes: Uint8Array): number {
    const base = this.log.endOffset;
    stampBatch(bytes, base, this.election.epoch);
    this.appendAsLeader(now, { baseOffset: base, lastOffset: base + readBatchHeader(bytes).lastOffsetDelta, epoch: this.election.epoch, bytes });
    return base;
  }

  // --------------------------------------------------------------- helpers

  /** Every input ends here. */
  private endInput(): void {
    this.resignIfRemoved(this.now);
    this.flushLingeringIfDue();
  }

  private followerFetchTimeout(): number {
    return fetchTimeoutWithJitter(this.config.fetchTimeoutMs, this.config.random);
  }

  private send(to: NodeId, message: RaftMessage): void {
    this.outMessages.push({ to, message });
  }

  private newRequestId(): number {
    this.nextRequestId += 1;
    return this.nextRequestId;
  }

  /** The leader of the current epoch as others should learn it; a resigned leader names none. */
  private knownLeader(): NodeId {
    return this.role.name === 'resigned' ? NO_NODE : this.election.leaderId;
  }

  private notLeader(): NotLeader {
    return { code: 'NOT_LEADER_OR_FOLLOWER', leaderId: this.knownLeader() === this.config.nodeId ? NO_NODE : this.knownLeader(), epoch: this.election.epoch };
  }
}

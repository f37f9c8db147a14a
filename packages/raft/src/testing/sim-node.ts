import type { NodeId, RaftConfigInput } from '../core/config';
import type { LogBatch, Snapshot } from '../core/log-batch';
import type { RaftMessage } from '../core/messages';
import type { RoleName } from '../core/quorum-state';
import { RaftCore, type ProposeResult } from '../core/raft-core';
import type { RaftStatus } from '../core/status';
import type { LeaderAndEpoch, Outbound, Ready } from '../core/ready';
import type { NodeView } from './cluster-view';
import { SimDisk } from './sim-disk';
import type { SimMachine } from './sim-machine';
import { SimStateMachine } from './sim-state-machine';

/** What a node needs from the world around it: the simulation provides all of it. */
export interface NodeEnvironment {
  readonly voters: readonly NodeId[];
  /** Config for every core (timeouts); nodeId, voters and random are filled in per node. */
  readonly config: Partial<Omit<RaftConfigInput, 'nodeId' | 'voters' | 'random'>>;
  /** Take a snapshot after this many data batches have been applied since the last one. */
  readonly snapshotEvery: number;
  send(from: NodeId, to: NodeId, message: RaftMessage): void;
  scheduleSync(at: number, node: NodeId, incarnation: number, persistId: number): void;
  scheduleTick(at: number, node: NodeId, token: number): void;
  /** How long the next sync of this node's disk takes. */
  syncLatency(node: NodeId): number;
  /** The election-jitter source for one incarnation of a node. */
  randomFor(node: NodeId, incarnation: number): () => number;
  onCommitted(node: NodeId, batch: LogBatch, now: number): void;
  onRoleChange(node: NodeId, role: RoleName, leader: LeaderAndEpoch, now: number): void;
  onSnapshot(node: NodeId, kind: 'taken' | 'loaded', snapshot: Snapshot, now: number): void;
  /** The state machine of one incarnation of a node; a SimStateMachine when absent. */
  machineFor?(node: NodeId, incarnation: number): SimMachine;
}

/** What happened on this node, for a run's coverage report. */
export interface NodeCounters {
  truncations: number;
  snapshotsTaken: number;
  snapshotsInstalled: number;
  lostWrites: number;
}

interface HeldMessages {
  /** The persistId that must be durable before these may leave. */
  readonly after: number;
  readonly messages: readonly Outbound[];
}

/**
 * One simulated node: a RaftCore, its disk and its state machine, and the driver loop that honours
 * the Ready contract (ready.ts) — writes go to the disk and are acknowledged with `persisted` when
 * their sync completes; `messages` leave at once; `messagesAfterPersist` wait for every earlier
 * sync; snapshots and commits go to the state machine. A crash throws away the core, the state
 * machine and every unsynced write; a restart rebuilds all of it from what the disk kept.
 */
export class SimNode {
  readonly disk = new SimDisk();
  private core: RaftCore | null = null;
  private currentMachine: SimMachine = new SimStateMachine();
  private incarnationNo = 0;
  /** True while afterInput drains the core: an input arriving meanwhile is drained by that same loop. */
  private pumping = false;
  private issuedPersistId = -Infinity;
  private syncedPersistId = -Infinity;
  private held: HeldMessages[] = [];
  private tickToken = 0;
  private tickAt: number | null = null;
  private newlyCommitted: LogBatch[] = [];
  private contractErrors: string[] = [];
  readonly counters: NodeCounters = { truncations: 0, snapshotsTaken: 0, snapshotsInstalled: 0, lostWrites: 0 };

  constructor(
    readonly id: NodeId,
    private readonly env: NodeEnvironment,
  ) {}

  get up(): boolean {
    return this.core !== null;
  }

  get incarnation(): number {
    return this.incarnationNo;
  }

  status(): RaftStatus | null {
    return this.core?.status() ?? null;
  }

  /** The state machine of the current incarnation (a fresh, empty one while crashed). */
  get machine(): SimMachine {
    return this.currentMachine;
  }

  get appliedOffset(): number {
    return this.currentMachine.nextOffset;
  }

  get appliedIds(): readonly number[] {
    return this.currentMachine.appliedIds;
  }

  /** The committed log as this node's core holds it (for the demo's closing summary). */
  log(): readonly LogBatch[] {
    return this.core?.batches() ?? [];
  }

  /** Boots the node from whatever its disk holds (nothing, the first time). */
  start(now: number): void {
    if (this.core !== null) return;
    this.incarnationNo++;
    this.issuedPersistId = -Infinity;
    this.syncedPersistId = -Infinity;
    this.currentMachine = this.newMachine();
    const durable = this.disk.durableState();
    // A real state machine reloads its newest snapshot from disk on start-up; so does this one.
    if (durable.snapshot !== null) this.noteError(this.currentMachine.restore(durable.snapshot));
    const config: RaftConfigInput = {
      ...this.env.config,
      nodeId: this.id,
      voters: this.env.voters,
      random: this.env.randomFor(this.id, this.incarnationNo),
    };
    this.core = RaftCore.start(config, durable, now);
    this.afterInput(now);
  }

  crash(): void {
    if (this.core === null) return;
    this.core = null;
    this.counters.lostWrites += this.disk.crash();
    this.currentMachine = new SimStateMachine();
    this.held = [];
    this.tickAt = null;
    this.tickToken++;
  }

  tick(now: number, token: number): void {
    if (this.core === null || token !== this.tickToken) return;
    this.tickAt = null;
    this.core.tick(now);
    this.afterInput(now);
  }

  receive(now: number, from: NodeId, message: RaftMessage): void {
    if (this.core === null) return;
    this.core.receive(now, from, message);
    this.afterInput(now);
  }

  /**
   * null when the node is down (the client's connection is refused). Safe to call from inside a
   * callback of this node's own driver loop (a state machine that writes when it sees a commit or a
   * leadership change, as a metadata controller does): the batches are appended at once and the
   * Ready they make is handled by the loop already running, after the one in hand.
   */
  propose(now: number, batches: readonly Uint8Array[]): ProposeResult | null {
    if (this.core === null) return null;
    const result = this.core.propose(now, batches);
    this.afterInput(now);
    return result;
  }

  resign(now: number): void {
    if (this.core === null) return;
    this.core.resign(now);
    this.afterInput(now);
  }

  /** The disk finished the sync of `persistId` (and every write before it). */
  syncCompleted(now: number, incarnation: number, persistId: number): void {
    if (this.core === null || incarnation !== this.incarnationNo) return;
    this.disk.syncThrough(persistId);
    this.syncedPersistId = Math.max(this.syncedPersistId, persistId);
    const ready = this.held.filter((h) => h.after <= this.syncedPersistId);
    this.held = this.held.filter((h) => h.after > this.syncedPersistId);
    for (const h of ready) this.sendAll(h.messages);
    this.core.persisted(now, persistId);
    this.afterInput(now);
  }

  /** The node as the invariants see it; hands over (and forgets) this step's commits and errors. */
  view(): NodeView {
    const core = this.core;
    const view: NodeView = {
      id: this.id,
      incarnation: this.incarnationNo,
      live: core === null ? null : { status: core.status(), log: core.batches(), snapshotId: core.snapshot()?.id ?? null },
      durable: { electionState: this.disk.durableElectionState, log: this.disk.durableLog },
      newlyCommitted: this.newlyCommitted,
      machine: { nextOffset: this.currentMachine.nextOffset, digest: this.currentMachine.digest },
      contractErrors: [...this.disk.errors.splice(0), ...this.contractErrors],
    };
    this.newlyCommitted = [];
    this.contractErrors = [];
    return view;
  }

  private afterInput(now: number): void {
    const core = this.core;
    if (core === null || this.pumping) return;
    this.pumping = true;
    try {
      while (this.core === core && core.hasReady()) this.handle(now, core, core.takeReady());
    } finally {
      this.pumping = false;
    }
    if (this.core === core) this.scheduleTick(now, core);
  }

  private newMachine(): SimMachine {
    return this.env.machineFor?.(this.id, this.incarnationNo) ?? new SimStateMachine();
  }

  private handle(now: number, core: RaftCore, ready: Ready): void {
    if (ready.persistId !== null) {
      if (ready.persistId <= this.issuedPersistId) {
        this.contractErrors.push(`persistId ${ready.persistId} after ${this.issuedPersistId}`);
      }
      this.issuedPersistId = ready.persistId;
      for (const op of ready.logOps) {
        if (op.op === 'truncate') this.counters.truncations++;
        if (op.op === 'installSnapshot') this.counters.snapshotsInstalled++;
      }
      const at = this.disk.write(now, ready.persistId, ready.electionState, ready.logOps, this.env.syncLatency(this.id));
      this.env.scheduleSync(at, this.id, this.incarnationNo, ready.persistId);
    } else if (ready.electionState !== null || ready.logOps.length > 0) {
      this.contractErrors.push('a Ready with writes but no persistId');
    }
    this.sendAll(ready.messages);
    if (ready.messagesAfterPersist.length > 0) {
      if (this.issuedPersistId <= this.syncedPersistId) this.sendAll(ready.messagesAfterPersist);
      else this.held.push({ after: this.issuedPersistId, messages: ready.messagesAfterPersist });
    }
    if (ready.loadSnapshot !== null) {
      if (core.status().role === 'leader') this.contractErrors.push(`leader loaded snapshot ${ready.loadSnapshot.id.offset}-${ready.loadSnapshot.id.epoch}`);
      this.noteError(this.currentMachine.restore(ready.loadSnapshot));
      this.env.onSnapshot(this.id, 'loaded', ready.loadSnapshot, now);
    }
    for (const batch of ready.committed) {
      this.noteError(this.currentMachine.apply(batch));
      this.newlyCommitted.push(batch);
      this.env.onCommitted(this.id, batch, now);
    }
    if (ready.roleChange !== null) this.env.onRoleChange(this.id, ready.roleChange.role, ready.roleChange.leader, now);
    this.maybeSnapshot(now, core);
  }

  /** Every `snapshotEvery` applied data batches, the state machine writes a snapshot and tells the core. */
  private maybeSnapshot(now: number, core: RaftCore): void {
    if (this.currentMachine.appliedSinceSnapshot < this.env.snapshotEvery) return;
    if (this.currentMachine.nextOffset <= (core.snapshot()?.id.offset ?? 0)) return;
    const snapshot = this.currentMachine.snapshot();
    this.counters.snapshotsTaken++;
    core.snapshotCreated(now, snapshot);
    this.env.onSnapshot(this.id, 'taken', snapshot, now);
  }

  private scheduleTick(now: number, core: RaftCore): void {
    const deadline = core.nextDeadline();
    if (!Number.isFinite(deadline)) return;
    const at = Math.max(deadline, now);
    // An earlier tick already queued will run first and reschedule; ticking early is harmless.
    if (this.tickAt !== null && this.tickAt <= at) return;
    this.tickAt = at;
    this.env.scheduleTick(at, this.id, ++this.tickToken);
  }

  private sendAll(messages: readonly Outbound[]): void {
    for (const m of messages) this.env.send(this.id, m.to, m.message);
  }

  private noteError(error: string | null): void {
    if (error !== null) this.contractErrors.push(error);
  }
}

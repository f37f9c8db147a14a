import pino, { type Logger } from 'pino';
import { majorityOf, type NodeId } from '../core/config';
import type { LogBatch } from '../core/log-batch';
import type { OffsetAndEpoch } from '../core/messages';
import type { RaftMessage } from '../core/messages';
import type { RoleName } from '../core/quorum-state';
import type { LeaderAndEpoch } from '../core/ready';
import type { RaftMetricsSink } from '../runtime/raft-metrics';
import type { ClusterView, GrantedVote } from './cluster-view';
import { EventQueue } from './event-queue';
import { checkInvariants, newInvariantMemory, type InvariantMemory } from './invariants';
import { batchHolding, logEndOffset, type LogImage } from './log-image';
import type { RaftNode, VoterChange } from '../runtime/raft-node';
import { votersIn } from '../core/voter-history';
import { describeVoters, newDirectoryId, sortVoters, type DirectoryId, type VoterSet } from '../core/voter-set';
import { fingerprint } from './proposal-batch';
import { SeededRandom, deriveSeed } from './seeded-random';
import { SimClient, type ClientRequest } from './sim-client';
import { SimHost, type HostEnvironment, type SimLauncher, type SimRaftConfig, type SimulationTamper } from './sim-host';
import type { SimMachineFactory } from './sim-machine';
import type { SimDisk } from './sim-disk';
import { SimNetwork, type InFlight, type IsolationDirection, type LinkRule } from './sim-network';
import type { SchedulerStats, SimClock } from './sim-scheduler';
import { SimStateMachine } from './sim-state-machine';
import { Trace } from './trace';
import type { Violation } from './violation';

export interface SimulationOptions {
  /** Voters, with ids 1..nodeCount. */
  readonly nodeCount: number;
  /**
   * Observers (fetch, never vote), with ids after the voters'. With dynamic voters these are the
   * replicas that join an existing cluster (no bootstrap voter set) and can be added as voters.
   */
  readonly observerCount?: number;
  /**
   * Dynamic voters (KIP-853, kraft.version 1): nodes 1..nodeCount are formatted with themselves
   * as the bootstrap voter set, each with a directory id; voters can then be added (addVoter),
   * removed (removeVoter, removeLeader), and disks wiped (wipeDisk). Static voters otherwise.
   */
  readonly dynamicVoters?: boolean;
  /** Every random choice of the run derives from this. */
  readonly seed: number;
  /** Each node snapshots once this many bytes were committed since its last one (RaftNode's snapshotEveryBytes). */
  readonly snapshotEveryBytes?: number;
  /**
   * Committed batches a node hands its state machine per turn before the rest waits for a later
   * one (RaftNode's apply turn budget, counted instead of timed so it replays); Infinity by default.
   */
  readonly deliveriesPerTurn?: number;
  /** Overrides of the nodes' Raft settings; KRaft's defaults otherwise. */
  readonly config?: SimRaftConfig;
  /** Sync latency range of every disk, in ms. */
  readonly syncLatencyMs?: { readonly min: number; readonly max: number };
  /** Receives every narrated line as it happens. */
  readonly traceSink?: (line: string) => void;
  /** The state machine each node runs, made afresh at every start; a SimStateMachine when absent. */
  readonly machineFor?: SimMachineFactory;
  /** Lets a harness built on this one follow the nodes and add invariants of its own. */
  readonly hooks?: SimulationHooks;
  /** Test-only: a deliberately broken storage or transport, to show an invariant catches it. */
  readonly tamper?: SimulationTamper;
  /** Starts each node's process around its RaftNode (a metadata node, a broker); RaftNode.start alone by default. */
  readonly launch?: SimLauncher;
}

/**
 * Callbacks for a harness layered on the simulation (the metadata simulation follows its nodes with
 * them). They run inside the event (or the promises after it) that caused them, before the
 * invariants are checked.
 */
export interface SimulationHooks {
  /** A node handed the data batch `batch` to its state machine (after the machine applied it). */
  onCommitted?(node: NodeId, batch: LogBatch, now: number): void;
  /**
   * `batch` — data or control — is known committed, for the first time: some node applied it or
   * holds it below its high watermark. Every committed batch comes here once (in no particular
   * order), during the invariant check of the step that revealed it, before `invariants` runs.
   */
  onCommittedLog?(batch: LogBatch, now: number): void;
  /** A node's state machine was told of a new role or leader. */
  onRoleChange?(node: NodeId, role: RoleName, leader: LeaderAndEpoch, now: number): void;
  onSnapshot?(node: NodeId, kind: 'taken' | 'loaded', id: OffsetAndEpoch, now: number): void;
  /** A node went down (crashed, or halted and was stopped): its process and unsynced writes are gone. */
  onCrash?(node: NodeId, now: number): void;
  /** A node started — first boot or a restart — as incarnation `incarnation`; its RaftNode is running. */
  onStart?(node: NodeId, incarnation: number, now: number): void;
  /** Extra safety invariants, checked after every event right after the Raft ones. */
  invariants?(now: number): readonly Violation[];
}

/** What a run exercised: a run that never truncates or installs a snapshot proves little about them. */
export interface RunCoverage {
  readonly elections: number;
  readonly leadersElected: number;
  readonly preVoteRejections: number;
  readonly truncations: number;
  readonly snapshotsTaken: number;
  readonly snapshotsInstalled: number;
  /** Unsynced writes lost to crashes. */
  readonly lostWrites: number;
  readonly tornWrites: number;
  readonly fsyncErrors: number;
  readonly flippedBits: number;
  /** Corrupt log tails recovery cut and reported. */
  readonly repairs: number;
  /** Nodes that halted (on an injected fsync error) and were restarted. */
  readonly halts: number;
  /** Clean shutdowns (RaftNode.stop) followed by a restart. */
  readonly gracefulStops: number;
  readonly readsAnswered: number;
  /** Turns whose apply budget ran out with committed batches still to hand over. */
  readonly applyBudgetsSpent: number;
  readonly acknowledged: number;
  readonly messagesDropped: number;
  readonly messagesDuplicated: number;
  /** Dynamic voters: voter changes committed (added, removed — the leader itself among them), refused, and disks wiped. */
  readonly votersAdded: number;
  readonly votersRemoved: number;
  readonly leadersRemoved: number;
  readonly voterChangesRefused: number;
  readonly disksWiped: number;
}

export const EMPTY_COVERAGE: RunCoverage = {
  elections: 0,
  leadersElected: 0,
  preVoteRejections: 0,
  truncations: 0,
  snapshotsTaken: 0,
  snapshotsInstalled: 0,
  lostWrites: 0,
  tornWrites: 0,
  fsyncErrors: 0,
  flippedBits: 0,
  repairs: 0,
  halts: 0,
  gracefulStops: 0,
  readsAnswered: 0,
  applyBudgetsSpent: 0,
  acknowledged: 0,
  messagesDropped: 0,
  messagesDuplicated: 0,
  votersAdded: 0,
  votersRemoved: 0,
  leadersRemoved: 0,
  voterChangesRefused: 0,
  disksWiped: 0,
};

export function addCoverage(a: RunCoverage, b: RunCoverage): RunCoverage {
  const sum = { ...a };
  for (const key of Object.keys(sum) as (keyof RunCoverage)[]) (sum as Record<keyof RunCoverage, number>)[key] = a[key] + b[key];
  return sum;
}

/** More events than this at one simulated instant means something keeps asking to run "now": a livelock. */
export const MAX_EVENTS_AT_ONE_INSTANT = 20_000;

/** A node that halted is restarted this long after, as a process supervisor (systemd, Kubernetes) would. */
export const SUPERVISOR_RESTART_MS = 1000;

/** A node whose disk was found corrupt is powered back on this long after it went down. */
export const CORRUPTION_RESTART_MS = 100;

const DEFAULT_SNAPSHOT_EVERY_BYTES = 1024;

interface SimEvent {
  readonly run: () => void;
  readonly label?: string;
  /** False once the event no longer matters (its process died, its timer was cancelled): it is skipped. */
  readonly live: () => boolean;
}

const ALWAYS = (): boolean => true;

/**
 * A whole cluster in one process on a simulated clock, running the RaftNode that ships: each node
 * is a SimHost — a real RaftNode over a SimScheduler, a SimTransport on the simulated network and
 * the shipped EngineRaftStorage on a SimDisk. Everything that happens is an event in one queue
 * ordered by (time, sequence): message deliveries, timers and turns of the nodes, disk syncs,
 * client retries and the scripted faults. `step()` runs one event, lets the promises it resolved
 * run to the end (RaftNode is promise-based; nothing else runs meanwhile, so order is fixed), then
 * checks every safety invariant, so a violation is caught at the step that caused it. Given the
 * same seed and the same calls, a run is identical to the last event.
 */
export class Simulation {
  readonly nodes: readonly SimHost[];
  readonly voters: readonly NodeId[];
  readonly observers: readonly NodeId[];
  /** Voters then observers. */
  readonly nodeIds: readonly NodeId[];
  readonly network: SimNetwork;
  readonly client: SimClient;
  readonly trace: Trace;
  readonly memory: InvariantMemory = newInvariantMemory((batch) => this.options.hooks?.onCommittedLog?.(batch, this.clock));
  readonly violations: Violation[] = [];
  private readonly queue = new EventQueue<SimEvent>();
  private readonly schedulerStats: SchedulerStats = { budgetsSpent: 0 };
  private clock = 0;
  private eventCount = 0;
  private eventsAtThisInstant = 0;
  private elections = 0;
  private leadersElected = 0;
  private preVoteRejections = 0;
  private gracefulStops = 0;
  private readonly membership = { votersAdded: 0, votersRemoved: 0, leadersRemoved: 0, voterChangesRefused: 0, disksWiped: 0 };
  private wipes = 0;
  /** Per leader asked: voter changes not settled yet. A crash forgets them (its promises never settle). */
  private readonly changesInFlight = new Map<NodeId, number>();
  /** Votes granted during the current step. */
  private votes: GrantedVote[] = [];

  constructor(readonly options: SimulationOptions) {
    const seed = options.seed;
    this.voters = Array.from({ length: options.nodeCount }, (_, i) => i + 1);
    this.observers = Array.from({ length: options.observerCount ?? 0 }, (_, i) => options.nodeCount + i + 1);
    this.nodeIds = [...this.voters, ...this.observers];
    this.trace = new Trace(200, options.traceSink);
    this.network = new SimNetwork(new SeededRandom(deriveSeed(seed, 'network')), (message) =>
      this.queue.push(message.deliverAt, { run: () => this.deliver(message), live: ALWAYS }),
    );
    const clock: SimClock = { now: () => this.clock, at: (time, run, live) => this.queue.push(Math.max(time, this.clock), { run, live }) };
    const env: HostEnvironment = {
      voters: this.voters,
      nodeIds: this.nodeIds,
      config: options.config ?? {},
      snapshotEveryBytes: options.snapshotEveryBytes ?? DEFAULT_SNAPSHOT_EVERY_BYTES,
      deliveriesPerTurn: options.deliveriesPerTurn ?? Number.POSITIVE_INFINITY,
      clock,
      schedulerStats: this.schedulerStats,
      syncLatencyMs: options.syncLatencyMs ?? { min: 1, max: 10 },
      logger: this.nodeLogger(),
      tamper: options.tamper,
      observer: {
        started: (node, incarnation) => this.guarded(() => this.options.hooks?.onStart?.(node, incarnation, this.clock)),
        applied: (node, batch) => this.options.hooks?.onCommitted?.(node, batch, this.clock),
        roleChanged: (node, change) => this.onRoleChange(node, change.role, { leaderId: change.leaderId, epoch: change.epoch }),
        snapshot: (node, kind, id) => {
          this.trace.record(this.clock, `node ${node}: snapshot ${kind} at offset ${id.offset} (epoch ${id.epoch})`);
          this.options.hooks?.onSnapshot?.(node, kind, id, this.clock);
        },
        halted: (node, halt) => this.guarded(() => this.onHalt(node, halt.reason)),
      },
      metrics: (node) => this.metricsFor(node),
      send: (from, to, message) => this.send(from, to, message),
      random: (...labels) => new SeededRandom(deriveSeed(seed, ...labels)),
      machineFor: (node, incarnation) => options.machineFor?.(node, incarnation) ?? new SimStateMachine(),
      launch: options.launch,
    };
    this.nodes = this.nodeIds.map((id) => new SimHost(id, env));
    if (options.dynamicVoters === true) {
      for (const node of this.nodes) node.format = { directoryId: this.newDirectoryIdFor(node.id), bootstrapVoters: null };
      const bootstrap = sortVoters(this.voters.map((id) => ({ id, directoryId: this.node(id).format!.directoryId, endpoints: [] })));
      for (const id of this.voters) this.node(id).format = { directoryId: this.node(id).format!.directoryId, bootstrapVoters: bootstrap };
    }
    this.client = new SimClient(
      {
        nodeIds: this.nodeIds,
        target: (node) => this.node(node).raft,
        appliedOffset: (node) => this.node(node).appliedOffset,
        committedEnd: () => this.committedEnd(),
        now: () => this.clock,
        schedule: (at, run) => this.queue.push(Math.max(at, this.clock), { run, live: ALWAYS }),
        trace: (text) => this.trace.record(this.clock, text),
      },
      new SeededRandom(deriveSeed(seed, 'client')),
    );
  }

  get now(): number {
    return this.clock;
  }

  /** Events processed so far. */
  get events(): number {
    return this.eventCount;
  }

  coverage(): RunCoverage {
    const sum = (pick: (n: SimHost) => number): number => this.nodes.reduce((total, n) => total + pick(n), 0);
    return {
      elections: this.elections,
      leadersElected: this.leadersElected,
      preVoteRejections: this.preVoteRejections,
      truncations: sum((n) => n.counters.truncations),
      snapshotsTaken: sum((n) => n.counters.snapshotsTaken),
      snapshotsInstalled: sum((n) => n.counters.snapshotsInstalled),
      lostWrites: sum((n) => n.disk.stats.lostWrites),
      tornWrites: sum((n) => n.disk.stats.tornWrites),
      fsyncErrors: sum((n) => n.disk.stats.fsyncErrors),
      flippedBits: sum((n) => n.disk.stats.flippedBits),
      repairs: sum((n) => n.counters.repairs),
      halts: sum((n) => n.counters.halts),
      gracefulStops: this.gracefulStops,
      readsAnswered: this.client.stats.readsAnswered,
      applyBudgetsSpent: this.schedulerStats.budgetsSpent,
      acknowledged: this.client.acknowledged.length,
      messagesDropped: this.network.stats.dropped + this.network.stats.blocked,
      messagesDuplicated: this.network.stats.duplicated,
      ...this.membership,
    };
  }

  /** Dynamic voters (KIP-853) are on. */
  get dynamic(): boolean {
    return this.options.dynamicVoters === true;
  }

  get violated(): boolean {
    return this.violations.length > 0;
  }

  node(id: NodeId): SimHost {
    const node = this.nodes[id - 1];
    if (node === undefined) throw new RangeError(`no node ${id}`);
    return node;
  }

  /** Boots every node at the current time and waits until they run. */
  async startAll(): Promise<void> {
    for (const node of this.nodes) if (!node.up) node.start();
    await this.settle();
  }

  /** Lets the promises already resolved run, then checks the invariants (after calls made between steps). */
  async settle(): Promise<void> {
    await afterMicrotasks();
    this.check();
  }

  /** Queues a scripted action (a fault, a client request) to run at `at`; `label` names it for a reader. */
  schedule(at: number, label: string, run: () => void): void {
    this.queue.push(Math.max(at, this.clock), { run: () => this.guarded(run), live: ALWAYS, label });
  }

  /** Runs the next event and checks the invariants; false when nothing is left or a violation was found. */
  async step(): Promise<boolean> {
    if (this.violated) return false;
    // What was started between steps (a restart, a proposal) may not have queued its events yet.
    if (this.nextEventTime() === undefined) await afterMicrotasks();
    if (this.nextEventTime() === undefined) return false;
    const next = this.queue.pop()!;
    if (next.at > this.clock) {
      this.clock = next.at;
      this.eventsAtThisInstant = 0;
    }
    this.eventCount++;
    if (++this.eventsAtThisInstant > MAX_EVENTS_AT_ONE_INSTANT) {
      this.record([{ invariant: 'timeAdvances', message: `${MAX_EVENTS_AT_ONE_INSTANT} events at one instant: a livelock` }]);
      return false;
    }
    this.guarded(() => next.item.run());
    await afterMicrotasks();
    this.check();
    return !this.violated;
  }

  /** Runs every event due up to `time`, then sets the clock to it. False if a violation stopped the run. */
  async runUntil(time: number): Promise<boolean> {
    await afterMicrotasks();
    while (!this.violated) {
      const at = this.nextEventTime();
      if (at === undefined || at > time) break;
      await this.step();
    }
    if (!this.violated) this.clock = Math.max(this.clock, time);
    return !this.violated;
  }

  /** Steps until `condition` holds (checked between events) or `deadline` passes; true if it held. */
  async runUntilTrue(condition: () => boolean, deadline: number): Promise<boolean> {
    await afterMicrotasks();
    while (!this.violated) {
      if (condition()) return true;
      const at = this.nextEventTime();
      if (at === undefined || at > deadline) break;
      await this.step();
    }
    if (!this.violated) this.clock = Math.max(this.clock, deadline);
    return !this.violated && condition();
  }

  /** The live leader of the highest epoch, if any. */
  leader(): NodeId | null {
    let best: { id: NodeId; epoch: number } | null = null;
    for (const node of this.nodes) {
      const status = node.status();
      if (status?.role === 'leader' && (best === null || status.epoch > best.epoch)) best = { id: node.id, epoch: status.epoch };
    }
    return best?.id ?? null;
  }

  /** A live leader that no live node has moved past: the cluster has a working leader. */
  establishedLeader(): NodeId | null {
    const leader = this.leader();
    if (leader === null) return null;
    const epoch = this.node(leader).status()?.epoch ?? -1;
    const ahead = this.nodes.some((n) => (n.status()?.epoch ?? -1) > epoch);
    return ahead ? null : leader;
  }

  /** The cluster as the invariants see it now, this step's observations included. Changes nothing. */
  view(): ClusterView {
    return {
      time: this.clock,
      voters: this.voters,
      dynamic: this.dynamic,
      nodes: this.nodes.map((n) => n.view()),
      votes: this.votes,
      reads: [...this.client.reads],
    };
  }

  // Faults and operations. Each is narrated; each takes effect at the current simulated time.

  /** Power loss on `id`; `torn` lets the write in progress land partly (see SimDisk). */
  crash(id: NodeId, options: { readonly torn?: boolean } = {}): void {
    const node = this.node(id);
    const lost = node.crash(options.torn === true);
    if (lost === null) return;
    this.client.nodeLost(id);
    this.changesInFlight.delete(id);
    const tornNote = lost.torn ? ', the one in progress torn' : '';
    this.trace.record(this.clock, `node ${id}: CRASH (${lost.lost} unsynced write${lost.lost === 1 ? '' : 's'} lost${tornNote})`);
    this.options.hooks?.onCrash?.(id, this.clock);
  }

  /**
   * A clean shutdown of `id` (RaftNode.stop: pending requests fail with NodeStoppedError, writes
   * already asked for land first), then a start from its disk `restartAfterMs` later.
   */
  stopGracefully(id: NodeId, restartAfterMs: number): void {
    const node = this.node(id);
    const raft = node.raft;
    if (raft === null) return;
    const incarnation = node.incarnation;
    this.trace.record(this.clock, `node ${id}: stopping`);
    this.gracefulStops++;
    raft.stop().then(
      () => {
        if (node.incarnation !== incarnation || !node.up) return;
        this.crash(id);
        this.schedule(this.clock + restartAfterMs, `restart node ${id}`, () => this.restart(id));
      },
      (error: unknown) => this.reportViolation('coreNeverThrows', `node ${id}: stop failed: ${String(error)}`),
    );
  }

  /** Starts `id` from its disk; it runs once the promises that follow have run (by the next step's end). */
  restart(id: NodeId): void {
    const node = this.node(id);
    if (node.up) return;
    this.trace.record(this.clock, `node ${id}: restart from disk`);
    node.start();
  }

  partition(groups: readonly (readonly NodeId[])[]): void {
    this.network.partition(groups);
    this.trace.record(this.clock, `network: partition ${groups.map((g) => `{${g.join(',')}}`).join(' | ')}`);
  }

  cutLink(from: NodeId, to: NodeId): void {
    this.network.cutLink(from, to);
    this.trace.record(this.clock, `network: cut link ${from} -> ${to} (one way)`);
  }

  isolate(id: NodeId, direction: IsolationDirection): void {
    this.network.isolate(id, this.nodeIds, direction);
    this.trace.record(this.clock, `network: isolate node ${id} (${direction})`);
  }

  /** Sets how every link (or one directed link) treats messages. */
  setLinkRule(rule: LinkRule, link?: { readonly from: NodeId; readonly to: NodeId }): void {
    this.network.setRule(rule, link);
    this.trace.record(
      this.clock,
      `network: ${link === undefined ? 'every link' : `link ${link.from} -> ${link.to}`}: drop ${pct(rule.dropRate)}, ` +
        `duplicate ${pct(rule.duplicateRate)}, delay ${rule.minDelayMs}-${rule.maxDelayMs}ms`,
    );
  }

  healNetwork(): void {
    this.network.heal();
    this.trace.record(this.clock, 'network: healed');
  }

  resignLeader(): void {
    const leader = this.leader();
    if (leader === null) return;
    this.trace.record(this.clock, `node ${leader}: asked to resign`);
    this.node(leader).raft?.resign();
  }

  // Membership (dynamic voters, KIP-853). Each asks whoever leads now; the outcome is narrated.

  /** Asks the leader to add `id` (under the directory id its disk was formatted with) as a voter. */
  addVoter(id: NodeId): Promise<VoterChange | null> {
    const format = this.node(id).format;
    if (format === null) return Promise.resolve(null);
    return this.changeVoters(`add node ${id}`, (raft) => raft.addVoter({ id, directoryId: format.directoryId, endpoints: [] }), 'votersAdded');
  }

  /** Asks the leader to remove voter `id`, under the key its voter set holds (a wiped disk's old key too). */
  removeVoter(id: NodeId): Promise<VoterChange | null> {
    const leader = this.leader();
    const key = leader === null ? undefined : this.node(leader).status()?.voters.find((v) => v.id === id);
    if (key === undefined) return Promise.resolve(null);
    return this.changeVoters(`remove node ${id}`, (raft) => raft.removeVoter(id, key.directoryId), id === leader ? 'leadersRemoved' : 'votersRemoved');
  }

  /**
   * A voter of the leader's set whose disk no longer holds that replica (it was wiped): the one an
   * operator removes first — removing a live voter instead could leave too few live voter keys to
   * commit anything, as it would in a real cluster. Null when there is none.
   */
  deadVoterKey(): NodeId | null {
    const leader = this.leader();
    const voters = leader === null ? [] : (this.node(leader).status()?.voters ?? []);
    return voters.find((v) => this.nodeIds.includes(v.id) && this.node(v.id).format?.directoryId !== v.directoryId)?.id ?? null;
  }

  /** The leader removes itself: it leads until the change commits, then resigns. */
  removeLeader(): Promise<VoterChange | null> {
    const leader = this.leader();
    return leader === null ? Promise.resolve(null) : this.removeVoter(leader);
  }

  /**
   * The disk of `id` is wiped (replaced by an empty one) and the node formatted again as a new
   * replica joining the cluster — a new directory id, no bootstrap voters — and started
   * `restartAfterMs` later. As with flipped bits, only when the voters of every set in force still
   * hold, on a majority without it, everything committed and everything it could have acknowledged,
   * under voter keys that still match their disks (Raft survives losing one replica's disk, not the
   * only copies a majority needs). False when that is not so.
   */
  wipeDisk(id: NodeId, restartAfterMs: number): boolean {
    if (!this.dynamic || !this.wipeIsSafe(id)) return false;
    const node = this.node(id);
    if (node.up) this.crash(id);
    node.disk.wipe();
    node.format = { directoryId: this.newDirectoryIdFor(id), bootstrapVoters: null };
    this.membership.disksWiped++;
    // A new disk starts at epoch 0: what its predecessor promised is not its own history.
    this.memory.durableEpochs.delete(id);
    this.memory.liveEpochs.delete(id);
    this.trace.record(this.clock, `node ${id}: DISK WIPED; formatted again as a new replica (directory ${node.format.directoryId.slice(0, 6)})`);
    this.schedule(this.clock + restartAfterMs, `start node ${id} on its new disk`, () => this.restart(id));
    return true;
  }

  private wipeIsSafe(id: NodeId): boolean {
    // A voter change in flight commits only in its new set: losing a voter key then can leave neither
    // set able to elect anyone (KIP-853 offers only an unclean recovery from that), so no wipe then.
    if ([...this.changesInFlight.values()].some((n) => n > 0)) return false;
    // Whatever the victim acknowledged (all it holds durably) may count toward a commit yet — an ack
    // can still be in flight — so the others must hold that much too, not only what is known committed.
    const committedEnd = this.committedEnd();
    const victimEnd = intactEnd(this.node(id).disk);
    const committed = Math.max(committedEnd, victimEnd);
    // The prefix the others must hold: the victim's own when it holds more, else that of a node
    // whose high watermark reached the committed end (its log holds every committed batch).
    const reference =
      victimEnd >= committedEnd
        ? this.node(id).disk.durableLog
        : this.nodes.find((n) => (n.status()?.highWatermark ?? 0) >= committedEnd)?.disk.durableLog;
    // No live log known to hold the whole committed prefix to compare with: no wipe.
    if (reference === undefined) return false;
    // ... nor while a VotersRecord above it sits in any log, in memory or on disk (its leader may be gone).
    const pending = (batches: readonly LogBatch[]): boolean => batches.some((b) => b.lastOffset >= this.committedEnd() && holdsVoters(b));
    if (this.nodes.some((n) => pending(n.log()) || pending(n.disk.durableLog.batches))) return false;
    const sets = this.nodes.map((n) => n.status()?.voters).filter((v): v is VoterSet => v !== undefined && v.length > 0);
    if (sets.length === 0) return false;
    return sets.every((voters) => {
      const keys = voters.filter((v) => v.id !== id && this.nodeIds.includes(v.id) && this.node(v.id).disk.durableDirectoryId === v.directoryId);
      // A log as long as the committed one is not a copy of it: a deposed leader's own epoch may
      // sit at the same offsets. Log matching: the same epoch at the last committed offset is the same prefix.
      const holders = keys.filter((v) => {
        const disk = this.node(v.id).disk;
        return intactEnd(disk) >= committed && holdsPrefix(disk.durableLog, reference, committed - 1);
      });
      return holders.length >= majorityOf(voters.length);
    });
  }

  private changeVoters(what: string, change: (raft: RaftNode) => Promise<VoterChange>, counter: 'votersAdded' | 'votersRemoved' | 'leadersRemoved'): Promise<VoterChange | null> {
    const leader = this.leader();
    const raft = leader === null ? null : this.node(leader).raft;
    if (raft === null) {
      this.trace.record(this.clock, `membership: ${what}: no leader to ask`);
      return Promise.resolve(null);
    }
    this.trace.record(this.clock, `membership: node ${leader} asked to ${what}`);
    const asked = leader!;
    const settled = (): void => {
      const left = (this.changesInFlight.get(asked) ?? 0) - 1;
      if (left > 0) this.changesInFlight.set(asked, left);
      else this.changesInFlight.delete(asked);
    };
    this.changesInFlight.set(asked, (this.changesInFlight.get(asked) ?? 0) + 1);
    return change(raft).then(
      (done) => {
        settled();
        this.membership[counter]++;
        this.trace.record(this.clock, `membership: ${what} committed at offset ${done.offset}: voters ${describeVoters(done.voters)}`);
        return done;
      },
      (error: unknown) => {
        settled();
        this.membership.voterChangesRefused++;
        this.trace.record(this.clock, `membership: ${what} failed: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
        return null;
      },
    );
  }

  private newDirectoryIdFor(id: NodeId): DirectoryId {
    return newDirectoryId(new SeededRandom(deriveSeed(this.options.seed, 'directory', id, this.wipes++)).asFunction());
  }

  /** A client request, to the node the client believes leads, or to `to`. */
  propose(batchCount: number, recordsPerBatch: number, to?: NodeId): ClientRequest {
    return this.client.submit(batchCount, recordsPerBatch, to);
  }

  /** A linearizable read (RaftNode.readBarrier), to the node the client believes leads, or to `to`. */
  read(to?: NodeId): void {
    this.client.read(to);
  }

  /** The next sync of `id`'s disk fails with EIO. */
  failNextSync(id: NodeId): void {
    this.node(id).disk.failNextSync();
    this.trace.record(this.clock, `node ${id}: disk: the next fsync will fail (EIO)`);
  }

  /**
   * Flips a bit in a batch stored on `id`'s disk and power-cycles the node, so its recovery must
   * find the damage. Only a batch that the rest of the voters hold without `id` — a majority of
   * them durably, this one and every batch after it on `id` — is chosen: recovery cuts the whole tail
   * from the damaged batch on, and Raft tolerates losing a replica's copy only where enough other
   * copies remain (rot on a majority of the copies of a committed batch loses it, whatever the
   * software). `pick` in [0, 1) chooses among the eligible batches. False if there is none.
   */
  corruptStoredBatch(id: NodeId, pick: number): boolean {
    // Which copies count needs one voter set; with dynamic voters, wipeDisk is the disk fault.
    if (this.dynamic) return false;
    const host = this.node(id);
    const batches = host.disk.durableLog.batches;
    // Another voter's copy counts only below its own first damaged batch: its recovery will cut the rest.
    const others = this.voters
      .filter((v) => v !== id)
      .map((v) => ({ image: this.node(v).disk.durableLog, cutAt: this.node(v).disk.damaged()[0] ?? Number.POSITIVE_INFINITY }));
    const heldElsewhere = (batch: LogBatch): boolean =>
      others.filter(({ image, cutAt }) => {
        if (image.snapshot !== null && image.snapshot.id.offset > batch.lastOffset) return true;
        if (batch.baseOffset >= cutAt) return false;
        const copy = batchHolding(image.batches, batch.baseOffset);
        return copy !== undefined && copy.baseOffset === batch.baseOffset && fingerprint(copy.bytes) === fingerprint(batch.bytes);
      }).length >= majorityOf(this.voters.length);
    let eligible = batches.length;
    while (eligible > 0 && heldElsewhere(batches[eligible - 1]!)) eligible--;
    const candidates = batches.slice(eligible);
    if (candidates.length === 0) return false;
    const victim = candidates[Math.min(candidates.length - 1, Math.floor(pick * candidates.length))]!;
    if (!host.disk.flipBit(victim.baseOffset)) return false;
    this.trace.record(this.clock, `node ${id}: disk: a bit flipped in the stored batch at ${victim.baseOffset}`);
    if (host.up) {
      this.crash(id);
      this.schedule(this.clock + CORRUPTION_RESTART_MS, `power node ${id} back on`, () => this.restart(id));
    }
    return true;
  }

  /** Records a violation found outside the per-step invariants (the liveness and end-of-run checks). */
  reportViolation(invariant: string, message: string): void {
    this.record([{ invariant, message }]);
  }

  /** The highest offset known committed anywhere: the oracle's end, or any live node's high watermark. */
  committedEnd(): number {
    let end = this.memory.oracle.end;
    for (const node of this.nodes) end = Math.max(end, node.status()?.highWatermark ?? 0);
    return end;
  }

  /** The time of the next event that still matters, dropping the ones that no longer do. */
  private nextEventTime(): number | undefined {
    for (let next = this.queue.peek(); next !== undefined; next = this.queue.peek()) {
      if (next.item.live()) return next.at;
      this.queue.pop();
    }
    return undefined;
  }

  private deliver(message: InFlight): void {
    const node = this.node(message.to);
    if (node.up && this.network.admit(message)) node.deliver(message.from, message.message);
  }

  private send(from: NodeId, to: NodeId, message: RaftMessage): void {
    if (message.type === 'VoteResponse' && message.error === 'NONE') {
      if (message.preVote && !message.granted) this.preVoteRejections++;
      if (!message.preVote && message.granted) this.votes.push({ voter: from, candidate: to, epoch: message.epoch });
    }
    this.network.send(this.clock, from, to, message);
  }

  private check(): void {
    this.record(checkInvariants(this.view(), this.memory));
    const extra = this.options.hooks?.invariants;
    if (extra !== undefined) this.guarded(() => this.record(extra.call(this.options.hooks, this.clock)));
    for (const node of this.nodes) node.clearStep();
    if (this.votes.length > 0) this.votes = [];
    this.client.reads.length = 0;
  }

  private record(violations: readonly Violation[]): void {
    for (const v of violations) {
      const stamped = { ...v, time: this.clock };
      this.violations.push(stamped);
      this.trace.record(this.clock, `VIOLATION [${v.invariant}]${v.node === undefined ? '' : ` node ${v.node}`}: ${v.message}`);
    }
  }

  /**
   * An exception out of an event is a bug: a node's core throwing through RaftNode's message handler
   * (a transport would re-raise it as an uncaught exception), or a hook. It is recorded as a violation
   * rather than crash the run. (A RaftNode that catches its own failure halts instead: see
   * nodeHaltsOnlyOnDiskFaults.)
   */
  private guarded(run: () => void): void {
    try {
      run();
    } catch (error) {
      const message = error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ''}` : String(error);
      this.record([{ invariant: 'coreNeverThrows', message }]);
    }
  }

  private onRoleChange(node: NodeId, role: RoleName, leader: LeaderAndEpoch): void {
    const known = leader.leaderId >= 0 && leader.leaderId !== node ? `, leader ${leader.leaderId}` : '';
    this.trace.record(this.clock, `node ${node}: ${role} in epoch ${leader.epoch}${known}`);
    this.options.hooks?.onRoleChange?.(node, role, leader, this.clock);
  }

  /** The node stopped itself: its process exits (losing what was unsynced), and a supervisor starts it again. */
  private onHalt(node: NodeId, reason: string): void {
    this.trace.record(this.clock, `node ${node}: HALTED (${reason}); its process exits`);
    const incarnation = this.node(node).incarnation;
    this.crash(node);
    this.schedule(this.clock + SUPERVISOR_RESTART_MS, `supervisor restarts node ${node}`, () => {
      if (this.node(node).incarnation === incarnation) this.restart(node);
    });
  }

  private metricsFor(node: NodeId): RaftMetricsSink {
    return {
      electionStarted: () => {
        this.elections++;
      },
      becameLeader: (epoch) => {
        this.leadersElected++;
        this.trace.record(this.clock, `node ${node}: won the election of epoch ${epoch}`);
      },
    };
  }

  /** RaftNode's warnings and errors (a repaired log, a halt), as lines of the trace. */
  private nodeLogger(): Logger {
    return pino(
      { level: 'warn', base: null, timestamp: false },
      {
        write: (line: string) => {
          const { nodeId, msg, err, level, ...fields } = JSON.parse(line) as Record<string, unknown>;
          void level;
          const error = typeof err === 'object' && err !== null ? ` (${String((err as { message?: unknown }).message)})` : '';
          const rest = Object.keys(fields).length === 0 ? '' : ` ${JSON.stringify(fields)}`;
          this.trace.record(this.clock, `node ${String(nodeId)}: log: ${String(msg)}${error}${rest}`);
        },
      },
    );
  }
}

/** Whether a batch (on a disk: maybe torn, then it holds nothing) carries a VotersRecord. */
function holdsVoters(batch: LogBatch): boolean {
  try {
    return votersIn(batch) !== null;
  } catch {
    return false;
  }
}

/** Where a disk's log ends, up to its first damaged batch (which recovery will cut). */
/**
 * Whether `holder` surely holds `reference`'s prefix up to `offset`: in a batch of the same epoch
 * (log matching), or inside its own snapshot (only committed state is snapshotted). When only the
 * reference has it in a snapshot, the epochs cannot be compared, and the answer is no.
 */
function holdsPrefix(holder: LogImage, reference: LogImage, offset: number): boolean {
  if (offset < 0) return true;
  const inSnapshot = (image: LogImage): boolean => image.snapshot !== null && image.snapshot.id.offset > offset;
  if (inSnapshot(holder)) return true;
  const held = batchHolding(holder.batches, offset);
  return held !== undefined && !inSnapshot(reference) && held.epoch === batchHolding(reference.batches, offset)?.epoch;
}

function intactEnd(disk: SimDisk): number {
  const damaged = disk.damaged()[0];
  const end = logEndOffset(disk.durableLog);
  return damaged === undefined ? end : Math.min(end, damaged);
}

/** Resolves once every promise callback already queued — and every one those queue — has run. */
function afterMicrotasks(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function pct(rate: number): string {
  return `${Math.round(rate * 100)}%`;
}

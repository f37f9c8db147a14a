import type { NodeId } from '../core/config';
import type { LogBatch, Snapshot } from '../core/log-batch';
import type { RaftMessage } from '../core/messages';
import type { RoleName } from '../core/quorum-state';
import type { LeaderAndEpoch } from '../core/ready';
import type { ClusterView } from './cluster-view';
import { EventQueue } from './event-queue';
import { checkInvariants, newInvariantMemory, type InvariantMemory } from './invariants';
import { SeededRandom, deriveSeed } from './seeded-random';
import { SimClient, type ClientRequest } from './sim-client';
import type { SimMachineFactory } from './sim-machine';
import { SimNetwork, type InFlight, type IsolationDirection, type LinkRule } from './sim-network';
import { SimNode, type NodeEnvironment } from './sim-node';
import { Trace } from './trace';
import type { Violation } from './violation';

export interface SimulationOptions {
  /** Voters, with ids 1..nodeCount. */
  readonly nodeCount: number;
  /** Observers (fetch, never vote), with ids after the voters'. */
  readonly observerCount?: number;
  /** Every random choice of the run derives from this. */
  readonly seed: number;
  /** Each node snapshots after this many applied data batches. */
  readonly snapshotEvery?: number;
  /** Overrides of the cores' timeouts; KRaft's defaults otherwise. */
  readonly config?: NodeEnvironment['config'];
  /** Sync latency range of every disk, in ms. */
  readonly syncLatencyMs?: { readonly min: number; readonly max: number };
  /** Receives every narrated line as it happens. */
  readonly traceSink?: (line: string) => void;
  /** The state machine each node runs, made afresh at every start; a SimStateMachine when absent. */
  readonly machineFor?: SimMachineFactory;
  /** Lets a harness built on this one follow the nodes and add invariants of its own. */
  readonly hooks?: SimulationHooks;
}

/**
 * Callbacks for a harness layered on the simulation (the metadata simulation drives a controller
 * from them). Each runs inside the event that caused it, before the invariants are checked.
 */
export interface SimulationHooks {
  /** A node handed `batch` to its state machine (after the machine applied it). */
  onCommitted?(node: NodeId, batch: LogBatch, now: number): void;
  /** A node's role or known leader changed. */
  onRoleChange?(node: NodeId, role: RoleName, leader: LeaderAndEpoch, now: number): void;
  onSnapshot?(node: NodeId, kind: 'taken' | 'loaded', snapshot: Snapshot, now: number): void;
  /** A node crashed (its core, machine and unsynced writes are gone). */
  onCrash?(node: NodeId, now: number): void;
  /** A node started — first boot or a restart — as incarnation `incarnation`; its core is running. */
  onStart?(node: NodeId, incarnation: number, now: number): void;
  /** Extra safety invariants, checked after every event right after the Raft ones. */
  invariants?(now: number): readonly Violation[];
}

export interface RunCoverage {
  readonly leadersElected: number;
  readonly truncations: number;
  readonly snapshotsTaken: number;
  readonly snapshotsInstalled: number;
  /** Unsynced writes lost to crashes. */
  readonly lostWrites: number;
  readonly acknowledged: number;
  readonly messagesDropped: number;
  readonly messagesDuplicated: number;
}

/** More events than this at one simulated instant means something keeps asking to run "now": a livelock. */
export const MAX_EVENTS_AT_ONE_INSTANT = 20_000;

type SimEvent =
  | { readonly kind: 'deliver'; readonly message: InFlight }
  | { readonly kind: 'tick'; readonly node: NodeId; readonly token: number }
  | { readonly kind: 'sync'; readonly node: NodeId; readonly incarnation: number; readonly persistId: number }
  | { readonly kind: 'clientAttempt'; readonly request: ClientRequest }
  | { readonly kind: 'clientTimeout'; readonly request: ClientRequest }
  | { readonly kind: 'action'; readonly label: string; readonly run: () => void };

/**
 * A whole cluster in one process on a simulated clock. Everything that happens is an event in one
 * queue ordered by (time, sequence): message deliveries, timer ticks, disk syncs, client retries and
 * the scripted faults. `step()` runs one event and then checks every safety invariant, so a
 * violation is caught at the step that caused it. Given the same seed and the same calls, a run is
 * identical to the last event.
 */
export class Simulation {
  readonly nodes: readonly SimNode[];
  readonly voters: readonly NodeId[];
  readonly observers: readonly NodeId[];
  /** Voters then observers. */
  readonly nodeIds: readonly NodeId[];
  readonly network: SimNetwork;
  readonly client: SimClient;
  readonly trace: Trace;
  readonly memory: InvariantMemory = newInvariantMemory();
  readonly violations: Violation[] = [];
  private readonly queue = new EventQueue<SimEvent>();
  private readonly diskRandom: SeededRandom;
  private readonly syncLatency: { readonly min: number; readonly max: number };
  private clock = 0;
  private eventCount = 0;
  private leadersElected = 0;
  private eventsAtThisInstant = 0;

  constructor(readonly options: SimulationOptions) {
    const seed = options.seed;
    this.voters = Array.from({ length: options.nodeCount }, (_, i) => i + 1);
    this.observers = Array.from({ length: options.observerCount ?? 0 }, (_, i) => options.nodeCount + i + 1);
    this.nodeIds = [...this.voters, ...this.observers];
    this.trace = new Trace(200, options.traceSink);
    this.network = new SimNetwork(new SeededRandom(deriveSeed(seed, 'network')), (message) =>
      this.queue.push(message.deliverAt, { kind: 'deliver', message }),
    );
    this.diskRandom = new SeededRandom(deriveSeed(seed, 'disk'));
    this.syncLatency = options.syncLatencyMs ?? { min: 1, max: 10 };
    const env: NodeEnvironment = {
      voters: this.voters,
      config: options.config ?? {},
      snapshotEvery: options.snapshotEvery ?? 8,
      send: (from, to, message) => this.send(from, to, message),
      scheduleSync: (at, node, incarnation, persistId) => this.queue.push(at, { kind: 'sync', node, incarnation, persistId }),
      scheduleTick: (at, node, token) => this.queue.push(at, { kind: 'tick', node, token }),
      syncLatency: () => this.diskRandom.int(this.syncLatency.min, this.syncLatency.max),
      randomFor: (node, incarnation) => new SeededRandom(deriveSeed(seed, 'node', node, incarnation)).asFunction(),
      onCommitted: (node, batch, now) => this.onCommitted(node, batch, now),
      onRoleChange: (node, role, leader, now) => this.onRoleChange(node, role, leader, now),
      onSnapshot: (node, kind, snapshot, now) => this.onSnapshot(node, kind, snapshot, now),
      ...(options.machineFor === undefined ? {} : { machineFor: options.machineFor }),
    };
    this.nodes = this.nodeIds.map((id) => new SimNode(id, env));
    this.client = new SimClient(
      {
        nodeIds: this.nodeIds,
        propose: (node, now, batches) => this.node(node).propose(now, batches),
        scheduleAttempt: (at, request) => this.queue.push(at, { kind: 'clientAttempt', request }),
        scheduleTimeout: (at, request) => this.queue.push(at, { kind: 'clientTimeout', request }),
        trace: (now, text) => this.trace.record(now, text),
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

  /** What the run exercised: a run that never truncates or installs a snapshot proves little about them. */
  coverage(): RunCoverage {
    const sum = (pick: (n: SimNode) => number): number => this.nodes.reduce((total, n) => total + pick(n), 0);
    return {
      leadersElected: this.leadersElected,
      truncations: sum((n) => n.counters.truncations),
      snapshotsTaken: sum((n) => n.counters.snapshotsTaken),
      snapshotsInstalled: sum((n) => n.counters.snapshotsInstalled),
      lostWrites: sum((n) => n.counters.lostWrites),
      acknowledged: this.client.acknowledged.length,
      messagesDropped: this.network.stats.dropped + this.network.stats.blocked,
      messagesDuplicated: this.network.stats.duplicated,
    };
  }

  get violated(): boolean {
    return this.violations.length > 0;
  }

  node(id: NodeId): SimNode {
    const node = this.nodes[id - 1];
    if (node === undefined) throw new RangeError(`no node ${id}`);
    return node;
  }

  /** Boots every node at the current time. */
  startAll(): void {
    this.guarded(() => {
      for (const node of this.nodes) {
        if (node.up) continue;
        node.start(this.clock);
        this.options.hooks?.onStart?.(node.id, node.incarnation, this.clock);
      }
    });
    this.check();
  }

  /** Queues a scripted action (a fault, a client request) to run at `at`. */
  schedule(at: number, label: string, run: () => void): void {
    this.queue.push(Math.max(at, this.clock), { kind: 'action', label, run });
  }

  /** Runs the next event and checks the invariants; false when nothing is left or a violation was found. */
  step(): boolean {
    if (this.violated) return false;
    const next = this.queue.pop();
    if (next === undefined) return false;
    if (next.at > this.clock) {
      this.clock = next.at;
      this.eventsAtThisInstant = 0;
    }
    this.eventCount++;
    if (++this.eventsAtThisInstant > MAX_EVENTS_AT_ONE_INSTANT) {
      this.record([{ invariant: 'timeAdvances', message: `${MAX_EVENTS_AT_ONE_INSTANT} events at one instant: a livelock` }]);
      return false;
    }
    this.guarded(() => this.dispatch(next.item));
    this.check();
    return !this.violated;
  }

  /** Runs every event due up to `time`, then sets the clock to it. False if a violation stopped the run. */
  runUntil(time: number): boolean {
    while (!this.violated) {
      const at = this.queue.peekTime();
      if (at === undefined || at > time) break;
      this.step();
    }
    if (!this.violated) this.clock = Math.max(this.clock, time);
    return !this.violated;
  }

  /** Steps until `condition` holds (checked between events) or `deadline` passes; true if it held. */
  runUntilTrue(condition: () => boolean, deadline: number): boolean {
    while (!this.violated) {
      if (condition()) return true;
      const at = this.queue.peekTime();
      if (at === undefined || at > deadline) break;
      this.step();
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

  view(): ClusterView {
    return { time: this.clock, voters: this.voters, nodes: this.nodes.map((n) => n.view()) };
  }

  // Faults and operations. Each is narrated; each takes effect at the current simulated time.

  crash(id: NodeId): void {
    const node = this.node(id);
    if (!node.up) return;
    const lost = node.disk.pendingWrites;
    node.crash();
    this.client.leadershipLost(this.clock, id);
    this.trace.record(this.clock, `node ${id}: CRASH (${lost} unsynced write${lost === 1 ? '' : 's'} lost)`);
    this.options.hooks?.onCrash?.(id, this.clock);
  }

  restart(id: NodeId): void {
    const node = this.node(id);
    if (node.up) return;
    this.trace.record(this.clock, `node ${id}: restart from disk`);
    node.start(this.clock);
    this.options.hooks?.onStart?.(id, node.incarnation, this.clock);
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
    this.node(leader).resign(this.clock);
  }

  /** A client request, to the node the client believes leads, or to `to`. */
  propose(batchCount: number, recordsPerBatch: number, to?: NodeId): ClientRequest {
    return this.client.submit(this.clock, batchCount, recordsPerBatch, to);
  }

  private dispatch(event: SimEvent): void {
    switch (event.kind) {
      case 'deliver': {
        const { message } = event;
        const node = this.node(message.to);
        if (node.up && this.network.admit(message)) node.receive(this.clock, message.from, message.message);
        return;
      }
      case 'tick':
        return this.node(event.node).tick(this.clock, event.token);
      case 'sync':
        return this.node(event.node).syncCompleted(this.clock, event.incarnation, event.persistId);
      case 'clientAttempt':
        return this.client.attempt(this.clock, event.request);
      case 'clientTimeout':
        return this.client.timedOut(this.clock, event.request);
      case 'action':
        return event.run();
    }
  }

  private send(from: NodeId, to: NodeId, message: RaftMessage): void {
    this.network.send(this.clock, from, to, message);
  }

  private check(): void {
    this.record(checkInvariants(this.view(), this.memory));
    const extra = this.options.hooks?.invariants;
    if (extra !== undefined) this.guarded(() => this.record(extra.call(this.options.hooks, this.clock)));
  }

  /** Records a violation found outside the per-step invariants (the liveness and end-of-run checks). */
  reportViolation(invariant: string, message: string): void {
    this.record([{ invariant, message }]);
  }

  private record(violations: readonly Violation[]): void {
    for (const v of violations) {
      const stamped = { ...v, time: this.clock };
      this.violations.push(stamped);
      this.trace.record(this.clock, `VIOLATION [${v.invariant}]${v.node === undefined ? '' : ` node ${v.node}`}: ${v.message}`);
    }
  }

  /** An exception out of the core is a bug in it: record it as a violation rather than crash the harness. */
  private guarded(run: () => void): void {
    try {
      run();
    } catch (error) {
      const message = error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ''}` : String(error);
      this.record([{ invariant: 'coreNeverThrows', message }]);
    }
  }

  private onCommitted(node: NodeId, batch: LogBatch, now: number): void {
    this.options.hooks?.onCommitted?.(node, batch, now);
    const ack = this.client.onCommitted(node, batch, now);
    if (ack !== null) {
      this.trace.record(now, `client: proposal #${ack.id} acknowledged by node ${node} (offset ${ack.baseOffset}, epoch ${ack.epoch}, ${now - ack.sentAt}ms)`);
    }
  }

  private onRoleChange(node: NodeId, role: RoleName, leader: LeaderAndEpoch, now: number): void {
    const known = leader.leaderId >= 0 && leader.leaderId !== node ? `, leader ${leader.leaderId}` : '';
    this.trace.record(now, `node ${node}: ${role} in epoch ${leader.epoch}${known}`);
    if (role !== 'leader') this.client.leadershipLost(now, node);
    else this.leadersElected++;
    this.options.hooks?.onRoleChange?.(node, role, leader, now);
  }

  private onSnapshot(node: NodeId, kind: 'taken' | 'loaded', snapshot: Snapshot, now: number): void {
    this.trace.record(now, `node ${node}: snapshot ${kind} at offset ${snapshot.id.offset} (epoch ${snapshot.id.epoch})`);
    this.options.hooks?.onSnapshot?.(node, kind, snapshot, now);
  }
}

function pct(rate: number): string {
  return `${Math.round(rate * 100)}%`;
}

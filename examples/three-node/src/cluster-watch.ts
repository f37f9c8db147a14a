/**
 * ClusterWatch: polls the cluster's metadata a few times a second and narrates what changed — who
 * leads the metadata quorum, which brokers are fenced, each partition's leader and ISR — with how
 * long after the kill or restart that caused it the change was seen.
 *
 * It only observes: every fact comes from the admin API, as an operator running `kz quorum
 * describe` and `kz topics describe` in a loop would see it. The durations are therefore "seen
 * within one poll of happening", which is what a person watching would measure too.
 */
import type { MetadataAdminClient, PartitionDescription } from '@kz/metadata';
import type { NodeId } from '@kz/raft';
import { ids, seconds, type Timeline } from './timeline';

export interface ClusterWatchOptions {
  readonly admin: MetadataAdminClient;
  readonly topic: string;
  readonly timeline: Timeline;
  /** Pause between polls. */
  readonly intervalMs: number;
}

interface PartitionState {
  readonly leader: NodeId;
  /** Sorted, so an ISR that was only reordered is not a change. */
  readonly isr: readonly NodeId[];
  readonly partitionEpoch: number;
}

/** A change the next election, fencing or ISR expansion is timed from. */
interface Cause {
  readonly what: string;
  readonly at: number;
}

export class ClusterWatch {
  private readonly admin: MetadataAdminClient;
  private readonly topic: string;
  private readonly timeline: Timeline;
  private readonly intervalMs: number;
  private controller: { readonly leaderId: NodeId; readonly epoch: number } | undefined;
  private active: ReadonlySet<NodeId> | undefined;
  private readonly partitions = new Map<number, PartitionState>();
  /** What the next metadata leader election answers to: the nodes starting, a kill. */
  private electionCause: Cause | undefined;
  /** Nodes killed and not restarted since, and when. */
  private readonly killedAt = new Map<NodeId, number>();
  /** Nodes restarted (and not killed since), and when. */
  private readonly restartedAt = new Map<NodeId, number>();
  private preferredElectionAt: number | undefined;
  private running = false;
  private loop: Promise<void> = Promise.resolve();
  /** Callers of caughtUp() waiting for a poll that starts after their call. */
  private waiters: (() => void)[] = [];

  constructor(options: ClusterWatchOptions) {
    this.admin = options.admin;
    this.topic = options.topic;
    this.timeline = options.timeline;
    this.intervalMs = options.intervalMs;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
    for (const resolve of this.waiters.splice(0)) resolve();
  }

  /**
   * Resolves once a whole poll that began after this call is done: the story calls it after it
   * saw a state for itself, so the watch has told how the cluster got there before the story goes on.
   */
  caughtUp(): Promise<void> {
    if (!this.running) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** The next metadata leader election is timed from now, as "after <what>". */
  expectElection(what: string): void {
    this.electionCause = { what, at: this.timeline.now() };
  }

  nodeKilled(id: NodeId, wasMetadataLeader: boolean): void {
    const at = this.timeline.now();
    this.killedAt.set(id, at);
    this.restartedAt.delete(id);
    if (wasMetadataLeader) this.electionCause = { what: 'the kill', at };
  }

  nodeRestarted(id: NodeId): void {
    this.killedAt.delete(id);
    this.restartedAt.set(id, this.timeline.now());
  }

  preferredElectionRequested(): void {
    this.preferredElectionAt = this.timeline.now();
  }

  private async run(): Promise<void> {
    while (this.running) {
      const waiting = this.waiters.splice(0);
      // Each read on its own: while a node is down one may fail and the others still answer.
      // Failures are expected then (the admin client gives up on a dead node after its timeout),
      // and the next poll simply tries again.
      await this.pollQuorum().catch(() => undefined);
      await this.pollBrokers().catch(() => undefined);
      await this.pollTopic().catch(() => undefined);
      for (const resolve of waiting) resolve();
      await new Promise((resolve) => setTimeout(resolve, this.intervalMs));
    }
  }

  private async pollQuorum(): Promise<void> {
    const quorum = await this.admin.describeQuorum();
    const previous = this.controller;
    if (quorum.leaderId < 0) return;
    // An answer from an older epoch than one already seen is a deposed leader's: not news.
    if (previous !== undefined && (quorum.epoch < previous.epoch || (quorum.epoch === previous.epoch && quorum.leaderId === previous.leaderId))) return;
    this.controller = { leaderId: quorum.leaderId, epoch: quorum.epoch };
    const cause = this.electionCause;
    this.electionCause = undefined;
    const after = cause === undefined ? '' : `, ${seconds(this.timeline.now() - cause.at)} after ${cause.what}`;
    this.timeline.event('controller', `node ${quorum.leaderId} elected in epoch ${quorum.epoch}${after}`);
  }

  private async pollBrokers(): Promise<void> {
    const cluster = await this.admin.describeCluster();
    const active = new Set(cluster.brokers.filter((b) => !b.fenced && !b.inControlledShutdown).map((b) => b.id));
    const previous = this.active;
    this.active = active;
    if (previous === undefined) {
      if (active.size > 0) this.timeline.event('broker', `${plural(active.size, 'broker')} ${ids([...active])} registered and unfenced`);
      return;
    }
    for (const id of previous) {
      if (active.has(id)) continue;
      const killed = this.killedAt.get(id);
      const why = killed === undefined ? '' : `: its session expired ${seconds(this.timeline.now() - killed)} after the kill`;
      this.timeline.event('broker', `node ${id} fenced${why}`);
    }
    for (const id of active) {
      if (previous.has(id)) continue;
      const restarted = this.restartedAt.get(id);
      const when = restarted === undefined ? '' : `, ${seconds(this.timeline.now() - restarted)} after the restart`;
      this.timeline.event('broker', `node ${id} unfenced${when}`);
    }
  }

  private async pollTopic(): Promise<void> {
    const { topics } = await this.admin.describeTopics([this.topic]);
    const topic = topics[0];
    if (topic === undefined || topic.error !== null) return;
    // Partitions that changed the same way are told in one line: a fenced broker moves several.
    const moves = new Map<string, { from: NodeId; to: NodeId; partitions: number[] }>();
    const isrChanges = new Map<string, { before: readonly NodeId[]; after: readonly NodeId[]; partitions: number[] }>();
    for (const p of topic.partitions) {
      const before = this.partitions.get(p.partitionId);
      // Any node answers reads from its own image; one that lags may be behind what was shown.
      if (before !== undefined && p.partitionEpoch <= before.partitionEpoch) continue;
      const now = stateOf(p);
      this.partitions.set(p.partitionId, now);
      if (before === undefined) continue;
      if (now.leader !== before.leader) group(moves, `${before.leader}>${now.leader}`, { from: before.leader, to: now.leader, partitions: [] }).partitions.push(p.partitionId);
      if (ids(now.isr) !== ids(before.isr)) group(isrChanges, `${ids(before.isr)}>${ids(now.isr)}`, { before: before.isr, after: now.isr, partitions: [] }).partitions.push(p.partitionId);
    }
    // ISR first: a fenced leader leaves the ISR in the same change that moves its leaderships.
    for (const change of isrChanges.values()) this.timeline.event('isr', this.describeIsrChange(change.partitions, change.before, change.after));
    for (const move of moves.values()) this.timeline.event('leader', this.describeMove(move.partitions, move.from, move.to));
  }

  private describeMove(partitions: readonly number[], from: NodeId, to: NodeId): string {
    const name = this.partitionNames(partitions);
    const killed = this.killedAt.get(from);
    let why = '';
    if (killed !== undefined) why = `, ${seconds(this.timeline.now() - killed)} after the kill`;
    else if (this.preferredElectionAt !== undefined) why = `, ${seconds(this.timeline.now() - this.preferredElectionAt)} after the request`;
    return `${name} moved ${leaderName(from)} → ${leaderName(to)}${why}`;
  }

  private describeIsrChange(partitions: readonly number[], before: readonly NodeId[], after: readonly NodeId[]): string {
    const name = this.partitionNames(partitions);
    const removed = before.filter((id) => !after.includes(id));
    const added = after.filter((id) => !before.includes(id));
    const verb = added.length === 0 ? 'shrank' : removed.length === 0 ? 'expanded' : 'changed';
    let why = '';
    const killed = removed.length === 1 ? this.killedAt.get(removed[0]!) : undefined;
    const restarted = added.length === 1 ? this.restartedAt.get(added[0]!) : undefined;
    if (killed !== undefined) why = `, ${seconds(this.timeline.now() - killed)} after the kill`;
    else if (restarted !== undefined) why = `, ${seconds(this.timeline.now() - restarted)} after restart`;
    return `${name} ${verb} ${ids(before)} → ${ids(after)}${why}`;
  }

  /** "events-2"; "events-{0,3}" or "events-{0-4}" for several; "events-*" for every partition. */
  private partitionNames(partitions: readonly number[]): string {
    if (partitions.length === 1) return `${this.topic}-${partitions[0]}`;
    if (partitions.length === this.partitions.size) return `${this.topic}-*`;
    return `${this.topic}-{${ranges(partitions)}}`;
  }
}

function stateOf(p: PartitionDescription): PartitionState {
  return { leader: p.leader, isr: [...p.isr].sort((a, b) => a - b), partitionEpoch: p.partitionEpoch };
}

function group<T>(map: Map<string, T>, key: string, fresh: T): T {
  let entry = map.get(key);
  if (entry === undefined) map.set(key, (entry = fresh));
  return entry;
}

/** "0,3" or "0-2,4": partition numbers short enough for an 80-column line. */
function ranges(numbers: readonly number[]): string {
  const sorted = [...numbers].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    runs.push(j - i >= 2 ? `${sorted[i]}-${sorted[j]}` : sorted.slice(i, j + 1).join(','));
    i = j + 1;
  }
  return runs.join(',');
}

function leaderName(id: NodeId): string {
  return id < 0 ? 'none' : String(id);
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

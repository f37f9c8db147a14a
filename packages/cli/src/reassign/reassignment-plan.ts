/**
 * Reassignment plans: Kafka's JSON file format (`{"version":1,"partitions":[{"topic","partition",
 * "replicas"}]}`, as kafka-reassign-partitions reads and writes it) and the planner behind
 * `kz reassign plan`.
 *
 * Kafka's --generate lays every partition out again from scratch, so even a balanced cluster gets a
 * plan that moves most replicas. This planner moves as little as it can: a replica stays where it
 * is while its broker is a target and holds no more than its fair share, and only the rest go to
 * the least-loaded targets (with a trade now and then, where a partition's only free targets are
 * full). An assignment that is already fair is left as it is. Preferred leaders are then spread the same way, keeping the current
 * preferred leader wherever that stays fair.
 */
import { usageError } from '../cli-error';

export interface PartitionAssignment {
  readonly topic: string;
  readonly partition: number;
  readonly replicas: readonly number[];
}

export interface ReassignmentPlan {
  readonly version: 1;
  readonly partitions: readonly PartitionAssignment[];
}

export function planReassignment(current: readonly PartitionAssignment[], brokers: readonly number[]): PartitionAssignment[] {
  const targets = [...new Set(brokers)].sort((a, b) => a - b);
  if (targets.length === 0) throw usageError('--brokers: name at least one broker');
  for (const p of current) {
    if (p.replicas.length > targets.length) {
      throw usageError(`${p.topic}-${p.partition} has ${p.replicas.length} replicas but only ${targets.length} target broker(s) were given`);
    }
  }
  const totalReplicas = current.reduce((sum, p) => sum + p.replicas.length, 0);
  const replicaCap = Math.ceil(totalReplicas / targets.length);
  const load = new Map(targets.map((b) => [b, 0]));

  // Pass 1: keep what may stay, partition by partition in order, up to each broker's share.
  const kept = current.map((p) =>
    p.replicas.filter((b) => {
      const n = load.get(b);
      if (n === undefined || n >= replicaCap) return false;
      load.set(b, n + 1);
      return true;
    }),
  );
  // Pass 2: fill the gaps from the least-loaded targets (lowest id on ties, so plans are reproducible).
  const added = current.map(() => new Set<number>());
  const replicas = current.map((p, i) => {
    const set = [...kept[i]!];
    while (set.length < p.replicas.length) {
      const next = targets.filter((b) => !set.includes(b)).sort((a, b) => load.get(a)! - load.get(b)! || a - b)[0]!;
      load.set(next, load.get(next)! + 1);
      set.push(next);
      added[i]!.add(next);
    }
    return set;
  });
  // Pass 2 can push a broker past its share: a partition's only free targets may be full. Trade
  // such a replica for one on a broker below its share (one always exists, as the shares add up
  // to at least the replicas), choosing among replicas that move anyway so kept ones stay kept.
  for (;;) {
    const over = targets.find((b) => load.get(b)! > replicaCap);
    if (over === undefined) break;
    const swap = replicas
      .map((set, i) => ({ set, i, to: targets.find((c) => load.get(c)! < replicaCap && !set.includes(c)) }))
      .filter(({ set, to }) => set.includes(over) && to !== undefined)
      .sort((a, b) => Number(added[b.i]!.has(over)) - Number(added[a.i]!.has(over)))[0];
    if (swap === undefined) break;
    swap.set[swap.set.indexOf(over)] = swap.to!;
    added[swap.i]!.add(swap.to!);
    load.set(over, load.get(over)! - 1);
    load.set(swap.to!, load.get(swap.to!)! + 1);
  }

  // Pass 3: spread preferred leaders (first replica) evenly, keeping the current one where fair.
  const leaderCap = Math.ceil(current.length / targets.length);
  const leaders = new Map(targets.map((b) => [b, 0]));
  const order = replicas.map((set, i) => {
    const previous = current[i]!.replicas[0];
    const stays = previous !== undefined && set.includes(previous) && leaders.get(previous)! < leaderCap;
    const leader = stays ? previous : [...set].sort((a, b) => leaders.get(a)! - leaders.get(b)! || a - b)[0]!;
    leaders.set(leader, leaders.get(leader)! + 1);
    return [leader, ...set.filter((b) => b !== leader)];
  });
  return current.map((p, i) => ({ topic: p.topic, partition: p.partition, replicas: order[i]! }));
}

/** The partitions a plan changes (a plan file lists only those, as Kafka's does). */
export function changedPartitions(current: readonly PartitionAssignment[], proposed: readonly PartitionAssignment[]): PartitionAssignment[] {
  return proposed.filter((p, i) => current[i]!.replicas.join(',') !== p.replicas.join(','));
}

/** Reads a plan file's text; anything but Kafka's format is a clear usage error. */
export function parsePlan(text: string, source: string): ReassignmentPlan {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw usageError(`${source}: not JSON (${(error as Error).message})`);
  }
  const plan = value as { version?: unknown; partitions?: unknown };
  if (plan === null || typeof plan !== 'object' || plan.version !== 1 || !Array.isArray(plan.partitions)) {
    throw usageError(`${source}: expected {"version":1,"partitions":[{"topic":...,"partition":...,"replicas":[...]}]}`);
  }
  const partitions = plan.partitions.map((entry: unknown, i: number): PartitionAssignment => {
    const p = entry as { topic?: unknown; partition?: unknown; replicas?: unknown };
    const ok =
      typeof p?.topic === 'string' &&
      Number.isSafeInteger(p.partition) &&
      (p.partition as number) >= 0 &&
      Array.isArray(p.replicas) &&
      p.replicas.length > 0 &&
      p.replicas.every((b) => Number.isSafeInteger(b) && b >= 0) &&
      new Set(p.replicas).size === p.replicas.length;
    if (!ok) throw usageError(`${source}: partitions[${i}] needs a topic, a partition ≥ 0 and distinct replica ids`);
    return { topic: p.topic as string, partition: p.partition as number, replicas: p.replicas as number[] };
  });
  return { version: 1, partitions };
}

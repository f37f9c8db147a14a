/**
 * Issue 18's metadata storm in the whole-cluster simulation: a running cluster (a producer writing
 * with acks=all) is asked, in one CreateTopics, for thousands of partitions (RF 3). The controller
 * writes them, every node applies them, the brokers create the replicas, start following and
 * expand ISRs — thousands of partition changes in a burst. Throughout, with the network calm:
 *
 * - brokerWithLiveHeartbeatsNeverFenced (always on in the cluster simulation): no broker whose
 *   heartbeats kept arriving at the active controller is fenced;
 * - noElectionWhileLeaderAnswers (armed for the scenario): the metadata quorum's epoch never rises.
 *
 * What it cannot show: the simulation runs work in no simulated time, so CPU contention (the event
 * loop blocked by a large delta while heartbeats wait) is not modelled; the bench scenario on real
 * processes measures that. What it does show is the logic under the burst: message sizes, slicing
 * of large deltas and writes, ISR churn and heartbeat handling keep the cluster up.
 */
import type { CreateTopicsResponse } from '@kz/metadata';
import type { Violation } from '@kz/raft/testing';
import { ClusterSimulation, type ClusterCoverage, type ClusterSimulationOptions } from './cluster-simulation';

export interface StormOptions {
  readonly seed: number;
  /** Topics in the one CreateTopics request. */
  readonly topics: number;
  readonly partitionsPerTopic: number;
  /** Every storm partition must be led (committed, and its leader leading it) within this. */
  readonly ledWithinMs?: number;
  /** How long the cluster keeps running (and producing) once every storm partition is led. */
  readonly afterMs?: number;
  readonly cluster?: Partial<Omit<ClusterSimulationOptions, 'seed'>>;
}

export interface StormOutcome {
  readonly violations: readonly Violation[];
  /** Partitions the request created (per-topic results that succeeded). */
  readonly partitionsCreated: number;
  /** Simulated ms from the request to every storm partition led; null if that did not happen in time. */
  readonly ledAfterMs: number | null;
  readonly quorumEpochBefore: number;
  readonly quorumEpochAfter: number;
  readonly coverage: ClusterCoverage;
  readonly events: number;
  readonly trace: readonly string[];
}

export const STORM_TOPIC_PREFIX = 'storm-';

export async function runStorm(options: StormOptions): Promise<StormOutcome> {
  const sim = new ClusterSimulation({ partitions: 1, ...options.cluster, seed: options.seed });
  await sim.setUp();
  await sim.runUntil(sim.now + 2000);
  const quorumEpochBefore = sim.quorumEpoch();
  const fencingsBefore = sim.coverage().brokerFencings;
  sim.armCalm(true);
  sim.note(`storm: one CreateTopics of ${options.topics} topics x ${options.partitionsPerTopic} partitions (RF 3)`);
  const asked = sim.now;
  const reply = await sim.admin({
    kind: 'createTopics',
    body: {
      topics: Array.from({ length: options.topics }, (_, i) => ({ name: `${STORM_TOPIC_PREFIX}${i}`, numPartitions: options.partitionsPerTopic, replicationFactor: 3, configs: {} })),
    },
  });
  const created = reply.result.ok ? (reply.result.value as CreateTopicsResponse).topics.filter((t) => t.error === null) : [];
  const partitionsCreated = created.length * options.partitionsPerTopic;
  const led = await sim.runUntilTrue(() => stormLed(sim, created.map((t) => t.name)), asked + (options.ledWithinMs ?? 60_000));
  const ledAfterMs = led ? sim.now - asked : null;
  if (led && !sim.violated) await sim.runUntil(sim.now + (options.afterMs ?? 20_000));
  if (!sim.violated && !led) sim.reportViolation({ invariant: 'stormPartitionsLed', message: `not every storm partition was led ${options.ledWithinMs ?? 60_000} ms after the request` });
  const coverage = sim.coverage();
  if (!sim.violated && coverage.brokerFencings > fencingsBefore) {
    sim.reportViolation({ invariant: 'brokerWithLiveHeartbeatsNeverFenced', message: `${coverage.brokerFencings - fencingsBefore} broker(s) fenced during a calm storm` });
  }
  sim.armCalm(false);
  return {
    violations: sim.violations,
    partitionsCreated,
    ledAfterMs,
    quorumEpochBefore,
    quorumEpochAfter: sim.quorumEpoch(),
    coverage,
    events: sim.ms.sim.events,
    trace: sim.ms.sim.trace.recent(),
  };
}

/** Every partition of `names` has a committed leader that leads it at that epoch. */
function stormLed(sim: ClusterSimulation, names: readonly string[]): boolean {
  for (const name of names) {
    const topic = sim.image.topic(name);
    if (topic === undefined) return false;
    for (let p = 0; p < topic.partitions.length; p++) {
      const registration = topic.partitions[p]!;
      if (registration.leader < 0) return false;
      const state = sim.node(registration.leader)?.manager.partition(topic.id, p)?.leader ?? null;
      if (state === null || state.leaderEpoch !== registration.leaderEpoch) return false;
    }
  }
  return true;
}

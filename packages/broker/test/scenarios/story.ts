import { describeViolation } from '@kz/raft/testing';
import type { BrokerId, PartitionRegistration } from '@kz/metadata';
import { encodeRecordBatch } from '@kz/records';
import { BrokerSimulation, checkSettled, flushedPayloadAt, SIM_TOPIC, unsettled, type AckedRecord, type BrokerSimulationOptions } from '@kz/broker/testing';
import type { ProducePartitionResponse } from '../../src/protocol/produce';

/**
 * A cluster for a story: one controller, brokers 1–3, one topic "events" (RF 3, min.insync.replicas
 * 2, unclean election off) with one partition, the producer and consumer running. Invariants are
 * checked after every simulated event throughout.
 */
export async function storyCluster(options: Partial<BrokerSimulationOptions> = {}): Promise<BrokerSimulation> {
  const sim = new BrokerSimulation({ seed: 11, partitions: 1, ...options });
  await sim.setUp();
  return sim;
}

/** Runs until `condition`, failing the story with the trace if it does not happen within `withinMs` or an invariant breaks. */
export async function runUntil(sim: BrokerSimulation, what: string, condition: () => boolean, withinMs = 30_000): Promise<void> {
  await sim.runUntilOrFail(what, condition, withinMs);
  expectNoViolations(sim);
}

/** Lets `ms` of simulated time pass, every invariant checked after every event. */
export async function runFor(sim: BrokerSimulation, ms: number): Promise<void> {
  await sim.runUntil(sim.now + ms);
  expectNoViolations(sim);
}

export function expectNoViolations(sim: BrokerSimulation): void {
  if (sim.violated) throw new Error(`invariant violated:\n${sim.violations.map(describeViolation).join('\n')}\n${sim.trace.recent(80).join('\n')}`);
}

/** The partition as the controller has committed it. */
export function committed(sim: BrokerSimulation, partition = 0): PartitionRegistration {
  const p = sim.image.partition(sim.topicId!, partition);
  if (p === undefined) throw new Error(`no committed partition ${partition}`);
  return p;
}

/** The ISR as the leader itself holds it (it may lag the controller's by an AlterPartition answer). */
export function isrKnownToLeader(sim: BrokerSimulation, partition = 0): readonly BrokerId[] {
  const state = sim.node(leaderOf(sim, partition))?.manager.partition(sim.topicId!, partition)?.leader;
  return state?.isr ?? [];
}

export function leaderOf(sim: BrokerSimulation, partition = 0): BrokerId {
  return committed(sim, partition).leader;
}

/** The replicas other than the current leader, in assignment order. */
export function followersOf(sim: BrokerSimulation, partition = 0): BrokerId[] {
  const p = committed(sim, partition);
  return p.replicas.filter((id) => id !== p.leader);
}

/** Runs until the producer has `count` more records acknowledged; returns the last one. */
export async function acknowledgedMore(sim: BrokerSimulation, count: number, partition = 0): Promise<AckedRecord> {
  const target = sim.records.acked(partition).length + count;
  await runUntil(sim, `${count} more acknowledged records`, () => sim.records.acked(partition).length >= target);
  const acked = sim.records.acked(partition);
  return acked[acked.length - 1]!;
}

/** The payload at `offset` in broker `id`'s flushed log. */
export function payloadAt(sim: BrokerSimulation, id: BrokerId, offset: number, partition = 0): string | undefined {
  return flushedPayloadAt(sim.disk(id).log(sim.topicId!, partition), offset);
}

/** Heals every fault, stops the producer, runs until the cluster has settled, and runs the settled checks. */
export async function healAndSettle(sim: BrokerSimulation, withinMs = 30_000): Promise<void> {
  sim.healAll();
  await runFor(sim, 1000);
  sim.producer.stop();
  await runUntil(sim, 'the cluster to settle', () => unsettled(sim).length === 0, withinMs);
  expect(checkSettled(sim)).toEqual([]);
}

/** Sends one acks=all produce straight to broker `to` and runs until it is answered. */
export async function produceTo(sim: BrokerSimulation, to: BrokerId, values: readonly string[], timeoutMs = 1500): Promise<ProducePartitionResponse> {
  const node = sim.node(to)?.node ?? null;
  if (node === null) throw new Error(`broker ${to} is down`);
  const records = encodeRecordBatch({ records: values.map((v) => ({ key: null, value: new TextEncoder().encode(v) })) });
  // The story's writes are the clients' truth too: the invariants hold the brokers to them.
  for (const value of values) sim.records.onSent(value);
  let answer: ProducePartitionResponse | undefined;
  void node.produce({ acks: -1, timeoutMs, topics: [{ name: SIM_TOPIC, partitions: [{ partition: 0, records }] }] }).then((response) => {
    answer = response.topics[0]!.partitions[0]!;
    if (answer.errorCode === 0) values.forEach((value, i) => sim.records.onAcked(0, answer!.baseOffset + i, value, sim.now));
  });
  await runUntil(sim, `the answer to a produce to broker ${to}`, () => answer !== undefined, timeoutMs + 5000);
  return answer!;
}

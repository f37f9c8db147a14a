import type { NodeId } from '@kz/raft';
import { decodeRecordBatch } from '@kz/records';
import {
  MetadataSimulation,
  type AdminOperation,
  type MetadataSimulationOptions,
} from '@kz/metadata/testing';
import {
  decodeMetadataRecord,
  type ControllerApi,
  type ControllerRequestKind,
  type ControllerReply,
  type ControllerRequest,
  type MetadataRecord,
  type PartitionRegistration,
  type TopicImage,
} from '@kz/metadata';
import { describeViolation } from '@kz/raft/testing';

/**
 * A cluster for a story: 3 controllers and 3 brokers (ids 4, 5, 6), a quiet network, fast disks,
 * brokers that never change an ISR on their own (the story does), invariants after every event.
 */
export async function storyCluster(options: Partial<MetadataSimulationOptions> = {}): Promise<MetadataSimulation> {
  const ms = new MetadataSimulation({
    seed: 7,
    snapshotEveryBytes: 1500,
    syncLatencyMs: { min: 1, max: 3 },
    ...options,
    broker: { alterPartitionChance: 0, ...options.broker },
  });
  await ms.start();
  return ms;
}

/** Runs until `condition`, failing the story with the trace if it does not happen within `withinMs`. */
export async function runUntil(ms: MetadataSimulation, what: string, condition: () => boolean, withinMs: number): Promise<void> {
  if (!(await ms.runUntilTrue(condition, ms.now + withinMs))) {
    const why = ms.violated ? `violations:\n${ms.violations.map(describeViolation).join('\n')}` : `not within ${withinMs} ms`;
    throw new Error(`story stalled waiting for ${what} (${why})\n${ms.sim.trace.recent(60).join('\n')}`);
  }
}

export function expectNoViolations(ms: MetadataSimulation): void {
  if (ms.violated) throw new Error(`invariant violated:\n${ms.violations.map(describeViolation).join('\n')}\n${ms.sim.trace.recent(60).join('\n')}`);
}

/** Runs until a controller is active and every live broker is unfenced; returns the active controller. */
export async function settle(ms: MetadataSimulation, withinMs = 40_000): Promise<NodeId> {
  await runUntil(ms, 'an active controller and every broker unfenced', () => ms.activeController() !== null && ms.liveBrokersUnfenced(), withinMs);
  return ms.activeController()!;
}

/** Sends an admin request and runs until it is finally answered (retries included). */
export async function admin(ms: MetadataSimulation, request: ControllerRequest, withinMs = 40_000): Promise<{ readonly operation: AdminOperation; readonly reply: ControllerReply }> {
  const operation = ms.admin.submit(request);
  await runUntil(ms, `the answer to ${request.kind}`, () => operation.done, withinMs);
  if (operation.final === null) throw new Error(`${request.kind} was given up after ${operation.attempts.length} attempts`);
  return { operation, reply: operation.final };
}

/** Creates a topic with explicit replica assignments (the first replica leads) and waits for every node to see it. */
export async function createTopic(ms: MetadataSimulation, name: string, assignments: readonly (readonly number[])[], configs: Record<string, string> = {}): Promise<TopicImage> {
  const { reply } = await admin(ms, { kind: 'createTopics', body: { topics: [{ name, assignments, configs }] } });
  if (!reply.result.ok) throw new Error(`createTopics ${name}: ${reply.result.error.code} ${reply.result.error.message}`);
  await runUntil(ms, `every node to see ${name}`, () => ms.sim.nodeIds.every((id) => ms.sim.node(id).up === false || ms.image(id)?.topic(name) !== undefined), 10_000);
  return ms.committed.image.topic(name)!;
}

/** The committed state of one partition. */
export function partition(ms: MetadataSimulation, topic: string, partitionId = 0): PartitionRegistration {
  const p = ms.committed.image.topic(topic)?.partitions[partitionId];
  if (p === undefined) throw new Error(`no committed partition ${topic}-${partitionId}`);
  return p;
}

/** The committed records for which `pick` holds. */
export function committedRecords(ms: MetadataSimulation, pick: (record: MetadataRecord) => boolean): MetadataRecord[] {
  return ms.committed.records.map((r) => r.record).filter(pick);
}

/** Records in `node`'s Raft log above its high watermark: appended, not (yet) committed. */
export function uncommittedRecords(ms: MetadataSimulation, node: NodeId): MetadataRecord[] {
  const status = ms.sim.node(node).status();
  if (status === null) return [];
  return ms.sim
    .node(node)
    .log()
    .filter((batch) => batch.lastOffset >= status.highWatermark)
    .flatMap((batch) => {
      const decoded = decodeRecordBatch(batch.bytes);
      if (decoded.header.isControl) return [];
      return decoded.records.flatMap((r) => (r.value === null ? [] : [decodeMetadataRecord(r.value)]));
    });
}

/** A controller's committed fencing of a broker's registration. */
export function isFenceOf(brokerId: number, brokerEpoch: number): (r: MetadataRecord) => boolean {
  return (r) => r.type === 'brokerRegistrationChange' && r.brokerId === brokerId && r.brokerEpoch === brokerEpoch && r.fenced === true;
}

/** True once broker `id`'s current incarnation is committed, registered and unfenced. */
export function unfenced(ms: MetadataSimulation, id: number): boolean {
  const broker = ms.broker(id);
  const registered = ms.committed.image.brokers.get(id);
  return broker !== null && registered !== undefined && registered.incarnationId === broker.incarnationId && !registered.fenced;
}

/** Leaderships of a broker in the committed image. */
export function leaderships(ms: MetadataSimulation, id: number): string[] {
  const out: string[] = [];
  for (const topic of ms.committed.image.topicsById.values()) {
    topic.partitions.forEach((p, i) => {
      if (p.leader === id) out.push(`${topic.name}-${i}`);
    });
  }
  return out;
}

/** The successful result of a reply of kind `kind` (throws if it failed as a whole). */
export function resultOf<K extends ControllerRequestKind>(reply: ControllerReply, kind: K): ControllerApi[K][1] {
  if (reply.kind !== kind) throw new Error(`expected a ${kind} reply, got ${reply.kind}`);
  if (!reply.result.ok) throw new Error(`${kind} failed: ${reply.result.error.code} ${reply.result.error.message}`);
  return reply.result.value as ControllerApi[K][1];
}

import type { NodeId } from '@kz/raft';
import type { Violation } from '@kz/raft/testing';
import type { ControllerApi, ControllerReply, ControllerRequest } from '../controller/controller-requests';
import type { MetadataImage } from '../image/metadata-image';
import type { PartitionRegistration } from '../image/partition-registration';
import { NO_LEADER } from '../records/metadata-record';
import type { CommittedMetadata } from './committed-metadata';
import type { SentReply } from './sim-controller-rpcs';
import { canonicalImage, imageDifference } from './canonical-image';

/** One metadata node (controller or broker) as the invariants see it after a step. */
export interface MetadataNodeView {
  readonly id: NodeId;
  readonly role: 'controller' | 'broker';
  readonly incarnation: number;
  /** The loader's image; null while the node is down. */
  readonly image: MetadataImage | null;
  /** The offset after the last batch its loader was handed (control batches included). */
  readonly nextOffset: number;
}

export interface MetadataView {
  readonly time: number;
  readonly nodes: readonly MetadataNodeView[];
  /** The committed log rebuilt on its own (fed with every committed batch before the check). */
  readonly committed: CommittedMetadata;
  /** Replies the controllers sent during this step. */
  readonly replies: readonly SentReply[];
  /** Requests a controller answered a second time during this step. */
  readonly doubleAnswers: readonly { readonly requestId: number; readonly controller: NodeId }[];
  /** True if an operator ever asked for an unclean election covering this topic (absent: never). */
  readonly uncleanElectionAsked?: (topicName: string) => boolean;
}

export interface MetadataInvariantMemory {
  /** Images already checked by the per-image invariants (images are immutable: once is enough). */
  readonly checkedImages: WeakSet<MetadataImage>;
  /** Per node, the last image seen in its current incarnation. */
  readonly lastImages: Map<NodeId, { readonly incarnation: number; readonly image: MetadataImage }>;
  /** How many of CommittedMetadata's problems committedLogSound has reported (it keeps them all). */
  committedProblemsReported: number;
  /** The committed records walked so far, partition by partition (newLeaderFromPreviousIsr, isrSubsetOfReplicas). */
  readonly walk: PartitionWalk;
  /** Per image source (a node's incarnation, or the committed log) and partition: the last leader and leader epoch seen. */
  readonly leaders: Map<string, { readonly leader: number; readonly leaderEpoch: number }>;
  /** The committed image the committed-image checks last looked at (images are immutable: an unchanged one needs no look). */
  lastCommittedImage: MetadataImage | null;
}

/** One partition as the committed records left it, and who holds every committed record of it. */
export interface WalkedPartition {
  readonly topicId: string;
  readonly replicas: readonly number[];
  readonly isr: readonly number[];
  readonly leader: number;
  readonly elr: readonly number[];
  readonly lastKnownElr: readonly number[];
  /**
   * The replicas that hold every record the partition may have committed (elrMembersHoldCommitted):
   * its ISR whenever the ISR is at min ISR (the broker's HW may move then, and only the ISR is
   * sure to have kept up), plus members that joined the ISR since (a follower joins only once it has
   * reached the HW); an unclean election starts it over with its leader.
   */
  readonly holdsCommitted: ReadonlySet<number>;
}

/** The committed partition states as the records left them, one record at a time. */
export interface PartitionWalk {
  /** Index into CommittedMetadata.records of the next record to walk. */
  next: number;
  readonly partitions: Map<string, WalkedPartition>;
  readonly topicNames: Map<string, string>;
  /** Topics whose unclean.leader.election.enable was ever set to true ('' : the cluster default was). */
  readonly uncleanTopics: Set<string>;
  /** min.insync.replicas by topic name ('': the cluster default), as the committed configs set it. */
  readonly minIsr: Map<string, number>;
  /** isrSubsetOfReplicas breaches the walk found, until that invariant reports them. */
  readonly pendingIsr: Violation[];
  /** elrMembersHoldCommitted breaches the walk found, until that invariant reports them. */
  readonly pendingElr: Violation[];
  /** Committed records that made a replica an eligible leader, and leaders elected from the ELR or as the last known leader (coverage). */
  eligibleLeaderEntries: number;
  eligibleElections: number;
}

export function newMetadataInvariantMemory(): MetadataInvariantMemory {
  return {
    checkedImages: new WeakSet(),
    lastImages: new Map(),
    committedProblemsReported: 0,
    walk: { next: 0, partitions: new Map(), topicNames: new Map(), uncleanTopics: new Set(), minIsr: new Map(), pendingIsr: [], pendingElr: [], eligibleLeaderEntries: 0, eligibleElections: 0 },
    leaders: new Map(),
    lastCommittedImage: null,
  };
}

export type MetadataInvariant = (view: MetadataView, memory: MetadataInvariantMemory) => Violation[];

/** Every live node's image that the per-image invariants have not seen yet. */
function freshImages(view: MetadataView, memory: MetadataInvariantMemory): { readonly node: MetadataNodeView; readonly image: MetadataImage }[] {
  const out: { node: MetadataNodeView; image: MetadataImage }[] = [];
  for (const node of view.nodes) {
    if (node.image !== null && !memory.checkedImages.has(node.image)) out.push({ node, image: node.image });
  }
  return out;
}

function* partitionsOf(image: MetadataImage): Generator<{ readonly name: string; readonly topicId: string; readonly partitionId: number; readonly partition: PartitionRegistration }> {
  for (const topic of image.topicsById.values()) {
    for (let partitionId = 0; partitionId < topic.partitions.length; partitionId++) {
      yield { name: topic.name, topicId: topic.id, partitionId, partition: topic.partitions[partitionId]! };
    }
  }
}

/** (a) In every image, a partition's leader is one of its replicas and in its ISR — or there is none (-1). */
export const leaderInIsr: MetadataInvariant = (view, memory) => {
  const violations: Violation[] = [];
  for (const { node, image } of freshImages(view, memory)) {
    for (const { name, partitionId, partition } of partitionsOf(image)) {
      if (partition.leader === NO_LEADER) continue;
      if (!partition.isr.includes(partition.leader) || !partition.replicas.includes(partition.leader)) {
        violations.push(
          violation('leaderInIsr', node.id, `image at ${image.offset}: ${name}-${partitionId} is led by ${partition.leader}, outside its ISR [${partition.isr.join(',')}] or replicas [${partition.replicas.join(',')}]`),
        );
      }
    }
  }
  return violations;
};

/** (b) In every image, a fenced (or unregistered) broker leads nothing. */
export const fencedBrokerLeadsNothing: MetadataInvariant = (view, memory) => {
  const violations: Violation[] = [];
  for (const { node, image } of freshImages(view, memory)) {
    for (const { name, partitionId, partition } of partitionsOf(image)) {
      if (partition.leader === NO_LEADER) continue;
      const broker = image.brokers.get(partition.leader);
      if (broker === undefined || broker.fenced) {
        const what = broker === undefined ? 'not registered' : `fenced (epoch ${broker.epoch})`;
        violations.push(violation('fencedBrokerLeadsNothing', node.id, `image at ${image.offset}: ${name}-${partitionId} is led by broker ${partition.leader}, which is ${what}`));
      }
    }
  }
  return violations;
};

/**
 * (c) Per partition, leader epochs and partition epochs only rise: in each node's successive images
 * (within one incarnation; a restart rebuilds from disk), and along the committed log itself (checked
 * as the oracle rebuilds it). A partition whose partition epoch did not move did not change at all.
 * Images themselves only move forward within an incarnation.
 */
export const partitionEpochsRise: MetadataInvariant = (view, memory) => {
  const violations: Violation[] = [];
  for (const node of view.nodes) {
    const image = node.image;
    if (image === null) continue;
    const last = memory.lastImages.get(node.id);
    memory.lastImages.set(node.id, { incarnation: node.incarnation, image });
    if (last === undefined || last.incarnation !== node.incarnation || last.image === image) continue;
    if (image.offset < last.image.offset) {
      violations.push(violation('partitionEpochsRise', node.id, `image went back from offset ${last.image.offset} to ${image.offset}`));
    }
    for (const { name, topicId, partitionId, partition } of partitionsOf(image)) {
      const before = last.image.partition(topicId, partitionId);
      if (before === undefined || before === partition) continue;
      if (partition.leaderEpoch < before.leaderEpoch || partition.partitionEpoch < before.partitionEpoch) {
        violations.push(
          violation(
            'partitionEpochsRise',
            node.id,
            `${name}-${partitionId}: leader epoch ${before.leaderEpoch} -> ${partition.leaderEpoch}, partition epoch ${before.partitionEpoch} -> ${partition.partitionEpoch} (images at ${last.image.offset} -> ${image.offset})`,
          ),
        );
      } else if (partition.partitionEpoch === before.partitionEpoch && !samePartition(before, partition)) {
        violations.push(violation('partitionEpochsRise', node.id, `${name}-${partitionId} changed without a new partition epoch (${before.partitionEpoch})`));
      }
    }
  }
  return violations;
};

/**
 * The committed log itself, as the oracle rebuilt it: every batch replays, a broker epoch is the
 * offset of its RegisterBroker record (KIP-631), and per partition the partition epoch rises by one
 * with every change and the leader epoch never falls (reported under partitionEpochsRise).
 */
export const committedLogSound: MetadataInvariant = (view, memory) => {
  const fresh = view.committed.problems.slice(memory.committedProblemsReported);
  memory.committedProblemsReported = view.committed.problems.length;
  return fresh.map((problem) => ({ invariant: problem.invariant, message: problem.message }));
};

/**
 * (d) Every live node's image is the image rebuilt from the committed log up to the same offset —
 * every part of it, provenance included, compared in a canonical form written independently of the
 * snapshot codec (canonical-image.ts). This is what catches a
 * loader that mis-applies a batch, a snapshot that does not round-trip, or a delta that leaks
 * changes into an image it shares parts with.
 */
export const imageMatchesCommittedLog: MetadataInvariant = (view) => {
  const violations: Violation[] = [];
  for (const node of view.nodes) {
    if (node.image === null) continue;
    const rebuilt = view.committed.imageAt(node.nextOffset);
    if (rebuilt === undefined) {
      violations.push(violation('imageMatchesCommittedLog', node.id, `applied up to ${node.nextOffset}, which is no batch boundary of the committed log (rebuilt up to ${view.committed.nextOffset})`));
      continue;
    }
    if (rebuilt === node.image) continue;
    if (canonicalImage(rebuilt).crc !== canonicalImage(node.image).crc) {
      violations.push(violation('imageMatchesCommittedLog', node.id, `image at ${node.nextOffset} differs from the one rebuilt from the committed log: ${imageDifference(node.image, rebuilt)}`));
    }
  }
  return violations;
};

/**
 * (e) Every successful answer a controller sent is reflected in the committed log: the registration
 * at the broker epoch it handed out, the topic with the id and partition count it reported, the
 * partition state it returned, the config value it set. Since nothing may be answered before it
 * commits (KIP-631), each fact must already be in the rebuilt log when the reply leaves.
 */
export const acknowledgedRepliesCommitted: MetadataInvariant = (view) => {
  const violations: Violation[] = [];
  for (const sent of view.replies) {
    if (!sent.reply.result.ok) continue;
    const problem = unreflected(view.committed, sent.request, sent.reply);
    if (problem !== null) {
      violations.push(violation('acknowledgedRepliesCommitted', sent.controller, `${sent.request.kind} #${sent.reply.requestId} from ${sent.from} answered ok, but ${problem}`));
    }
  }
  return violations;
};

/**
 * A request carrying a broker epoch older than the registration already committed when it was sent
 * (a zombie: the process before a restart, or one fenced and replaced) is never accepted: it is
 * refused with STALE_BROKER_EPOCH (or NOT_CONTROLLER, by a controller that is not active).
 */
export const zombieEpochsRefused: MetadataInvariant = (view) => {
  const violations: Violation[] = [];
  for (const sent of view.replies) {
    const registered = sent.registeredEpochAtSend;
    const request = sent.request;
    if (registered === null || (request.kind !== 'brokerHeartbeat' && request.kind !== 'alterPartition' && request.kind !== 'allocateProducerIds')) continue;
    if (request.body.brokerEpoch >= registered) continue;
    const result = sent.reply.result;
    if (result.ok || (result.error.code !== 'STALE_BROKER_EPOCH' && result.error.code !== 'NOT_CONTROLLER')) {
      violations.push(
        violation(
          'zombieEpochsRefused',
          sent.controller,
          `${request.kind} from broker ${request.body.brokerId} with broker epoch ${request.body.brokerEpoch} (registered at ${registered} when sent) was answered ${result.ok ? 'ok' : result.error.code}`,
        ),
      );
    }
  }
  return violations;
};

/**
 * Along the committed log, record by record: a partition's new leader (one that was not leading it)
 * comes from its previous ISR; with the ISR empty, from its Eligible Leader Replicas; with those
 * empty too, its last known leader (KIP-966) — unless the topic allowed unclean election or an
 * operator asked for one, and then the ISR is that leader alone (KIP-704's unclean shape). An
 * election from outside them may lose acknowledged records.
 */
export const newLeaderFromPreviousIsr: MetadataInvariant = (view, memory) => walkCommitted(view, memory).filter((v) => v.invariant === 'newLeaderFromPreviousIsr');

/**
 * Along the committed log, record by record (KIP-966): every Eligible Leader Replica of a partition,
 * and every leader elected from them or as the last known leader, holds every record the partition
 * may have committed — it was in the ISR the last time the ISR was at min.insync.replicas (when the
 * broker's HW could last move), or joined the ISR since. A record change that leaves a replica in the
 * ELR that the HW may have passed, or elects one, would let an election lose acknowledged records.
 * (Reported after newLeaderFromPreviousIsr, whose walk finds them.)
 */
export const elrMembersHoldCommitted: MetadataInvariant = (view, memory) => {
  walkCommitted(view, memory);
  return memory.walk.pendingElr.splice(0);
};

/** Along the committed log, record by record, and in every image: a partition's ISR is a subset of its replicas. */
export const isrSubsetOfReplicas: MetadataInvariant = (view, memory) => {
  const violations = memory.walk.pendingIsr.splice(0);
  for (const { node, image } of freshImages(view, memory)) {
    for (const { name, partitionId, partition } of partitionsOf(image)) {
      const outside = partition.isr.filter((id) => !partition.replicas.includes(id));
      if (outside.length > 0) violations.push(violation('isrSubsetOfReplicas', node.id, `image at ${image.offset}: ${name}-${partitionId} has ISR members [${outside.join(',')}] outside its replicas [${partition.replicas.join(',')}]`));
    }
  }
  return violations;
};

/**
 * In every image (the committed one and every live node's), per partition: a change of leader comes
 * with a higher leader epoch. The leader epoch is what fences a deposed leader's requests and what
 * followers truncate by; two leaders under one epoch would both be believed.
 */
export const leaderChangeBumpsLeaderEpoch: MetadataInvariant = (view, memory) => {
  const violations: Violation[] = [];
  const sources: { readonly key: string; readonly node: NodeId | undefined; readonly image: MetadataImage }[] = [];
  if (view.committed.image !== memory.lastCommittedImage) sources.push({ key: 'committed', node: undefined, image: view.committed.image });
  for (const { node, image } of freshImages(view, memory)) sources.push({ key: `${node.id}/${node.incarnation}`, node: node.id, image });
  for (const { key, node, image } of sources) {
    for (const { name, topicId, partitionId, partition } of partitionsOf(image)) {
      const at = `${key}/${topicId}/${partitionId}`;
      const last = memory.leaders.get(at);
      if (last !== undefined && last.leader !== partition.leader && partition.leaderEpoch <= last.leaderEpoch) {
        const where = node === undefined ? 'the committed log' : `node ${node}'s image`;
        violations.push(
          violation('leaderChangeBumpsLeaderEpoch', node, `${where} at ${image.offset}: ${name}-${partitionId}'s leader went ${last.leader} -> ${partition.leader} with leader epoch ${last.leaderEpoch} -> ${partition.leaderEpoch}`),
        );
      }
      if (last === undefined || last.leader !== partition.leader || last.leaderEpoch !== partition.leaderEpoch) memory.leaders.set(at, { leader: partition.leader, leaderEpoch: partition.leaderEpoch });
    }
  }
  return violations;
};

/**
 * In the committed image (batch boundaries): every ISR member is a registered, unfenced broker —
 * except the last member of a leaderless partition, which KRaft keeps so that the partition waits
 * for it rather than elect a replica that may lack acknowledged records.
 */
export const noFencedBrokerInIsr: MetadataInvariant = (view, memory) => {
  const image = view.committed.image;
  const violations: Violation[] = [];
  if (image === memory.lastCommittedImage) return violations;
  for (const { name, partitionId, partition } of partitionsOf(image)) {
    if (partition.leader === NO_LEADER && partition.isr.length <= 1) continue;
    for (const id of partition.isr) {
      const broker = image.brokers.get(id);
      if (broker !== undefined && !broker.fenced) continue;
      const what = broker === undefined ? 'not registered' : `fenced (epoch ${broker.epoch})`;
      violations.push(violation('noFencedBrokerInIsr', undefined, `committed image at ${image.offset}: ${name}-${partitionId} (leader ${partition.leader}) has broker ${id} in its ISR [${partition.isr.join(',')}], which is ${what}`));
    }
  }
  return violations;
};

/** Walks the committed records not walked yet; returns newLeaderFromPreviousIsr's findings and queues isrSubsetOfReplicas'. */
function walkCommitted(view: MetadataView, memory: MetadataInvariantMemory): Violation[] {
  const walk = memory.walk;
  const records = view.committed.records;
  const violations: Violation[] = [];
  for (; walk.next < records.length; walk.next++) {
    const { offset, record } = records[walk.next]!;
    switch (record.type) {
      case 'topic':
        walk.topicNames.set(record.topicId, record.name);
        break;
      case 'config':
        if (record.name === 'unclean.leader.election.enable' && record.value === 'true' && (record.resourceType === 'topic' || record.resourceName === '')) {
          walk.uncleanTopics.add(record.resourceType === 'topic' ? record.resourceName : '');
        }
        if (record.name === 'min.insync.replicas' && (record.resourceType === 'topic' || record.resourceName === '')) noteMinIsr(walk, record.resourceType === 'topic' ? record.resourceName : '', record.value);
        break;
      case 'partition': {
        const created: WalkedPartition = {
          topicId: record.topicId,
          replicas: record.replicas,
          isr: record.isr,
          leader: record.leader,
          elr: record.eligibleLeaderReplicas ?? [],
          lastKnownElr: record.lastKnownElr ?? [],
          holdsCommitted: new Set(record.isr),
        };
        walk.partitions.set(`${record.topicId}:${record.partitionId}`, created);
        checkIsrWithinReplicas(walk, offset, record.topicId, record.partitionId, record.isr, record.replicas);
        checkEligibleLeaders(walk, offset, record.partitionId, created);
        break;
      }
      case 'partitionChange': {
        const key = `${record.topicId}:${record.partitionId}`;
        const before = walk.partitions.get(key);
        if (before === undefined) break;
        const name = walk.topicNames.get(record.topicId) ?? record.topicId;
        const after = {
          topicId: record.topicId,
          replicas: record.replicas ?? before.replicas,
          isr: record.isr ?? before.isr,
          leader: record.leader ?? before.leader,
          elr: record.eligibleLeaderReplicas ?? before.elr,
          lastKnownElr: record.lastKnownElr ?? before.lastKnownElr,
        };
        const elected = after.leader !== NO_LEADER && after.leader !== before.leader && !before.isr.includes(after.leader);
        // KIP-966: once the ISR is empty (before, or by this very record), its eligible leaders; with
        // those empty too, its last known leader.
        const isrEmptied = before.isr.every((id) => !after.isr.includes(id));
        const eligible = elected && isrEmptied && (before.elr.length > 0 ? before.elr : before.lastKnownElr).includes(after.leader);
        let holds = new Set(before.holdsCommitted);
        if (elected && !eligible) {
          const uncleanAllowed = walk.uncleanTopics.has(name) || walk.uncleanTopics.has('') || view.uncleanElectionAsked?.(name) === true;
          const uncleanShape = after.isr.length === 1 && after.isr[0] === after.leader;
          if (!uncleanAllowed || !uncleanShape) {
            violations.push(
              violation(
                'newLeaderFromPreviousIsr',
                undefined,
                `committed record at ${offset}: ${name}-${record.partitionId} elected ${after.leader}, outside its previous ISR [${before.isr.join(',')}] and eligible leaders [${before.elr.join(',')}] (new ISR [${after.isr.join(',')}]; unclean election ${uncleanAllowed ? 'allowed, but not unclean-shaped' : 'not allowed or asked'})`,
              ),
            );
          }
          // An unclean leader's log is the partition's truth from now on.
          holds = new Set(after.isr);
        } else {
          if (eligible && !holds.has(after.leader)) {
            walk.pendingElr.push(
              violation(
                'elrMembersHoldCommitted',
                undefined,
                `committed record at ${offset}: ${name}-${record.partitionId} elected eligible leader ${after.leader}, which may lack committed records (those that hold them all: [${[...holds].join(',')}])`,
              ),
            );
          }
          // A follower joins the ISR only once it has reached the HW: it holds what was committed.
          for (const id of after.isr) if (!before.isr.includes(id)) holds.add(id);
        }
        if (after.isr.length >= effectiveMinIsr(walk, name, after.replicas)) holds = new Set(after.isr);
        if (eligible) walk.eligibleElections++;
        if (after.elr.some((id) => !before.elr.includes(id))) walk.eligibleLeaderEntries++;
        const walked: WalkedPartition = { ...after, holdsCommitted: holds };
        walk.partitions.set(key, walked);
        checkIsrWithinReplicas(walk, offset, record.topicId, record.partitionId, after.isr, after.replicas);
        checkEligibleLeaders(walk, offset, record.partitionId, walked);
        break;
      }
      case 'removeTopic':
        for (const key of [...walk.partitions.keys()]) if (key.startsWith(`${record.topicId}:`)) walk.partitions.delete(key);
        break;
      default:
        break;
    }
  }
  return violations;
}

/**
 * A new min.insync.replicas: where the ISR now meets it, the broker's HW may move again, and only
 * the ISR is sure to keep up with it.
 */
function noteMinIsr(walk: PartitionWalk, topicName: string, value: string | null): void {
  const parsed = Number(value);
  if (value === null || !Number.isSafeInteger(parsed) || parsed < 1) walk.minIsr.delete(topicName);
  else walk.minIsr.set(topicName, parsed);
  for (const [key, p] of walk.partitions) {
    const name = walk.topicNames.get(p.topicId) ?? p.topicId;
    if ((topicName === '' || name === topicName) && p.isr.length >= effectiveMinIsr(walk, name, p.replicas)) walk.partitions.set(key, { ...p, holdsCommitted: new Set(p.isr) });
  }
}

/** The broker's effective min ISR for a topic: its min.insync.replicas (else the cluster's, else 1), capped at the replicas. */
function effectiveMinIsr(walk: PartitionWalk, topicName: string, replicas: readonly number[]): number {
  return Math.min(walk.minIsr.get(topicName) ?? walk.minIsr.get('') ?? 1, replicas.length);
}

function checkEligibleLeaders(walk: PartitionWalk, offset: number, partitionId: number, p: WalkedPartition): void {
  const lacking = p.elr.filter((id) => !p.holdsCommitted.has(id));
  if (lacking.length === 0) return;
  const name = walk.topicNames.get(p.topicId) ?? p.topicId;
  walk.pendingElr.push(
    violation(
      'elrMembersHoldCommitted',
      undefined,
      `committed record at ${offset}: ${name}-${partitionId} has eligible leaders [${lacking.join(',')}] that may lack committed records (ISR [${p.isr.join(',')}], those that hold them all: [${[...p.holdsCommitted].join(',')}])`,
    ),
  );
}

function checkIsrWithinReplicas(walk: PartitionWalk, offset: number, topicId: string, partitionId: number, isr: readonly number[], replicas: readonly number[]): void {
  const outside = isr.filter((id) => !replicas.includes(id));
  if (outside.length === 0) return;
  const name = walk.topicNames.get(topicId) ?? topicId;
  walk.pendingIsr.push(violation('isrSubsetOfReplicas', undefined, `committed record at ${offset}: ${name}-${partitionId} has ISR members [${outside.join(',')}] outside its replicas [${replicas.join(',')}]`));
}

/** A controller answers each request at most once. */
export const answeredAtMostOnce: MetadataInvariant = (view) =>
  view.doubleAnswers.map((d) => violation('answeredAtMostOnce', d.controller, `request #${d.requestId} was answered a second time`));

/** The per-image invariants mark the images they saw; runs last. */
const markChecked: MetadataInvariant = (view, memory) => {
  for (const node of view.nodes) if (node.image !== null) memory.checkedImages.add(node.image);
  memory.lastCommittedImage = view.committed.image;
  return [];
};

/** In checking order. */
export const METADATA_INVARIANTS: readonly (readonly [string, MetadataInvariant])[] = [
  ['leaderInIsr', leaderInIsr],
  ['fencedBrokerLeadsNothing', fencedBrokerLeadsNothing],
  ['partitionEpochsRise', partitionEpochsRise],
  ['committedLogSound', committedLogSound],
  ['imageMatchesCommittedLog', imageMatchesCommittedLog],
  ['acknowledgedRepliesCommitted', acknowledgedRepliesCommitted],
  ['zombieEpochsRefused', zombieEpochsRefused],
  ['answeredAtMostOnce', answeredAtMostOnce],
  ['newLeaderFromPreviousIsr', newLeaderFromPreviousIsr],
  ['elrMembersHoldCommitted', elrMembersHoldCommitted],
  ['isrSubsetOfReplicas', isrSubsetOfReplicas],
  ['leaderChangeBumpsLeaderEpoch', leaderChangeBumpsLeaderEpoch],
  ['noFencedBrokerInIsr', noFencedBrokerInIsr],
  ['markChecked', markChecked],
];

export function checkMetadataInvariants(view: MetadataView, memory: MetadataInvariantMemory): Violation[] {
  return METADATA_INVARIANTS.flatMap(([, check]) => check(view, memory));
}

function samePartition(a: PartitionRegistration, b: PartitionRegistration): boolean {
  return (
    a.leader === b.leader &&
    a.leaderEpoch === b.leaderEpoch &&
    sameList(a.isr, b.isr) &&
    sameList(a.replicas, b.replicas) &&
    sameList(a.addingReplicas, b.addingReplicas) &&
    sameList(a.removingReplicas, b.removingReplicas)
  );
}

function sameList(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Why a successful reply is not (yet) in the committed log, or null if it is. */
function unreflected(committed: CommittedMetadata, request: ControllerRequest, reply: ControllerReply): string | null {
  const value = (reply.result as { readonly ok: true; readonly value: unknown }).value;
  switch (request.kind) {
    case 'registerBroker': {
      const { brokerEpoch } = value as ControllerApi['registerBroker'][1];
      const record = committed.registrationAt(brokerEpoch);
      if (record === undefined || record.brokerId !== request.body.brokerId || record.incarnationId !== request.body.incarnationId) {
        return `no RegisterBroker of broker ${request.body.brokerId} incarnation ${request.body.incarnationId} is committed at offset ${brokerEpoch}`;
      }
      return null;
    }
    case 'brokerHeartbeat': {
      const { isFenced } = value as ControllerApi['brokerHeartbeat'][1];
      const { brokerId, brokerEpoch } = request.body;
      const record = committed.registrationAt(brokerEpoch);
      if (record === undefined || record.brokerId !== brokerId) return `broker ${brokerId} has no committed registration at epoch ${brokerEpoch}`;
      if (!isFenced && !committed.wasUnfenced(brokerId, brokerEpoch)) return `it told broker ${brokerId} (epoch ${brokerEpoch}) it is unfenced, which never committed`;
      return null;
    }
    case 'createTopics': {
      if (request.body.validateOnly === true) return null;
      for (const topic of (value as ControllerApi['createTopics'][1]).topics) {
        if (topic.error !== null) continue;
        const created = topic.topicId === null ? undefined : committed.createdTopic(topic.topicId);
        if (created === undefined || created.name !== topic.name || created.partitions !== topic.numPartitions) {
          return `topic ${topic.name} (id ${topic.topicId}, ${topic.numPartitions} partitions) is not committed so`;
        }
      }
      return null;
    }
    case 'deleteTopics': {
      for (const topic of (value as ControllerApi['deleteTopics'][1]).topics) {
        if (topic.error === null && !committed.wasRemoved(topic.name)) return `no RemoveTopic of ${topic.name} is committed`;
      }
      return null;
    }
    case 'createPartitions': {
      if (request.body.validateOnly === true) return null;
      const outcomes = (value as ControllerApi['createPartitions'][1]).topics;
      for (const asked of request.body.topics) {
        const outcome = outcomes.find((t) => t.name === asked.name);
        if (outcome === undefined || outcome.error !== null) continue;
        if (!committed.topicsNamed(asked.name).some((t) => committed.partitionHistory(t.topicId, asked.count - 1).length > 0)) {
          return `topic ${asked.name} never had ${asked.count} partitions in the committed log`;
        }
      }
      return null;
    }
    case 'alterPartition': {
      for (const item of (value as ControllerApi['alterPartition'][1]).partitions) {
        if (item.state === null) continue;
        const state = committed.partitionState(item.topicId, item.partitionId, item.state.partitionEpoch);
        if (state === undefined || state.leader !== item.state.leader || state.leaderEpoch !== item.state.leaderEpoch || !sameList(state.isr, item.state.isr)) {
          return `it returned ${item.topicId}-${item.partitionId} at partition epoch ${item.state.partitionEpoch} as leader ${item.state.leader} (epoch ${item.state.leaderEpoch}) isr [${item.state.isr.join(',')}], which never committed`;
        }
      }
      return null;
    }
    case 'electLeaders': {
      for (const outcome of (value as ControllerApi['electLeaders'][1]).partitions) {
        if (outcome.error !== null) continue;
        const history = committed.topicsNamed(outcome.topic).flatMap((t) => committed.partitionHistory(t.topicId, outcome.partitionId));
        const elected = history.some((p) => p.leader !== NO_LEADER && (request.body.type !== 'preferred' || p.leader === p.replicas[0]));
        if (!elected) return `no committed state of ${outcome.topic}-${outcome.partitionId} has the ${request.body.type} leader it reported elected`;
      }
      return null;
    }
    case 'alterPartitionReassignments': {
      const outcomes = (value as ControllerApi['alterPartitionReassignments'][1]).partitions;
      for (const asked of request.body.reassignments) {
        const outcome = outcomes.find((o) => o.topic === asked.topic && o.partitionId === asked.partitionId);
        if (outcome === undefined || outcome.error !== null) continue;
        const history = committed.topicsNamed(asked.topic).flatMap((t) => committed.partitionHistory(t.topicId, asked.partitionId));
        const target = asked.replicas;
        const reflected =
          target === null
            ? history.some((p) => p.addingReplicas.length === 0 && p.removingReplicas.length === 0)
            : history.some((p) => target.every((id) => p.replicas.includes(id)));
        if (!reflected) return `no committed state of ${asked.topic}-${asked.partitionId} reflects the reassignment to ${target === null ? 'cancel' : `[${target.join(',')}]`}`;
      }
      return null;
    }
    case 'incrementalAlterConfigs': {
      if (request.body.validateOnly === true) return null;
      const outcomes = (value as ControllerApi['incrementalAlterConfigs'][1]).resources;
      for (const resource of request.body.resources) {
        const outcome = outcomes.find((o) => o.type === resource.type && o.name === resource.name);
        if (outcome === undefined || outcome.error !== null) continue;
        for (const change of resource.changes) {
          if (change.op === 'set' && change.value !== null && !committed.configEverHeld(resource, change.name, change.value)) {
            return `${resource.type} ${JSON.stringify(resource.name)} config ${change.name}=${change.value} never committed`;
          }
          if (change.op === 'delete' && committed.configEverWritten(resource, change.name) && !committed.configEverHeld(resource, change.name, null)) {
            return `${resource.type} ${JSON.stringify(resource.name)} config ${change.name} was never deleted in the committed log`;
          }
        }
      }
      return null;
    }
    case 'allocateProducerIds': {
      const { firstProducerId, count } = value as ControllerApi['allocateProducerIds'][1];
      return committed.producerIdBlockEndedAt(firstProducerId + count) ? null : `no ProducerIds record ending at ${firstProducerId + count} is committed`;
    }
    default:
      return null;
  }
}

function violation(invariant: string, node: NodeId | undefined, message: string): Violation {
  return node === undefined ? { invariant, message } : { invariant, node, message };
}

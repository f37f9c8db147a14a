/**
 * Broker registration, heartbeats, fencing, unfencing and controlled shutdown (KIP-631;
 * reference/KRAFT.md §3.2): each function decides from the view and writes the records.
 */
import { apiError, type ApiError } from '../errors/api-error';
import type { BrokerRegistration } from '../image/broker-registration';
import { NO_LEADER, type BrokerId } from '../records/metadata-record';
import type { ControlContext } from './control-context';
import type {
  BrokerHeartbeatRequest,
  BrokerHeartbeatResponse,
  RegisterBrokerRequest,
  RegisterBrokerResponse,
  ReplicaRef,
} from './controller-requests';
import { writeChangesInChunks, type Operation } from './operation';
import { buildPartitionChange } from './partition-change-builder';
import { electionContexts, partitionsWhere, partitionsWithBroker, type PartitionRef } from './partition-scan';

export type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ApiError };

export function ok<T>(value: T): Outcome<T> {
  return { ok: true, value };
}

export function failed<T>(error: ApiError): Outcome<T> {
  return { ok: false, error };
}

/** A broker must name its current registration; anything else is a zombie or a stranger. */
export function checkBrokerEpoch(ctx: ControlContext, brokerId: BrokerId, brokerEpoch: number): BrokerRegistration | ApiError {
  const broker = ctx.view.broker(brokerId);
  if (broker === undefined) return apiError('BROKER_ID_NOT_REGISTERED', `broker ${brokerId} is not registered`);
  if (broker.epoch !== brokerEpoch) {
    return apiError('STALE_BROKER_EPOCH', `broker ${brokerId} sent epoch ${brokerEpoch}; its registration has epoch ${broker.epoch}`);
  }
  return broker;
}

/**
 * BrokerRegistration. The broker epoch is the offset of the RegisterBroker record. A second process
 * claiming an id whose broker still has a live session is refused (DUPLICATE_BROKER_REGISTRATION);
 * the same incarnation asking again gets its epoch back; a new incarnation (a restart) is registered
 * anew and fenced — and if the old one was still unfenced, it is first taken out of every ISR and
 * leadership, since a restarted broker may have lost its unflushed log. The replicas it reports
 * damaged (its log recovery cut them) then leave the ISR and ELR too (damagedReplicaChanges).
 */
export function* registerBroker(ctx: ControlContext, request: RegisterBrokerRequest): Operation<RegisterBrokerResponse> {
  if (request.clusterId !== ctx.config.clusterId) {
    return failed(apiError('INCONSISTENT_CLUSTER_ID', `broker ${request.brokerId} belongs to cluster ${request.clusterId}, not ${ctx.config.clusterId}`));
  }
  if (!Number.isInteger(request.brokerId) || request.brokerId < 0) {
    return failed(apiError('INVALID_REQUEST', `broker id ${request.brokerId} is not a non-negative integer`));
  }
  if (request.incarnationId === '') return failed(apiError('INVALID_REQUEST', 'incarnation id is empty'));
  const existing = ctx.view.broker(request.brokerId);
  if (existing !== undefined) {
    if (existing.incarnationId === request.incarnationId) {
      ctx.heartbeats.touch(request.brokerId, ctx.now, -1);
      return ok({ brokerEpoch: existing.epoch });
    }
    if (ctx.heartbeats.hasSession(request.brokerId, ctx.now, ctx.config.sessionTimeoutMs) && !existing.fenced) {
      return failed(
        apiError('DUPLICATE_BROKER_REGISTRATION', `broker ${request.brokerId} is registered by incarnation ${existing.incarnationId}, whose session is alive`),
      );
    }
    if (!existing.fenced) yield* moveAway(ctx, request.brokerId);
  }
  yield* dropDamagedReplicas(ctx, request.brokerId, request.damagedReplicas ?? []);
  const brokerEpoch = ctx.nextOffset();
  ctx.write(
    [
      {
        type: 'registerBroker',
        brokerId: request.brokerId,
        incarnationId: request.incarnationId,
        brokerEpoch,
        endpoints: request.endpoints,
        rack: request.rack,
        fenced: true,
        inControlledShutdown: false,
      },
    ],
    true,
  );
  ctx.heartbeats.touch(request.brokerId, ctx.now, -1);
  return ok({ brokerEpoch });
}

/**
 * The replicas a registering broker reports damaged — its log recovery cut a batch, which may have
 * held committed records — leave the ISR, ELR and last known ELR of their partitions (the builder's
 * `damaged`), so that no election counts on records that log may have lost: it returns to the ISR
 * only by catching up from a leader. An ISR this empties leaves the partition without a leader until
 * an ELR member returns, or an unclean election. Refs to partitions the view does not have (a
 * deleted topic's leftovers) are ignored.
 *
 * Written before the registration record, in chunks: a new incarnation's registration in the log
 * therefore always follows these changes (a failover between the two leaves the old, fenced
 * registration, and the broker's retry reports the damage again), and no batch limit is in the way.
 */
function* dropDamagedReplicas(ctx: ControlContext, brokerId: BrokerId, damaged: readonly ReplicaRef[]): Generator<void, number, void> {
  const refs: PartitionRef[] = [];
  for (const { topicId, partitionId } of damaged) {
    const topic = ctx.view.topicById(topicId);
    const partition = topic?.partitions[partitionId];
    if (topic === undefined || partition === undefined || refs.some((r) => r.topicId === topicId && r.partitionId === partitionId)) continue;
    refs.push({ topicId, topicName: topic.name, partitionId, partition });
  }
  return yield* writeChangesInChunks(ctx, refs, () => {
    const contextOf = electionContexts(ctx.view, new Set([brokerId]));
    return (ref) => buildPartitionChange(ref.topicId, ref.partitionId, ref.partition, { damaged: [brokerId] }, contextOf(ref.topicName));
  });
}

/**
 * A heartbeat that changes nothing, answered at once — the common case, and the one that keeps a
 * broker alive: it is never queued behind a large operation. Null when the heartbeat asks for a
 * change (unfencing, fencing, controlled shutdown), which `brokerHeartbeat` then makes in turn with
 * the other writes. Either way the session counts from now, the heartbeat's arrival (KAFKA-15019:
 * a heartbeat the controller was too busy to answer still proves the broker alive).
 */
export function heartbeatWithoutChange(ctx: ControlContext, request: BrokerHeartbeatRequest): Outcome<BrokerHeartbeatResponse> | null {
  const broker = checkBrokerEpoch(ctx, request.brokerId, request.brokerEpoch);
  if (!('epoch' in broker)) return failed(broker);
  ctx.heartbeats.touch(request.brokerId, ctx.now, request.currentMetadataOffset);
  ctx.heartbeats.noteOfflineReplicas(request.brokerId, request.offlineReplicas ?? []);
  const isCaughtUp = request.currentMetadataOffset >= broker.epoch;
  if (broker.fenced) {
    if (request.wantShutDown) return ok({ isCaughtUp, isFenced: true, shouldShutDown: true });
    if (!request.wantFence && isCaughtUp) return null;
    return ok({ isCaughtUp, isFenced: true, shouldShutDown: false });
  }
  if (request.wantFence || request.wantShutDown || leadsOrSyncsOffline(ctx, request)) return null;
  return ok({ isCaughtUp, isFenced: false, shouldShutDown: false });
}

/** An offline replica of the broker still leads its partition or counts in its ISR: it must move. */
function leadsOrSyncsOffline(ctx: ControlContext, request: BrokerHeartbeatRequest): boolean {
  return offlineRefs(ctx, request).length > 0;
}

function offlineRefs(ctx: ControlContext, request: BrokerHeartbeatRequest): PartitionRef[] {
  const refs: PartitionRef[] = [];
  for (const { topicId, partitionId } of request.offlineReplicas ?? []) {
    const topic = ctx.view.topicById(topicId);
    const partition = topic?.partitions[partitionId];
    if (topic === undefined || partition === undefined) continue;
    if (partition.leader === request.brokerId || partition.isr.includes(request.brokerId)) refs.push({ topicId, topicName: topic.name, partitionId, partition });
  }
  return refs;
}

/**
 * BrokerHeartbeat: KRaft's calculateNextBrokerState. A fenced broker is unfenced once it has applied
 * the metadata log up to its own registration (KAFKA-13955: "caught up to the log end" never holds
 * while NoOps keep arriving); an unfenced one asking to fence is fenced; one asking to shut down
 * first hands its leaderships away, and is told to stop once it leads nothing and every active broker
 * has seen that.
 */
export function* brokerHeartbeat(ctx: ControlContext, request: BrokerHeartbeatRequest): Operation<BrokerHeartbeatResponse> {
  const quick = heartbeatWithoutChange(ctx, request);
  if (quick !== null) return quick;
  const broker = ctx.view.broker(request.brokerId)!;
  const isCaughtUp = request.currentMetadataOffset >= broker.epoch;
  if (broker.fenced) {
    yield* unfenceBroker(ctx, broker);
    return ok({ isCaughtUp, isFenced: false, shouldShutDown: false });
  }
  if (request.wantFence) {
    yield* fenceBroker(ctx, request.brokerId);
    return ok({ isCaughtUp, isFenced: true, shouldShutDown: request.wantShutDown });
  }
  // Replicas it cannot serve lose their leadership and ISR place, as KIP-858 does for an offline log dir
  // (and may not lead from the ELR: their logs will not open).
  yield* moveAway(ctx, request.brokerId, offlineRefs(ctx, request), false);
  if (!request.wantShutDown) return ok({ isCaughtUp, isFenced: false, shouldShutDown: false });
  // Every shutdown heartbeat moves what the broker still leads: the first begins the controlled
  // shutdown, later ones finish what a failover may have cut short.
  yield* controlledShutdown(ctx, broker);
  if (!controlledShutdownDone(ctx, request.brokerId)) return ok({ isCaughtUp, isFenced: false, shouldShutDown: false });
  // Done: fence it now, as KRaft does, so that its next incarnation may register at once
  // instead of waiting out this one's session.
  yield* fenceBroker(ctx, request.brokerId);
  return ok({ isCaughtUp, isFenced: true, shouldShutDown: true });
}

/**
 * Fences a broker: it leaves every ISR (but never empties one) and every leadership moves, a chunk
 * of partitions at a time; the registration change comes last, so that until every leadership has
 * moved the broker is not "fenced yet leading". Returns the offset of the last record written, -1
 * when there was nothing to fence (or it re-registered meanwhile: the new incarnation starts fenced).
 */
export function* fenceBroker(ctx: ControlContext, brokerId: BrokerId): Generator<void, number, void> {
  const broker = ctx.view.broker(brokerId);
  if (broker === undefined || broker.fenced) return -1;
  yield* moveAway(ctx, brokerId);
  const now = ctx.view.broker(brokerId);
  if (now === undefined || now.fenced || now.epoch !== broker.epoch) return -1;
  return ctx.write([{ type: 'brokerRegistrationChange', brokerId, brokerEpoch: broker.epoch, fenced: true, inControlledShutdown: false }], false);
}

/**
 * Unfences a broker, then gives it the partitions that have no leader but could have it. Unfencing
 * comes first: should a failover cut the elections short, the new controller elects leaderless
 * partitions when it activates, whereas elections without the unfencing would have a fenced broker
 * lead.
 */
export function* unfenceBroker(ctx: ControlContext, broker: BrokerRegistration): Generator<void, number, void> {
  ctx.write([{ type: 'brokerRegistrationChange', brokerId: broker.id, brokerEpoch: broker.epoch, fenced: false }], false);
  const leaderless = partitionsWhere(ctx.view, (p) => p.leader === NO_LEADER && p.replicas.includes(broker.id));
  yield* writeChangesInChunks(ctx, leaderless, () => {
    const contextOf = electionContexts(ctx.view);
    return (ref) => buildPartitionChange(ref.topicId, ref.partitionId, ref.partition, {}, contextOf(ref.topicName));
  });
  return ctx.lastWritten();
}

/**
 * Marks the broker in controlled shutdown (once) and moves its leaderships and ISR places away.
 * The mark comes first: a failover between the two leaves a broker in controlled shutdown that
 * still leads something, and its next shutdown heartbeat moves the rest.
 */
function* controlledShutdown(ctx: ControlContext, broker: BrokerRegistration): Generator<void, void, void> {
  if (!broker.inControlledShutdown) {
    const offset = ctx.write([{ type: 'brokerRegistrationChange', brokerId: broker.id, brokerEpoch: broker.epoch, inControlledShutdown: true }], false);
    ctx.heartbeats.noteControlledShutdown(broker.id, offset);
  }
  const moved = yield* moveAway(ctx, broker.id);
  if (moved > 0) ctx.heartbeats.noteControlledShutdown(broker.id, ctx.lastWritten());
}

/**
 * A broker in controlled shutdown may stop once it leads nothing and every other active broker has
 * applied the records that moved its leaderships, so no client is sent to it afterwards.
 */
function controlledShutdownDone(ctx: ControlContext, brokerId: BrokerId): boolean {
  if (partitionsWhere(ctx.view, (p) => p.leader === brokerId).length > 0) return false;
  const offset = ctx.heartbeats.controlledShutdownOffset(brokerId);
  for (const other of ctx.view.allBrokers().values()) {
    if (other.id === brokerId || other.fenced || other.inControlledShutdown) continue;
    if (ctx.heartbeats.metadataOffset(other.id) < offset) return false;
  }
  return true;
}

/**
 * Takes a broker out of every ISR and leadership, a chunk at a time: for fencing, for a new
 * incarnation of an unfenced broker, and for controlled shutdown. A partition whose ISR this leaves
 * below min ISR keeps the broker as an eligible leader (KIP-966, when on; `eligible`: its log still
 * holds every committed record), or else the ISR keeps its last member (partition-change-builder):
 * either way a partition whose only in-sync replica dies waits for a replica holding every
 * committed record rather than lose acknowledged data — unless its topic allows unclean election.
 * Returns how many partitions changed.
 */
export function* moveAway(ctx: ControlContext, brokerId: BrokerId, only?: readonly PartitionRef[], eligible = true): Generator<void, number, void> {
  const leavers = eligible ? [brokerId] : [];
  return yield* writeChangesInChunks(ctx, only ?? partitionsWithBroker(ctx.view, brokerId), () => {
    const contextOf = electionContexts(ctx.view, new Set([brokerId]));
    return (ref) =>
      buildPartitionChange(ref.topicId, ref.partitionId, ref.partition, { isr: ref.partition.isr.filter((id) => id !== brokerId), eligibleLeavers: leavers }, contextOf(ref.topicName));
  });
}

/** Unregisters a broker (UnregisterBroker): out of every ISR, ELR and leadership, then gone. */
export function* unregisterBroker(ctx: ControlContext, brokerId: BrokerId): Operation<Record<string, never>> {
  const broker = ctx.view.broker(brokerId);
  if (broker === undefined) return failed(apiError('BROKER_ID_NOT_REGISTERED', `broker ${brokerId} is not registered`));
  yield* writeChangesInChunks(ctx, partitionsWhere(ctx.view, (p) => p.leader === brokerId || p.isr.includes(brokerId) || p.eligibleLeaderReplicas.includes(brokerId)), () => {
    const contextOf = electionContexts(ctx.view, new Set([brokerId]));
    return (ref) =>
      buildPartitionChange(ref.topicId, ref.partitionId, ref.partition, { isr: ref.partition.isr.filter((id) => id !== brokerId), ineligible: [brokerId] }, contextOf(ref.topicName));
  });
  if (ctx.view.broker(brokerId)?.epoch !== broker.epoch) return ok({});
  ctx.write([{ type: 'unregisterBroker', brokerId, brokerEpoch: broker.epoch }], false);
  ctx.heartbeats.forget(brokerId);
  return ok({});
}

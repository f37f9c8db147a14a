/**
 * Broker registration, heartbeats, fencing, unfencing and controlled shutdown (KIP-631;
 * reference/KRAFT.md §3.2): each function decides from the view and writes the records.
 */
import { apiError, type ApiError } from '../errors/api-error';
import type { BrokerRegistration } from '../image/broker-registration';
import { NO_LEADER, type BrokerId, type MetadataRecord, type PartitionChangeRecord } from '../records/metadata-record';
import type { ControlContext } from './control-context';
import type {
  BrokerHeartbeatRequest,
  BrokerHeartbeatResponse,
  RegisterBrokerRequest,
  RegisterBrokerResponse,
} from './controller-requests';
import { buildPartitionChange } from './partition-change-builder';
import { electionContexts, partitionsWhere, partitionsWithBroker } from './partition-scan';

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
 * leadership, since a restarted broker may have lost its unflushed log.
 */
export function registerBroker(ctx: ControlContext, request: RegisterBrokerRequest): Outcome<RegisterBrokerResponse> {
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
    if (!existing.fenced) ctx.write(moveAwayRecords(ctx, request.brokerId), false);
  }
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
 * BrokerHeartbeat: KRaft's calculateNextBrokerState. A fenced broker is unfenced once it has applied
 * the metadata log up to its own registration (KAFKA-13955: "caught up to the log end" never holds
 * while NoOps keep arriving); an unfenced one asking to fence is fenced; one asking to shut down
 * first hands its leaderships away, and is told to stop once it leads nothing and every active broker
 * has seen that.
 */
export function brokerHeartbeat(ctx: ControlContext, request: BrokerHeartbeatRequest): Outcome<BrokerHeartbeatResponse> {
  const broker = checkBrokerEpoch(ctx, request.brokerId, request.brokerEpoch);
  if (!('epoch' in broker)) return failed(broker);
  ctx.heartbeats.touch(request.brokerId, ctx.now, request.currentMetadataOffset);
  const isCaughtUp = request.currentMetadataOffset >= broker.epoch;
  if (broker.fenced) {
    if (request.wantShutDown) return ok({ isCaughtUp, isFenced: true, shouldShutDown: true });
    if (!request.wantFence && isCaughtUp) {
      unfenceBroker(ctx, broker);
      return ok({ isCaughtUp, isFenced: false, shouldShutDown: false });
    }
    return ok({ isCaughtUp, isFenced: true, shouldShutDown: false });
  }
  if (request.wantFence) {
    fenceBroker(ctx, request.brokerId);
    return ok({ isCaughtUp, isFenced: true, shouldShutDown: request.wantShutDown });
  }
  if (request.wantShutDown) {
    if (!broker.inControlledShutdown) beginControlledShutdown(ctx, broker);
    if (!controlledShutdownDone(ctx, request.brokerId)) return ok({ isCaughtUp, isFenced: false, shouldShutDown: false });
    // Done: fence it now, as KRaft does, so that its next incarnation may register at once
    // instead of waiting out this one's session.
    fenceBroker(ctx, request.brokerId);
    return ok({ isCaughtUp, isFenced: true, shouldShutDown: true });
  }
  return ok({ isCaughtUp, isFenced: false, shouldShutDown: false });
}

/** Fences a broker: it leaves every ISR (but never empties one) and every leadership moves. */
export function fenceBroker(ctx: ControlContext, brokerId: BrokerId): number {
  const broker = ctx.view.broker(brokerId);
  if (broker === undefined || broker.fenced) return -1;
  const records: MetadataRecord[] = moveAwayRecords(ctx, brokerId);
  // Last, so that until every leadership has moved the broker is not "fenced yet leading".
  records.push({ type: 'brokerRegistrationChange', brokerId, brokerEpoch: broker.epoch, fenced: true, inControlledShutdown: false });
  return ctx.write(records, false);
}

/**
 * Unfences a broker and gives it the partitions that have no leader but could have it — in one write,
 * so that a failover cannot commit the unfencing without the elections (the broker would then sit
 * unfenced in the ISR of a partition that nobody elects it to lead).
 */
export function unfenceBroker(ctx: ControlContext, broker: BrokerRegistration): number {
  const records: MetadataRecord[] = [{ type: 'brokerRegistrationChange', brokerId: broker.id, brokerEpoch: broker.epoch, fenced: false }];
  const contextOf = electionContexts(ctx.view, undefined, new Set([broker.id]));
  for (const ref of partitionsWhere(ctx.view, (p) => p.leader === NO_LEADER && p.replicas.includes(broker.id))) {
    const change = buildPartitionChange(ref.topicId, ref.partitionId, ref.partition, {}, contextOf(ref.topicName));
    if (change !== null) records.push(change);
  }
  return ctx.write(records, false);
}

/** In one write, like unfencing: a failover must not commit "in controlled shutdown" without the moves. */
function beginControlledShutdown(ctx: ControlContext, broker: BrokerRegistration): void {
  const records: MetadataRecord[] = [
    { type: 'brokerRegistrationChange', brokerId: broker.id, brokerEpoch: broker.epoch, inControlledShutdown: true },
    ...moveAwayRecords(ctx, broker.id),
  ];
  const offset = ctx.write(records, false);
  ctx.heartbeats.noteControlledShutdown(broker.id, offset);
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
 * The partition changes that take a broker out of every ISR and leadership: for fencing, for a new
 * incarnation of an unfenced broker, and for controlled shutdown. The ISR keeps its last member
 * (partition-change-builder), so a partition whose only in-sync replica dies waits for it rather than
 * lose acknowledged data — unless its topic allows unclean election.
 */
export function moveAwayRecords(ctx: ControlContext, brokerId: BrokerId): PartitionChangeRecord[] {
  const contextOf = electionContexts(ctx.view, new Set([brokerId]));
  const records: PartitionChangeRecord[] = [];
  for (const ref of partitionsWithBroker(ctx.view, brokerId)) {
    const isr = ref.partition.isr.filter((id) => id !== brokerId);
    const change = buildPartitionChange(ref.topicId, ref.partitionId, ref.partition, { isr }, contextOf(ref.topicName));
    if (change !== null) records.push(change);
  }
  return records;
}

/** Unregisters a broker (UnregisterBroker): out of every ISR and leadership, then gone. */
export function unregisterBroker(ctx: ControlContext, brokerId: BrokerId): Outcome<Record<string, never>> {
  const broker = ctx.view.broker(brokerId);
  if (broker === undefined) return failed(apiError('BROKER_ID_NOT_REGISTERED', `broker ${brokerId} is not registered`));
  const records: MetadataRecord[] = moveAwayRecords(ctx, brokerId);
  records.push({ type: 'unregisterBroker', brokerId, brokerEpoch: broker.epoch });
  ctx.write(records, false);
  ctx.heartbeats.forget(brokerId);
  return ok({});
}

import type { BrokerId } from '../records/metadata-record';
import type { ReplicaRef } from './controller-requests';

interface Contact {
  lastContactMs: number;
  /** The offset after which every leadership of a broker in controlled shutdown has moved. */
  controlledShutdownOffset: number;
  /** The broker's last reported metadata offset; -1 until it reports one. */
  metadataOffset: number;
  /** Replicas it last said it cannot serve. */
  offlineReplicas: readonly ReplicaRef[];
}

/**
 * When each broker was last heard from. Soft state held only by the active controller, as in KRaft:
 * a new controller seeds it with every registered broker at activation, so a broker that dies during
 * a failover is still fenced one session timeout later (KAFKA-18138, KAFKA-13841) — except the
 * previous quorum leader's own broker, seeded from when that leader was last heard
 * (previousLeaderSilence in quorum-controller.ts).
 */
export class BrokerHeartbeats {
  private readonly contacts = new Map<BrokerId, Contact>();

  touch(id: BrokerId, now: number, metadataOffset: number): void {
    const contact = this.contacts.get(id);
    if (contact === undefined) this.contacts.set(id, { lastContactMs: now, metadataOffset, controlledShutdownOffset: -1, offlineReplicas: NONE });
    else {
      contact.lastContactMs = Math.max(contact.lastContactMs, now);
      contact.metadataOffset = Math.max(contact.metadataOffset, metadataOffset);
    }
  }

  /** Starts tracking brokers not heard from yet, as if they had just called in. */
  seed(ids: Iterable<BrokerId>, now: number): void {
    for (const id of ids) if (!this.contacts.has(id)) this.contacts.set(id, { lastContactMs: now, metadataOffset: -1, controlledShutdownOffset: -1, offlineReplicas: NONE });
  }

  /**
   * The controller could not hear anyone for `ms` (its process stalled): every session gets that
   * time back, as if each broker had last been heard from `ms` later (but not after `now`).
   */
  credit(ms: number, now: number): void {
    for (const contact of this.contacts.values()) contact.lastContactMs = Math.min(now, contact.lastContactMs + ms);
  }

  forget(id: BrokerId): void {
    this.contacts.delete(id);
  }

  clear(): void {
    this.contacts.clear();
  }

  /** True while the broker's session is alive. */
  hasSession(id: BrokerId, now: number, sessionTimeoutMs: number): boolean {
    const contact = this.contacts.get(id);
    return contact !== undefined && now - contact.lastContactMs < sessionTimeoutMs;
  }

  /** Of `candidates`, those whose session has expired, oldest silence first. */
  expired(candidates: Iterable<BrokerId>, now: number, sessionTimeoutMs: number): BrokerId[] {
    const out: { id: BrokerId; at: number }[] = [];
    for (const id of candidates) {
      const contact = this.contacts.get(id);
      if (contact !== undefined && now - contact.lastContactMs >= sessionTimeoutMs) out.push({ id, at: contact.lastContactMs });
    }
    return out.sort((a, b) => a.at - b.at || a.id - b.id).map((e) => e.id);
  }

  /** When the first of `candidates` would expire, or Infinity. */
  nextExpiry(candidates: Iterable<BrokerId>, sessionTimeoutMs: number): number {
    let next = Number.POSITIVE_INFINITY;
    for (const id of candidates) {
      const contact = this.contacts.get(id);
      if (contact !== undefined) next = Math.min(next, contact.lastContactMs + sessionTimeoutMs);
    }
    return next;
  }

  noteControlledShutdown(id: BrokerId, offset: number): void {
    const contact = this.contacts.get(id);
    if (contact !== undefined) contact.controlledShutdownOffset = offset;
  }

  controlledShutdownOffset(id: BrokerId): number {
    return this.contacts.get(id)?.controlledShutdownOffset ?? -1;
  }

  metadataOffset(id: BrokerId): number {
    return this.contacts.get(id)?.metadataOffset ?? -1;
  }

  noteOfflineReplicas(id: BrokerId, replicas: readonly ReplicaRef[]): void {
    const contact = this.contacts.get(id);
    if (contact !== undefined) contact.offlineReplicas = replicas;
  }

  /** How many replicas each broker last said it cannot serve (those with any). */
  offlineReplicaCounts(): { brokerId: BrokerId; count: number }[] {
    const out: { brokerId: BrokerId; count: number }[] = [];
    for (const [brokerId, contact] of this.contacts) if (contact.offlineReplicas.length > 0) out.push({ brokerId, count: contact.offlineReplicas.length });
    return out.sort((a, b) => a.brokerId - b.brokerId);
  }
}

const NONE: readonly ReplicaRef[] = [];

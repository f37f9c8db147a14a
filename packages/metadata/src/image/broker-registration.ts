import type { BrokerId, Endpoint } from '../records/metadata-record';

/** A registered broker as the image holds it (reference/KRAFT.md §3.2). */
export interface BrokerRegistration {
  readonly id: BrokerId;
  readonly incarnationId: string;
  /** The offset of the RegisterBroker record that created this registration. */
  readonly epoch: number;
  readonly endpoints: readonly Endpoint[];
  readonly rack: string | null;
  /** A fenced broker leads nothing and sits in no ISR. New registrations start fenced. */
  readonly fenced: boolean;
  readonly inControlledShutdown: boolean;
}

/** Fenced and shutting-down brokers may not take new leaderships or ISR places. */
export function isActive(broker: BrokerRegistration | undefined): broker is BrokerRegistration {
  return broker !== undefined && !broker.fenced && !broker.inControlledShutdown;
}

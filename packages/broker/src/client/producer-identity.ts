/**
 * An idempotent producer's identity and sequences (the part of Kafka's TransactionManager a
 * producer without transactions uses): a producer id and epoch from InitProducerId, and per
 * partition the next sequence number. Each batch gets its base sequence when it is first sent and
 * keeps it on every retry, which is what lets the partition's leader recognise a retry of a batch
 * it already appended and answer it with the original offsets instead of appending it twice.
 *
 * A sequence gap cannot be repaired in place: a batch that failed for good (or expired) after
 * being given a sequence leaves its successors unacceptable, and a leader that lost the producer's
 * state refuses them too. Then, as Kafka's producer does since KIP-360, the producer waits until
 * nothing is in flight, takes a new producer id and renumbers every batch not yet acknowledged
 * from sequence 0 — in the order they were queued, so a partition's records keep their order.
 */
import { KafkaErrorCode } from '@kz/kafka-protocol';
import type { Logger } from 'pino';
import { BrokerUnreachableError } from '../service/broker-unreachable-error';
import type { ClusterView } from './cluster-view';
import { isCoordinatorError, kafkaError } from './kafka-error-policy';
import type { ProducerStamp } from './producer-batch';

/** Kafka's transaction.timeout.ms default: sent with InitProducerId, meaningless without transactions. */
const TRANSACTION_TIMEOUT_MS = 60_000;
const MAX_SEQUENCE = 0x7fffffff;

export class ProducerIdentity {
  private current: { readonly producerId: number; readonly producerEpoch: number } | null = null;
  private generationValue = 0;
  private readonly nextSequence = new Map<string, { sequence: number; batchIndex: number }>();
  private resetRequested = false;
  private obtaining: Promise<void> | null = null;
  private closed = false;

  constructor(
    private readonly cluster: ClusterView,
    private readonly retryBackoffMs: number,
    private readonly log: Logger,
  ) {}

  /** Whether batches can be stamped now. */
  get ready(): boolean {
    return this.current !== null && !this.resetRequested;
  }

  get resetPending(): boolean {
    return this.resetRequested;
  }

  get generation(): number {
    return this.generationValue;
  }

  /** The producer fields for a partition's next batch of `count` records. */
  stampFor(topic: string, partition: number, count: number): ProducerStamp {
    const identity = this.current;
    if (identity === null || this.resetRequested) throw new Error('ProducerIdentity: no identity to stamp with');
    const key = partitionKey(topic, partition);
    const { sequence: baseSequence, batchIndex } = this.nextSequence.get(key) ?? { sequence: 0, batchIndex: 0 };
    // Sequences wrap from 2^31-1 to 0, as the broker expects (DefaultRecordBatch.incrementSequence).
    const next = baseSequence + count;
    this.nextSequence.set(key, { sequence: next > MAX_SEQUENCE ? next - MAX_SEQUENCE - 1 : next, batchIndex: batchIndex + 1 });
    return { producerId: identity.producerId, producerEpoch: identity.producerEpoch, baseSequence, batchIndex, generation: this.generationValue };
  }

  /** The batch index the partition's next stamp gets. */
  nextBatchIndex(topic: string, partition: number): number {
    return this.nextSequence.get(partitionKey(topic, partition))?.batchIndex ?? 0;
  }

  /** A sequence gap, or a leader that does not know this producer: renumber under a new id once nothing is in flight. */
  requestReset(reason: string): void {
    if (this.resetRequested || this.current === null) return;
    this.resetRequested = true;
    this.log.info({ producerId: this.current.producerId, reason }, 'idempotent producer will take a new producer id');
  }

  /** Drops the identity and its sequences; call with nothing in flight, then `obtain`. */
  reset(): void {
    this.current = null;
    this.resetRequested = false;
    this.nextSequence.clear();
    this.generationValue += 1;
  }

  /** The producer closed: a retry loop still waiting for an id gives up. */
  close(): void {
    this.closed = true;
  }

  /**
   * Gets a producer id from any broker, retrying while the answer says to wait (no id block yet, a
   * broker unreachable). Rejects with KzClientError when the cluster refuses for good.
   */
  obtain(): Promise<void> {
    if (this.current !== null) return Promise.resolve();
    if (this.obtaining !== null) return this.obtaining;
    const run = async (): Promise<void> => {
      for (;;) {
        try {
          const answer = await this.cluster.anyBroker((broker) =>
            broker.initProducerId({ transactionalId: null, transactionTimeoutMs: TRANSACTION_TIMEOUT_MS, producerId: -1, producerEpoch: -1 }),
          );
          if (answer.errorCode === 0) {
            this.current = { producerId: answer.producerId, producerEpoch: answer.producerEpoch };
            this.log.debug({ producerId: answer.producerId, producerEpoch: answer.producerEpoch }, 'idempotent producer has its producer id');
            return;
          }
          const retriable = isCoordinatorError(answer.errorCode) || answer.errorCode === KafkaErrorCode.REQUEST_TIMED_OUT;
          if (!retriable) throw kafkaError(answer.errorCode, 'InitProducerId');
        } catch (error) {
          if (!(error instanceof BrokerUnreachableError)) throw error;
          this.log.debug({ err: error.message }, 'InitProducerId: no broker answered');
        }
        await new Promise((resolve) => setTimeout(resolve, Math.max(1, this.retryBackoffMs)));
        if (this.closed) throw new Error('ProducerIdentity: the producer closed before it got a producer id');
      }
    };
    const obtaining = run().finally(() => {
      this.obtaining = null;
    });
    this.obtaining = obtaining;
    return obtaining;
  }
}

function partitionKey(topic: string, partition: number): string {
  return `${topic}\u0000${partition}`;
}

/**
 * Idempotent producers' side of the broker API (InitProducerId v0–5, DescribeProducers v0): a
 * producer asks any broker for a producer id once, then stamps every batch with it, its epoch and
 * a per-partition sequence; DescribeProducers shows what a partition's leader knows of them.
 * Transactions (a transactional id) are not served.
 */

export interface InitProducerIdRequest {
  /** Non-null for a transactional producer, which kz does not serve. */
  readonly transactionalId: string | null;
  readonly transactionTimeoutMs: number;
  /** KIP-360 (v3+): the id and epoch the producer had; -1 for a new producer. */
  readonly producerId: number;
  readonly producerEpoch: number;
}

export interface InitProducerIdResponse {
  readonly errorCode: number;
  readonly producerId: number;
  readonly producerEpoch: number;
}

export interface DescribeProducersRequest {
  readonly topics: readonly { readonly name: string; readonly partitions: readonly number[] }[];
}

export interface DescribedProducer {
  readonly producerId: number;
  readonly producerEpoch: number;
  /** The last sequence the partition holds from it. */
  readonly lastSequence: number;
  readonly lastTimestamp: number;
}

export interface DescribeProducersResponse {
  readonly topics: readonly {
    readonly name: string;
    readonly partitions: readonly { readonly partition: number; readonly errorCode: number; readonly errorMessage: string | null; readonly activeProducers: readonly DescribedProducer[] }[];
  }[];
}

export interface ProducerIdApi {
  initProducerId(request: InitProducerIdRequest): Promise<InitProducerIdResponse>;
  describeProducers(request: DescribeProducersRequest): Promise<DescribeProducersResponse>;
}

/**
 * What a broker answers. The Kafka listener (src/kafka) adapts it to Kafka's protocol and the simulation
 * calls it directly. Every call resolves with a response carrying Kafka error codes; a rejected
 * promise means the broker itself failed (it is stopping, or its disk did).
 */
import type { MetadataRequest, MetadataResponse } from './cluster-metadata';
import type { DeleteRecordsRequest, DeleteRecordsResponse } from './delete-records';
import type { FetchRequest, FetchResponse } from './fetch';
import type {
  FindCoordinatorRequest,
  FindCoordinatorResponse,
  OffsetCommitRequest,
  OffsetCommitResponse,
  OffsetDeleteRequest,
  OffsetDeleteResponse,
  OffsetFetchRequest,
  OffsetFetchResponse,
} from './group-offsets';
import type { ListOffsetsRequest, ListOffsetsResponse } from './list-offsets';
import type { ProduceRequest, ProduceResponse } from './produce';

export interface BrokerApi {
  /** With acks=0 the broker still resolves (with an empty response) once the append is done. */
  produce(request: ProduceRequest): Promise<ProduceResponse>;
  fetch(request: FetchRequest): Promise<FetchResponse>;
  listOffsets(request: ListOffsetsRequest): Promise<ListOffsetsResponse>;
  metadata(request: MetadataRequest): Promise<MetadataResponse>;
  findCoordinator(request: FindCoordinatorRequest): Promise<FindCoordinatorResponse>;
  offsetCommit(request: OffsetCommitRequest): Promise<OffsetCommitResponse>;
  offsetFetch(request: OffsetFetchRequest): Promise<OffsetFetchResponse>;
  /** Removes a group's committed offsets for these partitions (tombstones in __consumer_offsets). */
  offsetDelete(request: OffsetDeleteRequest): Promise<OffsetDeleteResponse>;
  /** Deletes the records below an offset of partitions this broker leads (KIP-107). */
  deleteRecords(request: DeleteRecordsRequest): Promise<DeleteRecordsResponse>;
}

export type BrokerRpcName = keyof BrokerApi;

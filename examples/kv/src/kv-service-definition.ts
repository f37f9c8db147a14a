/**
 * The hand-written grpc-js ServiceDefinition of `kz.kv.v1.KvService`, shared by server and client.
 * Unlike @kz/raft's, its (de)serializers run the protobuf codec themselves: a kv request is small
 * and there is nothing to check before decoding, and a body that does not decode is a broken client,
 * for which grpc-js's INTERNAL status is answer enough.
 */
import type { handleBidiStreamingCall, handleUnaryCall, MethodDefinition } from '@grpc/grpc-js';
import {
  kvWire,
  type CompareAndSetRequest,
  type DeleteRequest,
  type GetRequest,
  type GetResponse,
  type KvCodec,
  type PipelineRequest,
  type PipelineResponse,
  type PutRequest,
  type WriteResponse,
} from './kv-wire';

/** Each RPC's request and response message. */
export interface KvRpcs {
  Put: { request: PutRequest; response: WriteResponse };
  Delete: { request: DeleteRequest; response: WriteResponse };
  CompareAndSet: { request: CompareAndSetRequest; response: WriteResponse };
  Get: { request: GetRequest; response: GetResponse };
}

export type KvMethodName = keyof KvRpcs;

export type KvUnaryMethods = { [M in KvMethodName]: MethodDefinition<KvRpcs[M]['request'], KvRpcs[M]['response']> };

export type KvMethods = KvUnaryMethods & {
  Pipeline: MethodDefinition<PipelineRequest, PipelineResponse>;
};

/** What a server registers for the service: one unary handler per RPC, and the Pipeline stream's. */
export type KvServiceHandlers = { [M in KvMethodName]: handleUnaryCall<KvRpcs[M]['request'], KvRpcs[M]['response']> } & {
  Pipeline: handleBidiStreamingCall<PipelineRequest, PipelineResponse>;
};

const SERVICE = 'kz.kv.v1.KvService';

/** Codecs are looked up per call so that merely importing this module reads no file. */
function method<Req, Res>(name: KvMethodName | 'Pipeline', request: () => KvCodec<Req>, response: () => KvCodec<Res>, stream = false): MethodDefinition<Req, Res> {
  return {
    path: `/${SERVICE}/${name}`,
    requestStream: stream,
    responseStream: stream,
    requestSerialize: (message) => request().encode(message),
    requestDeserialize: (bytes) => request().decode(bytes),
    responseSerialize: (message) => response().encode(message),
    responseDeserialize: (bytes) => response().decode(bytes),
    originalName: name,
  };
}

export const KV_SERVICE_DEFINITION: KvMethods = {
  Put: method('Put', () => kvWire().PutRequest, () => kvWire().WriteResponse),
  Delete: method('Delete', () => kvWire().DeleteRequest, () => kvWire().WriteResponse),
  CompareAndSet: method('CompareAndSet', () => kvWire().CompareAndSetRequest, () => kvWire().WriteResponse),
  Get: method('Get', () => kvWire().GetRequest, () => kvWire().GetResponse),
  Pipeline: method('Pipeline', () => kvWire().PipelineRequest, () => kvWire().PipelineResponse, true),
};

/**
 * The hand-written grpc-js ServiceDefinition of `kz.kv.v1.KvService`, shared by server and client.
 * Unlike @kz/raft's, its (de)serializers run the protobuf codec themselves: a kv request is small
 * and there is nothing to check before decoding, and a body that does not decode is a broken client,
 * for which grpc-js's INTERNAL status is answer enough.
 */
import type { handleUnaryCall, MethodDefinition } from '@grpc/grpc-js';
import {
  kvWire,
  type CompareAndSetRequest,
  type DeleteRequest,
  type GetRequest,
  type GetResponse,
  type KvCodec,
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

export type KvMethods = { [M in KvMethodName]: MethodDefinition<KvRpcs[M]['request'], KvRpcs[M]['response']> };

/** What a server registers for the service: one unary handler per RPC. */
export type KvServiceHandlers = { [M in KvMethodName]: handleUnaryCall<KvRpcs[M]['request'], KvRpcs[M]['response']> };

const SERVICE = 'kz.kv.v1.KvService';

/** Codecs are looked up per call so that merely importing this module reads no file. */
function unary<Req, Res>(name: KvMethodName, request: () => KvCodec<Req>, response: () => KvCodec<Res>): MethodDefinition<Req, Res> {
  return {
    path: `/${SERVICE}/${name}`,
    requestStream: false,
    responseStream: false,
    requestSerialize: (message) => request().encode(message),
    requestDeserialize: (bytes) => request().decode(bytes),
    responseSerialize: (message) => response().encode(message),
    responseDeserialize: (bytes) => response().decode(bytes),
    originalName: name,
  };
}

export const KV_SERVICE_DEFINITION: KvMethods = {
  Put: unary('Put', () => kvWire().PutRequest, () => kvWire().WriteResponse),
  Delete: unary('Delete', () => kvWire().DeleteRequest, () => kvWire().WriteResponse),
  CompareAndSet: unary('CompareAndSet', () => kvWire().CompareAndSetRequest, () => kvWire().WriteResponse),
  Get: unary('Get', () => kvWire().GetRequest, () => kvWire().GetResponse),
};

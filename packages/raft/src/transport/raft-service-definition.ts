/**
 * The hand-written grpc-js ServiceDefinition of `kz.raft.v1.RaftService` (no @grpc/proto-loader:
 * it would pull in a second protobufjs, 7.x, and decode to Long-typed objects we would convert
 * anyway).
 *
 * Its serializers pass bytes through untouched, and the transports call the codec themselves, on
 * purpose:
 * - the server checks the caller's cluster id and node id before it spends time decoding a body,
 *   and a body that fails to decode must be refused with INVALID_ARGUMENT + `kz-error-code:
 *   INVALID_REQUEST` — a throwing grpc-js deserializer can only produce INTERNAL;
 * - the client needs the encoded size before the call starts, to bound the bytes in flight per peer;
 * - a response that fails to decode is logged and dropped by the transport, with the peer named.
 */
import type { MethodDefinition, ServiceDefinition } from '@grpc/grpc-js';
import { DESCRIBE_QUORUM_RPC, RAFT_RPC_NAMES, rpcPath, STREAM_RPC, VOTER_CHANGE_RPC_NAMES, type RaftRpcName, type VoterChangeRpcName } from './raft-rpc';

/** The unary methods of the service. */
export type RaftServiceMethodName = RaftRpcName | typeof DESCRIBE_QUORUM_RPC | VoterChangeRpcName;

const passThrough = (bytes: Buffer): Buffer => bytes;

function unaryMethod(name: RaftServiceMethodName): MethodDefinition<Buffer, Buffer> {
  return {
    path: rpcPath(name),
    requestStream: false,
    responseStream: false,
    requestSerialize: passThrough,
    requestDeserialize: passThrough,
    responseSerialize: passThrough,
    responseDeserialize: passThrough,
    originalName: name,
  };
}

export const RAFT_SERVICE_METHODS: readonly RaftServiceMethodName[] = [...RAFT_RPC_NAMES, DESCRIBE_QUORUM_RPC, ...VOTER_CHANGE_RPC_NAMES];

/** Stream: frames both ways (stream-frame.ts), bytes through gRPC as for the unary methods. */
export const RAFT_STREAM_METHOD: MethodDefinition<Buffer, Buffer> = {
  path: rpcPath(STREAM_RPC),
  requestStream: true,
  responseStream: true,
  requestSerialize: passThrough,
  requestDeserialize: passThrough,
  responseSerialize: passThrough,
  responseDeserialize: passThrough,
  originalName: STREAM_RPC,
};

/** The unary methods only: what nodes before Stream served (the transport tests' old peer). */
export const RAFT_UNARY_SERVICE_DEFINITION: ServiceDefinition<Record<RaftServiceMethodName, unknown>> = Object.fromEntries(
  RAFT_SERVICE_METHODS.map((name) => [name, unaryMethod(name)]),
) as Record<RaftServiceMethodName, MethodDefinition<Buffer, Buffer>>;

export const RAFT_SERVICE_DEFINITION: ServiceDefinition<Record<RaftServiceMethodName | typeof STREAM_RPC, unknown>> = {
  ...RAFT_UNARY_SERVICE_DEFINITION,
  [STREAM_RPC]: RAFT_STREAM_METHOD,
};

/** A view of the bytes as a Buffer, without copying: grpc-js wants Buffers. */
export function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

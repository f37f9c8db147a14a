/**
 * A grpc-js service definition whose methods carry raw bytes: (de)serialization is the caller's,
 * done by hand with protobufjs, because a deserializer that throws inside grpc-js can only answer
 * INTERNAL, while a malformed request must come back as INVALID_ARGUMENT with a typed error.
 */
import type { MethodDefinition, ServiceDefinition } from '@grpc/grpc-js';

export const passThrough = (bytes: Buffer): Buffer => bytes;

/** `/<package>.<Service>/<Method>`, gRPC's method path. */
export function rpcPath(serviceName: string, method: string): string {
  return `/${serviceName}/${method}`;
}

/** One method of `serviceName` taking and giving bytes; `streaming`: a stream of messages each way. */
export function bytesMethod(serviceName: string, method: string, streaming = false): MethodDefinition<Buffer, Buffer> {
  return {
    path: rpcPath(serviceName, method),
    requestStream: streaming,
    responseStream: streaming,
    requestSerialize: passThrough,
    requestDeserialize: passThrough,
    responseSerialize: passThrough,
    responseDeserialize: passThrough,
    originalName: method,
  };
}

/** Unary methods of `serviceName`, each taking and giving bytes. */
export function bytesServiceDefinition<M extends string>(serviceName: string, methods: readonly M[]): ServiceDefinition<Record<M, MethodDefinition<Buffer, Buffer>>> {
  return Object.fromEntries(methods.map((method) => [method, bytesMethod(serviceName, method)])) as Record<M, MethodDefinition<Buffer, Buffer>>;
}

/** A view of the bytes as a Buffer, without copying: grpc-js wants Buffers. */
export function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

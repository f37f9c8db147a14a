import { Root } from 'protobufjs';
import type { UnaryMethod } from './grpc-unary-client';

/** A loaded .proto file, field names kept as written (snake_case) so views match the schema. */
export function loadProto(file: string): Root {
  return new Root().loadSync(file, { keepCase: true });
}

/**
 * A unary RPC whose messages are coded by protobufjs reflection. `Res` is a view listing only the
 * fields the caller reads: protobufjs decodes into objects whose unset fields hold their defaults,
 * which is what such a view expects.
 */
export function unaryMethod<Req extends object, Res>(root: Root, path: string, requestType: string, responseType: string): UnaryMethod<Req, Res> {
  const request = root.lookupType(requestType);
  const response = root.lookupType(responseType);
  return {
    path,
    encode: (message) => toBuffer(request.encode(message).finish()),
    decode: (bytes) => response.decode(bytes) as unknown as Res,
  };
}

function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * The frames of the Stream RPC (proto/raft.proto, RaftStreamFrame): a request, its response, or the
 * failure that answers a request in place of a response, each naming its RPC and the caller's
 * frame id. A frame's body is the very message the unary RPC carries; encoding writes the frame's
 * few fields and then the message's parts into one buffer, so a Fetch response's batches are copied
 * once, as in a unary body, and decoding hands the body back as a view of the received bytes.
 */
import { Metadata, status, type StatusObject } from '@grpc/grpc-js';
import { decodeMessage, ERROR_CODE_KEY } from '@kz/runtime';
import { varintSize, writeParts, writeVarint, type EncodedParts } from './bulk-bytes-encoding';
import { RAFT_RPC_NAMES, type RaftRpcName } from './raft-rpc';
import { raftWire } from './raft-schema';
import { MalformedMessageError } from './transport-errors';
import { WireFields } from './wire-fields';
import type { CallStatus } from './call-metadata';

export type StreamFrame =
  | { readonly kind: 'message'; readonly id: number; readonly rpc: RaftRpcName; readonly body: Uint8Array }
  | { readonly kind: 'failure'; readonly id: number; readonly rpc: RaftRpcName; readonly failure: StatusObject };

/** Frame ids are uint32: a caller wraps around long before 2^32 requests are in flight. */
export const MAX_FRAME_ID = 0xffff_ffff;

/** RaftRpc enum values: the order of RAFT_RPC_NAMES, from 1 (0 is unspecified). */
const RPC_NUMBER = new Map<RaftRpcName, number>(RAFT_RPC_NAMES.map((name, i) => [name, i + 1]));

const BODY_FIELD = 15;
/** Field 15, length-delimited. */
const BODY_TAG = BODY_FIELD * 8 + 2;

/** A frame carrying `message` (a request or a response) as its body. */
export function encodeMessageFrame(id: number, rpc: RaftRpcName, message: EncodedParts): Buffer {
  const head = raftWire.RaftStreamFrame.encode({ id, rpc: RPC_NUMBER.get(rpc) }).finish();
  const out = Buffer.allocUnsafe(head.length + varintSize(BODY_TAG) + varintSize(message.size) + message.size);
  out.set(head, 0);
  let pos = writeVarint(out, head.length, BODY_TAG);
  pos = writeVarint(out, pos, message.size);
  writeParts(out, pos, message);
  return out;
}

/** A frame failing request `id` with `failure`, its kz-error-code included. */
export function encodeFailureFrame(id: number, rpc: RaftRpcName, failure: CallStatus): Buffer {
  const reason = failure.metadata?.get(ERROR_CODE_KEY)[0];
  const fields = { id, rpc: RPC_NUMBER.get(rpc), status: failure.code, details: failure.details, errorCode: typeof reason === 'string' ? reason : '' };
  return Buffer.from(raftWire.RaftStreamFrame.encode(fields).finish());
}

/** Decodes a frame; throws MalformedMessageError. */
export function decodeStreamFrame(bytes: Uint8Array): StreamFrame {
  const raw = decodeMessage(raftWire.RaftStreamFrame, bytes, 'RaftStreamFrame', (message, options) => new MalformedMessageError(message, options));
  const f = new WireFields(raw, 'RaftStreamFrame');
  const id = f.int64('id', 0);
  const rpcNumber = f.int32('rpc', 1);
  const rpc = RAFT_RPC_NAMES[rpcNumber - 1];
  if (rpc === undefined) throw new MalformedMessageError(`RaftStreamFrame.rpc: unknown RPC ${rpcNumber}`);
  const code = f.int32('status', status.OK);
  if (code === status.OK) return { kind: 'message', id, rpc, body: f.bytes('body') };
  if (status[code] === undefined) throw new MalformedMessageError(`RaftStreamFrame.status: unknown gRPC status ${code}`);
  const metadata = new Metadata();
  const reason = f.string('errorCode');
  if (reason !== '') metadata.set(ERROR_CODE_KEY, reason);
  return { kind: 'failure', id, rpc, failure: { code, details: f.string('details'), metadata } };
}

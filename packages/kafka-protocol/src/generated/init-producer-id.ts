// Generated from schema/init-producer-id.kzp by src/codegen; do not edit. Regenerate with `pnpm gen-protocol`.

import type { Complete, MessageCodec } from '../codec.js';
import type { Reader } from '../reader.js';
import type { Writer } from '../writer.js';
import { sizeOfNullableString, sizeOfCompactNullableString } from '../writer.js';

/** InitProducerIdRequest (versions 0-5). */
export interface InitProducerIdRequest {
  /** TransactionalId: v0-5, nullable v0+ */
  transactionalId: string | null;
  /** TransactionTimeoutMs: v0-5 */
  transactionTimeoutMs: number;
  /** ProducerId: v3-5, default -1 */
  producerId?: number;
  /** ProducerEpoch: v3-5, default -1 */
  producerEpoch?: number;
}

/** InitProducerIdResponse (versions 0-5). */
export interface InitProducerIdResponse {
  /** ThrottleTimeMs: v0-5 */
  throttleTimeMs: number;
  /** ErrorCode: v0-5 */
  errorCode: number;
  /** ProducerId: v0-5, default -1 */
  producerId: number;
  /** ProducerEpoch: v0-5 */
  producerEpoch: number;
}

function sizeInitProducerIdRequest(m: InitProducerIdRequest, v: number): number {
  const f = v >= 2;
  let n = 4;
  n += (f ? sizeOfCompactNullableString(m.transactionalId) : sizeOfNullableString(m.transactionalId));
  if (v >= 3) n += 8;
  if (v >= 3) n += 2;
  if (f) n += 1;
  return n;
}

function writeInitProducerIdRequest(w: Writer, m: InitProducerIdRequest, v: number): void {
  const f = v >= 2;
  if (f) w.compactNullableString(m.transactionalId); else w.nullableString(m.transactionalId);
  w.int32(m.transactionTimeoutMs);
  if (v >= 3) w.int64((m.producerId ?? -1));
  if (v >= 3) w.int16((m.producerEpoch ?? -1));
  if (f) {
    w.uvarint(0);
  }
}

function readInitProducerIdRequest(r: Reader, v: number): Complete<InitProducerIdRequest> {
  const f = v >= 2;
  const transactionalId_: string | null = (f ? r.compactNullableString() : r.nullableString());
  const transactionTimeoutMs_: number = r.int32();
  const producerId_: number = (v >= 3 ? r.int64() : -1);
  const producerEpoch_: number = (v >= 3 ? r.int16() : -1);
  if (f) {
    r.skipTaggedFields();
  }
  return { transactionalId: transactionalId_, transactionTimeoutMs: transactionTimeoutMs_, producerId: producerId_, producerEpoch: producerEpoch_ };
}

export const InitProducerIdRequest: MessageCodec<InitProducerIdRequest> = {
  name: 'InitProducerIdRequest',
  minVersion: 0,
  maxVersion: 5,
  flexibleMin: 2,
  size: sizeInitProducerIdRequest,
  write: writeInitProducerIdRequest,
  read: readInitProducerIdRequest,
};

function sizeInitProducerIdResponse(m: InitProducerIdResponse, v: number): number {
  const f = v >= 2;
  let n = 16;
  if (f) n += 1;
  return n;
}

function writeInitProducerIdResponse(w: Writer, m: InitProducerIdResponse, v: number): void {
  const f = v >= 2;
  w.int32(m.throttleTimeMs);
  w.int16(m.errorCode);
  w.int64(m.producerId);
  w.int16(m.producerEpoch);
  if (f) {
    w.uvarint(0);
  }
}

function readInitProducerIdResponse(r: Reader, v: number): Complete<InitProducerIdResponse> {
  const f = v >= 2;
  const throttleTimeMs_: number = r.int32();
  const errorCode_: number = r.int16();
  const producerId_: number = r.int64();
  const producerEpoch_: number = r.int16();
  if (f) {
    r.skipTaggedFields();
  }
  return { throttleTimeMs: throttleTimeMs_, errorCode: errorCode_, producerId: producerId_, producerEpoch: producerEpoch_ };
}

export const InitProducerIdResponse: MessageCodec<InitProducerIdResponse> = {
  name: 'InitProducerIdResponse',
  minVersion: 0,
  maxVersion: 5,
  flexibleMin: 2,
  size: sizeInitProducerIdResponse,
  write: writeInitProducerIdResponse,
  read: readInitProducerIdResponse,
};

// Generated from schema/find-coordinator.kzp by src/codegen; do not edit. Regenerate with `pnpm gen-protocol`.

import type { Complete, MessageCodec } from '../codec.js';
import type { Reader } from '../reader.js';
import type { Writer } from '../writer.js';
import { sizeOfUvarint, sizeOfString, sizeOfNullableString, sizeOfCompactString, sizeOfCompactNullableString } from '../writer.js';

/** FindCoordinatorRequest (versions 0-5). */
export interface FindCoordinatorRequest {
  /** Key: v0-3 */
  key?: string;
  /** KeyType: v1-5 */
  keyType?: number;
  /** CoordinatorKeys: v4-5 */
  coordinatorKeys?: readonly string[];
}

/** FindCoordinatorResponse (versions 0-5). */
export interface FindCoordinatorResponse {
  /** ThrottleTimeMs: v1-5 */
  throttleTimeMs?: number;
  /** ErrorCode: v0-3 */
  errorCode?: number;
  /** ErrorMessage: v1-3, nullable v1-3, default null */
  errorMessage?: string | null;
  /** NodeId: v0-3 */
  nodeId?: number;
  /** Host: v0-3 */
  host?: string;
  /** Port: v0-3 */
  port?: number;
  /** Coordinators: v4-5 */
  coordinators?: readonly FindCoordinatorResponseCoordinator[];
}

/** FindCoordinatorResponse Coordinator (versions 4-5). */
export interface FindCoordinatorResponseCoordinator {
  /** Key: v4-5 */
  key: string;
  /** NodeId: v4-5 */
  nodeId: number;
  /** Host: v4-5 */
  host: string;
  /** Port: v4-5 */
  port: number;
  /** ErrorCode: v4-5 */
  errorCode: number;
  /** ErrorMessage: v4-5, nullable v0+, default null */
  errorMessage: string | null;
}

function sizeFindCoordinatorRequest(m: FindCoordinatorRequest, v: number): number {
  const f = v >= 3;
  let n = 0;
  if (v <= 3) {
    n += (f ? sizeOfCompactString((m.key ?? '')) : sizeOfString((m.key ?? '')));
  }
  if (v >= 1) n += 1;
  if (v >= 4) {
    {
      const a0 = (m.coordinatorKeys ?? []);
      n += sizeOfUvarint(a0.length + 1);
      for (let i0 = 0; i0 < a0.length; i0++) {
        n += sizeOfCompactString(a0[i0]!);
      }
    }
  }
  if (f) n += 1;
  return n;
}

function writeFindCoordinatorRequest(w: Writer, m: FindCoordinatorRequest, v: number): void {
  const f = v >= 3;
  if (v <= 3) {
    if (f) w.compactString((m.key ?? '')); else w.string((m.key ?? ''));
  }
  if (v >= 1) w.int8((m.keyType ?? 0));
  if (v >= 4) {
    {
      const a0 = (m.coordinatorKeys ?? []);
      w.arrayLength(true, a0.length);
      for (let i0 = 0; i0 < a0.length; i0++) {
        w.compactString(a0[i0]!);
      }
    }
  }
  if (f) {
    w.uvarint(0);
  }
}

function readFindCoordinatorRequest(r: Reader, v: number): Complete<FindCoordinatorRequest> {
  const f = v >= 3;
  const key_: string = (v <= 3 ? (f ? r.compactString('FindCoordinatorRequest.key') : r.string('FindCoordinatorRequest.key')) : '');
  const keyType_: number = (v >= 1 ? r.int8() : 0);
  let coordinatorKeys_: string[] = [];
  if (v >= 4) {
    {
      const len0 = r.requiredArrayLength(true, 'FindCoordinatorRequest.coordinatorKeys');
      const a0: string[] = [];
      for (let i0 = 0; i0 < len0; i0++) {
        a0.push(r.compactString('FindCoordinatorRequest.coordinatorKeys'));
      }
      coordinatorKeys_ = a0;
    }
  }
  if (f) {
    r.skipTaggedFields();
  }
  return { key: key_, keyType: keyType_, coordinatorKeys: coordinatorKeys_ };
}

export const FindCoordinatorRequest: MessageCodec<FindCoordinatorRequest> = {
  name: 'FindCoordinatorRequest',
  minVersion: 0,
  maxVersion: 5,
  flexibleMin: 3,
  size: sizeFindCoordinatorRequest,
  write: writeFindCoordinatorRequest,
  read: readFindCoordinatorRequest,
};

function sizeFindCoordinatorResponse(m: FindCoordinatorResponse, v: number): number {
  const f = v >= 3;
  let n = 0;
  if (v >= 1) n += 4;
  if (v <= 3) n += 2;
  if (v >= 1 && v <= 3) {
    n += (f ? sizeOfCompactNullableString((m.errorMessage === undefined ? null : m.errorMessage)) : sizeOfNullableString((m.errorMessage === undefined ? null : m.errorMessage)));
  }
  if (v <= 3) n += 4;
  if (v <= 3) {
    n += (f ? sizeOfCompactString((m.host ?? '')) : sizeOfString((m.host ?? '')));
  }
  if (v <= 3) n += 4;
  if (v >= 4) {
    {
      const a0 = (m.coordinators ?? []);
      n += sizeOfUvarint(a0.length + 1);
      for (let i0 = 0; i0 < a0.length; i0++) {
        n += sizeFindCoordinatorResponseCoordinator(a0[i0]!, v);
      }
    }
  }
  if (f) n += 1;
  return n;
}

function writeFindCoordinatorResponse(w: Writer, m: FindCoordinatorResponse, v: number): void {
  const f = v >= 3;
  if (v >= 1) w.int32((m.throttleTimeMs ?? 0));
  if (v <= 3) w.int16((m.errorCode ?? 0));
  if (v >= 1 && v <= 3) {
    if (f) w.compactNullableString((m.errorMessage === undefined ? null : m.errorMessage)); else w.nullableString((m.errorMessage === undefined ? null : m.errorMessage));
  }
  if (v <= 3) w.int32((m.nodeId ?? 0));
  if (v <= 3) {
    if (f) w.compactString((m.host ?? '')); else w.string((m.host ?? ''));
  }
  if (v <= 3) w.int32((m.port ?? 0));
  if (v >= 4) {
    {
      const a0 = (m.coordinators ?? []);
      w.arrayLength(true, a0.length);
      for (let i0 = 0; i0 < a0.length; i0++) {
        writeFindCoordinatorResponseCoordinator(w, a0[i0]!, v);
      }
    }
  }
  if (f) {
    w.uvarint(0);
  }
}

function readFindCoordinatorResponse(r: Reader, v: number): Complete<FindCoordinatorResponse> {
  const f = v >= 3;
  const throttleTimeMs_: number = (v >= 1 ? r.int32() : 0);
  const errorCode_: number = (v <= 3 ? r.int16() : 0);
  const errorMessage_: string | null = (v >= 1 && v <= 3 ? (f ? r.compactNullableString() : r.nullableString()) : null);
  const nodeId_: number = (v <= 3 ? r.int32() : 0);
  const host_: string = (v <= 3 ? (f ? r.compactString('FindCoordinatorResponse.host') : r.string('FindCoordinatorResponse.host')) : '');
  const port_: number = (v <= 3 ? r.int32() : 0);
  let coordinators_: Complete<FindCoordinatorResponseCoordinator>[] = [];
  if (v >= 4) {
    {
      const len0 = r.requiredArrayLength(true, 'FindCoordinatorResponse.coordinators');
      const a0: Complete<FindCoordinatorResponseCoordinator>[] = [];
      for (let i0 = 0; i0 < len0; i0++) {
        a0.push(readFindCoordinatorResponseCoordinator(r, v));
      }
      coordinators_ = a0;
    }
  }
  if (f) {
    r.skipTaggedFields();
  }
  return { throttleTimeMs: throttleTimeMs_, errorCode: errorCode_, errorMessage: errorMessage_, nodeId: nodeId_, host: host_, port: port_, coordinators: coordinators_ };
}

function sizeFindCoordinatorResponseCoordinator(m: FindCoordinatorResponseCoordinator, v: number): number {
  let n = 11;
  n += sizeOfCompactString(m.key);
  n += sizeOfCompactString(m.host);
  n += sizeOfCompactNullableString(m.errorMessage);
  return n;
}

function writeFindCoordinatorResponseCoordinator(w: Writer, m: FindCoordinatorResponseCoordinator, v: number): void {
  w.compactString(m.key);
  w.int32(m.nodeId);
  w.compactString(m.host);
  w.int32(m.port);
  w.int16(m.errorCode);
  w.compactNullableString(m.errorMessage);
  w.uvarint(0);
}

function readFindCoordinatorResponseCoordinator(r: Reader, v: number): Complete<FindCoordinatorResponseCoordinator> {
  const key_: string = r.compactString('FindCoordinatorResponseCoordinator.key');
  const nodeId_: number = r.int32();
  const host_: string = r.compactString('FindCoordinatorResponseCoordinator.host');
  const port_: number = r.int32();
  const errorCode_: number = r.int16();
  const errorMessage_: string | null = r.compactNullableString();
  r.skipTaggedFields();
  return { key: key_, nodeId: nodeId_, host: host_, port: port_, errorCode: errorCode_, errorMessage: errorMessage_ };
}

export const FindCoordinatorResponse: MessageCodec<FindCoordinatorResponse> = {
  name: 'FindCoordinatorResponse',
  minVersion: 0,
  maxVersion: 5,
  flexibleMin: 3,
  size: sizeFindCoordinatorResponse,
  write: writeFindCoordinatorResponse,
  read: readFindCoordinatorResponse,
};

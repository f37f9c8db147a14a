// Generated from schema/describe-cluster.kzp by src/codegen; do not edit. Regenerate with `pnpm gen-protocol`.

import type { Complete, MessageCodec } from '../codec.js';
import type { Reader } from '../reader.js';
import type { Writer } from '../writer.js';
import { sizeOfUvarint, sizeOfCompactString, sizeOfCompactNullableString } from '../writer.js';

/** DescribeClusterRequest (versions 0-1). */
export interface DescribeClusterRequest {
  /** IncludeClusterAuthorizedOperations: v0-1 */
  includeClusterAuthorizedOperations: boolean;
  /** EndpointType: v1, default 1 */
  endpointType?: number;
}

/** DescribeClusterResponse (versions 0-1). */
export interface DescribeClusterResponse {
  /** ThrottleTimeMs: v0-1 */
  throttleTimeMs: number;
  /** ErrorCode: v0-1 */
  errorCode: number;
  /** ErrorMessage: v0-1, nullable v0+, default null */
  errorMessage: string | null;
  /** EndpointType: v1, default 1 */
  endpointType?: number;
  /** ClusterId: v0-1 */
  clusterId: string;
  /** ControllerId: v0-1, default -1 */
  controllerId: number;
  /** Brokers: v0-1 */
  brokers: readonly DescribeClusterResponseDescribeClusterBroker[];
  /** ClusterAuthorizedOperations: v0-1, default -2147483648 */
  clusterAuthorizedOperations: number;
}

/** DescribeClusterResponse DescribeClusterBroker (versions 0-1). */
export interface DescribeClusterResponseDescribeClusterBroker {
  /** BrokerId: v0-1 */
  brokerId: number;
  /** Host: v0-1 */
  host: string;
  /** Port: v0-1 */
  port: number;
  /** Rack: v0-1, nullable v0+, default null */
  rack: string | null;
}

function sizeDescribeClusterRequest(m: DescribeClusterRequest, v: number): number {
  let n = 2;
  if (v >= 1) n += 1;
  return n;
}

function writeDescribeClusterRequest(w: Writer, m: DescribeClusterRequest, v: number): void {
  w.bool(m.includeClusterAuthorizedOperations);
  if (v >= 1) w.int8((m.endpointType ?? 1));
  w.uvarint(0);
}

function readDescribeClusterRequest(r: Reader, v: number): Complete<DescribeClusterRequest> {
  const includeClusterAuthorizedOperations_: boolean = r.bool();
  const endpointType_: number = (v >= 1 ? r.int8() : 1);
  r.skipTaggedFields();
  return { includeClusterAuthorizedOperations: includeClusterAuthorizedOperations_, endpointType: endpointType_ };
}

export const DescribeClusterRequest: MessageCodec<DescribeClusterRequest> = {
  name: 'DescribeClusterRequest',
  minVersion: 0,
  maxVersion: 1,
  flexibleMin: 0,
  size: sizeDescribeClusterRequest,
  write: writeDescribeClusterRequest,
  read: readDescribeClusterRequest,
};

function sizeDescribeClusterResponse(m: DescribeClusterResponse, v: number): number {
  let n = 15;
  n += sizeOfCompactNullableString(m.errorMessage);
  if (v >= 1) n += 1;
  n += sizeOfCompactString(m.clusterId);
  {
    const a0 = m.brokers;
    n += sizeOfUvarint(a0.length + 1);
    for (let i0 = 0; i0 < a0.length; i0++) {
      n += sizeDescribeClusterResponseDescribeClusterBroker(a0[i0]!, v);
    }
  }
  return n;
}

function writeDescribeClusterResponse(w: Writer, m: DescribeClusterResponse, v: number): void {
  w.int32(m.throttleTimeMs);
  w.int16(m.errorCode);
  w.compactNullableString(m.errorMessage);
  if (v >= 1) w.int8((m.endpointType ?? 1));
  w.compactString(m.clusterId);
  w.int32(m.controllerId);
  {
    const a0 = m.brokers;
    w.arrayLength(true, a0.length);
    for (let i0 = 0; i0 < a0.length; i0++) {
      writeDescribeClusterResponseDescribeClusterBroker(w, a0[i0]!, v);
    }
  }
  w.int32(m.clusterAuthorizedOperations);
  w.uvarint(0);
}

function readDescribeClusterResponse(r: Reader, v: number): Complete<DescribeClusterResponse> {
  const throttleTimeMs_: number = r.int32();
  const errorCode_: number = r.int16();
  const errorMessage_: string | null = r.compactNullableString();
  const endpointType_: number = (v >= 1 ? r.int8() : 1);
  const clusterId_: string = r.compactString('DescribeClusterResponse.clusterId');
  const controllerId_: number = r.int32();
  let brokers_: Complete<DescribeClusterResponseDescribeClusterBroker>[];
  {
    const len0 = r.requiredArrayLength(true, 'DescribeClusterResponse.brokers');
    const a0: Complete<DescribeClusterResponseDescribeClusterBroker>[] = [];
    for (let i0 = 0; i0 < len0; i0++) {
      a0.push(readDescribeClusterResponseDescribeClusterBroker(r, v));
    }
    brokers_ = a0;
  }
  const clusterAuthorizedOperations_: number = r.int32();
  r.skipTaggedFields();
  return { throttleTimeMs: throttleTimeMs_, errorCode: errorCode_, errorMessage: errorMessage_, endpointType: endpointType_, clusterId: clusterId_, controllerId: controllerId_, brokers: brokers_, clusterAuthorizedOperations: clusterAuthorizedOperations_ };
}

function sizeDescribeClusterResponseDescribeClusterBroker(m: DescribeClusterResponseDescribeClusterBroker, v: number): number {
  let n = 9;
  n += sizeOfCompactString(m.host);
  n += sizeOfCompactNullableString(m.rack);
  return n;
}

function writeDescribeClusterResponseDescribeClusterBroker(w: Writer, m: DescribeClusterResponseDescribeClusterBroker, v: number): void {
  w.int32(m.brokerId);
  w.compactString(m.host);
  w.int32(m.port);
  w.compactNullableString(m.rack);
  w.uvarint(0);
}

function readDescribeClusterResponseDescribeClusterBroker(r: Reader, v: number): Complete<DescribeClusterResponseDescribeClusterBroker> {
  const brokerId_: number = r.int32();
  const host_: string = r.compactString('DescribeClusterResponseDescribeClusterBroker.host');
  const port_: number = r.int32();
  const rack_: string | null = r.compactNullableString();
  r.skipTaggedFields();
  return { brokerId: brokerId_, host: host_, port: port_, rack: rack_ };
}

export const DescribeClusterResponse: MessageCodec<DescribeClusterResponse> = {
  name: 'DescribeClusterResponse',
  minVersion: 0,
  maxVersion: 1,
  flexibleMin: 0,
  size: sizeDescribeClusterResponse,
  write: writeDescribeClusterResponse,
  read: readDescribeClusterResponse,
};

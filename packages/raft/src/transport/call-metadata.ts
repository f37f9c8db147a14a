/**
 * What travels beside the bodies: every request names its cluster and sender in gRPC metadata, and
 * every refusal names its reason in `kz-error-code` (Kafka's error name) next to the gRPC status,
 * so a caller gets a typed error instead of parsing a message. Both sides of that contract live
 * here.
 */
import { Metadata, status, type ServiceError, type StatusObject } from '@grpc/grpc-js';
import { ERROR_CODE_KEY } from '@kz/runtime';
import type { NodeId } from '../core/config';
import {
  InconsistentClusterIdError,
  InvalidTransportConfigError,
  MalformedMessageError,
  RaftTransportError,
} from './transport-errors';

export const CLUSTER_ID_KEY = 'kz-cluster-id';
export const NODE_ID_KEY = 'kz-node-id';

/** The kz error codes a refusal can carry. */
export type RefusalCode = 'INCONSISTENT_CLUSTER_ID' | 'INVALID_REQUEST';

const NODE_ID_TEXT = /^(0|[1-9][0-9]{0,9})$/;
const INT32_MAX = 2 ** 31 - 1;
/** gRPC metadata values must be printable ASCII; refuse anything else when configured. */
const HEADER_TEXT = /^[\x20-\x7e]+$/;

export function checkClusterId(clusterId: string): void {
  if (!HEADER_TEXT.test(clusterId)) {
    throw new InvalidTransportConfigError(`clusterId must be non-empty printable ASCII, got ${JSON.stringify(clusterId)}`);
  }
}

export function checkNodeId(nodeId: number, what: string): void {
  if (!Number.isInteger(nodeId) || nodeId < 0 || nodeId > INT32_MAX) {
    throw new InvalidTransportConfigError(`${what} must be an integer in [0, 2^31), got ${nodeId}`);
  }
}

export function requestMetadata(clusterId: string, nodeId: NodeId | undefined): Metadata {
  const metadata = new Metadata();
  metadata.set(CLUSTER_ID_KEY, clusterId);
  if (nodeId !== undefined) metadata.set(NODE_ID_KEY, String(nodeId));
  return metadata;
}

function single(metadata: Metadata, key: string): string | undefined {
  const values = metadata.get(key);
  const value = values.length === 1 ? values[0] : undefined;
  return typeof value === 'string' ? value : undefined;
}

/** A gRPC status to fail a call with; a refusal names its kz reason in the trailers. */
export function failureStatus(code: status, reason: RefusalCode | undefined, details: string): StatusObject {
  const metadata = new Metadata();
  if (reason !== undefined) metadata.set(ERROR_CODE_KEY, reason);
  return { code, details, metadata };
}

export type CallerCheck = { readonly ok: true; readonly from: NodeId | undefined } | { readonly ok: false; readonly refusal: StatusObject };

/**
 * Who is calling, or why the call is refused: a wrong or missing cluster id comes first (KRaft
 * answers INCONSISTENT_CLUSTER_ID before looking at anything else), then a node id that is
 * missing (when required) or not a node id.
 */
export function checkCaller(metadata: Metadata, clusterId: string, nodeIdRequired: boolean): CallerCheck {
  const theirs = single(metadata, CLUSTER_ID_KEY);
  if (theirs !== clusterId) {
    return {
      ok: false,
      refusal: failureStatus(
        status.FAILED_PRECONDITION,
        'INCONSISTENT_CLUSTER_ID',
        `cluster id ${JSON.stringify(theirs ?? null)} does not match this node's cluster`,
      ),
    };
  }
  const text = single(metadata, NODE_ID_KEY);
  if (text === undefined) {
    if (!nodeIdRequired) return { ok: true, from: undefined };
    return { ok: false, refusal: failureStatus(status.INVALID_ARGUMENT, 'INVALID_REQUEST', `missing ${NODE_ID_KEY} metadata`) };
  }
  const from = NODE_ID_TEXT.test(text) ? Number(text) : Number.NaN;
  if (!(from <= INT32_MAX)) {
    return { ok: false, refusal: failureStatus(status.INVALID_ARGUMENT, 'INVALID_REQUEST', `invalid ${NODE_ID_KEY} ${JSON.stringify(text)}`) };
  }
  return { ok: true, from };
}

/** A status as a failure carries it; the metadata (the trailers) may be absent. */
export type CallStatus = Pick<StatusObject, 'code' | 'details'> & { readonly metadata?: Metadata };

/** The error grpc-js hands a unary call's callback, made from a stream's or a frame's status. */
export function serviceError(failure: CallStatus): ServiceError {
  return Object.assign(new Error(`${failure.code} ${status[failure.code]}: ${failure.details}`), {
    code: failure.code,
    details: failure.details,
    metadata: failure.metadata ?? new Metadata(),
  });
}

/** The typed error for a failed call, from its status and `kz-error-code` trailer. */
export function errorFromStatus(failure: ServiceError | StatusObject): Error {
  const reason = single(failure.metadata, ERROR_CODE_KEY);
  if (reason === 'INCONSISTENT_CLUSTER_ID') return new InconsistentClusterIdError(failure.details);
  if (reason === 'INVALID_REQUEST') return new MalformedMessageError(`refused by the peer: ${failure.details}`);
  return new RaftTransportError(status[failure.code] ?? 'UNKNOWN', failure.details, failure.code);
}

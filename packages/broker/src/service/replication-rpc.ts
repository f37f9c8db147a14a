/**
 * The RPC of `kz.broker.v1.Replication`: its gRPC name, the BrokerApi method and TypeScript
 * request and response, and the grpc-js ServiceDefinition.
 *
 * The definition's serializers pass bytes through, as @kz/metadata's do, and server and connection
 * call the codec themselves: a body that does not decode must be refused with INVALID_ARGUMENT and
 * `kz-error-code: INVALID_REQUEST`, and a throwing grpc-js deserializer can only produce INTERNAL.
 */
import { asBuffer, bytesMethod, bytesServiceDefinition, ERROR_CODE_KEY, passThrough, rpcPath } from '@kz/runtime';
import type { BrokerApi, BrokerRpcName } from '../protocol/broker-api';
import { REPLICATION_SERVICE_NAME } from './replication-schema';

/** Each gRPC method and the BrokerApi method it carries. */
export const REPLICATION_RPCS = {
  Fetch: 'fetch',
} as const satisfies Record<string, BrokerRpcName>;

/** A gRPC method name of the Replication service. */
export type ReplicationMethodName = keyof typeof REPLICATION_RPCS;

export const REPLICATION_METHOD_NAMES = Object.keys(REPLICATION_RPCS) as readonly ReplicationMethodName[];

export type ReplicationRequest<M extends ReplicationMethodName> = Parameters<BrokerApi[(typeof REPLICATION_RPCS)[M]]>[0];
export type ReplicationResponse<M extends ReplicationMethodName> = Awaited<ReturnType<BrokerApi[(typeof REPLICATION_RPCS)[M]]>>;

/** What the service serves: the broker's fetch. */
export type ReplicationApi = Pick<BrokerApi, (typeof REPLICATION_RPCS)[ReplicationMethodName]>;

export { ERROR_CODE_KEY };

export function replicationRpcPath(method: ReplicationMethodName | typeof FETCH_STREAM_METHOD): string {
  return rpcPath(REPLICATION_SERVICE_NAME, method);
}

export { asBuffer, passThrough };

/**
 * FetchStream: a follower's fetches to one leader as a stream of FetchRequest messages, each
 * answered in order by one FetchResponse on the same stream — the unary Fetch's bodies, without a
 * call's headers, trailers and bookkeeping each way per replication round trip.
 */
export const FETCH_STREAM_METHOD = 'FetchStream';

/** The unary methods only: what brokers before FetchStream served (the tests' older leader). */
export const REPLICATION_UNARY_SERVICE_DEFINITION = bytesServiceDefinition(REPLICATION_SERVICE_NAME, REPLICATION_METHOD_NAMES);

export const REPLICATION_SERVICE_DEFINITION = {
  ...REPLICATION_UNARY_SERVICE_DEFINITION,
  [FETCH_STREAM_METHOD]: bytesMethod(REPLICATION_SERVICE_NAME, FETCH_STREAM_METHOD, true),
};

/** Shared gRPC channel settings of server and client. */
export const DEFAULT_MAX_MESSAGE_BYTES = 64 * 1024 * 1024;
/** The client's HTTP/2 flow-control window: large, so a big fetch answer is not paced by 64 KiB window updates. */
export const FLOW_CONTROL_WINDOW_BYTES = 16 * 1024 * 1024;
/** Pings on an idle connection find a dead peer (a killed broker behind a live TCP path) in ~40 s, not hours. */
export const KEEPALIVE_TIME_MS = 30_000;
export const KEEPALIVE_TIMEOUT_MS = 10_000;

/**
 * The RPCs of `kz.broker.v1.Broker`: their gRPC names, the BrokerApi method and TypeScript
 * request and response of each, and the grpc-js ServiceDefinition.
 *
 * The definition's serializers pass bytes through, as @kz/metadata's do, and server and connection
 * call the codec themselves: a body that does not decode must be refused with INVALID_ARGUMENT and
 * `kz-error-code: INVALID_REQUEST`, and a throwing grpc-js deserializer can only produce INTERNAL.
 */
import { asBuffer, bytesServiceDefinition, ERROR_CODE_KEY, passThrough, rpcPath } from '@kz/raft';
import type { BrokerApi, BrokerRpcName } from '../protocol/broker-api';
import { BROKER_SERVICE_NAME } from './broker-schema';

/** Each gRPC method and the BrokerApi method it carries. */
export const BROKER_RPCS = {
  Produce: 'produce',
  Fetch: 'fetch',
  ListOffsets: 'listOffsets',
  Metadata: 'metadata',
  FindCoordinator: 'findCoordinator',
  OffsetCommit: 'offsetCommit',
  OffsetFetch: 'offsetFetch',
} as const satisfies Record<string, BrokerRpcName>;

/** A gRPC method name of the Broker service. */
export type BrokerMethodName = keyof typeof BROKER_RPCS;

export const BROKER_METHOD_NAMES = Object.keys(BROKER_RPCS) as readonly BrokerMethodName[];

export type BrokerRequest<M extends BrokerMethodName> = Parameters<BrokerApi[(typeof BROKER_RPCS)[M]]>[0];
export type BrokerResponse<M extends BrokerMethodName> = Awaited<ReturnType<BrokerApi[(typeof BROKER_RPCS)[M]]>>;

export { ERROR_CODE_KEY };

export function brokerRpcPath(method: BrokerMethodName): string {
  return rpcPath(BROKER_SERVICE_NAME, method);
}

export { asBuffer, passThrough };

export const BROKER_SERVICE_DEFINITION = bytesServiceDefinition(BROKER_SERVICE_NAME, BROKER_METHOD_NAMES);

/** Shared gRPC channel settings of server and client. */
export const DEFAULT_MAX_MESSAGE_BYTES = 64 * 1024 * 1024;
/** The client's HTTP/2 flow-control window: large, so a big fetch answer is not paced by 64 KiB window updates. */
export const FLOW_CONTROL_WINDOW_BYTES = 16 * 1024 * 1024;
/** Pings on an idle connection find a dead peer (a killed broker behind a live TCP path) in ~40 s, not hours. */
export const KEEPALIVE_TIME_MS = 30_000;
export const KEEPALIVE_TIMEOUT_MS = 10_000;

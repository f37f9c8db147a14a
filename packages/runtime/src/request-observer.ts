/**
 * Told of every request a kz gRPC service answered, for monitoring: the RPC's name (`Produce`,
 * `CreateTopics`, ...), how long it took from arrival to answer, in milliseconds, and the Kafka
 * error name of its request-level outcome — null when it succeeded. Each service's documentation
 * says what it counts as the outcome (errors inside a response, per partition or per topic, are
 * not). It is called on the request path: it must be cheap and must not throw.
 */
import type { sendUnaryData } from '@grpc/grpc-js';
import type { Logger } from 'pino';
import { ERROR_CODE_KEY } from './error-code-key';

export type RequestObserver = (api: string, durationMs: number, errorName: string | null) => void;

type GrpcFailure = NonNullable<Parameters<sendUnaryData<Buffer>>[0]>;

/**
 * Answers a call, then tells the observer. `errorName` is the outcome when the answer is a message
 * carrying a request-level Kafka error, or a refusal worth naming otherwise; a refusal without one
 * is named by its `kz-error-code` trailer, else UNKNOWN_SERVER_ERROR.
 */
export type ObservedRespond = (error: GrpcFailure | null, body: Buffer | null, errorName?: string | null) => void;

/**
 * The responder of one call: times it from now, and never lets an observer that throws disturb the
 * answer (which is sent first). Without an observer it only answers.
 */
export function observedRespond(api: string, send: sendUnaryData<Buffer>, observer: RequestObserver | null, log: Logger): ObservedRespond {
  if (observer === null) return (error, body) => send(error, body);
  const startedAt = performance.now();
  return (error, body, errorName) => {
    send(error, body);
    try {
      observer(api, performance.now() - startedAt, errorName ?? (error === null ? null : refusalName(error)));
    } catch (failure) {
      log.warn({ rpc: api, err: failure }, 'request observer failed');
    }
  };
}

function refusalName(error: GrpcFailure): string {
  const code = error.metadata?.get(ERROR_CODE_KEY)[0];
  return typeof code === 'string' ? code : 'UNKNOWN_SERVER_ERROR';
}

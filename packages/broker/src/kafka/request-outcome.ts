/**
 * The outcome of a Kafka request as a whole, for metrics: the request-level error code some
 * responses carry (Fetch, FindCoordinator v0-3, OffsetFetch v2-7, DescribeCluster, ...), null when
 * there is none or it is 0. Per-partition and per-topic codes are not the request's outcome.
 */
import { kafkaErrorByCode } from '@kz/kafka-protocol';

export function requestErrorName(response: unknown): string | null {
  if (typeof response !== 'object' || response === null || !('errorCode' in response)) return null;
  const code = response.errorCode;
  if (typeof code !== 'number' || code === 0) return null;
  return kafkaErrorByCode(code)?.name ?? `UNKNOWN_ERROR_CODE_${code}`;
}

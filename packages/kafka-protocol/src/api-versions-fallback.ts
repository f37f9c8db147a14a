/**
 * KIP-511: a client may open with an ApiVersions version newer than the
 * broker knows (Java clients send v3/v4 first). The broker must not reject
 * the connection: it answers in the v0 body form (which every client can
 * read, with response header v0 as always for ApiVersions) carrying
 * UNSUPPORTED_VERSION and the ranges it supports, and the client retries at
 * the highest version both sides know.
 */
import { KafkaErrorCode } from '@kz/runtime';
import { APIS, API_KEYS, ApiKey } from './generated/apis.js';
import type { ApiVersionsResponseApiVersion } from './generated/api-versions.js';
import type { RequestHeader } from './generated/headers.js';
import { encodeResponse } from './response.js';

/** One advertised API version range. */
export interface ApiVersionRange {
  readonly apiKey: number;
  readonly minVersion: number;
  readonly maxVersion: number;
}

/** Every API and version range this package can decode and encode. */
export function generatedApiVersions(): ApiVersionRange[] {
  return API_KEYS.map((key) => ({ apiKey: key, minVersion: APIS[key].minVersion, maxVersion: APIS[key].maxVersion }));
}

/**
 * Whether this request must get the KIP-511 answer: it is ApiVersions at a
 * version above what the broker advertises for ApiVersions (or ApiVersions
 * is not advertised at all).
 */
export function needsApiVersionsFallback(header: Pick<RequestHeader, 'requestApiKey' | 'requestApiVersion'>, advertised: readonly ApiVersionRange[]): boolean {
  if (header.requestApiKey !== ApiKey.ApiVersions) return false;
  const own = advertised.find((r) => r.apiKey === ApiKey.ApiVersions);
  return own === undefined || header.requestApiVersion > own.maxVersion;
}

/** The KIP-511 response frame: ApiVersions v0, UNSUPPORTED_VERSION, and the advertised ranges. */
export function encodeApiVersionsFallback(correlationId: number, advertised: readonly ApiVersionRange[]): Uint8Array {
  const apiKeys: ApiVersionsResponseApiVersion[] = advertised.map((r) => ({
    apiKey: r.apiKey,
    minVersion: r.minVersion,
    maxVersion: r.maxVersion,
  }));
  return encodeResponse(ApiKey.ApiVersions, 0, correlationId, {
    errorCode: KafkaErrorCode.UNSUPPORTED_VERSION,
    apiKeys,
  });
}

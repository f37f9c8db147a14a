/**
 * Which header version goes with which API version. Flexible API versions
 * use request header v2 (tagged fields) and response header v1; older ones
 * request header v1 and response header v0. Two exceptions:
 * - ApiVersions responses always use response header v0 (KIP-511), so a
 *   client that does not yet know the broker's versions can read the reply.
 * - ControlledShutdown v0 used request header v0 (no client id).
 */
import { APIS, ApiKey } from './generated/apis.js';

const CONTROLLED_SHUTDOWN = 7;

function isFlexible(apiKey: number, apiVersion: number): boolean {
  const api = (APIS as Record<number, { flexibleMin: number | null } | undefined>)[apiKey];
  return api !== undefined && api.flexibleMin !== null && apiVersion >= api.flexibleMin;
}

/**
 * Request header version for an API version. Versions above the highest we
 * generate are still answered (flexibility never ends once it starts), which
 * is what lets a listener read the header of an ApiVersions request at a
 * version it does not know. Unknown API keys get v1.
 */
export function requestHeaderVersion(apiKey: number, apiVersion: number): 0 | 1 | 2 {
  if (apiKey === CONTROLLED_SHUTDOWN && apiVersion === 0) return 0;
  return isFlexible(apiKey, apiVersion) ? 2 : 1;
}

/** Response header version for an API version (ApiVersions: always 0). */
export function responseHeaderVersion(apiKey: number, apiVersion: number): 0 | 1 {
  if (apiKey === ApiKey.ApiVersions) return 0;
  return isFlexible(apiKey, apiVersion) ? 1 : 0;
}

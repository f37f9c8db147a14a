/**
 * ApiVersions (v0-3): the versions of every API this listener has a handler for, so clients pick
 * the highest version both sides know. The table is the handlers' own declarations: nothing is
 * advertised that is not served. (An ApiVersions version we do not know gets KIP-511's v0-form
 * answer from the connection, before any handler.)
 */
import { ApiKey, type ApiVersionRange } from '@kz/kafka-protocol';
import { errorCode, NONE } from './kafka-error';
import { kafkaHandler, type KafkaApiHandler, type KafkaHandlers } from './kafka-handler';

export const API_VERSIONS_VERSIONS = { min: 0, max: 3 } as const;

/** KIP-511's rule for the client software name and version sent from v3. */
const SOFTWARE_TEXT = /^[a-zA-Z0-9](?:[a-zA-Z0-9\-.]*[a-zA-Z0-9])?$/;

/** The advertised ranges, by API key. */
export function advertisedVersions(handlers: KafkaHandlers): ApiVersionRange[] {
  return [...handlers.values()].map((h) => ({ apiKey: h.apiKey, minVersion: h.minVersion, maxVersion: h.maxVersion })).sort((a, b) => a.apiKey - b.apiKey);
}

/** `handlers` is read when asked, so the table can include this handler itself. */
export function apiVersionsHandler(handlers: () => KafkaHandlers): KafkaApiHandler<typeof ApiKey.ApiVersions> {
  return kafkaHandler(ApiKey.ApiVersions, API_VERSIONS_VERSIONS, async (request, { apiVersion }) => {
    if (apiVersion >= 3 && (!SOFTWARE_TEXT.test(request.clientSoftwareName) || !SOFTWARE_TEXT.test(request.clientSoftwareVersion))) {
      return { errorCode: errorCode('INVALID_REQUEST'), apiKeys: [], throttleTimeMs: 0 };
    }
    return { errorCode: NONE, apiKeys: advertisedVersions(handlers()), throttleTimeMs: 0 };
  });
}

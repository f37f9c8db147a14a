/**
 * KIP-511: an ApiVersions request at a version the broker does not support is
 * answered in v0 form (header v0, body v0) with UNSUPPORTED_VERSION and the
 * supported ranges, so the client can retry at a version both know.
 */
import {
  ApiKey,
  KafkaErrorCode,
  RequestHeader,
  UnsupportedVersionError,
  decodeRequest,
  decodeResponse,
  encodeApiVersionsFallback,
  encodeMessage,
  generatedApiVersions,
  needsApiVersionsFallback,
} from '@kz/kafka-protocol';
import { thrown } from './helpers';

/** What a Java 3.9+ client sends first: ApiVersions v4 with tagged fields in header and body. */
function apiVersionsFrame(version: number): Uint8Array {
  const header = encodeMessage(RequestHeader, { requestApiKey: 18, requestApiVersion: version, correlationId: 31, clientId: 'java' }, 2);
  const body = Uint8Array.of(0x09, ...Buffer.from('apache-k'), 0x04, ...Buffer.from('3.9'), 0x00);
  return new Uint8Array(Buffer.concat([header, body]));
}

describe('KIP-511 ApiVersions fallback', () => {
  const advertised = [
    { apiKey: ApiKey.Produce, minVersion: 0, maxVersion: 7 },
    { apiKey: ApiKey.ApiVersions, minVersion: 0, maxVersion: 2 },
  ];

  test('a request above the advertised ApiVersions range needs the fallback; one within it does not', () => {
    expect(needsApiVersionsFallback({ requestApiKey: 18, requestApiVersion: 3 }, advertised)).toBe(true);
    expect(needsApiVersionsFallback({ requestApiKey: 18, requestApiVersion: 2 }, advertised)).toBe(false);
    expect(needsApiVersionsFallback({ requestApiKey: 0, requestApiVersion: 99 }, advertised)).toBe(false);
    expect(needsApiVersionsFallback({ requestApiKey: 18, requestApiVersion: 0 }, [])).toBe(true);
  });

  test('the header of an ApiVersions request at an unknown version is still readable', () => {
    const e = thrown(() => decodeRequest(apiVersionsFrame(77)));
    expect(e).toBeInstanceOf(UnsupportedVersionError);
    const header = (e as UnsupportedVersionError).header;
    expect(header).toEqual({ requestApiKey: 18, requestApiVersion: 77, correlationId: 31, clientId: 'java' });
    expect(needsApiVersionsFallback(header as RequestHeader, generatedApiVersions())).toBe(true);
  });

  test('the answer is ApiVersions v0 with UNSUPPORTED_VERSION and the ranges, readable as v0', () => {
    const frame = encodeApiVersionsFallback(31, advertised);
    const { header, body } = decodeResponse(ApiKey.ApiVersions, 0, frame.subarray(4));
    expect(header).toEqual({ correlationId: 31 });
    expect(body).toEqual({
      errorCode: KafkaErrorCode.UNSUPPORTED_VERSION,
      apiKeys: [
        { apiKey: 0, minVersion: 0, maxVersion: 7 },
        { apiKey: 18, minVersion: 0, maxVersion: 2 },
      ],
      throttleTimeMs: 0,
      supportedFeatures: [],
      finalizedFeaturesEpoch: -1,
      finalizedFeatures: [],
      zkMigrationReady: false,
    });
    // v0 layout exactly: size, correlation id, error 35, int32 count 2, then 3 int16s per key; nothing after.
    expect(frame.length).toBe(4 + 4 + 2 + 4 + 2 * 6);
  });

  test('generatedApiVersions lists every API with its generated range', () => {
    const all = generatedApiVersions();
    expect(all.find((r) => r.apiKey === ApiKey.Fetch)).toEqual({ apiKey: 1, minVersion: 0, maxVersion: 17 });
    expect(all).toHaveLength(38);
  });
});

import {
  ApiKey,
  RequestHeader,
  decodeRequest,
  decodeRequestHeader,
  decodeResponse,
  encodeRequest,
  encodeResponse,
  peekRequestIds,
  requestHeaderVersion,
  responseHeaderVersion,
  TruncatedMessageError,
  UnsupportedVersionError,
  encodeMessage,
} from '@kz/kafka-protocol';
import { hex, thrown } from '../helpers';

describe('header versions', () => {
  test.each([
    // [api, version, request header, response header]
    [ApiKey.Produce, 8, 1, 0],
    [ApiKey.Produce, 9, 2, 1],
    [ApiKey.Fetch, 11, 1, 0],
    [ApiKey.Fetch, 12, 2, 1],
    [ApiKey.Metadata, 9, 2, 1],
    [ApiKey.SaslHandshake, 1, 1, 0],
    [ApiKey.OffsetDelete, 0, 1, 0],
    [ApiKey.DescribeCluster, 0, 2, 1],
    // KIP-511: ApiVersions responses always use header v0, even for flexible versions.
    [ApiKey.ApiVersions, 2, 1, 0],
    [ApiKey.ApiVersions, 3, 2, 0],
    [ApiKey.ApiVersions, 4, 2, 0],
    // A version newer than we know keeps the API's flexibility, so its header is still readable.
    [ApiKey.ApiVersions, 9, 2, 0],
    // ControlledShutdown v0 had no client id; unknown keys read as v1.
    [7, 0, 0, 0],
    [999, 3, 1, 0],
  ])('API %i v%i: request header v%i, response header v%i', (api, v, req, res) => {
    expect(requestHeaderVersion(api, v)).toBe(req);
    expect(responseHeaderVersion(api, v)).toBe(res);
  });
});

describe('request frames', () => {
  test('header v1 bytes: key, version, correlation id, int16-length client id', () => {
    const frame = encodeRequest(ApiKey.Heartbeat, 3, 0x01020304, 'ab', { groupId: 'g', generationId: 1, memberId: 'm', groupInstanceId: null });
    expect(hex(frame.subarray(0, 16))).toBe(`${(frame.length - 4).toString(16).padStart(8, '0')}000c00030102030400026162`);
    const req = decodeRequest(frame.subarray(4));
    expect(req).toMatchObject({ apiKey: ApiKey.Heartbeat, apiVersion: 3, header: { correlationId: 0x01020304, clientId: 'ab' } });
  });

  test('header v2 keeps the client id a classic string and adds a tag buffer', () => {
    const frame = encodeRequest(ApiKey.Heartbeat, 4, 5, 'ab', { groupId: 'g', generationId: 1, memberId: 'm' });
    // 0002 6162: classic client id, then 00: no tagged fields, then the compact group id 02 67 and generation 1.
    expect(hex(frame.subarray(12, 23))).toBe('0002616200026700000001');
    const { header, headerVersion, bodyOffset } = decodeRequestHeader(frame.subarray(4));
    expect({ header, headerVersion, bodyOffset }).toEqual({
      header: { requestApiKey: 12, requestApiVersion: 4, correlationId: 5, clientId: 'ab' },
      headerVersion: 2,
      bodyOffset: 13,
    });
  });

  test('a null client id round-trips', () => {
    const frame = encodeRequest(ApiKey.ApiVersions, 0, 1, null, {});
    expect(decodeRequest(frame.subarray(4)).header.clientId).toBeNull();
  });

  test('an unknown API key is UnsupportedVersionError carrying the header', () => {
    const frame = encodeMessage(RequestHeader, { requestApiKey: 999, requestApiVersion: 0, correlationId: 42, clientId: 'x' }, 1);
    const e = thrown(() => decodeRequest(frame));
    expect(e).toBeInstanceOf(UnsupportedVersionError);
    expect(e).toMatchObject({ apiKey: 999, knownApi: false, header: { correlationId: 42, clientId: 'x' }, kafkaErrorCode: 35 });
  });

  test('a version above the generated range is UnsupportedVersionError carrying the header', () => {
    const frame = encodeMessage(RequestHeader, { requestApiKey: ApiKey.Produce, requestApiVersion: 12, correlationId: 8, clientId: null }, 2);
    const e = thrown(() => decodeRequest(frame));
    expect(e).toMatchObject({ apiKey: 0, apiVersion: 12, knownApi: true, header: { correlationId: 8 } });
  });

  test('peekRequestIds reads key, version and correlation id even when the rest is cut off', () => {
    expect(peekRequestIds(Uint8Array.of(0, 18, 0, 9, 0, 0, 1, 0, 0xff))).toEqual({ apiKey: 18, apiVersion: 9, correlationId: 256 });
    expect(thrown(() => peekRequestIds(Uint8Array.of(0, 18, 0)))).toBeInstanceOf(TruncatedMessageError);
  });
});

describe('response frames', () => {
  test('response header v0 is the correlation id alone; v1 adds an empty tag buffer', () => {
    const v0 = encodeResponse(ApiKey.Heartbeat, 3, 7, { throttleTimeMs: 0, errorCode: 0 });
    expect(hex(v0)).toBe('0000000a' + '00000007' + '00000000' + '0000');
    const v1 = encodeResponse(ApiKey.Heartbeat, 4, 7, { throttleTimeMs: 0, errorCode: 0 });
    expect(hex(v1)).toBe('0000000c' + '00000007' + '00' + '00000000' + '0000' + '00');
    expect(decodeResponse(ApiKey.Heartbeat, 4, v1.subarray(4))).toEqual({ header: { correlationId: 7 }, body: { throttleTimeMs: 0, errorCode: 0 } });
  });

  test('ApiVersions v3 responses use header v0: no tag buffer after the correlation id', () => {
    const frame = encodeResponse(ApiKey.ApiVersions, 3, 7, { errorCode: 0, apiKeys: [], throttleTimeMs: 0 });
    // size, correlation id, then straight into the body: error code 0000, compact empty array 01.
    expect(hex(frame.subarray(4, 11))).toBe('00000007000001');
  });

  test('encoding at a version the API does not have is a programmer error', () => {
    expect(() => encodeResponse(ApiKey.Heartbeat, 5, 1, { errorCode: 0 })).toThrow(RangeError);
  });
});

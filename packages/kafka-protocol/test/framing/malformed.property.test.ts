/**
 * Bad bytes never escape as anything but our typed errors: truncated or
 * mutated real requests, and pure garbage, either decode or throw a
 * ProtocolError (never a RangeError from a DataView, a TypeError, or a hang).
 * Replay a failure with FC_SEED=<seed printed in the failure>.
 */
import fc from 'fast-check';
import {
  APIS,
  API_KEYS,
  MalformedMessageError,
  ProtocolError,
  Reader,
  TruncatedMessageError,
  decodeMessage,
  decodeRequest,
  encodeRequest,
  type ApiKey,
} from '@kz/kafka-protocol';
import { checkProperty, thrown } from '../helpers';
import { SCHEMA, structArb } from '../schema-model';

function decodesOrTypedError(fn: () => unknown): void {
  try {
    fn();
  } catch (e) {
    if (!(e instanceof ProtocolError)) throw e;
  }
}

/** A valid request frame for any API and version, built from the schema. */
const validFrame: fc.Arbitrary<Uint8Array> = fc
  .constantFrom(...SCHEMA.apis)
  .chain((api) => fc.integer({ min: api.request.versions.min, max: api.request.versions.max }).map((v) => [api, v] as const))
  .chain(([api, v]) =>
    structArb(api.request, api.request.root, v).map((body) =>
      encodeRequest(api.key as ApiKey, v, 1, 'c', body as never).subarray(4),
    ),
  );

describe('malformed input', () => {
  test('property: every truncation of a valid request is a typed error', () => {
    checkProperty(fc.tuple(validFrame, fc.nat()), ([frame, n]) => {
      const cut = frame.subarray(0, n % frame.length);
      decodesOrTypedError(() => decodeRequest(cut));
    }, 300);
  });

  test('property: mutated requests decode or fail with a typed error', () => {
    const arb = fc.tuple(validFrame, fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 6 }));
    checkProperty(arb, ([frame, edits]) => {
      const bytes = new Uint8Array(frame);
      for (const [at, b] of edits) bytes[at % bytes.length] = b;
      decodesOrTypedError(() => decodeRequest(bytes));
    }, 500);
  });

  test('property: garbage bodies fed to every codec at every version fail only with typed errors', () => {
    const arb = fc.tuple(fc.constantFrom(...API_KEYS), fc.nat(), fc.boolean(), fc.uint8Array({ maxLength: 64 }));
    checkProperty(arb, ([key, n, response, bytes]) => {
      const api = APIS[key];
      const v = api.minVersion + (n % (api.maxVersion - api.minVersion + 1));
      const codec = (response ? api.response : api.request) as Parameters<typeof decodeMessage>[0];
      decodesOrTypedError(() => decodeMessage(codec, bytes, v));
    }, 1000);
  });

  test('a negative string length other than -1 is malformed', () => {
    const r = new Reader(Uint8Array.of(0xff, 0xfe, 0x41));
    expect(thrown(() => r.string('X.name'))).toBeInstanceOf(MalformedMessageError);
  });

  test('null for a non-nullable field is malformed', () => {
    expect(thrown(() => new Reader(Uint8Array.of(0xff, 0xff)).string('X.name'))).toMatchObject({
      name: 'MalformedMessageError',
      message: expect.stringContaining('X.name'),
    });
    expect(thrown(() => new Reader(Uint8Array.of(0)).compactString('X.name'))).toBeInstanceOf(MalformedMessageError);
  });

  test('an unsigned varint longer than 5 bytes is malformed; one cut short is truncated', () => {
    expect(thrown(() => new Reader(Uint8Array.of(0x80, 0x80, 0x80, 0x80, 0x80, 0x01)).uvarint())).toBeInstanceOf(MalformedMessageError);
    expect(thrown(() => new Reader(Uint8Array.of(0x80, 0x80)).uvarint())).toBeInstanceOf(TruncatedMessageError);
  });

  test('an array count larger than the bytes left is rejected before allocating', () => {
    const e = thrown(() => new Reader(Uint8Array.of(0x7f, 0xff, 0xff, 0xff, 0)).arrayLength(false, 'X.items'));
    expect(e).toBeInstanceOf(TruncatedMessageError);
  });

  test('int64 outside the safe-integer range is malformed, inside it is exact', () => {
    expect(thrown(() => new Reader(Uint8Array.of(0, 0x20, 0, 0, 0, 0, 0, 0)).int64())).toBeInstanceOf(MalformedMessageError);
    expect(new Reader(Uint8Array.of(0, 0x1f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff)).int64()).toBe(Number.MAX_SAFE_INTEGER);
    expect(new Reader(Uint8Array.of(0xff, 0xe0, 0, 0, 0, 0, 0, 1)).int64()).toBe(Number.MIN_SAFE_INTEGER);
    expect(thrown(() => new Reader(Uint8Array.of(0xff, 0xe0, 0, 0, 0, 0, 0, 0)).int64())).toBeInstanceOf(MalformedMessageError);
    expect(new Reader(Uint8Array.of(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff)).int64()).toBe(-1);
  });

  test('invalid UTF-8 is accepted with replacement characters, as Kafka accepts it', () => {
    expect(new Reader(Uint8Array.of(0, 2, 0xc3, 0x28)).string('X')).toBe('\ufffd(');
  });

  test('unknown tags are skipped; a known tag whose declared size disagrees with its value is malformed', () => {
    // Heartbeat v4 response knows no tags: tag 9 with two bytes is skipped.
    const unknown = Uint8Array.of(0, 0, 0, 0, 0, 0, 1, 9, 2, 0xaa, 0xbb);
    expect(decodeMessage(APIS[12].response, unknown, 4)).toEqual({ throttleTimeMs: 0, errorCode: 0 });
    // ApiVersions v3 response: error code, empty compact array, throttle, then tag 1 (FinalizedFeaturesEpoch, int64).
    const good = [0, 0, 1, 0, 0, 0, 0, 1, 1, 8, 0, 0, 0, 0, 0, 0, 0, 5];
    expect(decodeMessage(APIS[18].response, Uint8Array.from(good), 3)).toMatchObject({ finalizedFeaturesEpoch: 5 });
    const lying = [...good.slice(0, 9), 9, ...good.slice(10), 0];
    expect(thrown(() => decodeMessage(APIS[18].response, Uint8Array.from(lying), 3))).toBeInstanceOf(MalformedMessageError);
  });
});

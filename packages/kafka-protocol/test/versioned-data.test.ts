import {
  ConsumerProtocolAssignment,
  ConsumerProtocolSubscription,
  MalformedMessageError,
  TruncatedMessageError,
  decodeVersioned,
  encodeVersioned,
} from '@kz/kafka-protocol';

describe('versioned data (an int16 version, then the body)', () => {
  test('round-trips at every version, starting with the version', () => {
    for (let version = ConsumerProtocolSubscription.minVersion; version <= ConsumerProtocolSubscription.maxVersion; version++) {
      const bytes = encodeVersioned(ConsumerProtocolSubscription, { topics: ['a', 'b'], userData: null, ownedPartitions: [], generationId: 4, rackId: null }, version);
      expect(new DataView(bytes.buffer, bytes.byteOffset).getInt16(0)).toBe(version);
      const { version: read, value, trailing } = decodeVersioned(ConsumerProtocolSubscription, bytes);
      expect({ read, trailing, topics: value.topics }).toEqual({ read: version, trailing: 0, topics: ['a', 'b'] });
    }
  });

  test('a newer version than known is read with the newest layout only when asked to, and its extra bytes are counted', () => {
    const latest = encodeVersioned(ConsumerProtocolAssignment, { assignedPartitions: [{ topic: 'orders', partitions: [0, 2] }], userData: null }, ConsumerProtocolAssignment.maxVersion);
    const newer = new Uint8Array([...latest, 0xaa, 0xbb]);
    new DataView(newer.buffer).setInt16(0, ConsumerProtocolAssignment.maxVersion + 1);
    expect(() => decodeVersioned(ConsumerProtocolAssignment, newer)).toThrow(MalformedMessageError);
    const read = decodeVersioned(ConsumerProtocolAssignment, newer, { newerAsLatest: true });
    expect(read.version).toBe(ConsumerProtocolAssignment.maxVersion + 1);
    expect(read.value.assignedPartitions).toEqual([{ topic: 'orders', partitions: [0, 2] }]);
    expect(read.trailing).toBe(2);
  });

  test('too short for a version, a cut-off body and a version below the first are typed errors', () => {
    expect(() => decodeVersioned(ConsumerProtocolAssignment, new Uint8Array([0]))).toThrow(TruncatedMessageError);
    const bytes = encodeVersioned(ConsumerProtocolAssignment, { assignedPartitions: [{ topic: 'orders', partitions: [0] }], userData: null }, 0);
    expect(() => decodeVersioned(ConsumerProtocolAssignment, bytes.subarray(0, bytes.length - 3))).toThrow(TruncatedMessageError);
    expect(() => decodeVersioned(ConsumerProtocolAssignment, new Uint8Array([0xff, 0xff, 0, 0]))).toThrow(MalformedMessageError);
    expect(() => encodeVersioned(ConsumerProtocolAssignment, { assignedPartitions: [], userData: null }, 9)).toThrow(RangeError);
  });
});

import { javaStringHashCode, offsetsPartitionFor } from '../../src/coordinator/offsets-topic';
import { decodeGroupMetadataValue, decodeOffsetCommitValue, decodeOffsetsRecordKey, encodeGroupMetadataKey, encodeGroupMetadataValue, encodeOffsetCommitKey, encodeOffsetCommitValue } from '../../src/coordinator/consumer-offsets-records';
import fc from 'fast-check';

describe('offsets topic partitioning', () => {
  it('hashes like java.lang.String.hashCode', () => {
    expect(javaStringHashCode('')).toBe(0);
    expect(javaStringHashCode('hello')).toBe(99162322);
    // The classic string whose hash is Integer.MIN_VALUE.
    expect(javaStringHashCode('polygenelubricants')).toBe(-2147483648);
  });

  it('places a group as Kafka does: Utils.abs(hash) % partitions', () => {
    expect(offsetsPartitionFor('hello', 50)).toBe(99162322 % 50);
    // Utils.abs(Integer.MIN_VALUE) is 0 (a mask), where Math.abs would overflow.
    expect(offsetsPartitionFor('polygenelubricants', 50)).toBe(0);
    fc.assert(fc.property(fc.string(), fc.integer({ min: 1, max: 200 }), (group, n) => {
      const p = offsetsPartitionFor(group, n);
      return Number.isInteger(p) && p >= 0 && p < n;
    }));
  });
});

describe('offset commit records', () => {
  it('round-trips keys and values in Kafka’s layout', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.nat(), fc.integer({ min: -1, max: 1000 }), fc.string(), (group, topic, partition, offset, leaderEpoch, metadata) => {
        const key = { group, topic, partition };
        const value = { offset, leaderEpoch, metadata, commitTimestamp: 1_700_000_000_000 };
        expect(decodeOffsetsRecordKey(encodeOffsetCommitKey(key))).toEqual({ kind: 'offsetCommit', key });
        expect(decodeOffsetCommitValue(encodeOffsetCommitValue(value))).toEqual(value);
      }),
    );
    // Key v1: int16 version, int16-length group, int16-length topic, int32 partition.
    expect(Buffer.from(encodeOffsetCommitKey({ group: 'g', topic: 't', partition: 2 })).toString('hex')).toBe('0001000167000174' + '00000002');
  });

  it('refuses truncated or trailing bytes with CORRUPT_MESSAGE', () => {
    const value = encodeOffsetCommitValue({ offset: 5, leaderEpoch: 1, metadata: 'm', commitTimestamp: 1 });
    expect(() => decodeOffsetCommitValue(value.subarray(0, value.length - 1))).toThrow(expect.objectContaining({ code: 'CORRUPT_MESSAGE' }));
    expect(() => decodeOffsetCommitValue(Buffer.concat([value, Buffer.from([0])]))).toThrow(expect.objectContaining({ code: 'CORRUPT_MESSAGE' }));
    // A key of a version this broker does not know is skipped, not an error.
    expect(decodeOffsetsRecordKey(Buffer.from([0, 9, 0, 1, 0x67]))).toBeUndefined();
  });
});

describe('group metadata records', () => {
  it('round-trip in Kafka’s layout: key v2, value v3 with static members', () => {
    expect(decodeOffsetsRecordKey(encodeGroupMetadataKey('billing'))).toEqual({ kind: 'groupMetadata', group: 'billing' });
    // Key v2: int16 version, int16-length group.
    expect(Buffer.from(encodeGroupMetadataKey('g')).toString('hex')).toBe('0002000167');
    const value = {
      protocolType: 'consumer',
      generation: 7,
      protocol: 'range',
      leader: 'm-1',
      currentStateTimestamp: 1_700_000_000_000,
      members: [
        { memberId: 'm-1', groupInstanceId: 'i-1', clientId: 'c', clientHost: '/127.0.0.1', rebalanceTimeout: 60_000, sessionTimeout: 45_000, subscription: Buffer.from([1, 2]), assignment: Buffer.from([3]) },
      ],
    };
    const decoded = decodeGroupMetadataValue(encodeGroupMetadataValue(value));
    expect({ ...decoded, members: decoded.members.map((m) => ({ ...m, subscription: Buffer.from(m.subscription), assignment: Buffer.from(m.assignment) })) }).toEqual(value);
  });
});

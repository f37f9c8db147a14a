import { javaStringHashCode, offsetsPartitionFor } from '../../src/coordinator/offsets-topic';
import { decodeOffsetCommitKey, decodeOffsetCommitValue, encodeOffsetCommitKey, encodeOffsetCommitValue } from '../../src/coordinator/offset-commit-record';
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
        expect(decodeOffsetCommitKey(encodeOffsetCommitKey(key))).toEqual(key);
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
    // A group-metadata key (version 2) is not an offset commit: skipped, not an error.
    expect(decodeOffsetCommitKey(Buffer.from([0, 2, 0, 1, 0x67]))).toBeUndefined();
  });
});

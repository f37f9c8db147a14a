import {
  CorruptRecordError,
  CrcMismatchError,
  InvalidMagicError,
  KafkaErrorCodes,
  RecordsError,
  TruncatedBatchError,
  UnsupportedCompressionError,
} from '@kz/records';

describe('error values', () => {
  test.each<[string, RecordsError, string, number]>([
    ['TruncatedBatchError', new TruncatedBatchError(5, 61, 10), 'CORRUPT_MESSAGE', 2],
    ['InvalidMagicError', new InvalidMagicError(0, 1), 'CORRUPT_MESSAGE', 2],
    ['CrcMismatchError', new CrcMismatchError(0, 0xdeadbeef, 1), 'CORRUPT_MESSAGE', 2],
    ['CorruptRecordError', new CorruptRecordError('bad'), 'CORRUPT_MESSAGE', 2],
    ['UnsupportedCompressionError', new UnsupportedCompressionError(0, 4), 'UNSUPPORTED_COMPRESSION_TYPE', 76],
  ])('%s: name equals the class name, Kafka code and number, instanceof chain', (name, err, code, num) => {
    expect(err.name).toBe(name);
    expect(err.constructor.name).toBe(name);
    expect(err.code).toBe(code);
    expect(err.kafkaErrorCode).toBe(num);
    expect(err).toBeInstanceOf(RecordsError);
    expect(err).toBeInstanceOf(Error);
    expect(String(err)).toContain(name);
    expect(err.stack).toBeDefined();
  });

  test('fields and messages carry the diagnostics', () => {
    expect(new TruncatedBatchError(5, 61, 10)).toMatchObject({ at: 5, needed: 61, available: 10 });
    const crc = new CrcMismatchError(3, 0xdeadbeef, 0x12);
    expect(crc).toMatchObject({ at: 3, expected: 0xdeadbeef, actual: 0x12 });
    expect(crc.message).toContain('0xdeadbeef');
    expect(crc.message).toContain('0x00000012');
    expect(new UnsupportedCompressionError(0, 4).message).toContain('zstd');
    expect(new CorruptRecordError('bad', 9).message).toBe('record batch at byte 9: bad');
    expect(new CorruptRecordError('bad').at).toBeUndefined();
  });

  test('Kafka code table', () => {
    expect(KafkaErrorCodes).toEqual({ CORRUPT_MESSAGE: 2, UNSUPPORTED_COMPRESSION_TYPE: 76 });
  });
});

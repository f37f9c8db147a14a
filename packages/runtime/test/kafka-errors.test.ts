import { KAFKA_ERRORS, KafkaErrorCode, isRetriableErrorCode, kafkaErrorByCode, kafkaErrorByName } from '@kz/runtime';

describe('Kafka error codes', () => {
  test('codes are unique and contiguous from -1 to the last one Kafka 3.9 defines', () => {
    const codes = KAFKA_ERRORS.map((e) => e.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toEqual(Array.from({ length: codes.length }, (_, i) => i - 1));
    expect(KAFKA_ERRORS.at(-1)).toEqual({ name: 'VOTER_NOT_FOUND', code: 127, retriable: false });
  });

  test('lookups agree both ways', () => {
    for (const e of KAFKA_ERRORS) {
      expect(kafkaErrorByCode(e.code)).toBe(e);
      expect(kafkaErrorByName(e.name)).toBe(e);
      expect(KafkaErrorCode[e.name]).toBe(e.code);
    }
    expect(kafkaErrorByCode(9999)).toBeUndefined();
  });

  test.each([
    ['NOT_LEADER_OR_FOLLOWER', 6, true],
    ['UNKNOWN_TOPIC_OR_PARTITION', 3, true],
    ['CORRUPT_MESSAGE', 2, true],
    ['NOT_COORDINATOR', 16, true],
    ['REBALANCE_IN_PROGRESS', 27, false],
    ['UNSUPPORTED_VERSION', 35, false],
    ['TOPIC_ALREADY_EXISTS', 36, false],
    ['OFFSET_OUT_OF_RANGE', 1, false],
    ['UNKNOWN_TOPIC_ID', 100, true],
    ['MEMBER_ID_REQUIRED', 79, false],
  ] as const)('%s is %i, retriable %s', (name, code, retriable) => {
    expect(kafkaErrorByName(name)).toEqual({ name, code, retriable });
    expect(isRetriableErrorCode(code)).toBe(retriable);
  });
});

/** The replication errors carry the Kafka name and code the broker answers with, and say what was wrong. */
import { BrokerError } from '../../src/broker-error';
import {
  FetchOffsetOutOfRangeError,
  NotEnoughReplicasAfterAppendError,
  NotEnoughReplicasError,
  NotLeaderOrFollowerError,
  ReplicationError,
} from '../../src/replication/replication-errors';

describe('replication errors', () => {
  it.each([
    ['NotEnoughReplicasError', () => new NotEnoughReplicasError(1, 2), 'NOT_ENOUGH_REPLICAS', 19, /ISR has 1 replicas.*min\.insync\.replicas 2/],
    ['NotEnoughReplicasAfterAppendError', () => new NotEnoughReplicasAfterAppendError(1, 3), 'NOT_ENOUGH_REPLICAS_AFTER_APPEND', 20, /committed.*ISR has 1 replicas.*min\.insync\.replicas 3/],
    ['NotLeaderOrFollowerError', () => new NotLeaderOrFollowerError(9), 'NOT_LEADER_OR_FOLLOWER', 6, /broker 9 is not a replica/],
    ['FetchOffsetOutOfRangeError', () => new FetchOffsetOutOfRangeError(12, 10), 'OFFSET_OUT_OF_RANGE', 1, /fetch offset 12 .*log end 10/],
  ])('%s', (name, make, code, kafkaErrorCode, message) => {
    const error = make();
    expect(error).toBeInstanceOf(ReplicationError);
    expect(error).toBeInstanceOf(BrokerError);
    expect(error.name).toBe(name);
    expect(error.code).toBe(code);
    expect(error.kafkaErrorCode).toBe(kafkaErrorCode);
    expect(error.message).toMatch(message);
  });
});

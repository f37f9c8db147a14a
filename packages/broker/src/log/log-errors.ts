import { BrokerError } from '../broker-error';

/**
 * Typed log errors. Each carries the Kafka error name and numeric code
 * (clients/.../protocol/Errors.java) a broker would answer with, like the
 * errors of @kz/records.
 */
export abstract class LogError extends BrokerError {}

/** A read asked for an offset outside [logStartOffset, logEndOffset]. */
export class OffsetOutOfRangeError extends LogError {
  override readonly name = 'OffsetOutOfRangeError';
  readonly code = 'OFFSET_OUT_OF_RANGE';
  readonly kafkaErrorCode = 1;
  constructor(
    readonly offset: number,
    readonly logStartOffset: number,
    readonly logEndOffset: number,
  ) {
    super(`offset ${offset} is outside the log range [${logStartOffset}, ${logEndOffset}]`);
  }
}

/** A batch is larger than max.message.bytes (or than a whole segment). */
export class RecordTooLargeError extends LogError {
  override readonly name = 'RecordTooLargeError';
  readonly code = 'MESSAGE_TOO_LARGE';
  readonly kafkaErrorCode = 10;
  constructor(
    readonly sizeInBytes: number,
    readonly limit: number,
  ) {
    super(`record batch of ${sizeInBytes} bytes exceeds the limit of ${limit} bytes`);
  }
}

/**
 * A leader append carried an epoch older than the newest epoch in the log.
 * Kafka's Partition layer fences such a leader with FENCED_LEADER_EPOCH
 * before it reaches the log; the log refuses too, because registering an
 * older epoch would rewrite the epoch cache (KIP-101).
 */
export class FencedLeaderEpochError extends LogError {
  override readonly name = 'FencedLeaderEpochError';
  readonly code = 'FENCED_LEADER_EPOCH';
  readonly kafkaErrorCode = 74;
  constructor(
    readonly leaderEpoch: number,
    readonly latestEpoch: number,
  ) {
    super(`leader epoch ${leaderEpoch} is older than the log's latest epoch ${latestEpoch}`);
  }
}

/**
 * A follower append did not continue the log exactly: its first offset is
 * not the log end, or its batches are not contiguous. Kafka raises
 * UnexpectedAppendOffsetException / OffsetsOutOfOrderException here, which
 * surface as UNKNOWN_SERVER_ERROR; a follower must truncate and refetch.
 */
export class UnexpectedAppendOffsetError extends LogError {
  override readonly name = 'UnexpectedAppendOffsetError';
  readonly code = 'UNKNOWN_SERVER_ERROR';
  readonly kafkaErrorCode = -1;
  constructor(
    readonly expectedOffset: number,
    readonly actualOffset: number,
  ) {
    super(`follower append expected a batch at offset ${expectedOffset}, got ${actualOffset}`);
  }
}

/** The log directory is unusable: closed log, malformed checkpoint. */
export class KafkaStorageError extends LogError {
  override readonly name = 'KafkaStorageError';
  readonly code = 'KAFKA_STORAGE_ERROR';
  readonly kafkaErrorCode = 56;
}

import { KafkaErrorCode } from '@kz/kafka-protocol';
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
  readonly kafkaErrorCode = KafkaErrorCode.OFFSET_OUT_OF_RANGE;
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
  readonly kafkaErrorCode = KafkaErrorCode.MESSAGE_TOO_LARGE;
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
  readonly kafkaErrorCode = KafkaErrorCode.FENCED_LEADER_EPOCH;
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
  readonly kafkaErrorCode = KafkaErrorCode.UNKNOWN_SERVER_ERROR;
  constructor(
    readonly expectedOffset: number,
    readonly actualOffset: number,
  ) {
    super(`follower append expected a batch at offset ${expectedOffset}, got ${actualOffset}`);
  }
}

/** The log directory is unusable: closed log, malformed checkpoint, a file the system will not open. */
export class KafkaStorageError extends LogError {
  override readonly name: string = 'KafkaStorageError';
  readonly code = 'KAFKA_STORAGE_ERROR';
  readonly kafkaErrorCode = KafkaErrorCode.KAFKA_STORAGE_ERROR;
}

/**
 * The operating system refused to open or create a file or directory of a partition log: EACCES,
 * ENOSPC or EROFS on create, ENOENT for a segment that vanished underneath the broker. The errno
 * travels as a field so metrics and `kz cluster describe` can say which.
 */
export class LogFileOpenError extends KafkaStorageError {
  override readonly name: string = 'LogFileOpenError';
  constructor(
    readonly path: string,
    /** The system error name, e.g. 'EACCES'. */
    readonly errno: string,
    /** The call that failed, e.g. 'open', 'mkdir', 'scandir'. */
    readonly syscall: string,
    message = `cannot ${syscall} ${path}: ${errno}`,
  ) {
    super(message);
  }
}

/**
 * The process (EMFILE) or the whole system (ENFILE) is out of file descriptors, even after the log
 * closed every descriptor it could spare. The replica or request is refused; nothing was written.
 */
export class TooManyOpenFilesError extends LogFileOpenError {
  override readonly name = 'TooManyOpenFilesError';
  constructor(path: string, errno: 'EMFILE' | 'ENFILE', syscall: string) {
    const whose = errno === 'EMFILE' ? 'the process' : 'the system';
    super(path, errno, syscall, `cannot ${syscall} ${path}: ${whose} is out of file descriptors (${errno})`);
  }
}

/** Whether `error` is the system's refusal for lack of descriptors, typed or not yet. */
export function isOutOfDescriptors(error: unknown): boolean {
  if (error instanceof TooManyOpenFilesError) return true;
  const code = errnoOf(error);
  return code === 'EMFILE' || code === 'ENFILE';
}

/**
 * A Node system error from opening or creating a log file, as the typed error; anything else (our
 * own typed errors included) unchanged.
 */
export function asLogFileError(error: unknown, path: string): unknown {
  if (error instanceof LogError) return error;
  const code = errnoOf(error);
  if (code === undefined) return error;
  const e = error as NodeJS.ErrnoException;
  const file = e.path ?? path;
  const syscall = e.syscall ?? 'open';
  return code === 'EMFILE' || code === 'ENFILE' ? new TooManyOpenFilesError(file, code, syscall) : new LogFileOpenError(file, code, syscall);
}

function errnoOf(error: unknown): string | undefined {
  // Not `instanceof Error`: Node's system errors come from another realm under jest's vm sandbox.
  if (typeof error !== 'object' || error === null || !('code' in error) || typeof error.code !== 'string') return undefined;
  return /^E[A-Z0-9]+$/.test(error.code) ? error.code : undefined;
}

/**
 * An idempotent producer's batch does not follow its last one (a gap: a batch was lost in
 * between, or the producer restarted its sequence without a new epoch). The producer must not
 * retry it blindly; Kafka's clients treat it as fatal to the batch and reset.
 */
export class OutOfOrderSequenceError extends LogError {
  override readonly name = 'OutOfOrderSequenceError';
  readonly code = 'OUT_OF_ORDER_SEQUENCE_NUMBER';
  readonly kafkaErrorCode = KafkaErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER;
  constructor(
    readonly producerId: number,
    readonly expectedSequence: number,
    readonly sequence: number,
  ) {
    super(`producer ${producerId}: batch sequence ${sequence} does not follow ${expectedSequence === -1 ? 'a new epoch (expected 0)' : `sequence ${expectedSequence}`}`);
  }
}

/** A batch from an older epoch of a producer id than the log has seen: a zombie producer, fenced. */
export class InvalidProducerEpochError extends LogError {
  override readonly name = 'InvalidProducerEpochError';
  readonly code = 'INVALID_PRODUCER_EPOCH';
  readonly kafkaErrorCode = KafkaErrorCode.INVALID_PRODUCER_EPOCH;
  constructor(
    readonly producerId: number,
    readonly producerEpoch: number,
    readonly currentEpoch: number,
  ) {
    super(`producer ${producerId}: epoch ${producerEpoch} is older than the current epoch ${currentEpoch}`);
  }
}

/**
 * A produce carried more than one batch for a partition with an idempotent batch among them. Kafka
 * takes exactly one batch per partition from RecordBatch v2 producers (ProduceRequest.validateRecords);
 * one batch is also what lets a duplicate be answered with its original offsets.
 */
export class InvalidRecordError extends LogError {
  override readonly name = 'InvalidRecordError';
  readonly code = 'INVALID_RECORD';
  readonly kafkaErrorCode = KafkaErrorCode.INVALID_RECORD;
}

/**
 * A checkpoint file (replication-offset-checkpoint) that does not parse: a wrong version, an entry
 * count its lines do not match, a line cut short or garbled. The broker refuses the whole file and
 * carries on without it — what it held is only ever a lower bound that replication recovers.
 */
export class CorruptCheckpointError extends KafkaStorageError {
  override readonly name = 'CorruptCheckpointError';
  constructor(
    readonly path: string,
    /** What is wrong with it, for the log line. */
    readonly reason: string,
  ) {
    super(`corrupt checkpoint ${path}: ${reason}`);
  }
}

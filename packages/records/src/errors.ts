/**
 * Typed decode errors. Each carries the Kafka error name and numeric code a
 * broker would answer with, so callers on the wire path can turn a thrown
 * value straight into a response without a lookup table of their own.
 *
 * Argument errors on the *encode* side (a record count of zero, an int32 field
 * out of range) are programmer mistakes, not bad input from a peer, and are
 * thrown as plain RangeError instead.
 */

/** Kafka protocol error codes used by this package (clients/.../protocol/Errors.java). */
export const KafkaErrorCodes = {
  CORRUPT_MESSAGE: 2,
  UNSUPPORTED_COMPRESSION_TYPE: 76,
} as const;

export abstract class RecordsError extends Error {
  /** Kafka error name, e.g. 'CORRUPT_MESSAGE'. */
  abstract readonly code: string;
  /** Kafka numeric error code, e.g. 2. */
  abstract readonly kafkaErrorCode: number;
}

/**
 * Fewer bytes are present than the batch needs. On a log or socket read this
 * usually means "read more", which is why `needed`/`available` are exposed;
 * it is still CORRUPT_MESSAGE when it reaches a peer because a complete
 * request that ends mid-batch is malformed.
 */
export class TruncatedBatchError extends RecordsError {
  override readonly name = 'TruncatedBatchError';
  readonly code = 'CORRUPT_MESSAGE';
  readonly kafkaErrorCode = KafkaErrorCodes.CORRUPT_MESSAGE;
  constructor(
    /** Byte position (in the buffer given to the reader) where the batch starts. */
    readonly at: number,
    /** Bytes the batch needs from `at` (the whole batch once its length is readable). */
    readonly needed: number,
    /** Bytes actually present from `at`. */
    readonly available: number,
  ) {
    super(`record batch at byte ${at} is truncated: needs ${needed} bytes, ${available} available`);
  }
}

/**
 * Magic byte is not 2. We report CORRUPT_MESSAGE rather than
 * UNSUPPORTED_VERSION because that is what Kafka's own batch reader does:
 * ByteBufferLogInputStream.nextBatchSize throws CorruptRecordException
 * ("Invalid magic found in record") for a magic outside 0..2, and
 * UNSUPPORTED_VERSION (35) is reserved for request-header API versions, not
 * record formats. Magic 0/1 (legacy message sets) are valid to Kafka < 4 but
 * were removed in 4.0 (KIP-724); this package only speaks v2, so they are
 * rejected here as well.
 */
export class InvalidMagicError extends RecordsError {
  override readonly name = 'InvalidMagicError';
  readonly code = 'CORRUPT_MESSAGE';
  readonly kafkaErrorCode = KafkaErrorCodes.CORRUPT_MESSAGE;
  constructor(
    readonly at: number,
    readonly magic: number,
  ) {
    super(`record batch at byte ${at} has magic ${magic}; only magic 2 is supported`);
  }
}

/** Stored CRC-32C does not match the bytes it covers. */
export class CrcMismatchError extends RecordsError {
  override readonly name = 'CrcMismatchError';
  readonly code = 'CORRUPT_MESSAGE';
  readonly kafkaErrorCode = KafkaErrorCodes.CORRUPT_MESSAGE;
  constructor(
    readonly at: number,
    /** CRC stored in the batch header. */
    readonly expected: number,
    /** CRC computed over the batch bytes. */
    readonly actual: number,
  ) {
    super(
      `record batch at byte ${at} failed its CRC-32C check: stored 0x${hex32(expected)}, computed 0x${hex32(actual)}`,
    );
  }
}

/** Structurally invalid batch or record (bad lengths, counts, varints, values). */
export class CorruptRecordError extends RecordsError {
  override readonly name = 'CorruptRecordError';
  readonly code = 'CORRUPT_MESSAGE';
  readonly kafkaErrorCode = KafkaErrorCodes.CORRUPT_MESSAGE;
  constructor(
    message: string,
    /** Start of the offending batch, when known. */
    readonly at?: number,
  ) {
    super(at === undefined ? message : `record batch at byte ${at}: ${message}`);
  }
}

/** Compressed batch; this package decodes only uncompressed record data. */
export class UnsupportedCompressionError extends RecordsError {
  override readonly name = 'UnsupportedCompressionError';
  readonly code = 'UNSUPPORTED_COMPRESSION_TYPE';
  readonly kafkaErrorCode = KafkaErrorCodes.UNSUPPORTED_COMPRESSION_TYPE;
  constructor(
    readonly at: number,
    /** Compression id from attribute bits 0-2: 1 gzip, 2 snappy, 3 lz4, 4 zstd. */
    readonly compression: number,
  ) {
    super(`record batch at byte ${at} uses compression ${compressionName(compression)}; only uncompressed batches are supported`);
  }
}

function hex32(n: number): string {
  return (n >>> 0).toString(16).padStart(8, '0');
}

function compressionName(id: number): string {
  return ['none', 'gzip', 'snappy', 'lz4', 'zstd'][id] ?? `id ${id}`;
}

import { KafkaErrorCode } from '@kz/runtime';

/**
 * A committed record that cannot apply to the image: it names a topic, partition or broker the image
 * does not hold, or a stale broker epoch. The controller never writes one, so this is a bug or a
 * corrupt log, and the loader stops rather than build an image that differs from its peers'.
 */
export class MetadataReplayError extends Error {
  override readonly name = 'MetadataReplayError';
  readonly code = 'UNKNOWN_SERVER_ERROR';
  readonly kafkaErrorCode = KafkaErrorCode.UNKNOWN_SERVER_ERROR;
}

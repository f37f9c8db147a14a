import { KafkaErrorCode } from '@kz/runtime';

/** A metadata record value that is not a valid MetadataRecord: Kafka's CORRUPT_MESSAGE. */
export class MalformedMetadataRecordError extends Error {
  override readonly name = 'MalformedMetadataRecordError';
  readonly code = 'CORRUPT_MESSAGE';
  readonly kafkaErrorCode = KafkaErrorCode.CORRUPT_MESSAGE;
}

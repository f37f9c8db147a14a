/**
 * @kz/kafka-protocol: Kafka's wire protocol (request and response bodies for
 * every API kz speaks, request/response headers, framing, error codes),
 * generated from one schema source (schema/*.kzp).
 *
 * int64 fields are JS numbers; a decoded int64 outside ±(2^53-1) is a
 * MalformedMessageError. UUIDs are Kafka's 22-character base64url strings.
 * `bytes` and `records` fields decode to views into the frame (no copy).
 */
export * from './generated/index.js';

export { type Complete, type MessageCodec, type ApiDescriptor, supportsVersion, encodeMessage, decodeMessage } from './codec.js';
export { requestHeaderVersion, responseHeaderVersion } from './header-versions.js';
export { encodeVersioned, decodeVersioned, type VersionedReadOptions } from './versioned-data.js';
export {
  type DecodedRequest,
  type DecodedRequestHeader,
  peekRequestIds,
  decodeRequestHeader,
  decodeRequest,
  encodeRequest,
} from './request.js';
export { encodeResponse, encodeResponseChunks, decodeResponse } from './response.js';
export { FrameDecoder, DEFAULT_MAX_FRAME_SIZE } from './frame-decoder.js';
export {
  type ApiVersionRange,
  generatedApiVersions,
  needsApiVersionsFallback,
  encodeApiVersionsFallback,
} from './api-versions-fallback.js';
export {
  ProtocolError,
  TruncatedMessageError,
  MalformedMessageError,
  InvalidFrameSizeError,
  UnsupportedVersionError,
} from './errors.js';
export {
  KafkaErrorCode,
  type KafkaErrorName,
  type KafkaErrorInfo,
  KAFKA_ERRORS,
  kafkaErrorByCode,
  kafkaErrorByName,
  isRetriableErrorCode,
} from '@kz/runtime';
export { ZERO_UUID, isUuidString } from './uuid.js';
export { Reader } from './reader.js';
export { Writer, ChunkedWriter, REFERENCED_BYTES_MIN, sizeReferencing } from './writer.js';

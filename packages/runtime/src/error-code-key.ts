/**
 * The gRPC trailer in which every kz service names why it refused a call: a Kafka error name
 * (`NOT_CONTROLLER`, `STALE_BROKER_EPOCH`...), next to the gRPC status, so a caller gets a typed
 * error instead of parsing a message.
 */
export const ERROR_CODE_KEY = 'kz-error-code';

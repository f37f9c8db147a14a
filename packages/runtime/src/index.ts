/**
 * @kz/runtime — what every kz service shares at run time, below @kz/raft in the dependency order:
 * the clock and timers a driver runs on (a simulation passes its own), turn budgets that keep one
 * event loop serving while large work is done in slices, the event-loop monitor, a deadline queue
 * for cores that keep many timed entries and a sweep that times many requests on one timer, the one table of Kafka's error codes, and the pieces
 * every gRPC service and wire codec shares: the pass-through bytes service, request observation,
 * the error-code trailer, the types tying codecs to generated protobuf messages, a bounds-checked wire reader, and TLS identities.
 */
export { UNLIMITED, turnBudget, DEFAULT_TURN_BUDGET_MS, type WorkBudget } from './turn-budget';
export { EventLoopMonitor, section, type EventLoopMonitorOptions } from './event-loop-monitor';
export { DeadlineQueue } from './deadline-queue';
export { DeadlineSweep, type SweptDeadline } from './deadline-sweep';
export {
  KafkaErrorCode,
  type KafkaErrorName,
  type KafkaErrorInfo,
  KAFKA_ERRORS,
  kafkaErrorByCode,
  kafkaErrorByName,
  isRetriableErrorCode,
} from './kafka-errors';

export { REAL_SCHEDULER, type Scheduler, type ScheduledTimer } from './scheduler';
export { DeadlineTimer } from './deadline-timer';
export { ERROR_CODE_KEY } from './error-code-key';
export { observedRespond, type ObservedRespond, type RequestObserver } from './request-observer';
export { NO_MECHANISM, TLS_MECHANISM, UNSUPPORTED_MECHANISM, type AuthenticationObserver } from './authentication-observer';
export { bytesMethod, bytesServiceDefinition, rpcPath, passThrough, asBuffer } from './bytes-service';
export { decodeMessage, encodeMessage, type FieldOf, type MessageClass, type MessageOf, type PropertiesOf, type WireInput, type WireMessage } from './generated-message';
export { WireReader, type MalformedWireError } from './wire-reader';
export { TlsIdentity, TlsConfigError, readTlsFiles, type TlsFiles, type TlsMaterial } from './tls-identity';
export { grpcChannelCredentials, grpcServerCredentials, nodeCommonName, nodeIdOfCommonName, peerCommonName, peerNodeId } from './grpc-tls';

/**
 * @kz/runtime — what every kz service shares at run time, below @kz/raft in the dependency order:
 * turn budgets that keep one event loop serving while large work is done in slices, and the
 * event-loop monitor that measures and reports the turns that ran long anyway, and a deadline queue
 * for cores that keep many timed entries.
 */
export { UNLIMITED, turnBudget, DEFAULT_TURN_BUDGET_MS, type WorkBudget } from './turn-budget';
export { EventLoopMonitor, section, type EventLoopMonitorOptions } from './event-loop-monitor';
export { DeadlineQueue } from './deadline-queue';
export {
  KafkaErrorCode,
  type KafkaErrorName,
  type KafkaErrorInfo,
  KAFKA_ERRORS,
  kafkaErrorByCode,
  kafkaErrorByName,
  isRetriableErrorCode,
} from './kafka-errors';

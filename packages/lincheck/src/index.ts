/**
 * @kz/lincheck: a linearizability checker for client histories.
 *
 * Wing–Gong search with Lowe's just-in-time linearization and memoisation of
 * (linearized set, state), run per independent partition of the history, in
 * the manner of Porcupine.
 */
export { type Operation, isOpenEnded } from './operation.js';
export type { Model, StepResult } from './model.js';
export { checkOperations, type CheckOptions, type CheckResult, type Witness } from './check.js';
export { kvModel, type KvInput, type KvOutput, type KvState } from './kv-model.js';
export { HistoryRecorder, type OperationHandle } from './history-recorder.js';

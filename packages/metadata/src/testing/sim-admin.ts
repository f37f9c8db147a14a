import type { NodeId } from '@kz/raft';
import type { ControllerReply, ControllerRequest } from '../controller/controller-requests';

export interface AdminSettings {
  /** An attempt unanswered this long is given up and retried on the next controller. */
  readonly requestTimeoutMs: number;
  /** Wait before retrying when NOT_CONTROLLER names no controller. */
  readonly retryBackoffMs: number;
  /** Attempts before the operation is given up. */
  readonly maxAttempts: number;
}

export const ADMIN_DEFAULTS: AdminSettings = { requestTimeoutMs: 2000, retryBackoffMs: 200, maxAttempts: 30 };

export interface AdminEnvironment {
  readonly controllers: readonly NodeId[];
  readonly settings: AdminSettings;
  now(): number;
  schedule(at: number, label: string, run: () => void): void;
  send(to: NodeId, request: ControllerRequest, onReply: (reply: ControllerReply) => void): number;
  trace(text: string): void;
}

/** One try of an operation, on one controller. */
export interface AdminAttempt {
  requestId: number;
  readonly controller: NodeId;
  readonly sentAt: number;
  outcome: ControllerReply | 'timeout' | null;
}

/** One admin operation and every attempt at it. */
export interface AdminOperation {
  readonly id: number;
  readonly request: ControllerRequest;
  readonly attempts: AdminAttempt[];
  /** The answer that ended it (anything but NOT_CONTROLLER), or null while it is retried. */
  final: ControllerReply | null;
  /** True once it ended: answered, or given up after maxAttempts. */
  done: boolean;
}

/**
 * The admin client (kafka-topics, kafka-configs, kafka-reassign-partitions): sends each operation to
 * the controller it believes is active, follows NOT_CONTROLLER hints, and after a timeout tries the
 * next controller — so a request whose controller died or lost leadership is retried until some
 * controller answers it. Every attempt and the final answer are kept for the tests to judge.
 */
export class SimAdmin {
  readonly operations: AdminOperation[] = [];
  private controllerIndex = 0;

  constructor(private readonly env: AdminEnvironment) {}

  /** Sends an operation; `to` pins the first attempt to one controller. */
  submit(request: ControllerRequest, to?: NodeId): AdminOperation {
    const operation: AdminOperation = { id: this.operations.length + 1, request, attempts: [], final: null, done: false };
    this.operations.push(operation);
    if (to !== undefined) this.pointAt(to);
    this.attempt(operation);
    return operation;
  }

  /** The controller the next request goes to. */
  get target(): NodeId {
    return this.env.controllers[this.controllerIndex % this.env.controllers.length]!;
  }

  pointAt(controller: NodeId): void {
    const at = this.env.controllers.indexOf(controller);
    if (at >= 0) this.controllerIndex = at;
  }

  private attempt(operation: AdminOperation): void {
    if (operation.done) return;
    if (operation.attempts.length >= this.env.settings.maxAttempts) {
      operation.done = true;
      this.env.trace(`admin: ${operation.request.kind} #${operation.id} given up after ${operation.attempts.length} attempts`);
      return;
    }
    const controller = this.target;
    const attempt: AdminAttempt = { requestId: -1, controller, sentAt: this.env.now(), outcome: null };
    operation.attempts.push(attempt);
    attempt.requestId = this.env.send(controller, operation.request, (reply) => this.onReply(operation, attempt, reply));
    this.env.schedule(this.env.now() + this.env.settings.requestTimeoutMs, `admin ${operation.request.kind} #${operation.id} timeout`, () => {
      if (attempt.outcome !== null || operation.done) return;
      attempt.outcome = 'timeout';
      this.controllerIndex++;
      this.attempt(operation);
    });
  }

  private onReply(operation: AdminOperation, attempt: AdminAttempt, reply: ControllerReply): void {
    if (attempt.outcome !== null || operation.done) return;
    attempt.outcome = reply;
    if (!reply.result.ok && reply.result.error.code === 'NOT_CONTROLLER') {
      const hint = reply.result.error.leaderId;
      if (hint >= 0 && this.env.controllers.includes(hint)) this.pointAt(hint);
      else this.controllerIndex++;
      this.env.schedule(this.env.now() + (hint >= 0 ? 0 : this.env.settings.retryBackoffMs), `admin ${operation.request.kind} #${operation.id} retry`, () => this.attempt(operation));
      return;
    }
    operation.final = reply;
    operation.done = true;
    const outcome = reply.result.ok ? 'ok' : reply.result.error.code;
    this.env.trace(`admin: ${operation.request.kind} #${operation.id} answered by controller ${attempt.controller}: ${outcome}`);
  }
}

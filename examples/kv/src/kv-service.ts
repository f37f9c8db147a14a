/**
 * KvService's request handling on one node: writes become Raft proposals, reads wait for a read
 * barrier, and every Raft failure becomes the proto's error code with the meaning the client
 * relies on:
 *
 * - NOT_LEADER_OR_FOLLOWER: the write definitely did not happen (refused before it was proposed,
 *   or its batch was replaced by another leader's before it committed). Safe to retry elsewhere.
 * - REQUEST_TIMED_OUT: the outcome is unknown; the write may still commit.
 * - UNKNOWN_SERVER_ERROR: anything else, also with an unknown outcome for a write.
 * - INVALID_REQUEST: refused before anything was proposed.
 */
import { status as grpcStatus, type handleBidiStreamingCall, type handleUnaryCall } from '@grpc/grpc-js';
import { NotLeaderError, ProposalLostError, RequestTimedOutError, type NodeId, type RaftNode } from '@kz/raft';
import type { Logger } from 'pino';
import { encodeCommand, type KvCommand } from './kv-command';
import { PipelineSession } from './kv-pipeline';
import type { KvServiceHandlers } from './kv-service-definition';
import type { KvStateMachine } from './kv-state-machine';
import type {
  CompareAndSetRequest,
  DeleteRequest,
  GetRequest,
  GetResponse,
  KvWireError,
  PipelineOp,
  PipelineRequest,
  PipelineResponse,
  PipelineResult,
  PutRequest,
  WriteResponse,
} from './kv-wire';

/** The part of RaftNode the service uses. */
export type KvRaftNode = Pick<RaftNode, 'propose' | 'readBarrier' | 'status'>;

export interface KvServiceOptions {
  readonly node: KvRaftNode;
  readonly stateMachine: KvStateMachine;
  /** The KvService address of a node, for NOT_LEADER redirects. */
  readonly kvAddressOf: (nodeId: NodeId) => string | undefined;
  /** How long a write waits to commit, and a read for its barrier, before REQUEST_TIMED_OUT. */
  readonly requestTimeoutMs: number;
  readonly logger: Logger;
}

/** Bounds that keep one command well inside one Raft batch and one gRPC message. */
export const KV_LIMITS = {
  maxKeyBytes: 16 * 1024,
  maxValueBytes: 1024 * 1024,
} as const;

type Failure = { readonly error: KvWireError };

export class KvService {
  private readonly pipelines = new Set<PipelineSession>();

  constructor(private readonly options: KvServiceOptions) {}

  put(request: PutRequest): Promise<WriteResponse> {
    return this.write(this.checkKey(request.key) ?? this.checkValue(request.value, 'value'), { op: 'put', key: request.key, value: request.value });
  }

  delete(request: DeleteRequest): Promise<WriteResponse> {
    return this.write(this.checkKey(request.key), { op: 'delete', key: request.key });
  }

  compareAndSet(request: CompareAndSetRequest): Promise<WriteResponse> {
    const invalid =
      this.checkKey(request.key) ??
      this.checkValue(request.value, 'value') ??
      this.checkValue(request.expected, 'expected') ??
      (!request.hasExpected && request.expected.length > 0 ? 'expected is set but has_expected is false' : null);
    return this.write(invalid, { op: 'cas', key: request.key, expected: request.hasExpected ? request.expected : null, value: request.value });
  }

  async get(request: GetRequest): Promise<GetResponse> {
    const invalid = this.checkKey(request.key);
    if (invalid !== null) return { ...noRead, error: invalidRequest(invalid) };
    try {
      const readOffset = await this.options.node.readBarrier({ timeoutMs: this.options.requestTimeoutMs });
      // Commands applied since the barrier resolved also fall inside this request's interval,
      // so the state read here is still a linearizable answer.
      const value = this.options.stateMachine.get(request.key);
      return value === undefined ? { ...noRead, readOffset } : { error: null, found: true, value, readOffset };
    } catch (error) {
      return { ...noRead, ...this.failure(error, 'get') };
    }
  }

  /** One operation of a Pipeline stream, answered as its unary RPC would be. */
  async serve(op: PipelineOp | null): Promise<PipelineResult> {
    try {
      if (op === null) return { write: { ...noWrite, error: invalidRequest('the request names no operation this server knows') } };
      switch (op.method) {
        case 'Put':
          return { write: await this.put(op.request) };
        case 'Delete':
          return { write: await this.delete(op.request) };
        case 'CompareAndSet':
          return { write: await this.compareAndSet(op.request) };
        case 'Get':
          return { get: await this.get(op.request) };
      }
    } catch (error) {
      // Only a bug gets here (each operation catches what Raft throws); its outcome is unknown.
      this.options.logger.error({ err: error }, 'kv pipeline operation threw');
      return { write: { ...noWrite, error: serverError(error instanceof Error ? error.message : String(error)) } };
    }
  }

  /** Ends every open Pipeline stream once its operations are answered (the server is stopping). */
  endPipelines(): void {
    for (const session of [...this.pipelines]) session.end();
  }

  /** The handlers to register with a grpc-js Server under KV_SERVICE_DEFINITION. */
  implementation(): KvServiceHandlers {
    return {
      Put: this.handler((r) => this.put(r)),
      Delete: this.handler((r) => this.delete(r)),
      CompareAndSet: this.handler((r) => this.compareAndSet(r)),
      Get: this.handler((r) => this.get(r)),
      Pipeline: this.pipelineHandler(),
    };
  }

  private pipelineHandler(): handleBidiStreamingCall<PipelineRequest, PipelineResponse> {
    return (call) => {
      const session = new PipelineSession(call, (op) => this.serve(op), (closed) => this.pipelines.delete(closed));
      this.pipelines.add(session);
    };
  }

  private async write(invalid: string | null, command: KvCommand): Promise<WriteResponse> {
    if (invalid !== null) return { ...noWrite, error: invalidRequest(invalid) };
    const { node, stateMachine, requestTimeoutMs } = this.options;
    try {
      const committed = await node.propose([encodeCommand(command)], { timeoutMs: requestTimeoutMs });
      // One record per proposal, so the record's offset is the batch's base offset.
      const outcome = stateMachine.takeOutcome(committed.baseOffset);
      if (outcome === undefined || outcome === 'malformed') {
        return { ...noWrite, offset: committed.baseOffset, error: serverError(`committed at ${committed.baseOffset}, but its outcome is not known here (${outcome ?? 'dropped'})`) };
      }
      return { error: null, applied: outcome === 'applied', offset: committed.baseOffset };
    } catch (error) {
      return { ...noWrite, ...this.failure(error, command.op) };
    }
  }

  private failure(error: unknown, what: string): Failure {
    if (error instanceof NotLeaderError) return { error: this.notLeader(error.leaderId, error.message) };
    if (error instanceof ProposalLostError) return { error: this.notLeader(this.options.node.status().leaderId, error.message) };
    if (error instanceof RequestTimedOutError) return { error: { ...noLeader, code: 'REQUEST_TIMED_OUT', message: error.message } };
    // NodeStoppedError (shutting down) or a halted node (storage failure): the outcome is unknown.
    this.options.logger.warn({ err: error, what }, 'kv request failed');
    return { error: serverError(error instanceof Error ? error.message : String(error)) };
  }

  private notLeader(leaderId: NodeId, message: string): KvWireError {
    const leaderAddress = leaderId < 0 ? undefined : this.options.kvAddressOf(leaderId);
    return { code: 'NOT_LEADER_OR_FOLLOWER', message, leaderId: leaderId < 0 ? -1 : leaderId, leaderAddress: leaderAddress ?? '' };
  }

  private checkKey(key: Uint8Array): string | null {
    if (key.length === 0) return 'key must not be empty';
    if (key.length > KV_LIMITS.maxKeyBytes) return `key is ${key.length} bytes; at most ${KV_LIMITS.maxKeyBytes} allowed`;
    return null;
  }

  private checkValue(value: Uint8Array, what: string): string | null {
    return value.length > KV_LIMITS.maxValueBytes ? `${what} is ${value.length} bytes; at most ${KV_LIMITS.maxValueBytes} allowed` : null;
  }

  /** Answers never fail at the gRPC level: every error travels in the response's Error field. */
  private handler<Req, Res>(serve: (request: Req) => Promise<Res>): handleUnaryCall<Req, Res> {
    return (call, respond) => {
      serve(call.request).then(
        (response) => respond(null, response),
        (error: unknown) => {
          // Only a bug gets here: serve catches what Raft throws.
          this.options.logger.error({ err: error }, 'kv handler threw');
          respond({ code: grpcStatus.INTERNAL, details: error instanceof Error ? error.message : String(error) });
        },
      );
    };
  }
}

const noLeader = { leaderId: -1, leaderAddress: '' } as const;
const noWrite: WriteResponse = { error: null, applied: false, offset: -1 };
const noRead: GetResponse = { error: null, found: false, value: new Uint8Array(0), readOffset: -1 };

function invalidRequest(message: string): KvWireError {
  return { ...noLeader, code: 'INVALID_REQUEST', message };
}

function serverError(message: string): KvWireError {
  return { ...noLeader, code: 'UNKNOWN_SERVER_ERROR', message };
}

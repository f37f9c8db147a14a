/**
 * The client end of KvService.Pipeline to one node: operations go out on one long-lived stream,
 * each with an id, and each answer settles the operation with that id. Operations sent in the same
 * turn of the event loop share one message. A unary call costs grpc-js a call's set-up, headers
 * and trailers on both ends; here a round of operations costs a message each way.
 *
 * An operation settles exactly once: with its answer, with the stream's failure (every operation
 * still waiting on that stream), or at its deadline. What a failure means for a write's outcome is
 * the caller's rule, the same as for a unary call's failure.
 */
import { Metadata, status as grpcStatus, type Client, type ClientDuplexStream, type ServiceError } from '@grpc/grpc-js';
import { DeadlineSweep, type SweptDeadline } from '@kz/runtime';
import { KV_SERVICE_DEFINITION } from './kv-service-definition';
import type { PipelineCall, PipelineOp, PipelineRequest, PipelineResponse, PipelineResult } from './kv-wire';

export type PipelineOutcome = { readonly result: PipelineResult } | { readonly failure: ServiceError };

interface Waiting {
  readonly deadline: SweptDeadline;
  readonly settle: (outcome: PipelineOutcome) => void;
}

export class ClientPipeline {
  private stream: ClientDuplexStream<PipelineRequest, PipelineResponse> | null = null;
  private readonly waiting = new Map<number, Waiting>();
  /** Calls of this turn, sent together once it ends. */
  private unsent: PipelineCall[] = [];
  private nextId = 1;
  /** One timer for every operation in flight, not a timer each. */
  private readonly deadlines = new DeadlineSweep();

  constructor(private readonly channel: Client) {}

  /** Sends one operation; resolves with its answer or why it has none (never rejects). */
  send(op: PipelineOp, timeoutMs: number): Promise<PipelineOutcome> {
    return new Promise((settle) => {
      const id = this.nextId++;
      const deadline = this.deadlines.after(timeoutMs, () => this.settle(id, { failure: serviceError(grpcStatus.DEADLINE_EXCEEDED, 'Deadline exceeded') }));
      this.waiting.set(id, { deadline, settle });
      if (this.unsent.length === 0) setImmediate(() => this.flush());
      this.unsent.push({ id, op });
    });
  }

  /** Fails every operation in flight (CANCELLED) and closes the stream. */
  close(): void {
    const stream = this.stream;
    this.stream = null;
    stream?.cancel();
    this.failAll(serviceError(grpcStatus.CANCELLED, 'the client closed the pipeline'));
  }

  private flush(): void {
    const calls = this.unsent;
    this.unsent = [];
    // Some may have failed meanwhile (close, a failed stream); they are not sent.
    const live = calls.filter((call) => this.waiting.has(call.id));
    if (live.length > 0) this.open().write({ calls: live });
  }

  private open(): ClientDuplexStream<PipelineRequest, PipelineResponse> {
    if (this.stream !== null) return this.stream;
    const definition = KV_SERVICE_DEFINITION.Pipeline;
    const stream = this.channel.makeBidiStreamRequest(definition.path, definition.requestSerialize, definition.responseDeserialize, new Metadata(), {});
    stream.on('data', (response: PipelineResponse) => {
      for (const { id, result } of response.answers) this.settle(id, { result });
    });
    // The operations still waiting were written to this stream: each gets its failure.
    stream.on('error', (error: ServiceError) => this.ended(stream, error));
    stream.on('end', () => this.ended(stream, serviceError(grpcStatus.UNAVAILABLE, 'the server ended the pipeline')));
    this.stream = stream;
    return stream;
  }

  private ended(stream: ClientDuplexStream<PipelineRequest, PipelineResponse>, error: ServiceError): void {
    if (this.stream !== stream) return;
    this.stream = null;
    this.failAll(error);
  }

  private settle(id: number, outcome: PipelineOutcome): void {
    const waiting = this.waiting.get(id);
    // Not waiting: its deadline passed first, and the caller has its failure already.
    if (waiting === undefined) return;
    this.waiting.delete(id);
    waiting.deadline.cancel();
    waiting.settle(outcome);
  }

  private failAll(error: ServiceError): void {
    const all = [...this.waiting.values()];
    this.waiting.clear();
    this.deadlines.clear();
    for (const waiting of all) waiting.settle({ failure: error });
  }

}

function serviceError(code: grpcStatus, details: string): ServiceError {
  return Object.assign(new Error(`${code} ${grpcStatus[code]}: ${details}`), { code, details, metadata: new Metadata() });
}

/**
 * One KvService.Pipeline stream on the server: each call is served as its unary RPC would be and
 * answered with its id as soon as it completes, so answers may overtake one another (a Get waits
 * for a read barrier, a write for its commit). Answers that complete in the same turn of the event
 * loop (the writes of one committed batch, typically) go out in one message.
 *
 * Flow control: at most `maxInFlight` operations of one stream are being served at once; past that
 * the stream stops reading, and HTTP/2 flow control then holds the client back, instead of this
 * node queueing proposals without bound for one client.
 */
import type { ServerDuplexStream } from '@grpc/grpc-js';
import type { PipelineAnswer, PipelineCall, PipelineOp, PipelineRequest, PipelineResponse, PipelineResult } from './kv-wire';

/**
 * Serves one operation (null: the request named none this server knows) and never rejects: every
 * failure travels in the answer's Error field, as in the unary RPCs.
 */
export type ServePipelineOp = (op: PipelineOp | null) => Promise<PipelineResult>;

export const PIPELINE_MAX_IN_FLIGHT = 4096;

export class PipelineSession {
  /** Calls being served, answered or not yet sent. */
  private inFlight = 0;
  private outgoing: PipelineAnswer[] = [];
  private paused = false;
  /** The client half-closed: end ours once every answer is out. */
  private clientDone = false;
  /** The stream failed or was cancelled, or we ended it: answers have nowhere to go. */
  private gone = false;
  private endRequested = false;

  constructor(
    private readonly call: ServerDuplexStream<PipelineRequest, PipelineResponse>,
    private readonly serveOp: ServePipelineOp,
    private readonly onClosed: (session: PipelineSession) => void,
    private readonly maxInFlight = PIPELINE_MAX_IN_FLIGHT,
  ) {
    call.on('data', (request: PipelineRequest) => {
      for (const each of request.calls) this.serve(each);
    });
    call.on('end', () => {
      this.clientDone = true;
      this.endIfDrained();
    });
    call.on('error', () => this.close());
    call.on('cancelled', () => this.close());
  }

  /** Ends the stream once the operations being served are answered (the server is stopping). */
  end(): void {
    this.endRequested = true;
    this.endIfDrained();
  }

  private serve(call: PipelineCall): void {
    this.inFlight += 1;
    if (this.inFlight >= this.maxInFlight && !this.paused) {
      this.paused = true;
      this.call.pause();
    }
    void this.serveOp(call.op).then((result) => this.answer(call.id, result));
  }

  private answer(id: number, result: PipelineResult): void {
    if (this.gone) return;
    // After every answer of this turn has joined (setImmediate runs once the promise callbacks
    // of the turn are done).
    if (this.outgoing.length === 0) setImmediate(() => this.flush());
    this.outgoing.push({ id, result });
  }

  private flush(): void {
    const answers = this.outgoing;
    this.outgoing = [];
    if (this.gone || answers.length === 0) return;
    this.inFlight -= answers.length;
    this.call.write({ answers });
    // Resume at half the bound, so a client at the limit does not flip the stream every answer.
    if (this.paused && this.inFlight <= this.maxInFlight / 2) {
      this.paused = false;
      this.call.resume();
    }
    this.endIfDrained();
  }

  private endIfDrained(): void {
    if (this.gone || this.inFlight > 0 || !(this.clientDone || this.endRequested)) return;
    this.gone = true;
    this.call.end();
    this.onClosed(this);
  }

  private close(): void {
    if (this.gone) return;
    this.gone = true;
    this.onClosed(this);
  }
}

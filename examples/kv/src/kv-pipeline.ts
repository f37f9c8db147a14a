/**
 * One KvService.Pipeline stream on the server: each request is served as its unary RPC would be
 * and answered with its id as soon as it completes, so answers may overtake one another (a Get
 * waits for a read barrier, a write for its commit).
 *
 * Flow control: at most `maxInFlight` operations of one stream are being served at once; past that
 * the stream stops reading, and HTTP/2 flow control then holds the client back, instead of this
 * node queueing proposals without bound for one client.
 */
import type { ServerDuplexStream } from '@grpc/grpc-js';
import type { PipelineOp, PipelineRequest, PipelineResponse, PipelineResult } from './kv-wire';

/**
 * Serves one operation (null: the request named none this server knows) and never rejects: every
 * failure travels in the answer's Error field, as in the unary RPCs.
 */
export type ServePipelineOp = (op: PipelineOp | null) => Promise<PipelineResult>;

export const PIPELINE_MAX_IN_FLIGHT = 4096;

export class PipelineSession {
  private inFlight = 0;
  private paused = false;
  /** The client half-closed: end ours once every answer is out. */
  private clientDone = false;
  /** The stream failed or was cancelled: answers have nowhere to go. */
  private gone = false;
  private endRequested = false;

  constructor(
    private readonly call: ServerDuplexStream<PipelineRequest, PipelineResponse>,
    private readonly serveOp: ServePipelineOp,
    private readonly onClosed: (session: PipelineSession) => void,
    private readonly maxInFlight = PIPELINE_MAX_IN_FLIGHT,
  ) {
    call.on('data', (request: PipelineRequest) => this.serve(request));
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

  private serve(request: PipelineRequest): void {
    this.inFlight += 1;
    if (this.inFlight >= this.maxInFlight && !this.paused) {
      this.paused = true;
      this.call.pause();
    }
    void this.serveOp(request.op).then((result) => this.answer(request.id, result));
  }

  private answer(id: number, result: PipelineResult): void {
    this.inFlight -= 1;
    if (this.gone) return;
    this.call.write({ id, result });
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

/**
 * One client's TCP connection to the Kafka listener: frames in, requests decoded and handed to
 * their handlers, answers out — strictly in the order the requests came, as Kafka guarantees,
 * even though handlers run concurrently (a long-polling Fetch or an acks=all Produce resolves
 * later than the Metadata request pipelined behind it, whose answer waits its turn).
 *
 * Bad input ends the connection, as Kafka's SocketServer does: a frame size below 0 or above the
 * maximum, an unknown API key, a version no handler serves, bytes that do not decode. One line is
 * logged with the peer's address; nothing of a request that did not decode reaches a handler, so
 * nothing is half applied. The exception is ApiVersions at a version we do not know (KIP-511): it
 * is answered in v0 form with UNSUPPORTED_VERSION and our ranges, so the client can retry lower.
 */
import type { Socket } from 'node:net';
import {
  ApiKey,
  decodeRequest,
  encodeApiVersionsFallback,
  encodeResponseChunks,
  FrameDecoder,
  needsApiVersionsFallback,
  peekRequestIds,
  ProtocolError,
  UnsupportedVersionError,
  APIS,
  type ApiVersionRange,
  type DecodedRequest,
} from '@kz/kafka-protocol';
import type { RequestObserver } from '@kz/runtime';
import type { Logger } from 'pino';
import type { ClientSession } from '../security/client-session';
import { CLOSE_CONNECTION, type KafkaApiHandler, type KafkaHandlers } from './kafka-handler';
import { requestErrorName } from './request-outcome';

export interface ListenerConnectionOptions {
  readonly socket: Socket;
  readonly handlers: KafkaHandlers;
  readonly advertised: readonly ApiVersionRange[];
  readonly maxFrameBytes: number;
  /** Requests decoded but not yet answered beyond which the socket stops being read. */
  readonly maxInFlight: number;
  readonly logger: Logger;
  readonly observeRequest: RequestObserver | null;
  readonly onClose: (connection: ListenerConnection) => void;
  /** The client's principal and SASL state; a SASL listener serves nothing else until it authenticated. */
  readonly session: ClientSession;
}

/** A request's place in the answer order. */
interface Slot {
  /**
   * The encoded answer once ready, in chunks (a fetch answer's record batches are the log's own
   * bytes, not copied into the frame); null for a request that gets none (acks=0).
   */
  bytes: readonly Uint8Array[] | null;
  done: boolean;
  /** Close the connection when this request's turn comes (after writing the answers before it). */
  closeHere?: boolean;
  /** Close the connection once this answer is written (a failed authentication), and why. */
  closeAfter?: string;
}

export class ListenerConnection {
  readonly peer: string;
  private readonly socket: Socket;
  private readonly frames: FrameDecoder;
  private readonly slots: Slot[] = [];
  /** Frames read but not yet taken: reading a chunk may complete more frames than may be in flight. */
  private readonly backlog: Uint8Array[] = [];
  private readonly log: Logger;
  private closed = false;
  private paused = false;

  constructor(private readonly options: ListenerConnectionOptions) {
    this.socket = options.socket;
    this.peer = `${options.socket.remoteAddress ?? '?'}:${options.socket.remotePort ?? '?'}`;
    this.frames = new FrameDecoder({ maxFrameSize: options.maxFrameBytes });
    this.log = options.logger;
    this.socket.setNoDelay(true);
    this.socket.on('data', (chunk: Buffer) => this.onData(chunk));
    this.socket.on('drain', () => this.takeBacklog());
    this.socket.on('error', (error) => this.log.debug({ peer: this.peer, err: error.message }, 'client connection error'));
    this.socket.on('close', () => {
      this.closed = true;
      this.options.onClose(this);
    });
  }

  /** Closes the connection; answers not yet written are dropped. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.socket.destroy();
  }

  /** Requests read but not yet answered. */
  get inFlight(): number {
    return this.slots.length;
  }

  private onData(chunk: Buffer): void {
    if (this.closed) return;
    let frames: Uint8Array[];
    try {
      frames = this.frames.push(chunk);
    } catch (error) {
      this.refuse(error, null);
      return;
    }
    for (const frame of frames) this.backlog.push(frame);
    this.takeBacklog();
  }

  /** Starts the frames waiting, as far as the in-flight limit allows. */
  private takeBacklog(): void {
    while (this.backlog.length > 0 && this.slots.length < this.options.maxInFlight && !this.closed) this.onFrame(this.backlog.shift()!);
    this.updateFlow();
  }

  private onFrame(frame: Uint8Array): void {
    let request: DecodedRequest;
    try {
      request = decodeRequest(frame);
    } catch (error) {
      if (error instanceof UnsupportedVersionError && error.header !== undefined && needsApiVersionsFallback(error.header, this.options.advertised)) {
        this.answerNow(encodeApiVersionsFallback(error.header.correlationId, this.options.advertised));
        return;
      }
      this.refuse(error, frame);
      return;
    }
    const handler = this.options.handlers.get(request.apiKey);
    if (handler === undefined || request.apiVersion < handler.minVersion || request.apiVersion > handler.maxVersion) {
      // A version the codec knows but no handler serves is as unsupported as one it does not know.
      if (needsApiVersionsFallback(request.header, this.options.advertised) || request.apiKey === ApiKey.ApiVersions) {
        this.answerNow(encodeApiVersionsFallback(request.header.correlationId, this.options.advertised));
        return;
      }
      const known = handler !== undefined;
      this.refuse(new UnsupportedVersionError(request.apiKey, request.apiVersion, known, request.header), frame);
      return;
    }
    if (!this.options.session.admits(request.apiKey)) {
      // Kafka's SaslServerAuthenticator: anything but the SASL requests before authenticating ends the connection.
      this.log.warn({ peer: this.peer, api: APIS[request.apiKey].name, reason: this.options.session.refusalReason() }, 'refused a request before authentication; closing the connection');
      this.observe(request.apiKey, performance.now(), 'SASL_AUTHENTICATION_FAILED');
      this.options.session.refused();
      this.close();
      return;
    }
    this.dispatch(handler, request);
  }

  private dispatch(handler: KafkaApiHandler, request: DecodedRequest): void {
    const slot: Slot = { bytes: null, done: false };
    this.slots.push(slot);
    const startedAt = performance.now();
    const { apiKey, apiVersion, header } = request;
    let answer: Promise<unknown>;
    try {
      // The table maps each key to its own handler, so the body is the one this handler takes.
      const closeAfterAnswer = (reason: string): void => {
        slot.closeAfter = reason;
      };
      answer = (handler.handle as (body: unknown, context: object) => Promise<unknown>)(request.body, { apiVersion, header, peer: this.peer, session: this.options.session, closeAfterAnswer });
    } catch (error) {
      answer = Promise.reject(error);
    }
    answer.then(
      (response) => {
        if (this.closed) return;
        if (response === CLOSE_CONNECTION) {
          // The answers before it still go out; the connection closes in its place.
          slot.closeHere = true;
        } else if (response !== null) {
          try {
            slot.bytes = encodeResponseChunks(apiKey, apiVersion, header.correlationId, response as never);
          } catch (error) {
            // A response that does not encode is a bug in a handler: say so, and do not answer with garbage.
            this.log.error({ peer: this.peer, api: APIS[apiKey].name, apiVersion, err: error }, 'Kafka response does not encode');
            this.close();
            return;
          }
        }
        if (slot.closeAfter !== undefined) {
          // Logged once, with the peer; the client is told only its error code.
          this.log.warn({ peer: this.peer, api: APIS[apiKey].name, principal: this.options.session.principal, reason: slot.closeAfter }, 'authentication failed; closing the connection after the answer');
        }
        slot.done = true;
        this.observe(apiKey, startedAt, response === null || response === CLOSE_CONNECTION ? null : requestErrorName(response));
        this.writeReady();
      },
      (error: unknown) => {
        if (this.closed) return;
        this.log.warn({ peer: this.peer, api: APIS[apiKey].name, err: error }, 'broker failed a Kafka request; closing the connection');
        this.observe(apiKey, startedAt, 'UNKNOWN_SERVER_ERROR');
        this.close();
      },
    );
  }

  private answerNow(bytes: Uint8Array): void {
    this.slots.push({ bytes: [bytes], done: true });
    // Written when its turn comes; takeBacklog calls writeReady's flow check afterwards.
    if (this.slots.length === 1) this.write(this.slots.shift()!.bytes!);
  }

  /** One answer's chunks, corked so that the socket writes them together (one writev). */
  private write(chunks: readonly Uint8Array[]): void {
    if (chunks.length === 1) {
      this.socket.write(chunks[0]!);
      return;
    }
    this.socket.cork();
    for (const chunk of chunks) this.socket.write(chunk);
    this.socket.uncork();
  }

  /** Writes every answer whose turn has come. */
  private writeReady(): void {
    while (this.slots.length > 0 && this.slots[0]!.done) {
      const slot = this.slots.shift()!;
      if (slot.closeHere === true) {
        this.log.debug({ peer: this.peer }, 'closing the connection: a request that gets no answer failed');
        this.closed = true;
        this.slots.length = 0;
        this.socket.end();
        this.socket.destroySoon();
        return;
      }
      if (slot.bytes !== null && !this.closed) this.write(slot.bytes);
      if (slot.closeAfter !== undefined) {
        this.closed = true;
        this.slots.length = 0;
        this.socket.end();
        return;
      }
    }
    if (this.backlog.length > 0) this.takeBacklog();
    else this.updateFlow();
  }

  /**
   * Reading stops while too many requests wait for answers or the client is not reading what it
   * was sent (TCP pushes back): one client cannot make the broker hold unbounded work for it.
   */
  private updateFlow(): void {
    if (this.closed) return;
    const shouldPause = this.backlog.length > 0 || this.slots.length >= this.options.maxInFlight || this.socket.writableNeedDrain;
    if (shouldPause && !this.paused) {
      this.paused = true;
      this.socket.pause();
    } else if (!shouldPause && this.paused) {
      this.paused = false;
      this.socket.resume();
    }
  }

  /** Bad input: one log line naming the peer and what it sent, then the connection is closed. */
  private refuse(error: unknown, frame: Uint8Array | null): void {
    let ids: ReturnType<typeof peekRequestIds> | null = null;
    if (frame !== null) {
      try {
        ids = peekRequestIds(frame);
      } catch {
        ids = null;
      }
    }
    const fields = { peer: this.peer, ...(ids === null ? {} : { apiKey: ids.apiKey, apiVersion: ids.apiVersion, correlationId: ids.correlationId }) };
    if (error instanceof ProtocolError) {
      this.log.warn({ ...fields, error: error.code, reason: error.message }, 'refused a Kafka request; closing the connection');
    } else {
      this.log.error({ ...fields, err: error }, 'Kafka request handling failed; closing the connection');
    }
    this.close();
  }

  private observe(apiKey: number, startedAt: number, errorName: string | null): void {
    const observer = this.options.observeRequest;
    if (observer === null) return;
    try {
      observer(APIS[apiKey as ApiKey].name, performance.now() - startedAt, errorName);
    } catch (error) {
      this.log.warn({ err: error }, 'request observer failed');
    }
  }
}

/**
 * One follower's fetcher for one source broker (Kafka's ReplicaFetcherThread): build the fetch with
 * fetchRequestFor, send it over the network to the source's ReplicaManager, hand the answer to
 * onFetchResponse, flush, and fetch again — so the log end the next fetch reports is durable, which
 * is the durability contract the leader's high watermark rests on. Nothing unflushed may be reported
 * at all: a log can also hold unflushed appends from another source's answer (the leader changed
 * while that flush was under way) or from the broker's own time as leader, so every fetch waits for
 * a pending flush first. A fetch unanswered in time backs
 * every partition off (delayAll), as a dropped connection does. A stalled fetcher sends nothing
 * until the stall ends (a stuck fetcher thread, a long GC pause of the follower's fetch path).
 */
import type { BrokerId } from '@kz/metadata';
import type { FetchRequest, FetchResponse } from '../protocol/fetch.js';
import type { ReplicaManager } from '../server/replica-manager.js';

export interface FetcherEnvironment {
  readonly source: BrokerId;
  readonly manager: ReplicaManager;
  /** A fetch unanswered this long is given up. */
  readonly fetchTimeoutMs: number;
  now(): number;
  schedule(at: number, label: string, run: () => void): void;
  /** Sends the fetch to the source; `onResponse` runs if an answer comes back. */
  send(request: FetchRequest, onResponse: (response: FetchResponse) => void): void;
  /** Runs `then` once everything appended so far is flushed. */
  flushThen(then: () => void): void;
  /**
   * True when a log holds appends not yet flushed, which the next fetch must not report: they may
   * come from another fetcher's answer, or from this broker's time as a leader.
   */
  mustFlushBeforeFetch(): boolean;
  /** The broker's usual work after its ReplicaManager had an input. */
  afterInput(): void;
  /** False once the broker incarnation this fetcher belongs to has crashed. */
  alive(): boolean;
  /** Sets the broker epoch the fetch must carry. */
  prepare(): void;
}

export class ReplicaFetcher {
  private inFlight = 0;
  /** A fetch is out, or its answer is being flushed: the next one waits. */
  private busy = false;
  private stalledUntil = 0;
  private wakeAt: number | null = null;
  /** Fetches sent, answered, and given up, for coverage. */
  readonly stats = { sent: 0, answered: 0, timedOut: 0 };

  constructor(private readonly env: FetcherEnvironment) {}

  /** Stops fetching until `until`. */
  stall(until: number): void {
    this.stalledUntil = Math.max(this.stalledUntil, until);
    this.wakeUpAt(this.stalledUntil);
  }

  /** Ends a stall early (the faults healed). */
  resume(): void {
    this.stalledUntil = 0;
    this.poke();
  }

  /** Fetch now if this fetcher is idle and has something to fetch; otherwise make sure it wakes up when it may. */
  poke(): void {
    if (!this.env.alive() || this.busy) return;
    const now = this.env.now();
    if (now < this.stalledUntil) {
      this.wakeUpAt(this.stalledUntil);
      return;
    }
    if (this.env.mustFlushBeforeFetch()) {
      this.busy = true;
      this.env.flushThen(() => {
        this.busy = false;
        this.poke();
      });
      return;
    }
    this.env.prepare();
    const request = this.env.manager.fetchRequestFor(this.env.source, now);
    if (request === undefined) {
      const retryAt = this.env.manager.nextFetchRetryAt(this.env.source);
      if (Number.isFinite(retryAt)) this.wakeUpAt(retryAt);
      return;
    }
    this.busy = true;
    const attempt = ++this.inFlight;
    let settled = false;
    this.stats.sent++;
    this.env.send(request, (response) => {
      if (!this.env.alive() || settled) return;
      settled = true;
      this.stats.answered++;
      this.env.manager.onFetchResponse(this.env.source, request, response, this.env.now());
      this.env.afterInput();
      // Flush before the next fetch: that fetch's offset tells the leader this log end is safe.
      this.env.flushThen(() => {
        if (!this.env.alive() || attempt !== this.inFlight) return;
        this.busy = false;
        this.poke();
      });
    });
    this.env.schedule(now + this.env.fetchTimeoutMs, `fetcher ${request.replicaId} <- ${this.env.source} timeout`, () => {
      if (!this.env.alive() || settled) return;
      settled = true;
      this.stats.timedOut++;
      this.busy = false;
      this.env.manager.delayAll(this.env.source, this.env.now());
      this.env.afterInput();
      this.poke();
    });
  }

  private wakeUpAt(at: number): void {
    if (this.wakeAt !== null && this.wakeAt <= at && this.wakeAt >= this.env.now()) return;
    this.wakeAt = at;
    this.env.schedule(at, `fetcher <- ${this.env.source} wakes`, () => {
      if (this.wakeAt !== at) return;
      this.wakeAt = null;
      this.poke();
    });
  }
}

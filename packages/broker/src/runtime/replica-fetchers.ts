/**
 * One fetcher per source broker (Kafka's ReplicaFetcherManager / ReplicaFetcherThread): each loops
 * fetch → apply → flush → fetch, covering every partition this broker follows from that leader in
 * one request. The flush before the next fetch is what makes the log end the follower reports —
 * and the leader counts toward its high watermark — durable. It runs off the event loop.
 */
import type { BrokerId } from '@kz/metadata';
import { REAL_SCHEDULER, type ScheduledTimer, type Scheduler } from '@kz/runtime';
import { section } from '@kz/runtime';
import type { Logger } from 'pino';
import type { FetchRequest, FetchResponse } from '../protocol/fetch';
import type { ReplicaManager } from '../server/replica-manager';

/** How a fetcher reaches a leader. Rejects when the leader cannot be reached. */
export interface FetchChannel {
  fetch(source: BrokerId, request: FetchRequest): Promise<FetchResponse>;
}

export interface ReplicaFetchersOptions {
  readonly manager: ReplicaManager;
  readonly channel: FetchChannel;
  readonly clock: () => number;
  /** Whose timers a fetcher sleeps on (the process's by default; a simulation's). */
  readonly scheduler?: Pick<Scheduler, 'setTimeout'>;
  readonly logger: Logger;
  /** Called after every applied answer, so the node can hand the manager's new work to its loop. */
  readonly afterInput: () => void;
  /** The disk failed to fsync: nothing this broker replicates can be made durable any more. */
  readonly onDiskFailure: (error: Error) => void;
}

class SourceFetcher {
  private stopped = false;
  private wakeUp: (() => void) | null = null;
  private timer: ScheduledTimer | null = null;
  readonly done: Promise<void>;

  constructor(
    readonly source: BrokerId,
    private readonly options: ReplicaFetchersOptions,
    private readonly log: Logger,
  ) {
    this.done = this.run();
  }

  wake(): void {
    const wake = this.wakeUp;
    this.wakeUp = null;
    this.timer?.cancel();
    this.timer = null;
    wake?.();
  }

  stop(): void {
    this.stopped = true;
    this.wake();
  }

  private async run(): Promise<void> {
    const { manager, channel, clock, afterInput } = this.options;
    let failures = 0;
    while (!this.stopped) {
      // The fetch offset counts toward the leader's HW, so what it reports must be durable — including
      // appends from this broker's own time as leader, or an answer another fetcher is still flushing.
      // Flushed until nothing followed from the source is left unflushed, checked right before the
      // fetch is built: a partition can move to this source during the flush, with its old source's
      // answer still being flushed (found by the broker simulation).
      try {
        do {
          await manager.flushFollowedFrom(this.source);
          if (this.stopped) return;
        } while (manager.hasUnflushedFollowedFrom(this.source));
      } catch (error) {
        this.options.onDiskFailure(error instanceof Error ? error : new Error(String(error)));
        return;
      }
      const request = manager.fetchRequestFor(this.source, clock());
      if (request === undefined) {
        await this.sleepUntil(manager.nextFetchRetryAt(this.source));
        continue;
      }
      let response: FetchResponse;
      try {
        response = await channel.fetch(this.source, request);
      } catch (error) {
        if (this.stopped) return;
        failures++;
        if (failures === 1 || failures % 20 === 0) this.log.warn({ err: error, source: this.source, failures }, 'replica fetch failed');
        manager.delayAll(this.source, clock());
        continue;
      }
      failures = 0;
      if (this.stopped) return;
      try {
        section('broker.replicate', () => manager.onFetchResponse(this.source, request, response, clock()));
      } catch (error) {
        this.log.error({ err: error, source: this.source }, 'applying a fetch answer failed');
        manager.delayAll(this.source, clock());
      }
      afterInput();
    }
  }

  private sleepUntil(at: number): Promise<void> {
    return new Promise((resolve) => {
      this.wakeUp = resolve;
      if (Number.isFinite(at)) this.timer = (this.options.scheduler ?? REAL_SCHEDULER).setTimeout(() => this.wake(), Math.max(1, at - this.options.clock()));
    });
  }
}

export class ReplicaFetchers {
  private readonly fetchers = new Map<BrokerId, SourceFetcher>();
  private readonly log: Logger;

  constructor(private readonly options: ReplicaFetchersOptions) {
    this.log = options.logger.child({ component: 'replica-fetcher' });
  }

  /** After a metadata change: a fetcher for every current source, none for the others, all woken. */
  reconcile(): void {
    const sources = new Set(this.options.manager.sourceBrokers());
    for (const [source, fetcher] of this.fetchers) {
      if (sources.has(source)) continue;
      fetcher.stop();
      this.fetchers.delete(source);
    }
    for (const source of sources) {
      const fetcher = this.fetchers.get(source);
      if (fetcher === undefined) this.fetchers.set(source, new SourceFetcher(source, this.options, this.log));
      else fetcher.wake();
    }
  }

  async stop(): Promise<void> {
    const all = [...this.fetchers.values()];
    this.fetchers.clear();
    for (const f of all) f.stop();
    await Promise.all(all.map((f) => f.done));
  }
}

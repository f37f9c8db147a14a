/**
 * Watches the process's event loop: how late a timer fires is how long the loop was busy (the
 * event-loop delay). Every delay is handed to `onDelay` (Prometheus histograms); a delay over the
 * budget is logged — at most once a second, with how many more were not — naming the work that ran
 * meanwhile, as recorded by `section()`. On a node that runs Raft, the controller and the broker on
 * one loop, a long turn is a missed fetch, vote or heartbeat for a peer: this is how one is found.
 *
 * ```ts
 * const monitor = EventLoopMonitor.start({ logger, onDelay: (ms) => histogram.observe(ms / 1000) });
 * section('raft.apply', () => applyCommittedBatches());   // anywhere in the process
 * monitor.stop();
 * ```
 */
import type { Logger } from 'pino';

export interface EventLoopMonitorOptions {
  /** A delay above this is logged with what ran. Default 50 ms. */
  readonly budgetMs?: number;
  /** How often the loop is sampled. Default 10 ms. */
  readonly intervalMs?: number;
  readonly logger?: Logger;
  /** Every sampled delay, in milliseconds. */
  readonly onDelay?: (delayMs: number) => void;
}

/** Work recorded by section() since the last sample: total milliseconds and count, by name. */
const sections = new Map<string, { ms: number; count: number }>();
let recording = false;

/**
 * Runs `run`, recording its name and duration so that a slow turn's report says what ran in it.
 * Costs two clock reads while a monitor runs, nothing otherwise.
 */
export function section<T>(name: string, run: () => T): T {
  if (!recording) return run();
  const started = performance.now();
  try {
    return run();
  } finally {
    const entry = sections.get(name);
    const ms = performance.now() - started;
    if (entry === undefined) sections.set(name, { ms, count: 1 });
    else {
      entry.ms += ms;
      entry.count++;
    }
  }
}

const LOG_EVERY_MS = 1000;
/** The heaviest sections a report names. */
const REPORTED_SECTIONS = 5;

export class EventLoopMonitor {
  private readonly timer: NodeJS.Timeout;
  private last = performance.now();
  private maxDelay = 0;
  private lastLoggedAt = Number.NEGATIVE_INFINITY;
  private unlogged = 0;
  private readonly budgetMs: number;
  private readonly intervalMs: number;

  private constructor(private readonly options: EventLoopMonitorOptions) {
    this.budgetMs = options.budgetMs ?? 50;
    this.intervalMs = options.intervalMs ?? 10;
    recording = true;
    this.timer = setInterval(() => this.sample(), this.intervalMs);
    this.timer.unref();
  }

  static start(options: EventLoopMonitorOptions = {}): EventLoopMonitor {
    return new EventLoopMonitor(options);
  }

  /** The longest delay seen since start, in milliseconds. */
  get maxDelayMs(): number {
    return this.maxDelay;
  }

  stop(): void {
    clearInterval(this.timer);
    recording = false;
    sections.clear();
  }

  private sample(): void {
    const now = performance.now();
    const delay = Math.max(0, now - this.last - this.intervalMs);
    this.last = now;
    this.maxDelay = Math.max(this.maxDelay, delay);
    this.options.onDelay?.(delay);
    if (delay > this.budgetMs) this.report(delay, now);
    sections.clear();
  }

  private report(delayMs: number, now: number): void {
    if (now - this.lastLoggedAt < LOG_EVERY_MS) {
      this.unlogged++;
      return;
    }
    const ran = [...sections]
      .sort((a, b) => b[1].ms - a[1].ms)
      .slice(0, REPORTED_SECTIONS)
      .map(([name, { ms, count }]) => ({ name, ms: Math.round(ms), count }));
    this.options.logger?.warn({ delayMs: Math.round(delayMs), budgetMs: this.budgetMs, ran, notLoggedSince: this.unlogged }, 'event loop turn over budget');
    this.lastLoggedAt = now;
    this.unlogged = 0;
  }
}

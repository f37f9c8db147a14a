/**
 * A throughput line on the timeline every couple of seconds: acknowledgements and reads per second
 * over the last interval, so a failover shows as a dip and the recovery as the climb back.
 */
import { count, type Timeline } from './timeline';
import type { WorkloadCounts } from './workload';

export class ThroughputReport {
  private timer: NodeJS.Timeout | undefined;
  private last: { readonly at: number; readonly counts: WorkloadCounts } | undefined;

  constructor(
    private readonly timeline: Timeline,
    private readonly counts: () => WorkloadCounts,
    private readonly intervalMs: number,
  ) {}

  start(): void {
    this.last = { at: this.timeline.now(), counts: this.counts() };
    this.timer = setInterval(() => this.report(), this.intervalMs);
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private report(): void {
    const at = this.timeline.now();
    const now = this.counts();
    const last = this.last ?? { at, counts: now };
    this.last = { at, counts: now };
    const elapsed = Math.max(1, at - last.at) / 1000;
    const rate = (pick: (c: WorkloadCounts) => number): string => `${count((pick(now) - pick(last.counts)) / elapsed)}/s`;
    const failed = now.failed - last.counts.failed;
    this.timeline.event('throughput', `acked ${rate((c) => c.acked)}, consumed ${rate((c) => c.consumed)}, in flight ${now.inFlight}${failed > 0 ? `, ${count(failed)} failed` : ''}`);
  }
}

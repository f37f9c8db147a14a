/**
 * The demo's narration: one line per thing that happened, stamped with the seconds since the demo
 * began and a fixed-width subject column, so a reader's eye can run down either one on an
 * 80-column terminal:
 *
 * ```
 * [+ 12.3s] controller  node 2 killed (SIGKILL): it was the metadata leader
 * [+ 13.1s] controller  node 3 elected in epoch 5, 0.8 s after the kill
 * [+ 15.0s] isr         events-2 shrank 1,2,3 → 1,3
 * ```
 */
import { performance } from 'node:perf_hooks';

/** What a line is about; the column is as wide as the longest. */
export type Subject = 'demo' | 'cluster' | 'controller' | 'broker' | 'leader' | 'isr' | 'throughput';

const SUBJECT_WIDTH = 'throughput'.length + 2;

export class Timeline {
  private readonly startedAt = performance.now();

  constructor(private readonly write: (line: string) => void = (line) => process.stdout.write(`${line}\n`)) {}

  /** Milliseconds since the demo began (monotonic: a clock step does not bend the timeline). */
  now(): number {
    return performance.now() - this.startedAt;
  }

  event(subject: Subject, message: string): void {
    const seconds = (this.now() / 1000).toFixed(1).padStart(5);
    this.write(`[+${seconds}s] ${subject.padEnd(SUBJECT_WIDTH)}${message}`);
  }
}

/** "0.8 s" from a duration in milliseconds. */
export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** 12,345: throughput figures read at a glance. */
export function count(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** Broker ids as the ISR column of `kz topics describe` shows them: "1,2,3", or "none". */
export function ids(list: readonly number[]): string {
  return list.length === 0 ? 'none' : list.join(',');
}

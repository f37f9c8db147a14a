import { randomBytes } from 'node:crypto';
import { LatencyRecorder } from './latency-recorder';
import type { WriteTarget } from './write-target';

export interface LoadOptions {
  /** Requests kept in flight: each finished one is replaced at once (closed loop). */
  readonly concurrency: number;
  readonly warmupMs: number;
  readonly durationMs: number;
  readonly keySpace: number;
  readonly keyBytes: number;
  readonly valueBytes: number;
}

export interface LoadResult {
  /** Successful writes started inside the measured window. */
  readonly writes: number;
  /** Failed writes started inside the measured window. */
  readonly errors: number;
  readonly warmupErrors: number;
  /** From the window's start to the last measured request's answer. */
  readonly seconds: number;
  readonly latency: LatencyRecorder;
  /** A few distinct error messages, to say what went wrong. */
  readonly errorSamples: readonly string[];
}

/** A pause after a failed write, so a broken target is not hammered in a tight loop. */
const ERROR_PAUSE_MS = 5;
const MAX_ERROR_SAMPLES = 5;

/**
 * A closed-loop write load, the same for every system: `concurrency` workers, each issuing its
 * next put the moment the previous one is answered. Only requests started inside the measured
 * window count, each with its own latency (hrtime); the window is closed by waiting for the last
 * of them, so slow tail requests are counted rather than cut off.
 */
export function runClosedLoop(target: WriteTarget, options: LoadOptions): Promise<LoadResult> {
  const keys = makeKeys(options.keySpace, options.keyBytes);
  // One random value for every put: neither side compresses, and it keeps the client cheap.
  const value = randomBytes(options.valueBytes);
  const latency = new LatencyRecorder();
  const errorSamples = new Set<string>();
  const t0 = process.hrtime.bigint() + BigInt(Math.round(options.warmupMs * 1e6));
  const t1 = t0 + BigInt(Math.round(options.durationMs * 1e6));
  let writes = 0;
  let errors = 0;
  let warmupErrors = 0;
  let lastAnswer = t0;
  let running = options.concurrency;

  return new Promise((resolve) => {
    const finishWorker = (): void => {
      if (--running > 0) return;
      resolve({
        writes,
        errors,
        warmupErrors,
        seconds: Number(lastAnswer - t0) / 1e9,
        latency,
        errorSamples: [...errorSamples],
      });
    };
    const issue = (): void => {
      const start = process.hrtime.bigint();
      if (start >= t1) return finishWorker();
      const key = keys[Math.floor(Math.random() * keys.length)]!;
      target.put(key, value, (error) => {
        const end = process.hrtime.bigint();
        const measured = start >= t0;
        if (measured && end > lastAnswer) lastAnswer = end;
        if (error !== null) {
          if (measured) errors++;
          else warmupErrors++;
          if (errorSamples.size < MAX_ERROR_SAMPLES) errorSamples.add(error.message);
          setTimeout(issue, ERROR_PAUSE_MS);
          return;
        }
        if (measured) {
          writes++;
          latency.record(Number(end - start) / 1e6);
        }
        issue();
      });
    };
    for (let i = 0; i < options.concurrency; i++) issue();
  });
}

/** Fixed-width big-endian keys 0..count-1, as Buffers made once up front. */
function makeKeys(count: number, width: number): Buffer[] {
  const keys: Buffer[] = [];
  for (let i = 0; i < count; i++) {
    const key = Buffer.alloc(width);
    key.writeUIntBE(i % 2 ** 48, Math.max(0, width - 6), Math.min(6, width));
    keys.push(key);
  }
  return keys;
}

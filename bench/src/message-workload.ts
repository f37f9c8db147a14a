import { randomBytes } from 'node:crypto';
import { cpuBetween, sampleCpu, type CpuUse } from './cpu-usage';
import { formatMs, formatRate } from './format';
import { LatencyRecorder } from './latency-recorder';

/**
 * The message workload of broker-vs-nats, the same for both systems: what is produced, how it is
 * driven, and what is reported. Each system's file supplies only "send one message and await its
 * ack" and "read everything back".
 */
export interface MessagePlan {
  readonly sizeBytes: number;
  /** Produced and timed. */
  readonly messages: number;
  /** Produced first, untimed, into the same stream or topic: JIT, connections, leaders settle. */
  readonly warmupMessages: number;
  /** Sends awaiting their ack at any moment. */
  readonly concurrency: number;
}

export interface ProduceResult {
  readonly messages: number;
  readonly payloadBytes: number;
  readonly seconds: number;
  /** Send to ack, per message, in ms. */
  readonly latency: LatencyRecorder;
  /** Over the timed window: the server processes and this process (the Node client). */
  readonly cpu: CpuUse;
}

export interface ConsumeResult {
  /** Everything the stream or topic holds: the warm-up's messages and the timed ones. */
  readonly messages: number;
  readonly payloadBytes: number;
  readonly seconds: number;
}

export interface SizeResult {
  readonly plan: MessagePlan;
  readonly produce: ProduceResult;
  readonly consume: ConsumeResult;
}

export class MessageWorkloadError extends Error {
  override readonly name = 'MessageWorkloadError';
}

/**
 * One payload for every message of a run: random bytes, so no layer can compress it away. Sharing
 * it is safe because no one writes to it; both clients copy it into their own buffers.
 */
export function payloadOf(sizeBytes: number): Uint8Array {
  return new Uint8Array(randomBytes(sizeBytes));
}

/** "1KiB", "100B": as sizes appear in the output. */
export function sizeLabel(sizeBytes: number): string {
  return sizeBytes % 1024 === 0 ? `${sizeBytes / 1024}KiB` : `${sizeBytes}B`;
}

/**
 * Sends `count` messages with `concurrency` sends awaiting their ack at once: each worker awaits
 * one ack before its next send, so the client may batch what is in flight but never runs ahead
 * of the acks. Latency is recorded when `latency` is given; the first failed send fails the run,
 * since a count of acknowledged messages is what both sides are compared on.
 */
export async function sendConcurrently(count: number, concurrency: number, send: () => Promise<void>, latency: LatencyRecorder | null): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count) {
      next++;
      const start = performance.now();
      await send();
      latency?.record(performance.now() - start);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, () => worker()));
}

/** The warm-up, then the timed sends, with the servers' and client's CPU over the timed window. */
export async function produceTimed(plan: MessagePlan, send: () => Promise<void>, serverPids: readonly number[]): Promise<ProduceResult> {
  await sendConcurrently(plan.warmupMessages, plan.concurrency, send, null);
  const latency = new LatencyRecorder();
  const cpuBefore = sampleCpu(serverPids);
  const start = performance.now();
  await sendConcurrently(plan.messages, plan.concurrency, send, latency);
  const seconds = (performance.now() - start) / 1000;
  const cpu = cpuBetween(cpuBefore, sampleCpu(serverPids));
  return { messages: plan.messages, payloadBytes: plan.messages * plan.sizeBytes, seconds, latency, cpu };
}

/**
 * Counts what a consumer delivers until `expected` messages have arrived, checking each one's size;
 * fails when nothing arrives for `stallMs`.
 */
export class ConsumeTally {
  private count = 0;
  private bytes = 0;
  private readonly start = performance.now();
  private lastProgress = performance.now();

  constructor(
    private readonly expected: number,
    private readonly sizeBytes: number,
    private readonly stallMs = 30_000,
  ) {}

  get done(): boolean {
    return this.count >= this.expected;
  }

  add(value: Uint8Array): void {
    if (value.length !== this.sizeBytes) throw new MessageWorkloadError(`message ${this.count} has ${value.length} bytes, not ${this.sizeBytes}`);
    this.count++;
    this.bytes += value.length;
    this.lastProgress = performance.now();
  }

  /** Throws when the consumer has delivered nothing for too long. */
  checkStalled(): void {
    if (performance.now() - this.lastProgress > this.stallMs) {
      throw new MessageWorkloadError(`consumer stalled: ${this.count} of ${this.expected} messages after ${this.stallMs} ms without one`);
    }
  }

  result(): ConsumeResult {
    if (this.count !== this.expected) throw new MessageWorkloadError(`consumer read ${this.count} messages, expected ${this.expected}`);
    return { messages: this.count, payloadBytes: this.bytes, seconds: (performance.now() - this.start) / 1000 };
  }
}

export function produceRate(result: SizeResult): number {
  return result.produce.messages / result.produce.seconds;
}

export function consumeRate(result: SizeResult): number {
  return result.consume.messages / result.consume.seconds;
}

/** MB/s of payload, MB = 10^6 bytes. */
function megabytesPerSecond(bytes: number, seconds: number): string {
  const rate = bytes / 1e6 / seconds;
  return Number.isFinite(rate) ? rate.toFixed(1) : 'n/a';
}

/** One system's figures for one message size, on two lines: produce (with CPU) and consume. */
export function sizeResultLines(system: string, result: SizeResult): string[] {
  const { produce, consume } = result;
  const label = sizeLabel(result.plan.sizeBytes).padEnd(5);
  const perMessageUs = (produce.cpu.servers * produce.seconds * 1e6) / produce.messages;
  return [
    `${system.padEnd(4)} ${label} produce msgs/s: ${formatRate(produceRate(result))} MB/s: ${megabytesPerSecond(produce.payloadBytes, produce.seconds)} ` +
      `ack p50: ${formatMs(produce.latency.quantile(0.5))} ms p99: ${formatMs(produce.latency.quantile(0.99))} ms ` +
      `(${produce.messages} msgs in ${produce.seconds.toFixed(1)} s; cpu cores: servers ${produce.cpu.servers.toFixed(2)}, ` +
      `client ${produce.cpu.client.toFixed(2)}, server CPU per msg ${perMessageUs.toFixed(1)} µs)`,
    `${system.padEnd(4)} ${label} consume msgs/s: ${formatRate(consumeRate(result))} MB/s: ${megabytesPerSecond(consume.payloadBytes, consume.seconds)} ` +
      `(${consume.messages} msgs in ${consume.seconds.toFixed(1)} s)`,
  ];
}

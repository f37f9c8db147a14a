import { randomBytes } from 'node:crypto';
import { cpuBetween, sampleCpu, serverMicrosPer, type CpuSample, type CpuUse } from './cpu-usage';
import { formatMs, formatRate } from './format';
import { LatencyRecorder } from './latency-recorder';

/**
 * The message workload of broker-vs-nats, the same for both systems: what is produced, how it is
 * driven, and what is reported. Each system's file supplies only "send one message and await its
 * ack" and "read everything back".
 */
export interface MessagePlan {
  readonly sizeBytes: number;
  /** Produced and timed, unless `maxSeconds` runs out first. */
  readonly messages: number;
  /** Produced first, untimed, into the same stream or topic: JIT, connections, leaders settle. */
  readonly warmupMessages: number;
  /** Sends awaiting their ack at any moment: the sweep's variable. */
  readonly concurrency: number;
  /**
   * No send starts after this long (timed part); with one send in flight an fsync-bound system
   * acknowledges a few hundred a second, and a point must not take minutes.
   */
  readonly maxSeconds: number;
  /** The same bound for the warm-up. */
  readonly warmupMaxSeconds: number;
  /** Partitions (kz) or streams (NATS) the load is spread over, each its own leader. */
  readonly partitions: number;
  /** kz's producer batch.size; undefined: the producer's default (Kafka's 16384). */
  readonly batchBytes?: number;
  /** kz's producer linger.ms; undefined: the producer's default (Kafka's 5). */
  readonly lingerMs?: number;
}

export interface ProduceResult {
  /** Timed messages acknowledged. */
  readonly messages: number;
  /** Warm-up messages acknowledged before them, in the same topic or streams. */
  readonly warmupMessages: number;
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
  /** Over the same window as `seconds`. */
  readonly cpu: CpuUse;
}

/** One point of the sweep: one system, one message size, one number of sends in flight. */
export interface PointResult {
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
 * Sends up to `count` messages with `concurrency` sends awaiting their ack at once: each worker
 * awaits one ack before its next send, so the client may batch what is in flight but never runs
 * ahead of the acks. No send starts at or after `deadline` (a performance.now() time). Latency is
 * recorded when `latency` is given; the first failed send fails the run, since a count of
 * acknowledged messages is what both sides are compared on. Resolves to the number sent, each
 * acknowledged.
 */
export async function sendConcurrently(count: number, concurrency: number, send: () => Promise<void>, latency: LatencyRecorder | null, deadline: number): Promise<number> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count && performance.now() < deadline) {
      next++;
      const start = performance.now();
      await send();
      latency?.record(performance.now() - start);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, () => worker()));
  return next;
}

/** The warm-up, then the timed sends, with the servers' and client's CPU over the timed window. */
export async function produceTimed(plan: MessagePlan, send: () => Promise<void>, serverPids: readonly number[]): Promise<ProduceResult> {
  const warmupMessages = await sendConcurrently(plan.warmupMessages, plan.concurrency, send, null, performance.now() + plan.warmupMaxSeconds * 1000);
  const latency = new LatencyRecorder();
  const cpuBefore = sampleCpu(serverPids);
  const start = performance.now();
  const messages = await sendConcurrently(plan.messages, plan.concurrency, send, latency, start + plan.maxSeconds * 1000);
  const seconds = (performance.now() - start) / 1000;
  const cpu = cpuBetween(cpuBefore, sampleCpu(serverPids));
  return { messages, warmupMessages, payloadBytes: messages * plan.sizeBytes, seconds, latency, cpu };
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
  private readonly cpuBefore: CpuSample;

  /** Created just before the consumer: its clock and the servers' CPU count from here. */
  constructor(
    private readonly expected: number,
    private readonly sizeBytes: number,
    private readonly serverPids: readonly number[],
    private readonly stallMs = 30_000,
  ) {
    this.cpuBefore = sampleCpu(serverPids);
  }

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
    const seconds = (performance.now() - this.start) / 1000;
    return { messages: this.count, payloadBytes: this.bytes, seconds, cpu: cpuBetween(this.cpuBefore, sampleCpu(this.serverPids)) };
  }
}

export function produceRate(result: PointResult): number {
  return result.produce.messages / result.produce.seconds;
}

export function consumeRate(result: PointResult): number {
  return result.consume.messages / result.consume.seconds;
}

/** MB/s of payload, MB = 10^6 bytes. */
export function megabytesPerSecond(bytes: number, seconds: number): number {
  return bytes / 1e6 / seconds;
}

function formatMegabytes(perSecond: number): string {
  return Number.isFinite(perSecond) ? perSecond.toFixed(1) : 'n/a';
}

/**
 * /proc counts each process's CPU in 10 ms ticks; over a shorter window than this, three servers'
 * rounding errors outweigh what they used, and a per-message figure would be noise.
 */
const MIN_CPU_WINDOW_S = 0.25;

/** Server CPU per message, "12.3 µs", or "n/a" over a window too short to count it. */
function formatMicrosPerMessage(cpu: CpuUse, messages: number): string {
  const us = serverMicrosPer(cpu, messages);
  return cpu.seconds >= MIN_CPU_WINDOW_S && Number.isFinite(us) ? `${us.toFixed(1)} µs` : 'n/a';
}

/** "kz   1KiB    16 in flight": which point a line is about, aligned across lines. */
export function pointLabel(system: string, plan: MessagePlan): string {
  return `${system.padEnd(4)} ${sizeLabel(plan.sizeBytes).padEnd(5)} ${String(plan.concurrency).padStart(4)} in flight`;
}

/**
 * One system's figures at one point, on two lines: produce (rate, ack latency, server CPU per
 * message) and consume (rate, server CPU per message). Server CPU is every server process's,
 * all three nodes together.
 */
export function pointResultLines(system: string, result: PointResult): string[] {
  const { produce, consume } = result;
  const label = pointLabel(system, result.plan);
  return [
    `${label} produce msgs/s: ${formatRate(produceRate(result))} MB/s: ${formatMegabytes(megabytesPerSecond(produce.payloadBytes, produce.seconds))} ` +
      `ack p50: ${formatMs(produce.latency.quantile(0.5))} ms p99: ${formatMs(produce.latency.quantile(0.99))} ms ` +
      `server CPU/msg: ${formatMicrosPerMessage(produce.cpu, produce.messages)} ` +
      `(${produce.messages} msgs in ${produce.seconds.toFixed(1)} s; cpu cores: servers ${produce.cpu.servers.toFixed(2)}, client ${produce.cpu.client.toFixed(2)})`,
    `${label} consume msgs/s: ${formatRate(consumeRate(result))} MB/s: ${formatMegabytes(megabytesPerSecond(consume.payloadBytes, consume.seconds))} ` +
      `server CPU/msg: ${formatMicrosPerMessage(consume.cpu, consume.messages)} ` +
      `(${consume.messages} msgs in ${consume.seconds.toFixed(2)} s; cpu cores: servers ${consume.cpu.servers.toFixed(2)}, client ${consume.cpu.client.toFixed(2)})`,
  ];
}

/**
 * Concurrent clients doing random get / put / cas / delete on a few keys through KvClient, each
 * operation recorded in a HistoryRecorder for the linearizability checker:
 *
 * - an answer is recorded as what it said;
 * - a write whose outcome is unknown (KvError.outcomeUnknown: timeout, connection lost mid-call)
 *   is recorded as unknown, return = Infinity: it may take effect at any later time or never;
 * - a write that certainly had no effect is recorded as such (a refused put/delete: `ok: false`,
 *   which the model drops) — a cas has no "refused" output in the model, so it goes in as unknown,
 *   which is weaker but never wrong;
 * - a failed get constrains nothing and is recorded as unknown (the model drops it).
 *
 * After an unknown outcome the client carries on under a new client id, as a new process would:
 * one id never has two operations open in the history.
 */
import type { HistoryRecorder, KvInput, KvOutput } from '@kz/lincheck';
import { KvClient, KvError } from '../../src/kv-client';

export interface WorkloadOptions {
  readonly addresses: readonly string[];
  readonly clients: number;
  readonly keys: readonly string[];
  readonly recorder: HistoryRecorder<KvInput, KvOutput>;
  /** Passed to every KvClient. */
  readonly clientTimeoutMs: number;
  readonly attemptTimeoutMs: number;
}

export interface WorkloadStats {
  readonly ops: Record<KvInput['op'], number>;
  /** Answered: the outcome is known. */
  ok: number;
  unknown: number;
  /** Certainly had no effect (the client gave up after redirects / unreachable nodes). */
  refused: number;
  /** Writes acknowledged (put, delete, applied cas), and those after the last `mark()`. */
  acknowledgedWrites: number;
  acknowledgedSinceMark: number;
}

export class KvWorkload {
  readonly stats: WorkloadStats = {
    ops: { get: 0, put: 0, delete: 0, cas: 0 },
    ok: 0,
    unknown: 0,
    refused: 0,
    acknowledgedWrites: 0,
    acknowledgedSinceMark: 0,
  };
  private stopping = false;
  private nextClientId = 0;
  private running: Promise<void>[] = [];

  constructor(private readonly options: WorkloadOptions) {}

  start(): void {
    this.running = Array.from({ length: this.options.clients }, (_, i) => this.loop(i));
  }

  /** Lets every client finish the operation it is in, then resolves. */
  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.all(this.running);
  }

  /** Starts counting acknowledged writes afresh (to check progress after a fault). */
  mark(): void {
    this.stats.acknowledgedSinceMark = 0;
  }

  private async loop(worker: number): Promise<void> {
    const kv = new KvClient({ addresses: [...this.options.addresses], timeoutMs: this.options.clientTimeoutMs, attemptTimeoutMs: this.options.attemptTimeoutMs });
    let clientId = this.nextClientId++;
    /** Values this worker last saw per key: cas expectations that sometimes match. */
    const seen = new Map<string, string | null>();
    let seq = 0;
    try {
      while (!this.stopping) {
        const input = this.randomInput(worker, seq++, seen);
        const outcome = await this.perform(kv, clientId, input);
        if (outcome === 'unknown') clientId = this.nextClientId++;
        else if (outcome !== 'refused') seen.set(input.key, outcome.seen);
      }
    } finally {
      kv.close();
    }
  }

  private randomInput(worker: number, seq: number, seen: ReadonlyMap<string, string | null>): KvInput {
    const keys = this.options.keys;
    const key = keys[Math.floor(Math.random() * keys.length)]!;
    const value = `w${worker}-${seq}`;
    const dice = Math.random();
    if (dice < 0.4) return { op: 'get', key };
    if (dice < 0.65) return { op: 'put', key, value };
    if (dice < 0.75) return { op: 'delete', key };
    // Mostly the last value seen (a chance to match), sometimes absent, sometimes nonsense.
    const pick = Math.random();
    const expected = pick < 0.7 ? (seen.get(key) ?? null) : pick < 0.85 ? null : 'never-written';
    return { op: 'cas', key, expected, value };
  }

  /** Runs one operation and records it; returns what this client learnt of the key's value. */
  /** 'unknown': recorded open-ended, so the caller must carry on under a new client id. */
  private async perform(kv: KvClient, clientId: number, input: KvInput): Promise<{ seen: string | null } | 'unknown' | 'refused'> {
    const { recorder } = this.options;
    this.stats.ops[input.op] += 1;
    const handle = recorder.invoke(clientId, input);
    try {
      switch (input.op) {
        case 'get': {
          const { value } = await kv.get(input.key);
          const text = value === null ? null : Buffer.from(value).toString('utf8');
          recorder.complete(handle, { value: text });
          this.stats.ok += 1;
          return { seen: text };
        }
        case 'put':
          await kv.put(input.key, input.value);
          recorder.complete(handle, { ok: true });
          this.acknowledged();
          return { seen: input.value };
        case 'delete':
          await kv.delete(input.key);
          recorder.complete(handle, { ok: true });
          this.acknowledged();
          return { seen: null };
        case 'cas': {
          const { applied } = await kv.compareAndSet(input.key, input.expected, input.value);
          recorder.complete(handle, { ok: applied });
          if (applied) this.acknowledged();
          else this.stats.ok += 1;
          // A failed cas says only that the value was not `expected`: forget what we thought.
          return { seen: applied ? input.value : null };
        }
      }
    } catch (error) {
      if (!(error instanceof KvError)) throw error;
      if (error.outcomeUnknown) this.stats.unknown += 1;
      else this.stats.refused += 1;
      if (!error.outcomeUnknown && (input.op === 'put' || input.op === 'delete')) {
        recorder.complete(handle, { ok: false });
        return 'refused';
      }
      recorder.unknown(handle, { unknown: true });
      return 'unknown';
    }
  }

  private acknowledged(): void {
    this.stats.ok += 1;
    this.stats.acknowledgedWrites += 1;
    this.stats.acknowledgedSinceMark += 1;
  }
}

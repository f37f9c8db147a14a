import { INITIAL_ELECTION_STATE } from '../../src/core/quorum-state';
import { RaftCore, type DurableState } from '../../src/core/raft-core';
import type { LogBatch, Snapshot } from '../../src/core/log-batch';
import type { RaftConfigInput } from '../../src/core/config';
import type { FetchRequest, FetchResponse, RaftMessage } from '../../src/core/messages';
import type { Ready } from '../../src/core/ready';
import { encodeRecordBatch } from '@kz/records';
import { SeededRandom } from '../../src/testing/seeded-random';
import { checkpointDataBatch, checkpointFooter, checkpointHead } from '../../src/core/checkpoint-format';

export interface Sent {
  readonly from: number;
  readonly to: number;
  readonly message: RaftMessage;
}

const EMPTY: DurableState = { electionState: INITIAL_ELECTION_STATE, snapshot: null, batches: [] };

/**
 * Cores with instant disks on a network the test steers: every Ready is persisted at once (unless
 * the node's disk is held) and its messages queued; `drain` delivers until nothing moves, dropping
 * whatever `cut` says. Snapshot reads are served from the checkpoints each node holds, which
 * `snapshot` writes and fetched chunks fill. `sent` keeps every message delivered or dropped.
 */
export class CoreNet {
  readonly cores = new Map<number, RaftCore>();
  readonly readies = new Map<number, Ready[]>();
  readonly committed = new Map<number, LogBatch[]>();
  readonly sent: Sent[] = [];
  /** Checkpoint bytes by node and snapshot id (`offset:epoch`). */
  readonly checkpoints = new Map<number, Map<string, Uint8Array>>();
  readonly queue: Sent[] = [];
  now = 0;
  /** Messages for which this returns true are dropped. */
  cut: (sent: Sent) => boolean = () => false;
  /** Nodes whose Readys are not made durable until `release` (their after-persist messages wait too). */
  readonly heldDisks = new Set<number>();
  private readonly held = new Map<number, Ready[]>();

  constructor(configs: readonly RaftConfigInput[], durable: (id: number) => DurableState = () => EMPTY) {
    for (const config of configs) this.add(config, durable(config.nodeId));
  }

  add(config: RaftConfigInput, durable: DurableState = EMPTY): RaftCore {
    const core = RaftCore.start({ random: new SeededRandom(config.nodeId).asFunction(), ...config }, durable, this.now);
    this.cores.set(config.nodeId, core);
    this.readies.set(config.nodeId, []);
    this.committed.set(config.nodeId, []);
    this.checkpoints.set(config.nodeId, new Map());
    return core;
  }

  core(id: number): RaftCore {
    return this.cores.get(id)!;
  }

  /** Takes every Ready of every core and delivers queued messages until nothing moves. */
  drain(): void {
    for (let guard = 0; guard < 10_000; guard++) {
      let progressed = false;
      for (const [id, core] of this.cores) {
        while (core.hasReady()) {
          progressed = true;
          this.handle(id, core.takeReady());
        }
      }
      const next = this.queue.shift();
      if (next !== undefined) {
        progressed = true;
        this.sent.push(next);
        if (!this.cut(next)) this.cores.get(next.to)?.receive(this.now, next.from, next.message);
      }
      if (!progressed) return;
    }
    throw new Error('the cluster did not settle');
  }

  /** Advances the clock in 10 ms steps, ticking each core at its deadline. */
  run(ms: number): void {
    for (let t = 0; t < ms; t += 10) {
      this.now += 10;
      for (const core of this.cores.values()) if (core.nextDeadline() <= this.now) core.tick(this.now);
      this.drain();
    }
  }

  /** Makes the held Readys of `id` durable, in order, and sends what waited for them. */
  release(id: number): void {
    const held = this.held.get(id) ?? [];
    this.held.set(id, []);
    for (const ready of held) this.persist(id, ready);
    this.drain();
  }

  leader(): RaftCore | undefined {
    return [...this.cores.values()].find((c) => c.status().role === 'leader');
  }

  /** Runs until some core leads, and returns it. */
  elect(maxMs = 10_000): RaftCore {
    for (let t = 0; t < maxMs && this.leader() === undefined; t += 10) this.run(10);
    const leader = this.leader();
    if (leader === undefined) throw new Error('no leader');
    return leader;
  }

  /** Proposes one single-record batch per value on the leader. */
  propose(leader: RaftCore, ...values: string[]): void {
    const result = leader.propose(this.now, values.map((v) => encodeValue(v)));
    if (!result.ok) throw new Error('not the leader');
  }

  /** The state machine of `id` writes a checkpoint of everything below `offset` and tells its core. */
  snapshot(id: number, offset: number, epoch: number): Snapshot {
    const core = this.core(id);
    const snapshotId = { offset, epoch };
    const voters = core.snapshotVoters(offset);
    const head = checkpointHead(snapshotId, voters);
    const bytes = Buffer.concat([...head, checkpointDataBatch(Buffer.from(`state@${offset}`), head.length, epoch), checkpointFooter(head.length + 1, epoch)]);
    this.checkpoints.get(id)!.set(`${offset}:${epoch}`, bytes);
    const snapshot: Snapshot = { id: snapshotId, size: bytes.length, ...(voters === undefined ? {} : { voters }) };
    core.snapshotCreated(this.now, snapshot);
    this.drain();
    return snapshot;
  }

  /** Messages of one type delivered or dropped since `from` (an index into `sent`). */
  sentOf<T extends RaftMessage['type']>(type: T, from = 0): (Sent & { message: Extract<RaftMessage, { type: T }> })[] {
    return this.sent.slice(from).filter((s) => s.message.type === type) as (Sent & { message: Extract<RaftMessage, { type: T }> })[];
  }

  private handle(id: number, ready: Ready): void {
    this.readies.get(id)!.push(ready);
    this.committed.get(id)!.push(...ready.committed);
    for (const out of ready.messages) this.queue.push({ from: id, to: out.to, message: out.message });
    for (const read of ready.snapshotReads) {
      const bytes = this.checkpoints.get(id)!.get(`${read.response.snapshotId.offset}:${read.response.snapshotId.epoch}`);
      const response =
        bytes === undefined
          ? { ...read.response, error: 'SNAPSHOT_NOT_FOUND' as const }
          : { ...read.response, bytes: bytes.subarray(read.response.position, read.response.position + read.length) };
      this.queue.push({ from: id, to: read.to, message: response });
    }
    for (const op of ready.logOps) {
      if (op.op === 'snapshotChunk') {
        const files = this.checkpoints.get(id)!;
        const key = `${op.id.offset}:${op.id.epoch}`;
        files.set(key, op.position === 0 ? Uint8Array.from(op.bytes) : Buffer.concat([files.get(key) ?? new Uint8Array(0), op.bytes]));
      }
    }
    if (this.heldDisks.has(id)) {
      this.held.set(id, [...(this.held.get(id) ?? []), ready]);
      return;
    }
    this.persist(id, ready);
  }

  private persist(id: number, ready: Ready): void {
    if (ready.persistId !== null) this.core(id).persisted(this.now, ready.persistId);
    for (const out of ready.messagesAfterPersist) this.queue.push({ from: id, to: out.to, message: out.message });
  }
}

export function encodeValue(value: string): Uint8Array {
  return encodeRecordBatch({ records: [{ key: null, value: Buffer.from(value) }] });
}

/** Every Ready of `core` until none is left, each persisted at once. */
export function readies(core: RaftCore, now = 0): Ready[] {
  const out: Ready[] = [];
  while (core.hasReady()) {
    const ready = core.takeReady();
    if (ready.persistId !== null) core.persisted(now, ready.persistId);
    out.push(ready);
  }
  return out;
}

/** The messages those Readies carry, in order. */
export function sent(core: RaftCore, now = 0): { to: number; message: RaftMessage }[] {
  return readies(core, now).flatMap((r) => [...r.messages, ...r.messagesAfterPersist]);
}

/** Node 2's answer, as leader in the request's epoch, to `request`: no error, no batches, HW 0; `over` changes any field. */
export function fetchAnswer(request: FetchRequest, over: Partial<FetchResponse> = {}): FetchResponse {
  return { type: 'FetchResponse', requestId: request.requestId, error: 'NONE', epoch: request.epoch, leaderId: 2, highWatermark: 0, logStartOffset: 0, batches: [], ...over };
}

/**
 * The simulation's one controller: a real QuorumController over an in-memory metadata log that
 * commits each append a few simulated milliseconds later, with a MetadataLoader (as the metadata
 * simulation's MetadataSimMachine) turning committed batches into the images the controller acts on.
 * It never fails: the metadata quorum's own faults are the metadata simulation's business, so here a
 * controller that resigns or reports an internal error is a violation.
 *
 * Brokers follow the committed log as Raft observers would, by long-polling `fetchMetadata` over the
 * network: a fetch with nothing new waits for the next commit, or answers empty after a while.
 */
import type { LogBatch, NodeId } from '@kz/raft';
import type { SeededRandom } from '@kz/raft/testing';
import { encodeRecordBatch } from '@kz/records';
import {
  QuorumController,
  toKafkaRecords,
  type ControllerConfig,
  type ControllerEvent,
  type ControllerReply,
  type ControllerRequest,
  type MetadataImage,
  type MetadataRecord,
} from '@kz/metadata';
import { MetadataSimMachine, describeError } from '@kz/metadata/testing';

export interface ControllerEnvironment {
  readonly nodeId: NodeId;
  readonly random: SeededRandom;
  readonly config: Partial<ControllerConfig> & { readonly clusterId: string };
  /** Appends commit after a delay drawn from this range. */
  readonly commitDelayMs: { readonly min: number; readonly max: number };
  /** How long a broker's metadata fetch waits for a commit before it is answered empty. */
  readonly metadataLongPollMs: number;
  now(): number;
  schedule(at: number, label: string, run: () => void): void;
  reply(reply: ControllerReply): void;
  trace(text: string): void;
  /** Something the controller must never do happened (an internal error, a resignation, a batch that does not replay). */
  fail(invariant: string, message: string): void;
}

/** What a broker's metadata fetch gets: the committed batches from its position, and the committed end. */
export interface MetadataFetchAnswer {
  readonly batches: readonly LogBatch[];
  readonly committedEnd: number;
}

interface ParkedFetch {
  readonly fromOffset: number;
  readonly resolve: (answer: MetadataFetchAnswer) => void;
}

/** The controller's Raft epoch: it is elected once and never loses leadership. */
const CONTROLLER_EPOCH = 1;

export class SimController {
  readonly controller: QuorumController;
  private readonly machine: MetadataSimMachine;
  private readonly log: LogBatch[] = [];
  private committedCount = 0;
  private commitAt: number | null = null;
  private tickAt: number | null = null;
  private parked: ParkedFetch[] = [];
  /** Every controller event, in order, for stories and coverage. */
  readonly events: { readonly time: number; readonly event: ControllerEvent }[] = [];

  constructor(private readonly env: ControllerEnvironment) {
    this.machine = new MetadataSimMachine();
    this.controller = new QuorumController({
      nodeId: env.nodeId,
      config: env.config,
      log: {
        append: (epoch, batches) => this.append(epoch, batches),
        nextOffset: () => this.endOffset,
        resign: (epoch) => this.env.fail('controllerNeverFails', `the controller resigned epoch ${epoch}`),
      },
      onReply: (reply) => this.env.reply(reply),
      onEvent: (event) => this.onEvent(event),
      random: env.random.asFunction(),
    });
    this.machine.subscribe({ onMetadataUpdate: (update) => this.controller.onCommitted(this.env.now(), update.image) });
  }

  /** Takes leadership of the metadata log; the controller activates once its NoOp commits. */
  start(): void {
    this.controller.onLeaderChange(this.env.now(), { role: 'leader', leaderId: this.env.nodeId, epoch: CONTROLLER_EPOCH });
    this.afterInput();
  }

  /** The committed image: what the cluster has decided. */
  get image(): MetadataImage {
    return this.machine.image;
  }

  get committedEnd(): number {
    return this.committedCount === 0 ? 0 : this.log[this.committedCount - 1]!.lastOffset + 1;
  }

  submit(requestId: number, request: ControllerRequest): void {
    this.controller.submit(this.env.now(), requestId, request);
    this.afterInput();
  }

  /** A broker's metadata fetch from `fromOffset`: answered at once when something is committed past it, else at the next commit or the long-poll's end. */
  fetchMetadata(fromOffset: number): Promise<MetadataFetchAnswer> {
    return new Promise((resolve) => {
      if (this.committedEnd > fromOffset) {
        resolve(this.answer(fromOffset));
        return;
      }
      const fetch: ParkedFetch = { fromOffset, resolve };
      this.parked.push(fetch);
      this.env.schedule(this.env.now() + this.env.metadataLongPollMs, 'metadata long-poll ends', () => {
        const at = this.parked.indexOf(fetch);
        if (at < 0) return;
        this.parked.splice(at, 1);
        resolve(this.answer(fromOffset));
      });
    });
  }

  private answer(fromOffset: number): MetadataFetchAnswer {
    const batches = this.log.slice(0, this.committedCount).filter((b) => b.lastOffset >= fromOffset);
    return { batches, committedEnd: this.committedEnd };
  }

  private get endOffset(): number {
    const last = this.log[this.log.length - 1];
    return last === undefined ? 0 : last.lastOffset + 1;
  }

  private append(epoch: number, batches: readonly (readonly MetadataRecord[])[]): { baseOffset: number; lastOffset: number } | null {
    if (epoch !== CONTROLLER_EPOCH) return null;
    const baseOffset = this.endOffset;
    for (const records of batches) {
      const base = this.endOffset;
      const bytes = encodeRecordBatch({ records: toKafkaRecords(records), baseOffset: base, partitionLeaderEpoch: epoch });
      this.log.push({ baseOffset: base, lastOffset: base + records.length - 1, epoch, bytes });
    }
    this.scheduleCommit();
    return { baseOffset, lastOffset: this.endOffset - 1 };
  }

  /** Everything appended so far commits together after one simulated replication round. */
  private scheduleCommit(): void {
    if (this.commitAt !== null) return;
    const at = this.env.now() + this.env.random.int(this.env.commitDelayMs.min, this.env.commitDelayMs.max);
    this.commitAt = at;
    const upTo = this.log.length;
    this.env.schedule(at, 'metadata commit', () => {
      this.commitAt = null;
      this.commit(upTo);
      if (this.committedCount < this.log.length) this.scheduleCommit();
    });
  }

  private commit(upTo: number): void {
    while (this.committedCount < upTo) {
      const batch = this.log[this.committedCount++]!;
      const error = this.machine.applyLogBatch(batch);
      if (error !== null) this.env.fail('committedMetadataReplays', error);
    }
    const waiting = this.parked;
    this.parked = [];
    for (const fetch of waiting) {
      if (this.committedEnd > fetch.fromOffset) fetch.resolve(this.answer(fetch.fromOffset));
      else this.parked.push(fetch);
    }
    this.afterInput();
  }

  private afterInput(): void {
    const at = this.controller.nextDeadline();
    if (!Number.isFinite(at) || (this.tickAt !== null && this.tickAt <= at)) return;
    this.tickAt = at;
    this.env.schedule(Math.max(at, this.env.now()), 'controller tick', () => {
      if (this.tickAt !== at) return;
      this.tickAt = null;
      this.controller.tick(this.env.now());
      this.afterInput();
    });
  }

  private onEvent(event: ControllerEvent): void {
    this.events.push({ time: this.env.now(), event });
    switch (event.kind) {
      case 'activated':
        this.env.trace(`controller: active at offset ${event.offset}`);
        return;
      case 'fenced':
        this.env.trace(`controller: fenced broker ${event.brokerId} (${event.reason})`);
        return;
      case 'rebalanced':
        this.env.trace(`controller: moved ${event.moved} leadership(s) back to preferred replicas`);
        return;
      case 'renounced':
        this.env.fail('controllerNeverFails', `the controller renounced epoch ${event.epoch}: ${event.reason}`);
        return;
      case 'internalError':
        this.env.fail('controllerNeverFails', `${describeError(event.error)}\n${event.error.stack ?? ''}`);
        return;
    }
  }
}

import type { LeaderChange, NodeId } from '@kz/raft';
import type { SimNode } from '@kz/raft/testing';
import { encodeRecordBatch } from '@kz/records';
import type { ControllerConfig } from '../controller/controller-config';
import type { ControllerReply, ControllerRequest } from '../controller/controller-requests';
import { QuorumController, type ControllerEvent, type MetadataLog } from '../controller/quorum-controller';
import type { MetadataImage } from '../image/metadata-image';
import { toKafkaRecords } from '../records/record-codec';
import { MetadataSimMachine } from './metadata-machine';

export interface ControllerHostEnvironment {
  readonly nodeId: NodeId;
  readonly incarnation: number;
  readonly config: Partial<ControllerConfig> & { readonly clusterId: string };
  /** The controller's seeded randomness (topic ids, placement). */
  readonly random: () => number;
  now(): number;
  /** The simulated node this controller runs on (its Raft core takes the appends). */
  node(): SimNode;
  schedule(at: number, label: string, run: () => void): void;
  onReply(reply: ControllerReply): void;
  onEvent(event: ControllerEvent): void;
}

/**
 * One incarnation of a controller node: a MetadataLoader (the node's state machine) and the
 * QuorumController wired to the node's Raft core, as RaftNode wires them in a real process.
 *
 * - MetadataLog.append proposes one RecordBatch of the records straight to the core (KRaft's
 *   prepareAppend), nextOffset is the core's log end, resign resigns the core;
 * - every image the loader publishes goes to `onCommitted`, every role change to `onLeaderChange`;
 * - `tick` runs at the controller's own `nextDeadline()`.
 *
 * Inputs never nest: a commit or role change that arrives while the controller is inside a call
 * (an append can make the core hand out a Ready) is queued and given to it right after.
 */
export class ControllerHost {
  readonly machine: MetadataSimMachine;
  readonly controller: QuorumController;
  private busy = false;
  private readonly backlog: (() => void)[] = [];
  private tickAt: number | null = null;
  private tickToken = 0;
  private retired = false;

  constructor(private readonly env: ControllerHostEnvironment) {
    this.machine = new MetadataSimMachine((image) => this.input(() => this.controller.onCommitted(this.env.now(), image)));
    const log: MetadataLog = {
      append: (epoch, batches) => this.append(epoch, batches),
      nextOffset: () => this.env.node().status()?.logEndOffset ?? 0,
      resign: (epoch) => {
        const status = this.env.node().status();
        if (status !== null && status.role === 'leader' && status.epoch === epoch) this.env.node().resign(this.env.now());
      },
    };
    this.controller = new QuorumController({
      nodeId: env.nodeId,
      config: env.config,
      log,
      onReply: (reply) => this.env.onReply(reply),
      onEvent: (event) => this.env.onEvent(event),
      random: env.random,
    });
  }

  get image(): MetadataImage {
    return this.machine.image;
  }

  /** The node crashed: this incarnation is gone, and any tick it scheduled is void. */
  retire(): void {
    this.retired = true;
  }

  onRoleChange(change: LeaderChange): void {
    this.input(() => this.controller.onLeaderChange(this.env.now(), change));
  }

  submit(requestId: number, request: ControllerRequest): void {
    this.input(() => this.controller.submit(this.env.now(), requestId, request));
  }

  private append(epoch: number, batches: Parameters<MetadataLog['append']>[1]): { baseOffset: number; lastOffset: number } | null {
    const node = this.env.node();
    const status = node.status();
    if (this.retired || status === null || status.role !== 'leader' || status.epoch !== epoch) return null;
    const encoded = batches.map((records) => encodeRecordBatch({ records: toKafkaRecords(records), baseTimestamp: this.env.now() }));
    const result = node.propose(this.env.now(), encoded);
    if (result === null || !result.ok) return null;
    return { baseOffset: result.baseOffset, lastOffset: result.lastOffset };
  }

  private input(run: () => void): void {
    if (this.retired) return;
    if (this.busy) {
      this.backlog.push(run);
      return;
    }
    this.busy = true;
    try {
      run();
      for (let next = this.backlog.shift(); next !== undefined; next = this.backlog.shift()) next();
    } finally {
      this.busy = false;
      this.backlog.length = 0;
    }
    this.scheduleTick();
  }

  private scheduleTick(): void {
    const deadline = this.controller.nextDeadline();
    if (!Number.isFinite(deadline)) return;
    const at = Math.max(deadline, this.env.now());
    if (this.tickAt !== null && this.tickAt <= at) return;
    this.tickAt = at;
    const token = ++this.tickToken;
    this.env.schedule(at, `controller ${this.env.nodeId} tick`, () => {
      if (this.retired || token !== this.tickToken) return;
      this.tickAt = null;
      this.input(() => this.controller.tick(this.env.now()));
    });
  }
}

import type { NodeId, RaftNode } from '@kz/raft';
import type { ControllerConfig } from '../controller/controller-config';
import type { ControllerReply, ControllerRequest } from '../controller/controller-requests';
import { QuorumController, type ControllerEvent } from '../controller/quorum-controller';
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
  /** The RaftNode this controller runs on; null until it has started. */
  raft(): RaftNode | null;
  schedule(at: number, label: string, run: () => void): void;
  onReply(reply: ControllerReply): void;
  onEvent(event: ControllerEvent): void;
}

/**
 * One incarnation of a controller node, wired as MetadataNode (runtime/metadata-node.ts) wires it in
 * a real process: a MetadataLoader is the RaftNode's state machine, and the QuorumController
 *
 * - appends through RaftNode.appendNow (KRaft's prepareAppend), reads its next offset from the
 *   node's status and resigns through RaftNode.resign;
 * - hears of every image the loader publishes and of every leadership change, as its subscriber;
 * - is ticked at its own `nextDeadline()`, re-armed after each input.
 *
 * (MetadataNode itself cannot run here yet: it reads the real clock and sets real timers. Given a
 * Scheduler, as RaftNode is, it could replace this class.)
 */
export class ControllerHost {
  readonly machine = new MetadataSimMachine();
  readonly controller: QuorumController;
  private tickAt: number | null = null;
  private tickToken = 0;
  private retired = false;

  constructor(private readonly env: ControllerHostEnvironment) {
    const controller = new QuorumController({
      nodeId: env.nodeId,
      config: env.config,
      log: {
        append: (epoch, batches) => this.env.raft()?.appendNow(batches.map(toKafkaRecords), epoch) ?? null,
        nextOffset: () => this.env.raft()?.status().logEndOffset ?? 0,
        resign: () => this.env.raft()?.resign(),
      },
      onReply: (reply) => this.env.onReply(reply),
      onEvent: (event) => this.env.onEvent(event),
      random: env.random,
    });
    this.controller = controller;
    this.machine.subscribe({ onMetadataUpdate: (update) => this.input(() => controller.onCommitted(this.env.now(), update.image)) });
    this.machine.onLeadership({ onLeaderChange: (change) => this.input(() => controller.onLeaderChange(this.env.now(), change)) });
  }

  get image(): MetadataImage {
    return this.machine.image;
  }

  /** The node went down: this incarnation is gone, and any tick it scheduled is void. */
  retire(): void {
    this.retired = true;
  }

  submit(requestId: number, request: ControllerRequest): void {
    this.input(() => this.controller.submit(this.env.now(), requestId, request));
  }

  private input(run: () => void): void {
    if (this.retired) return;
    run();
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

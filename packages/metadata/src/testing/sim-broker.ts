import type { NodeId } from '@kz/raft';
import type { SeededRandom } from '@kz/raft/testing';
import type { ApiError } from '../errors/api-error';
import type { ControllerReply, ControllerRequest } from '../controller/controller-requests';
import type { MetadataImage } from '../image/metadata-image';
import { isActive } from '../image/broker-registration';
import { MetadataSimMachine } from './metadata-machine';

/** How a simulated broker talks to the controllers; KRaft's defaults unless a test says otherwise. */
export interface BrokerSettings {
  readonly clusterId: string;
  /** broker.heartbeat.interval.ms */
  readonly heartbeatIntervalMs: number;
  /** A controller request unanswered this long is given up (and the next controller tried). */
  readonly requestTimeoutMs: number;
  /** Wait before retrying after an error other than NOT_CONTROLLER. */
  readonly retryBackoffMs: number;
  /** Chance, at each heartbeat, that a partition leader asks to shrink or expand one ISR. */
  readonly alterPartitionChance: number;
}

export const BROKER_DEFAULTS: Omit<BrokerSettings, 'clusterId'> = {
  heartbeatIntervalMs: 2000,
  requestTimeoutMs: 1500,
  retryBackoffMs: 100,
  alterPartitionChance: 0.3,
};

export interface BrokerEnvironment {
  readonly brokerId: NodeId;
  readonly incarnation: number;
  readonly controllers: readonly NodeId[];
  readonly settings: BrokerSettings;
  readonly random: SeededRandom;
  now(): number;
  schedule(at: number, label: string, run: () => void): void;
  /** Sends a controller request; the reply (if it ever comes) goes to `onReply`. Returns the request id. */
  send(to: NodeId, request: ControllerRequest, onReply: (reply: ControllerReply) => void): number;
  trace(text: string): void;
  /** The broker was told to shut down (it asked to): the simulation stops the node. */
  onShutDown(): void;
}

export type BrokerPhase = 'registering' | 'fenced' | 'unfenced' | 'shutDown';

/** What a broker's requests met, for tests and coverage. */
export interface BrokerStats {
  registrations: number;
  heartbeats: number;
  alterPartitions: number;
  alterPartitionsAccepted: number;
  timeouts: number;
  notController: number;
  /** Error replies by Kafka error name. */
  readonly errors: Map<string, number>;
}

interface InFlight {
  readonly requestId: number;
  readonly to: NodeId;
}

/**
 * One incarnation of a broker's lifecycle (KRaft's BrokerLifecycleManager) on top of the metadata it
 * follows as a Raft observer: register with a fresh incarnation id, then heartbeat every
 * heartbeatIntervalMs with the offset its loader has applied; obey isFenced and shouldShutDown. It
 * finds the active controller from NOT_CONTROLLER hints, or by trying the controllers in turn after a
 * timeout. As a partition leader it sometimes asks to shrink or expand an ISR (AlterPartition), with
 * the leader and partition epochs of its own image, one request at a time.
 */
export class SimBroker {
  readonly machine = new MetadataSimMachine();
  readonly incarnationId: string;
  readonly stats: BrokerStats = { registrations: 0, heartbeats: 0, alterPartitions: 0, alterPartitionsAccepted: 0, timeouts: 0, notController: 0, errors: new Map() };
  private phaseNow: BrokerPhase = 'registering';
  private epoch: number | null = null;
  private controllerIndex: number;
  private lifecycle: InFlight | null = null;
  private alter: InFlight | null = null;
  private retired = false;
  private wantShutDown = false;
  private timerToken = 0;

  constructor(private readonly env: BrokerEnvironment) {
    this.incarnationId = `broker-${env.brokerId}-incarnation-${env.incarnation}`;
    this.controllerIndex = env.random.int(0, env.controllers.length - 1);
  }

  get phase(): BrokerPhase {
    return this.phaseNow;
  }

  /** The broker epoch of this incarnation's registration; null until it is registered. */
  get brokerEpoch(): number | null {
    return this.epoch;
  }

  get image(): MetadataImage {
    return this.machine.image;
  }

  /** Starts the lifecycle: register at once. */
  start(): void {
    this.register();
  }

  /** The node crashed: nothing of this incarnation runs again. */
  retire(): void {
    this.retired = true;
    this.timerToken++;
  }

  /** Asks for a controlled shutdown in the next heartbeats. */
  requestShutDown(): void {
    this.wantShutDown = true;
  }

  private get controller(): NodeId {
    return this.env.controllers[this.controllerIndex % this.env.controllers.length]!;
  }

  private register(): void {
    if (this.retired) return;
    this.phaseNow = 'registering';
    this.stats.registrations++;
    this.sendLifecycle({
      kind: 'registerBroker',
      body: {
        brokerId: this.env.brokerId,
        clusterId: this.env.settings.clusterId,
        incarnationId: this.incarnationId,
        endpoints: [{ name: 'PLAINTEXT', host: `broker-${this.env.brokerId}.sim`, port: 9092 }],
        rack: `rack-${this.env.brokerId % 2}`,
      },
    });
  }

  private heartbeat(): void {
    if (this.retired || this.epoch === null || this.lifecycle !== null) return;
    this.stats.heartbeats++;
    this.sendLifecycle({
      kind: 'brokerHeartbeat',
      body: {
        brokerId: this.env.brokerId,
        brokerEpoch: this.epoch,
        currentMetadataOffset: this.machine.image.offset,
        wantFence: false,
        wantShutDown: this.wantShutDown,
      },
    });
    if (this.phaseNow === 'unfenced' && this.env.random.chance(this.env.settings.alterPartitionChance)) this.maybeAlterPartition();
  }

  private sendLifecycle(request: ControllerRequest): void {
    const to = this.controller;
    const requestId = this.env.send(to, request, (reply) => this.onLifecycleReply(requestId, reply));
    this.lifecycle = { requestId, to };
    this.after(this.env.settings.requestTimeoutMs, `broker ${this.env.brokerId} ${request.kind} timeout`, () => {
      if (this.lifecycle?.requestId !== requestId) return;
      this.lifecycle = null;
      this.stats.timeouts++;
      this.nextController(-1);
      this.retryLifecycle(0);
    });
  }

  private onLifecycleReply(requestId: number, reply: ControllerReply): void {
    if (this.retired || this.lifecycle?.requestId !== requestId) return;
    this.lifecycle = null;
    const result = reply.result;
    if (!result.ok) {
      this.noteError(result.error);
      if (result.error.code === 'NOT_CONTROLLER') {
        this.nextController(result.error.leaderId);
        this.retryLifecycle(result.error.leaderId >= 0 ? 0 : this.env.settings.retryBackoffMs);
      } else if (reply.kind === 'brokerHeartbeat' && (result.error.code === 'STALE_BROKER_EPOCH' || result.error.code === 'BROKER_ID_NOT_REGISTERED')) {
        // Our registration is gone or superseded: register again.
        this.env.trace(`broker ${this.env.brokerId}: heartbeat refused (${result.error.code}); registering again`);
        this.epoch = null;
        this.after(this.env.settings.retryBackoffMs, `broker ${this.env.brokerId} re-register`, () => this.register());
      } else {
        this.retryLifecycle(reply.kind === 'registerBroker' ? this.env.settings.heartbeatIntervalMs : this.env.settings.retryBackoffMs);
      }
      return;
    }
    if (reply.kind === 'registerBroker') {
      const value = result.value as { readonly brokerEpoch: number };
      this.epoch = value.brokerEpoch;
      this.phaseNow = 'fenced';
      this.env.trace(`broker ${this.env.brokerId}: registered (incarnation ${this.env.incarnation}) with broker epoch ${value.brokerEpoch}`);
      this.after(0, `broker ${this.env.brokerId} first heartbeat`, () => this.heartbeat());
      return;
    }
    if (reply.kind === 'brokerHeartbeat') {
      const value = result.value as { readonly isFenced: boolean; readonly shouldShutDown: boolean };
      if (value.shouldShutDown) {
        this.phaseNow = 'shutDown';
        this.env.trace(`broker ${this.env.brokerId}: told to shut down`);
        this.retire();
        this.env.onShutDown();
        return;
      }
      const phase: BrokerPhase = value.isFenced ? 'fenced' : 'unfenced';
      if (phase !== this.phaseNow) this.env.trace(`broker ${this.env.brokerId}: ${phase} (broker epoch ${this.epoch ?? -1})`);
      this.phaseNow = phase;
      this.after(this.env.settings.heartbeatIntervalMs, `broker ${this.env.brokerId} heartbeat`, () => this.heartbeat());
    }
  }

  private retryLifecycle(delayMs: number): void {
    this.after(delayMs, `broker ${this.env.brokerId} retry`, () => {
      if (this.lifecycle !== null) return;
      if (this.epoch === null) this.register();
      else this.heartbeat();
    });
  }

  /** Shrinks or expands the ISR of one partition it leads, as its own image shows it. */
  private maybeAlterPartition(): void {
    if (this.alter !== null || this.epoch === null) return;
    const image = this.machine.image;
    const me = image.brokers.get(this.env.brokerId);
    if (me === undefined || me.epoch !== this.epoch || me.fenced) return;
    const led: { topicId: string; partitionId: number; isr: readonly number[]; replicas: readonly number[]; leaderEpoch: number; partitionEpoch: number }[] = [];
    for (const topic of image.topicsById.values()) {
      topic.partitions.forEach((p, partitionId) => {
        if (p.leader === this.env.brokerId) led.push({ topicId: topic.id, partitionId, ...p });
      });
    }
    if (led.length === 0) return;
    const target = this.env.random.pick(led);
    const followers = target.isr.filter((id) => id !== this.env.brokerId);
    const joinable = target.replicas.filter((id) => !target.isr.includes(id) && isActive(image.brokers.get(id)));
    const shrink = joinable.length === 0 || (followers.length > 0 && this.env.random.chance(0.5));
    let newIsr: number[];
    if (shrink) {
      if (followers.length === 0) return;
      const leaving = this.env.random.pick(followers);
      newIsr = target.isr.filter((id) => id !== leaving);
    } else {
      newIsr = [...target.isr, this.env.random.pick(joinable)];
    }
    const to = this.controller;
    this.stats.alterPartitions++;
    const requestId = this.env.send(
      to,
      {
        kind: 'alterPartition',
        body: {
          brokerId: this.env.brokerId,
          brokerEpoch: this.epoch,
          partitions: [{ topicId: target.topicId, partitionId: target.partitionId, leaderEpoch: target.leaderEpoch, partitionEpoch: target.partitionEpoch, newIsr }],
        },
      },
      (reply) => {
        if (this.retired || this.alter?.requestId !== requestId) return;
        this.alter = null;
        if (!reply.result.ok) {
          this.noteError(reply.result.error);
          if (reply.result.error.code === 'NOT_CONTROLLER') this.nextController(reply.result.error.leaderId);
        } else this.stats.alterPartitionsAccepted++;
      },
    );
    this.alter = { requestId, to };
    this.after(this.env.settings.requestTimeoutMs, `broker ${this.env.brokerId} alterPartition timeout`, () => {
      if (this.alter?.requestId === requestId) this.alter = null;
    });
  }

  private nextController(hint: NodeId): void {
    const at = this.env.controllers.indexOf(hint);
    this.controllerIndex = at >= 0 ? at : this.controllerIndex + 1;
  }

  private noteError(error: ApiError): void {
    if (error.code === 'NOT_CONTROLLER') this.stats.notController++;
    this.stats.errors.set(error.code, (this.stats.errors.get(error.code) ?? 0) + 1);
  }

  private after(delayMs: number, label: string, run: () => void): void {
    const token = this.timerToken;
    this.env.schedule(this.env.now() + delayMs, label, () => {
      if (this.retired || token !== this.timerToken) return;
      run();
    });
  }
}

/**
 * The broker's registration with the controller (KRaft's BrokerLifecycleManager): register with a
 * fresh incarnation id, then heartbeat every broker.heartbeat.interval.ms with the metadata offset
 * this broker has applied. The controller unfences it once it has caught up and fences it when the
 * heartbeats stop. A refused heartbeat (STALE_BROKER_EPOCH, BROKER_ID_NOT_REGISTERED) means this
 * registration is gone: register again. On stop it asks for a controlled shutdown, so leaderships
 * move away before the process exits.
 */
import { randomUUID } from 'node:crypto';
import type { BrokerId, Endpoint } from '@kz/metadata';
import { REAL_SCHEDULER, type ScheduledTimer, type Scheduler } from '@kz/runtime';
import type { Logger } from 'pino';
import type { ControllerChannel } from './controller-channel';

export interface BrokerLifecycleOptions {
  readonly brokerId: BrokerId;
  readonly clusterId: string;
  readonly endpoints: readonly Endpoint[];
  readonly rack: string | null;
  readonly channel: ControllerChannel;
  /** The offset of the last metadata record this broker has applied. */
  readonly appliedOffset: () => number;
  /** Replicas assigned here whose logs will not open, reported with every heartbeat. */
  readonly offlineReplicas?: () => readonly { readonly topicId: string; readonly partitionId: number }[];
  /**
   * Replicas whose log recovery cut a damaged batch as this process started, sent with every
   * registration of this incarnation: the controller takes them out of their ISR and ELR when it
   * registers the incarnation (once: the same incarnation asking again gets its epoch back). KIP-966
   * drops every uncleanly shut down broker from the ELR; a kz crash alone loses no committed record,
   * but a log cut at recovery may have, and it must not be elected as if whole.
   */
  readonly damagedReplicas?: readonly { readonly topicId: string; readonly partitionId: number }[];
  /** A new registration: its broker epoch. */
  readonly onRegistered: (brokerEpoch: number) => void;
  readonly logger: Logger;
  readonly heartbeatIntervalMs?: number;
  /** Every heartbeat's round trip in milliseconds, and whether it was answered (monitoring). */
  readonly onHeartbeat?: (roundTripMs: number, answered: boolean) => void;
  /** Timers and clock: the process's by default; a simulation's. */
  readonly scheduler?: Scheduler;
  /** This process's incarnation (a new random UUID by default). */
  readonly incarnationId?: string;
}

export type BrokerState = 'starting' | 'fenced' | 'running' | 'shuttingDown' | 'stopped';

export const DEFAULT_HEARTBEAT_INTERVAL_MS = 2000;

export class BrokerLifecycle {
  readonly incarnationId: string;
  private stateValue: BrokerState = 'starting';
  private brokerEpoch = -1;
  private readonly scheduler: Scheduler;
  private timer: ScheduledTimer | null = null;
  private stopped = false;
  private wantShutDown = false;
  private shutDownDone: (() => void) | null = null;
  private readonly log: Logger;
  private readonly intervalMs: number;

  constructor(private readonly options: BrokerLifecycleOptions) {
    this.log = options.logger.child({ component: 'broker-lifecycle' });
    this.intervalMs = options.heartbeatIntervalMs ?? DEFAULT_HEARTBEAT_INTERVAL_MS;
    this.scheduler = options.scheduler ?? REAL_SCHEDULER;
    this.incarnationId = options.incarnationId ?? randomUUID();
  }

  get state(): BrokerState {
    return this.stateValue;
  }

  start(): void {
    void this.register();
  }

  /**
   * Controlled shutdown: heartbeats ask for it until the controller says the leaderships have moved
   * (shouldShutDown), or `timeoutMs` passes.
   */
  async shutDown(timeoutMs: number): Promise<void> {
    if (this.stopped) return;
    if (this.brokerEpoch < 0) {
      this.stop();
      return;
    }
    this.wantShutDown = true;
    this.stateValue = 'shuttingDown';
    await new Promise<void>((resolve) => {
      const timer = this.scheduler.setTimeout(() => {
        this.log.warn({ timeoutMs }, 'controlled shutdown did not finish in time');
        resolve();
      }, timeoutMs);
      this.shutDownDone = () => {
        timer.cancel();
        resolve();
      };
      this.schedule(0);
    });
    this.stop();
  }

  stop(): void {
    this.stopped = true;
    this.stateValue = 'stopped';
    this.timer?.cancel();
    this.timer = null;
  }

  private schedule(delayMs: number, run: () => Promise<void> = () => this.heartbeat()): void {
    if (this.stopped) return;
    this.timer?.cancel();
    this.timer = this.scheduler.setTimeout(() => {
      this.timer = null;
      void run();
    }, delayMs);
  }

  private async register(): Promise<void> {
    if (this.stopped) return;
    const { brokerId, clusterId, endpoints, rack, channel } = this.options;
    try {
      const damagedReplicas = this.options.damagedReplicas ?? [];
      const { brokerEpoch } = await channel.registerBroker({ brokerId, clusterId, incarnationId: this.incarnationId, endpoints, rack, ...(damagedReplicas.length === 0 ? {} : { damagedReplicas }) });
      if (this.stopped) return;
      this.brokerEpoch = brokerEpoch;
      this.stateValue = 'fenced';
      this.options.onRegistered(brokerEpoch);
      this.log.info({ brokerId, brokerEpoch, incarnationId: this.incarnationId, damagedReplicas: damagedReplicas.length }, 'registered with the controller');
      this.schedule(0);
    } catch (error) {
      this.log.warn({ err: error, brokerId }, 'registration failed; retrying');
      this.schedule(this.intervalMs, () => this.register());
    }
  }

  private async heartbeat(): Promise<void> {
    if (this.stopped) return;
    const { brokerId, channel } = this.options;
    const sent = this.scheduler.now();
    try {
      const reply = await channel.brokerHeartbeat({
        brokerId,
        brokerEpoch: this.brokerEpoch,
        currentMetadataOffset: this.options.appliedOffset(),
        wantFence: false,
        wantShutDown: this.wantShutDown,
        offlineReplicas: this.options.offlineReplicas?.() ?? [],
      });
      this.options.onHeartbeat?.(this.scheduler.now() - sent, true);
      if (this.stopped) return;
      if (reply.shouldShutDown) {
        this.log.info({ brokerId, brokerEpoch: this.brokerEpoch }, 'controlled shutdown complete');
        this.shutDownDone?.();
        return;
      }
      if (!this.wantShutDown) {
        const next: BrokerState = reply.isFenced ? 'fenced' : 'running';
        if (next !== this.stateValue) this.log.info({ brokerId, brokerEpoch: this.brokerEpoch, state: next }, next === 'running' ? 'unfenced' : 'fenced');
        this.stateValue = next;
      }
      this.schedule(this.wantShutDown ? Math.min(this.intervalMs, 200) : this.intervalMs);
    } catch (error) {
      this.options.onHeartbeat?.(this.scheduler.now() - sent, false);
      if (this.stopped) return;
      const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
      if (code === 'STALE_BROKER_EPOCH' || code === 'BROKER_ID_NOT_REGISTERED') {
        this.log.warn({ brokerId, brokerEpoch: this.brokerEpoch, code }, 'registration lost; registering again');
        this.brokerEpoch = -1;
        this.stateValue = 'starting';
        this.schedule(0, () => this.register());
        return;
      }
      this.log.warn({ err: error, brokerId }, 'heartbeat failed');
      this.schedule(Math.min(this.intervalMs, 500));
    }
  }
}

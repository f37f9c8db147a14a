/**
 * Sends the leader's ISR changes to the controller (Kafka's AlterPartitionManager): everything
 * pending goes in one AlterPartition request, one request in flight at a time, and each partition's
 * answer goes back to the ReplicaManager. A request that fails as a whole is answered for every item
 * as a retriable error, so the manager resends it after a back-off.
 */
import { REAL_SCHEDULER, type Scheduler } from '@kz/runtime';
import type { Logger } from 'pino';
import type { AlterPartitionItem } from '../replication/partition-replicas';
import type { ReplicaManager } from '../server/replica-manager';
import type { ControllerChannel } from './controller-channel';

export interface AlterPartitionSenderOptions {
  readonly manager: ReplicaManager;
  readonly channel: ControllerChannel;
  readonly clock: () => number;
  /** Whose timers the retry back-off uses (the process's by default; a simulation's). */
  readonly scheduler?: Pick<Scheduler, 'setTimeout'>;
  readonly logger: Logger;
  readonly afterInput: () => void;
  readonly retryBackoffMs?: number;
}

export class AlterPartitionSender {
  private readonly queue: AlterPartitionItem[] = [];
  private inFlight = false;
  private stopped = false;
  private readonly log: Logger;

  constructor(private readonly options: AlterPartitionSenderOptions) {
    this.log = options.logger.child({ component: 'alter-partition' });
  }

  /** Queues the manager's new ISR changes and sends them if nothing is in flight. */
  drain(): void {
    this.queue.push(...this.options.manager.takeAlterPartitions());
    this.sendNext();
  }

  stop(): void {
    this.stopped = true;
  }

  private sendNext(): void {
    if (this.inFlight || this.stopped || this.queue.length === 0) return;
    const { manager, channel, clock } = this.options;
    if (manager.brokerEpoch < 0) return;
    const items = this.queue.splice(0);
    this.inFlight = true;
    channel.alterPartition({ brokerId: manager.brokerId, brokerEpoch: manager.brokerEpoch, partitions: items }).then(
      (response) => {
        this.inFlight = false;
        if (this.stopped) return;
        // By key, not by a search per item: a request may carry thousands of partitions.
        const answers = new Map(response.partitions.map((answer) => [`${answer.topicId}:${answer.partitionId}`, answer]));
        manager.onAlterPartitionResults(
          items.map((item) => ({ item, result: answers.get(`${item.topicId}:${item.partitionId}`) ?? { error: { code: 'UNKNOWN_SERVER_ERROR' }, state: null } })),
          clock(),
        );
        this.afterAnswer();
      },
      (error: unknown) => {
        this.inFlight = false;
        if (this.stopped) return;
        this.log.warn({ err: error, partitions: items.length }, 'AlterPartition failed; will retry');
        (this.options.scheduler ?? REAL_SCHEDULER).setTimeout(() => {
          if (this.stopped) return;
          manager.onAlterPartitionResults(items.map((item) => ({ item, result: { error: { code: 'REQUEST_TIMED_OUT' }, state: null } })), clock());
          this.afterAnswer();
        }, this.options.retryBackoffMs ?? 100);
      },
    );
  }

  private afterAnswer(): void {
    this.options.afterInput();
    this.drain();
  }
}

/**
 * Brokers as the controller sees them, without Kafka: each registers through a MetadataAdminClient
 * and heartbeats on a timer, reporting the controller's metadata offset as the one it applied. A
 * test stops one's heartbeats to make it look dead.
 */
import { randomUUID } from 'node:crypto';
import type { MetadataAdminClient } from '../../../src/service/metadata-admin-client';

const HEARTBEAT_INTERVAL_MS = 200;

export class FakeBrokers {
  private readonly epochs = new Map<number, number>();
  private readonly beating = new Set<number>();
  private loop: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly client: MetadataAdminClient,
    private readonly clusterId: string,
  ) {}

  epochOf(brokerId: number): number {
    const epoch = this.epochs.get(brokerId);
    if (epoch === undefined) throw new Error(`broker ${brokerId} is not registered`);
    return epoch;
  }

  async register(brokerIds: readonly number[]): Promise<void> {
    for (const brokerId of brokerIds) {
      const { brokerEpoch } = await this.client.registerBroker({
        brokerId,
        clusterId: this.clusterId,
        incarnationId: randomUUID(),
        endpoints: [{ name: 'PLAINTEXT', host: '127.0.0.1', port: 19_000 + brokerId }],
        rack: null,
      });
      this.epochs.set(brokerId, brokerEpoch);
    }
  }

  /** One heartbeat each; true when every one of them is unfenced. */
  async heartbeat(brokerIds: readonly number[]): Promise<boolean> {
    const { metadataOffset } = await this.client.describeCluster();
    let unfenced = true;
    for (const brokerId of brokerIds) {
      const answer = await this.client.brokerHeartbeat({
        brokerId,
        brokerEpoch: this.epochOf(brokerId),
        currentMetadataOffset: metadataOffset,
        wantFence: false,
        wantShutDown: false,
      });
      unfenced &&= !answer.isFenced;
    }
    return unfenced;
  }

  /** Heartbeats `brokerIds` in the background until `silence` or `stop`; failures (an election) are retried next round. */
  keepAlive(brokerIds: readonly number[]): void {
    for (const id of brokerIds) this.beating.add(id);
    this.loop ??= this.run();
  }

  /** The broker goes quiet: the controller will fence it one session timeout later. */
  silence(brokerId: number): void {
    this.beating.delete(brokerId);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.loop;
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      try {
        await this.heartbeat([...this.beating]);
      } catch {
        // The next round tries again; the test asserts on what the cluster ends up showing.
      }
      await new Promise((resolve) => setTimeout(resolve, HEARTBEAT_INTERVAL_MS));
    }
  }
}

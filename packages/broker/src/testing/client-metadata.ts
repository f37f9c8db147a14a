/**
 * What the simulated clients (producer, consumers) believe about the topic: its id and each
 * partition's leader and leader epoch. They learn it as a Kafka client does, by asking a broker for
 * its metadata (a broker answers with the image it has applied, which may be stale) and from the
 * current-leader hints of NOT_LEADER_OR_FOLLOWER answers; a newer leader epoch always wins, so a
 * stale answer never sends a client back to a deposed leader.
 */
import type { NodeId } from '@kz/raft';
import type { SeededRandom } from '@kz/raft/testing';
import type { BrokerId, MetadataImage } from '@kz/metadata';
import type { RpcChannel } from './rpc-channel';

export interface ClientMetadataEnvironment {
  readonly clientId: NodeId;
  readonly topic: string;
  readonly brokers: readonly BrokerId[];
  readonly random: SeededRandom;
  readonly rpc: RpcChannel;
  /** The image a broker answers a metadata request with; null when it is down. */
  serveMetadata(broker: BrokerId): Promise<MetadataImage> | null;
  now(): number;
  schedule(at: number, label: string, run: () => void): void;
}

export interface KnownLeader {
  readonly leaderId: BrokerId;
  readonly leaderEpoch: number;
}

/** A metadata request is retried after this long without an answer. */
const METADATA_TIMEOUT_MS = 1000;

export class ClientMetadata {
  private topicIdValue: string | null = null;
  private readonly leaders = new Map<number, KnownLeader>();
  private refreshing = false;
  private attempt = 0;

  constructor(private readonly env: ClientMetadataEnvironment) {}

  get topicId(): string | null {
    return this.topicIdValue;
  }

  /** The leader this client would send to, if it knows one. */
  leader(partition: number): KnownLeader | undefined {
    const known = this.leaders.get(partition);
    return known === undefined || known.leaderId < 0 ? undefined : known;
  }

  /** A NOT_LEADER_OR_FOLLOWER answer named the current leader. */
  hint(partition: number, leader: KnownLeader): void {
    const known = this.leaders.get(partition);
    if (leader.leaderId >= 0 && (known === undefined || leader.leaderEpoch > known.leaderEpoch)) this.leaders.set(partition, leader);
  }

  /** Asks a random broker for its metadata, unless a request is already out. */
  refresh(): void {
    if (this.refreshing) return;
    this.refreshing = true;
    const attempt = ++this.attempt;
    const broker = this.env.random.pick(this.env.brokers);
    this.env.rpc.call<MetadataImage>(
      this.env.clientId,
      broker,
      'metadata',
      () => this.env.serveMetadata(broker),
      (image) => {
        if (attempt !== this.attempt) return;
        this.refreshing = false;
        this.learn(image);
      },
    );
    this.env.schedule(this.env.now() + METADATA_TIMEOUT_MS, 'client metadata timeout', () => {
      if (attempt === this.attempt && this.refreshing) {
        this.refreshing = false;
        this.refresh();
      }
    });
  }

  private learn(image: MetadataImage): void {
    const topic = image.topic(this.env.topic);
    if (topic === undefined) return;
    this.topicIdValue = topic.id;
    topic.partitions.forEach((p, partition) => {
      const known = this.leaders.get(partition);
      if (known !== undefined && p.leaderEpoch <= known.leaderEpoch) return;
      // A leaderless partition is remembered at its epoch (leader -1), so an older answer cannot bring back a deposed leader.
      this.leaders.set(partition, { leaderId: p.leader, leaderEpoch: p.leaderEpoch });
    });
  }
}

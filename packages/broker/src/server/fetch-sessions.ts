/**
 * The leader's side of KIP-227 incremental fetch sessions, for follower fetches only.
 *
 * A broker following thousands of partitions from one leader would otherwise send, and be answered,
 * every one of them several times a second although almost all are idle. In a session the leader
 * keeps each partition's last fetch position, so a follower sends only positions that moved (and the
 * partitions it adds or forgets), and the leader answers only partitions with news: records, an
 * error, or a high watermark or log start the follower has not been told yet.
 *
 * Every partition of the session is still fetched at every fetch — its follower state moves, which
 * keeps the follower in the ISR — so an idle partition costs the leader a check, not an answer.
 *
 * One session per follower broker: its full fetch (epoch 0) replaces the one it had, so the cache is
 * bounded by the number of brokers. Consumers fetch without sessions (Kafka's clients may ask for
 * one; they are answered with session id 0, which Kafka's protocol allows when no slot is free).
 */
import type { BrokerId } from '@kz/metadata';
import { FETCH_SESSION, nextFetchSessionEpoch, type FetchPartition, type FetchRequest } from '../protocol/fetch';
import type { LeaderReplicaState } from '../replication/partition-replicas';
import { kafkaError, type KafkaErrorValue } from './error-code';
import type { Partition } from './partition';
import { partitionKey } from './partition';

/** One partition of a session: where its follower fetches from, and what it was last told. */
export interface SessionPartition {
  readonly key: string;
  readonly topicId: string;
  position: FetchPartition;
  /** The HW and log start in the last answer that included this partition; -1 before the first. */
  sentHighWatermark: number;
  sentLogStartOffset: number;
  /**
   * The leader state and log range at which a fetch at `position` last validated cleanly, with
   * nothing to read: while all are unchanged, the next fetch of the partition is a follower-state
   * update only. Null when unknown (new, moved, or last answered with an error).
   */
  idleAt: { readonly partition: Partition; readonly leader: LeaderReplicaState; readonly logStart: number; readonly logEnd: number } | null;
}

export class LeaderFetchSession {
  /** The epoch the follower's next incremental fetch must carry. */
  private expectedEpoch = 1;
  readonly partitions = new Map<string, SessionPartition>();

  constructor(
    readonly id: number,
    readonly replicaId: BrokerId,
  ) {}

  /**
   * Applies an accepted fetch of this session: its listed partitions are added or moved, its
   * forgotten ones removed. A full fetch (the session's first) lists every partition.
   */
  apply(request: FetchRequest): void {
    for (const t of request.forgottenTopics ?? []) for (const partition of t.partitions) this.partitions.delete(partitionKey(t.topicId, partition));
    for (const t of request.topics) {
      for (const position of t.partitions) {
        const key = partitionKey(t.topicId, position.partition);
        const known = this.partitions.get(key);
        if (known === undefined) {
          this.partitions.set(key, { key, topicId: t.topicId, position, sentHighWatermark: -1, sentLogStartOffset: -1, idleAt: null });
        } else {
          known.position = position;
          known.idleAt = null;
        }
      }
    }
  }

  /** Null when `epoch` is the one expected next (and then expects the one after), else the error to answer. */
  acceptEpoch(epoch: number): KafkaErrorValue | null {
    if (epoch !== this.expectedEpoch) {
      return kafkaError('INVALID_FETCH_SESSION_EPOCH', `fetch session ${this.id} of broker ${this.replicaId} expected epoch ${this.expectedEpoch}, got ${epoch}`);
    }
    this.expectedEpoch = nextFetchSessionEpoch(epoch);
    return null;
  }
}

/** Which kind of fetch a request is, as far as sessions go. */
export type SessionFetchKind = 'sessionless' | 'open' | 'incremental';

export function sessionFetchKind(request: FetchRequest): SessionFetchKind {
  const epoch = request.sessionEpoch ?? FETCH_SESSION.NO_SESSION_EPOCH;
  if (request.replicaId < 0 || epoch === FETCH_SESSION.NO_SESSION_EPOCH) return 'sessionless';
  return epoch === FETCH_SESSION.INITIAL_EPOCH ? 'open' : 'incremental';
}

export class FetchSessionCache {
  private readonly byReplica = new Map<BrokerId, LeaderFetchSession>();
  // Random start, so a follower still holding a session id from this broker's previous run is not
  // mistaken for the holder of a new session with the same id.
  private nextId = 1 + Math.floor(Math.random() * 0x3fffffff);

  /** A new session for `replicaId`'s full fetch, replacing the one it held. */
  open(replicaId: BrokerId): LeaderFetchSession {
    const session = new LeaderFetchSession(this.nextId, replicaId);
    this.nextId = this.nextId >= 0x7fffffff ? 1 : this.nextId + 1;
    this.byReplica.set(replicaId, session);
    return session;
  }

  /** The session an incremental fetch names, or the error to answer it with. */
  find(request: FetchRequest): LeaderFetchSession | KafkaErrorValue {
    const session = this.byReplica.get(request.replicaId);
    if (session === undefined || session.id !== request.sessionId) {
      return kafkaError('FETCH_SESSION_ID_NOT_FOUND', `broker ${request.replicaId} holds no fetch session ${request.sessionId ?? 0} here`);
    }
    return session;
  }

  get size(): number {
    return this.byReplica.size;
  }
}

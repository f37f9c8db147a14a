/**
 * The follower's side of a KIP-227 fetch session with one leader (Kafka's FetchSessionHandler).
 *
 * It remembers the positions the leader holds for this follower. Each fetch then sends only the
 * partitions whose position moved or that are new, and names the ones no longer fetched (backed off,
 * truncating, moved to another leader) as forgotten, so the leader stops counting them as fetched.
 * Any doubt — a failed fetch, a session error, a leader that holds no session — starts over with a
 * full fetch that opens a new session: the leader then replaces the old one.
 *
 * Pure state, no I/O: the replica manager builds requests with it and hands it every outcome.
 */
import { FETCH_SESSION, nextFetchSessionEpoch, type FetchRequest, type FetchResponse, type ForgottenTopic } from '../protocol/fetch';
import type { ReplicaFetchPartition } from './fetch-request-builder';

/** Positions by topic id, then partition: two levels, so no key string is built per partition per fetch. */
export type SessionPositions = ReadonlyMap<string, ReadonlyMap<number, ReplicaFetchPartition>>;

/** What one fetch of the session sends, and the positions the leader will hold once it is accepted. */
export interface SessionFetch {
  readonly sessionId: number;
  readonly sessionEpoch: number;
  /** Partitions to list in the request: all of them for a full fetch, the new or moved ones otherwise. */
  readonly send: readonly ReplicaFetchPartition[];
  readonly forgotten: readonly ForgottenTopic[];
  /** Every partition the fetch covers, listed or not. */
  readonly positions: SessionPositions;
}

export class FollowerFetchSession {
  private sessionId: number = FETCH_SESSION.NO_SESSION_ID;
  private nextEpoch: number = FETCH_SESSION.INITIAL_EPOCH;
  /** The positions the leader holds, as of the last fetch built. */
  private held: SessionPositions = new Map();
  private inFlight: SessionFetch | null = null;

  /** The next fetch covering exactly `wanted`. */
  next(wanted: readonly ReplicaFetchPartition[]): SessionFetch {
    const positions = new Map<string, Map<number, ReplicaFetchPartition>>();
    for (const p of wanted) {
      const topic = positions.get(p.topicId);
      if (topic === undefined) positions.set(p.topicId, new Map([[p.partitionId, p]]));
      else topic.set(p.partitionId, p);
    }
    let fetch: SessionFetch;
    if (this.sessionId === FETCH_SESSION.NO_SESSION_ID) {
      fetch = { sessionId: FETCH_SESSION.NO_SESSION_ID, sessionEpoch: FETCH_SESSION.INITIAL_EPOCH, send: wanted, forgotten: [], positions };
    } else {
      const send: ReplicaFetchPartition[] = [];
      for (const p of wanted) {
        const held = this.held.get(p.topicId)?.get(p.partitionId);
        if (held === undefined || !samePosition(held, p)) send.push(p);
      }
      const forgotten: ForgottenTopic[] = [];
      for (const [topicId, heldPartitions] of this.held) {
        const now = positions.get(topicId);
        const gone: number[] = [];
        for (const partition of heldPartitions.keys()) if (now?.has(partition) !== true) gone.push(partition);
        if (gone.length > 0) forgotten.push({ topicId, partitions: gone });
      }
      fetch = { sessionId: this.sessionId, sessionEpoch: this.nextEpoch, send, forgotten, positions };
    }
    // The leader holds these positions once it accepts the fetch; if it does not, reset() follows.
    this.held = positions;
    this.inFlight = fetch;
    return fetch;
  }

  /** The positions a fetch built by `next` covers; undefined for a request this session did not build. */
  positionsOf(request: FetchRequest): SessionPositions | undefined {
    const fetch = this.inFlight;
    if (fetch === null || request.sessionId !== fetch.sessionId || request.sessionEpoch !== fetch.sessionEpoch) return undefined;
    return fetch.positions;
  }

  /** The leader answered the fetch built last. */
  onResponse(response: FetchResponse): void {
    const fetch = this.inFlight;
    this.inFlight = null;
    const sessionId = response.sessionId ?? FETCH_SESSION.NO_SESSION_ID;
    if (fetch === null || response.errorCode !== 0 || sessionId === FETCH_SESSION.NO_SESSION_ID) {
      this.reset();
      return;
    }
    this.sessionId = sessionId;
    this.nextEpoch = fetch.sessionId === sessionId ? nextFetchSessionEpoch(fetch.sessionEpoch) : 1;
  }

  /** The next fetch is full and opens a new session (a fetch failed, or the leader lost ours). */
  reset(): void {
    this.sessionId = FETCH_SESSION.NO_SESSION_ID;
    this.nextEpoch = FETCH_SESSION.INITIAL_EPOCH;
    this.held = new Map();
    this.inFlight = null;
  }
}

function samePosition(a: ReplicaFetchPartition, b: ReplicaFetchPartition): boolean {
  return (
    a.fetchOffset === b.fetchOffset &&
    a.currentLeaderEpoch === b.currentLeaderEpoch &&
    a.lastFetchedEpoch === b.lastFetchedEpoch &&
    a.logStartOffset === b.logStartOffset &&
    a.partitionMaxBytes === b.partitionMaxBytes
  );
}

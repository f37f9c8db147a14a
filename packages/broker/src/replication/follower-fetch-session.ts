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

interface HeldPosition extends ReplicaFetchPartition {
  /** The fetch that last wanted this position (mark and sweep: the rest are forgotten). */
  seen: number;
}

/**
 * Built one partition at a time (`begin`, `want`…, `finish`), so that a fetch over thousands of
 * unchanged positions allocates nothing for them: the follower builds one before every fetch.
 */
export class FollowerFetchSession {
  private sessionId: number = FETCH_SESSION.NO_SESSION_ID;
  private nextEpoch: number = FETCH_SESSION.INITIAL_EPOCH;
  /** The positions the leader holds, as of the last fetch built. */
  private held = new Map<string, Map<number, HeldPosition>>();
  private generation = 0;
  private send: ReplicaFetchPartition[] = [];
  private wanted = 0;
  private inFlight: SessionFetch | null = null;

  /** The next fetch covering exactly `wanted`; undefined when it is empty. */
  next(wanted: readonly ReplicaFetchPartition[]): SessionFetch | undefined {
    this.begin();
    for (const p of wanted) this.want(p.topicId, p.partitionId, p.currentLeaderEpoch, p.fetchOffset, p.lastFetchedEpoch, p.logStartOffset, p.partitionMaxBytes);
    return this.finish();
  }

  /** Starts building the next fetch. */
  begin(): void {
    this.generation++;
    this.send = [];
    this.wanted = 0;
  }

  /** The next fetch covers this partition at this position. */
  want(topicId: string, partitionId: number, currentLeaderEpoch: number, fetchOffset: number, lastFetchedEpoch: number, logStartOffset: number, partitionMaxBytes: number): void {
    this.wanted++;
    let topic = this.held.get(topicId);
    if (topic === undefined) {
      topic = new Map();
      this.held.set(topicId, topic);
    }
    const held = topic.get(partitionId);
    const open = this.sessionId !== FETCH_SESSION.NO_SESSION_ID;
    if (
      held !== undefined &&
      held.fetchOffset === fetchOffset &&
      held.currentLeaderEpoch === currentLeaderEpoch &&
      held.lastFetchedEpoch === lastFetchedEpoch &&
      held.logStartOffset === logStartOffset &&
      held.partitionMaxBytes === partitionMaxBytes
    ) {
      held.seen = this.generation;
      if (!open) this.send.push(held);
      return;
    }
    const position: HeldPosition = { topicId, partitionId, currentLeaderEpoch, fetchOffset, lastFetchedEpoch, logStartOffset, partitionMaxBytes, seen: this.generation };
    topic.set(partitionId, position);
    this.send.push(position);
  }

  /** The fetch built since `begin`; undefined when it wants nothing (then nothing is sent, and nothing changes). */
  finish(): SessionFetch | undefined {
    // Nothing wanted means want() was not called, so the held positions are as the leader holds them.
    if (this.wanted === 0) return undefined;
    const open = this.sessionId !== FETCH_SESSION.NO_SESSION_ID;
    const forgotten: ForgottenTopic[] = [];
    for (const [topicId, partitions] of this.held) {
      let gone: number[] | undefined;
      for (const [partitionId, position] of partitions) {
        if (position.seen === this.generation) continue;
        partitions.delete(partitionId);
        (gone ??= []).push(partitionId);
      }
      if (partitions.size === 0) this.held.delete(topicId);
      if (gone !== undefined && open) forgotten.push({ topicId, partitions: gone });
    }
    const fetch: SessionFetch = open
      ? { sessionId: this.sessionId, sessionEpoch: this.nextEpoch, send: this.send, forgotten, positions: this.held }
      : { sessionId: FETCH_SESSION.NO_SESSION_ID, sessionEpoch: FETCH_SESSION.INITIAL_EPOCH, send: this.send, forgotten: [], positions: this.held };
    this.send = [];
    this.inFlight = fetch;
    return fetch;
  }

  /** The positions a fetch built here covers; undefined for a request this session did not build last. */
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

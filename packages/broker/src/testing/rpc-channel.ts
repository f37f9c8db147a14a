/**
 * Request/response over the simulated network, for what the brokers and clients say to each other
 * (follower fetches, produce, consumer fetches, metadata reads). It behaves like a connection, not a
 * datagram: nothing is duplicated, but each direction takes the link's random delay (so two calls in
 * flight may overtake each other), and is lost to the link's drop rate or a cut link — when sent and
 * when it arrives. A request is lost if its server is down or has restarted by the time it arrives,
 * but not because its sender died meanwhile: bytes already on the wire still arrive, so a crashed
 * broker's last fetch can reach the leader after its next incarnation has registered (KIP-903's
 * broker epoch is what tells them apart). An answer is lost unless both ends are still the ones that
 * talked. Nothing times out here: callers keep their own deadlines, as a client does with its
 * request timeout.
 *
 * The server's handler may answer later (a long-poll fetch, an acks=all produce): it returns a
 * promise, and the answer travels back once it settles.
 */
import type { NodeId } from '@kz/raft';
import type { SeededRandom, SimNetwork } from '@kz/raft/testing';

export interface RpcEnvironment {
  readonly network: SimNetwork;
  readonly random: SeededRandom;
  now(): number;
  schedule(at: number, label: string, run: () => void): void;
  /** The incarnation of a live endpoint, or null while it is down. */
  incarnationOf(node: NodeId): number | null;
  /** A handler threw while the answer was on its way: a bug in the harness or the code under test. */
  onError(error: unknown): void;
}

export interface RpcStats {
  sent: number;
  requestsLost: number;
  repliesLost: number;
  answered: number;
}

export class RpcChannel {
  readonly stats: RpcStats = { sent: 0, requestsLost: 0, repliesLost: 0, answered: 0 };

  constructor(private readonly env: RpcEnvironment) {}

  /**
   * Sends a request from `from` to `to`. When it arrives (and both ends are still the incarnations
   * that sent and were sent to), `serve` runs on the server; a null answer means nobody serves
   * there. The answer comes back to `onReply` unless it is lost on the way.
   */
  call<Res>(from: NodeId, to: NodeId, label: string, serve: () => Promise<Res> | null, onReply: (response: Res) => void): void {
    this.stats.sent++;
    const fromIncarnation = this.env.incarnationOf(from);
    const toIncarnation = this.env.incarnationOf(to);
    if (fromIncarnation === null || toIncarnation === null || !this.survives(from, to)) {
      this.stats.requestsLost++;
      return;
    }
    const alive = (): boolean => this.env.incarnationOf(from) === fromIncarnation && this.env.incarnationOf(to) === toIncarnation;
    this.env.schedule(this.env.now() + this.delay(from, to), `${label} ${from} -> ${to}`, () => {
      if (this.env.incarnationOf(to) !== toIncarnation || this.env.network.isCut(from, to)) {
        this.stats.requestsLost++;
        return;
      }
      const answer = serve();
      if (answer === null) {
        this.stats.requestsLost++;
        return;
      }
      void answer.then((response) => {
        if (!alive() || !this.survives(to, from)) {
          this.stats.repliesLost++;
          return;
        }
        this.env.schedule(this.env.now() + this.delay(to, from), `${label} reply ${to} -> ${from}`, () => {
          if (!alive() || this.env.network.isCut(to, from)) {
            this.stats.repliesLost++;
            return;
          }
          this.stats.answered++;
          onReply(response);
        });
      }, (error: unknown) => this.env.onError(error));
    });
  }

  private survives(from: NodeId, to: NodeId): boolean {
    if (this.env.network.isCut(from, to)) return false;
    return !this.env.random.chance(this.env.network.ruleFor(from, to).dropRate);
  }

  private delay(from: NodeId, to: NodeId): number {
    const rule = this.env.network.ruleFor(from, to);
    return this.env.random.int(rule.minDelayMs, rule.maxDelayMs);
  }
}

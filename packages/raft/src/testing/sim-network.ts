import type { NodeId } from '../core/config';
import type { RaftMessage } from '../core/messages';
import type { SeededRandom } from './seeded-random';

/** How one directed link treats a message. Each copy draws its own delay, which is what reorders. */
export interface LinkRule {
  readonly dropRate: number;
  readonly duplicateRate: number;
  readonly minDelayMs: number;
  readonly maxDelayMs: number;
}

/** The network once faults heal: nothing lost or duplicated, a few milliseconds of latency. */
export const CALM_LINK: LinkRule = { dropRate: 0, duplicateRate: 0, minDelayMs: 1, maxDelayMs: 5 };

/** A message on the wire. */
export interface InFlight {
  readonly from: NodeId;
  readonly to: NodeId;
  readonly message: RaftMessage;
  readonly sentAt: number;
  readonly deliverAt: number;
}

export interface NetworkStats {
  sent: number;
  /** Lost to the link's drop rate. */
  dropped: number;
  /** Lost because the link was cut, at send or while in flight. */
  blocked: number;
  duplicated: number;
  delivered: number;
}

export type IsolationDirection = 'both' | 'inbound' | 'outbound';

/**
 * The simulated network. It decides each message's fate when it is sent — dropped, or delivered once
 * or twice, each copy after its own random delay — and hands the copies to `schedule`, which keeps
 * them in flight until their time. Partitions are a set of cut directed links, so a link can fail in
 * one direction only; a message is also lost if its link is cut while it is in flight (`admit`).
 */
export class SimNetwork {
  private defaultRule: LinkRule = CALM_LINK;
  private readonly linkRules = new Map<string, LinkRule>();
  private readonly cut = new Set<string>();
  readonly stats: NetworkStats = { sent: 0, dropped: 0, blocked: 0, duplicated: 0, delivered: 0 };

  constructor(
    private readonly random: SeededRandom,
    private readonly schedule: (message: InFlight) => void,
  ) {}

  /** Sets the rule of one directed link, or of every link without a rule of its own. */
  setRule(rule: LinkRule, link?: { readonly from: NodeId; readonly to: NodeId }): void {
    if (link === undefined) this.defaultRule = rule;
    else this.linkRules.set(linkKey(link.from, link.to), rule);
  }

  ruleFor(from: NodeId, to: NodeId): LinkRule {
    return this.linkRules.get(linkKey(from, to)) ?? this.defaultRule;
  }

  cutLink(from: NodeId, to: NodeId): void {
    this.cut.add(linkKey(from, to));
  }

  /** Cuts every link between different groups, both ways; links inside a group keep working. */
  partition(groups: readonly (readonly NodeId[])[]): void {
    for (const [i, a] of groups.entries()) {
      for (const [j, b] of groups.entries()) {
        if (i === j) continue;
        for (const from of a) for (const to of b) this.cutLink(from, to);
      }
    }
  }

  /** Cuts `node` off from every other node in the given direction. */
  isolate(node: NodeId, others: readonly NodeId[], direction: IsolationDirection): void {
    for (const other of others) {
      if (other === node) continue;
      if (direction !== 'inbound') this.cutLink(node, other);
      if (direction !== 'outbound') this.cutLink(other, node);
    }
  }

  isCut(from: NodeId, to: NodeId): boolean {
    return this.cut.has(linkKey(from, to));
  }

  cutLinks(): { from: NodeId; to: NodeId }[] {
    return [...this.cut].map(parseLinkKey);
  }

  /** Restores every link and every rule to the calm default. */
  heal(): void {
    this.cut.clear();
    this.linkRules.clear();
    this.defaultRule = CALM_LINK;
  }

  /** Returns how many copies went on the wire (0, 1 or 2). */
  send(now: number, from: NodeId, to: NodeId, message: RaftMessage): number {
    this.stats.sent++;
    if (this.isCut(from, to)) {
      this.stats.blocked++;
      return 0;
    }
    const rule = this.ruleFor(from, to);
    if (this.random.chance(rule.dropRate)) {
      this.stats.dropped++;
      return 0;
    }
    const copies = this.random.chance(rule.duplicateRate) ? 2 : 1;
    if (copies === 2) this.stats.duplicated++;
    for (let i = 0; i < copies; i++) {
      const delay = this.random.int(rule.minDelayMs, rule.maxDelayMs);
      // Each copy is its own bytes, as on a real wire: nobody may mutate what another node holds.
      this.schedule({ from, to, message: structuredClone(message), sentAt: now, deliverAt: now + delay });
    }
    return copies;
  }

  /** Called when a message's delivery time comes: false if its link was cut while it was in flight. */
  admit(message: InFlight): boolean {
    if (this.isCut(message.from, message.to)) {
      this.stats.blocked++;
      return false;
    }
    this.stats.delivered++;
    return true;
  }
}

function linkKey(from: NodeId, to: NodeId): string {
  return `${from}>${to}`;
}

function parseLinkKey(key: string): { from: NodeId; to: NodeId } {
  const [from, to] = key.split('>').map(Number);
  return { from: from ?? -1, to: to ?? -1 };
}

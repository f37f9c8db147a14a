import type { FetchRequest } from '@kz/raft';
import { SeededRandom, SimNetwork, type InFlight, type LinkRule } from '@kz/raft/testing';

function fetch(requestId: number): FetchRequest {
  return { type: 'FetchRequest', requestId, epoch: 1, replicaId: 2, fetchOffset: 0, lastFetchedEpoch: 0, maxWaitMs: 500, maxBytes: 1024 };
}

function network(rule?: LinkRule): { net: SimNetwork; wire: InFlight[] } {
  const wire: InFlight[] = [];
  const net = new SimNetwork(new SeededRandom(11), (m) => wire.push(m));
  if (rule !== undefined) net.setRule(rule);
  return { net, wire };
}

describe('SimNetwork', () => {
  it('delivers once within the delay range on a calm link', () => {
    const { net, wire } = network({ dropRate: 0, duplicateRate: 0, minDelayMs: 3, maxDelayMs: 7 });
    for (let i = 0; i < 100; i++) expect(net.send(100, 1, 2, fetch(i))).toBe(1);
    expect(wire).toHaveLength(100);
    for (const m of wire) {
      expect(m.deliverAt - m.sentAt).toBeGreaterThanOrEqual(3);
      expect(m.deliverAt - m.sentAt).toBeLessThanOrEqual(7);
    }
  });

  it('drops everything at drop rate 1', () => {
    const { net, wire } = network({ dropRate: 1, duplicateRate: 0, minDelayMs: 1, maxDelayMs: 1 });
    for (let i = 0; i < 20; i++) expect(net.send(0, 1, 2, fetch(i))).toBe(0);
    expect(wire).toHaveLength(0);
    expect(net.stats.dropped).toBe(20);
  });

  it('drops about the configured fraction', () => {
    const { net, wire } = network({ dropRate: 0.3, duplicateRate: 0, minDelayMs: 1, maxDelayMs: 1 });
    for (let i = 0; i < 2000; i++) net.send(0, 1, 2, fetch(i));
    expect(wire.length).toBeGreaterThan(1200);
    expect(wire.length).toBeLessThan(1600);
  });

  it('duplicates every message at duplicate rate 1, each copy with its own delay and bytes', () => {
    const { net, wire } = network({ dropRate: 0, duplicateRate: 1, minDelayMs: 1, maxDelayMs: 500 });
    const message = fetch(1);
    expect(net.send(0, 1, 2, message)).toBe(2);
    expect(wire).toHaveLength(2);
    expect(wire[0]!.message).toEqual(message);
    expect(wire[1]!.message).toEqual(message);
    expect(wire[0]!.message).not.toBe(wire[1]!.message);
    expect(net.stats.duplicated).toBe(1);
  });

  it('reorders: with a wide delay range later sends can arrive first', () => {
    const { net, wire } = network({ dropRate: 0, duplicateRate: 0, minDelayMs: 0, maxDelayMs: 1000 });
    for (let i = 0; i < 50; i++) net.send(i, 1, 2, fetch(i));
    const arrival = [...wire].sort((a, b) => a.deliverAt - b.deliverAt).map((m) => m.message.requestId);
    expect(arrival).not.toEqual(wire.map((m) => m.message.requestId));
  });

  it('cuts a link one way only', () => {
    const { net, wire } = network();
    net.cutLink(1, 2);
    expect(net.send(0, 1, 2, fetch(1))).toBe(0);
    expect(net.send(0, 2, 1, fetch(2))).toBe(1);
    expect(net.send(0, 1, 3, fetch(3))).toBe(1);
    expect(wire.map((m) => `${m.from}>${m.to}`)).toEqual(['2>1', '1>3']);
    expect(net.stats.blocked).toBe(1);
  });

  it('partitions groups both ways but keeps links inside a group', () => {
    const { net } = network();
    net.partition([[1, 2], [3]]);
    expect(net.isCut(1, 3)).toBe(true);
    expect(net.isCut(3, 2)).toBe(true);
    expect(net.isCut(1, 2)).toBe(false);
    expect(net.isCut(2, 1)).toBe(false);
  });

  it('isolates a node inbound or outbound only', () => {
    const { net } = network();
    net.isolate(1, [1, 2, 3], 'outbound');
    expect(net.isCut(1, 2)).toBe(true);
    expect(net.isCut(2, 1)).toBe(false);
    net.heal();
    net.isolate(1, [1, 2, 3], 'inbound');
    expect(net.isCut(1, 2)).toBe(false);
    expect(net.isCut(3, 1)).toBe(true);
  });

  it('loses a message in flight when its link is cut before delivery', () => {
    const { net, wire } = network();
    net.send(0, 1, 2, fetch(1));
    net.send(0, 2, 1, fetch(2));
    net.cutLink(1, 2);
    expect(net.admit(wire[0]!)).toBe(false);
    expect(net.admit(wire[1]!)).toBe(true);
  });

  it('heals every cut link and resets every rule', () => {
    const { net, wire } = network({ dropRate: 1, duplicateRate: 0, minDelayMs: 1, maxDelayMs: 1 });
    net.partition([[1], [2]]);
    net.heal();
    expect(net.cutLinks()).toEqual([]);
    expect(net.send(0, 1, 2, fetch(1))).toBe(1);
    expect(wire).toHaveLength(1);
  });

  it('decides the same fates from the same seed', () => {
    const run = (): number[] => {
      const { net, wire } = network({ dropRate: 0.2, duplicateRate: 0.2, minDelayMs: 0, maxDelayMs: 100 });
      for (let i = 0; i < 200; i++) net.send(i, 1, 2, fetch(i));
      return wire.map((m) => m.deliverAt * 1000 + m.message.requestId);
    };
    expect(run()).toEqual(run());
  });
});

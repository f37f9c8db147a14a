import { ReadIndexTracker } from '../../src/core/read-index';

describe('ReadIndexTracker', () => {
  test('a sole voter confirms a read at once, without a round', () => {
    const reads = new ReadIndexTracker(() => 0, 300);
    expect(reads.add(1)).toBe(false);
    expect(reads.roundDeadline).toBe(Number.POSITIVE_INFINITY);
    expect(reads.takeConfirmed()).toEqual([1]);
    expect(reads.takeConfirmed()).toEqual([]);
  });

  test('the first waiting read asks for a round; reads arriving during a round wait for the next', () => {
    const reads = new ReadIndexTracker(() => 1, 300);
    expect(reads.add(1)).toBe(true);
    expect(reads.add(2)).toBe(true);
    reads.startRound(1000, 10);
    expect(reads.roundDeadline).toBe(1300);
    expect(reads.add(3)).toBe(false);
    // The round confirms the reads it was started for; read 3 needs a round of its own.
    expect(reads.acknowledge(2, 10)).toBe(true);
    expect(reads.takeConfirmed()).toEqual([1, 2]);
    expect(reads.roundDeadline).toBe(Number.POSITIVE_INFINITY);
    reads.startRound(1100, 11);
    expect(reads.acknowledge(2, 11)).toBe(false);
    expect(reads.takeConfirmed()).toEqual([3]);
  });

  test('a round needs acknowledgements from as many distinct voters as the majority asks', () => {
    let needed = 2;
    const reads = new ReadIndexTracker(() => needed, 300);
    reads.add(1);
    reads.startRound(0, 5);
    expect(reads.acknowledge(2, 5)).toBe(false);
    expect(reads.acknowledge(2, 6)).toBe(false);
    expect(reads.takeConfirmed()).toEqual([]);
    // The voter set shrank during the round (KIP-853): the count is read again at each use.
    needed = 1;
    expect(reads.acknowledge(2, 6)).toBe(false);
    expect(reads.takeConfirmed()).toEqual([1]);
  });

  test('acknowledgements of requests sent before the round, or with no round out, prove nothing', () => {
    const reads = new ReadIndexTracker(() => 1, 300);
    expect(reads.acknowledge(2, 50)).toBe(false);
    reads.add(1);
    reads.startRound(0, 10);
    expect(reads.acknowledge(2, 9)).toBe(false);
    expect(reads.takeConfirmed()).toEqual([]);
    expect(reads.acknowledge(3, 10)).toBe(false);
    expect(reads.takeConfirmed()).toEqual([1]);
  });

  test('an expired round is retried with its reads first, and not before its deadline', () => {
    const reads = new ReadIndexTracker(() => 1, 300);
    expect(reads.roundExpired(10_000)).toBe(false);
    reads.add(1);
    reads.startRound(1000, 10);
    reads.add(2);
    expect(reads.roundExpired(1299)).toBe(false);
    expect(reads.roundExpired(1300)).toBe(true);
    expect(reads.roundDeadline).toBe(Number.POSITIVE_INFINITY);
    expect(reads.roundExpired(1300)).toBe(false);
    // A late acknowledgement of the expired round confirms nothing.
    expect(reads.acknowledge(2, 10)).toBe(false);
    reads.startRound(1400, 20);
    expect(reads.acknowledge(2, 20)).toBe(false);
    expect(reads.takeConfirmed()).toEqual([1, 2]);
  });

  test('leadership ending hands back every read not yet answered, once', () => {
    const reads = new ReadIndexTracker(() => 1, 300);
    reads.add(1);
    reads.startRound(0, 10);
    reads.add(2);
    const confirmedAlone = new ReadIndexTracker(() => 0, 300);
    confirmedAlone.add(7);
    expect(confirmedAlone.takeAll()).toEqual([7]);
    expect(reads.takeAll()).toEqual([1, 2]);
    expect(reads.takeAll()).toEqual([]);
    expect(reads.roundDeadline).toBe(Number.POSITIVE_INFINITY);
    expect(reads.acknowledge(2, 10)).toBe(false);
    expect(reads.takeConfirmed()).toEqual([]);
  });
});

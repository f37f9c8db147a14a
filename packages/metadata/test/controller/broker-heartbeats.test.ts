/** The active controller's record of when each broker was last heard from, and what it last reported. */
import { BrokerHeartbeats } from '../../src/controller/broker-heartbeats';

const SESSION = 1000;

describe('BrokerHeartbeats', () => {
  it('a session lives until sessionTimeoutMs after the last contact, exclusive', () => {
    const h = new BrokerHeartbeats();
    expect(h.hasSession(1, 0, SESSION)).toBe(false);
    h.touch(1, 100, 5);
    expect(h.hasSession(1, 1099, SESSION)).toBe(true);
    expect(h.hasSession(1, 1100, SESSION)).toBe(false);
    expect(h.expired([1], 1099, SESSION)).toEqual([]);
    expect(h.expired([1], 1100, SESSION)).toEqual([1]);
    expect(h.nextExpiry([1], SESSION)).toBe(1100);
  });

  it('contact and metadata offset never move backwards', () => {
    const h = new BrokerHeartbeats();
    h.touch(1, 500, 9);
    h.touch(1, 300, 4); // a late, reordered heartbeat
    expect(h.nextExpiry([1], SESSION)).toBe(1500);
    expect(h.metadataOffset(1)).toBe(9);
    h.touch(1, 700, 12);
    expect(h.nextExpiry([1], SESSION)).toBe(1700);
    expect(h.metadataOffset(1)).toBe(12);
  });

  it('seeds only brokers not heard from yet, with no metadata offset', () => {
    const h = new BrokerHeartbeats();
    h.touch(1, 100, 5);
    h.seed([1, 2], 400);
    expect(h.nextExpiry([1], SESSION)).toBe(1100);
    expect(h.nextExpiry([2], SESSION)).toBe(1400);
    expect(h.metadataOffset(2)).toBe(-1);
    expect(h.controlledShutdownOffset(2)).toBe(-1);
    expect(h.metadataOffset(3)).toBe(-1);
  });

  it('expired: only the candidates given and known, oldest silence first, then by id', () => {
    const h = new BrokerHeartbeats();
    h.touch(3, 100, 0);
    h.touch(2, 200, 0);
    h.touch(1, 100, 0);
    h.touch(4, 5000, 0);
    expect(h.expired([4, 2, 3, 1, 9], 5000, SESSION)).toEqual([1, 3, 2]);
    expect(h.expired([2], 5000, SESSION)).toEqual([2]);
  });

  it('nextExpiry is the earliest of the known candidates, or Infinity', () => {
    const h = new BrokerHeartbeats();
    expect(h.nextExpiry([1], SESSION)).toBe(Number.POSITIVE_INFINITY);
    h.touch(1, 300, 0);
    h.touch(2, 200, 0);
    expect(h.nextExpiry([1, 2, 7], SESSION)).toBe(1200);
    expect(h.nextExpiry([1], SESSION)).toBe(1300);
  });

  it('credit gives every session the stalled time back, never past now', () => {
    const h = new BrokerHeartbeats();
    h.touch(1, 100, 0);
    h.touch(2, 900, 0);
    h.credit(500, 1000);
    expect(h.nextExpiry([1], SESSION)).toBe(1600);
    expect(h.nextExpiry([2], SESSION)).toBe(2000);
  });

  it('forget and clear drop brokers', () => {
    const h = new BrokerHeartbeats();
    h.touch(1, 100, 0);
    h.touch(2, 100, 0);
    h.forget(1);
    expect(h.hasSession(1, 100, SESSION)).toBe(false);
    expect(h.hasSession(2, 100, SESSION)).toBe(true);
    h.clear();
    expect(h.hasSession(2, 100, SESSION)).toBe(false);
  });

  it('remembers a controlled shutdown offset for known brokers only', () => {
    const h = new BrokerHeartbeats();
    expect(h.controlledShutdownOffset(1)).toBe(-1);
    h.noteControlledShutdown(1, 40);
    expect(h.controlledShutdownOffset(1)).toBe(-1);
    h.touch(1, 0, 0);
    expect(h.controlledShutdownOffset(1)).toBe(-1);
    h.noteControlledShutdown(1, 40);
    expect(h.controlledShutdownOffset(1)).toBe(40);
    h.touch(1, 10, 3); // a heartbeat keeps it
    expect(h.controlledShutdownOffset(1)).toBe(40);
  });

  it('counts the replicas each known broker last said it cannot serve, by broker id', () => {
    const h = new BrokerHeartbeats();
    h.noteOfflineReplicas(9, [{ topicId: 'x', partitionId: 0 }]);
    h.touch(3, 0, 0);
    h.touch(1, 0, 0);
    h.touch(2, 0, 0);
    expect(h.offlineReplicaCounts()).toEqual([]);
    h.noteOfflineReplicas(3, [{ topicId: 'x', partitionId: 0 }]);
    h.noteOfflineReplicas(1, [{ topicId: 'x', partitionId: 1 }, { topicId: 'y', partitionId: 0 }]);
    h.noteOfflineReplicas(2, []);
    expect(h.offlineReplicaCounts()).toEqual([
      { brokerId: 1, count: 2 },
      { brokerId: 3, count: 1 },
    ]);
    h.noteOfflineReplicas(1, []); // replaced, not added to
    expect(h.offlineReplicaCounts()).toEqual([{ brokerId: 3, count: 1 }]);
  });
});

import { SIM_SESSION_TIMEOUT_MS } from '@kz/metadata/testing';
import { CONTROLLER_ACTIVE_WITHIN_MS } from '@kz/metadata/testing';
import { createTopic, expectNoViolations, leaderships, partition, runUntil, settle, storyCluster } from './story';

/**
 * KAFKA-18138: heartbeat state is soft state of the active controller. A broker that died while the
 * controller failed over was never in the new controller's heartbeat tracker, so it was never fenced
 * and kept its leaderships forever. The new controller must start tracking every registered broker
 * when it activates. (KAFKA-13841 is the same bug for registrations loaded from a snapshot.)
 */
describe('a broker that dies during a controller failover', () => {
  it('is still fenced by the new controller (KAFKA-18138)', async () => {
    const ms = await storyCluster({ seed: 41 });
    const first = await settle(ms);
    await createTopic(ms, 'events', [[4, 5, 6]]);
    const epoch = ms.committed.image.brokers.get(4)!.epoch;

    // The controller dies; while the quorum elects another, broker 4 dies too.
    ms.crash(first);
    await runUntil(ms, 'no controller active', () => ms.activeController() === null, 1000);
    ms.crash(4);
    await runUntil(ms, 'a new controller', () => ms.activeController() !== null, CONTROLLER_ACTIVE_WITHIN_MS);
    const second = ms.activeController()!;
    expect(second).not.toBe(first);

    await runUntil(ms, 'broker 4 fenced', () => ms.committed.image.brokers.get(4)?.fenced === true, 2 * SIM_SESSION_TIMEOUT_MS);
    expect(ms.committed.image.brokers.get(4)!.epoch).toBe(epoch);
    expect(leaderships(ms, 4)).toEqual([]);
    expect(partition(ms, 'events')).toMatchObject({ leader: 5, isr: [5, 6] });
    expect(ms.events.some((e) => e.node === second && e.event.kind === 'fenced' && e.event.brokerId === 4)).toBe(true);
    expectNoViolations(ms);
  });

  it('is still fenced when the new controller rebuilt its image from a snapshot (KAFKA-13841)', async () => {
    // Snapshots every two batches: the restarted controller loads the registrations from one.
    const ms = await storyCluster({ seed: 42, snapshotEveryBytes: 300 });
    const first = await settle(ms);
    await createTopic(ms, 'events', [[4, 5, 6]]);
    const standby = ms.controllerIds.find((id) => id !== first)!;
    ms.crash(standby);
    await ms.runUntil(ms.now + 5000);
    ms.restart(standby);
    await runUntil(ms, 'the restarted controller to load a snapshot and catch up', () => (ms.image(standby)?.topic('events') !== undefined), 10_000);
    expect(ms.sim.node(standby).status()!.logStartOffset).toBeGreaterThan(0);

    // The active controller and broker 4 die together; the restarted one is the only other voter left
    // with the third, and one of them takes over.
    ms.crash(first);
    ms.crash(4);
    await runUntil(ms, 'a new controller', () => ms.activeController() !== null, CONTROLLER_ACTIVE_WITHIN_MS);
    await runUntil(ms, 'broker 4 fenced', () => ms.committed.image.brokers.get(4)?.fenced === true, 2 * SIM_SESSION_TIMEOUT_MS);
    expect(leaderships(ms, 4)).toEqual([]);
    expectNoViolations(ms);
  });
});

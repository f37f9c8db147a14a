import { BrokerHeartbeats } from '../../../../metadata/src/controller/broker-heartbeats';
import { startedCluster, fired } from './calm-cluster';

describe('injected bug, whole cluster: a controller that does not count heartbeats toward the session', () => {
  afterEach(() => jest.restoreAllMocks());

  it('fires brokerWithLiveHeartbeatsNeverFenced', async () => {
    // Sessions start when a controller activates (seed) and on registration, but heartbeats no longer renew them.
    jest.spyOn(BrokerHeartbeats.prototype, 'touch').mockImplementation(function (this: BrokerHeartbeats, id, now) {
      if (!this.hasSession(id, now, Number.POSITIVE_INFINITY)) this.seed([id], now);
    });
    const sim = await startedCluster({ seed: 42, partitions: 1 });
    await sim.runUntil(sim.now + 20_000);
    expect(fired(sim)).toContain('brokerWithLiveHeartbeatsNeverFenced');
  }, 120_000);
});

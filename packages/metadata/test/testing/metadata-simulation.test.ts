import fc from 'fast-check';
import { checkMetadataSchedules, metadataScheduleArbitrary, MetadataSimulation, runMetadataSchedule } from '@kz/metadata/testing';

async function settled(ms: MetadataSimulation): Promise<void> {
  expect(await ms.runUntilTrue(() => ms.activeController() !== null && ms.liveBrokersUnfenced(), ms.now + 40_000)).toBe(true);
}

describe('MetadataSimulation', () => {
  it('boots a quorum: one active controller, every broker registered at the offset of its record and unfenced, every node on the same image', async () => {
    const ms = new MetadataSimulation({ seed: 3 });
    await ms.start();
    await settled(ms);
    const active = ms.activeController()!;
    expect(ms.controllerIds).toEqual([1, 2, 3]);
    expect(ms.brokerIds).toEqual([4, 5, 6]);
    expect(ms.controllerIds.filter((id) => ms.controller(id)!.active)).toEqual([active]);
    for (const id of ms.brokerIds) {
      const registration = ms.committed.image.brokers.get(id)!;
      expect(registration.fenced).toBe(false);
      expect(ms.committed.registrationAt(registration.epoch)?.brokerId).toBe(id);
      expect(ms.broker(id)!.brokerEpoch).toBe(registration.epoch);
    }
    const target = ms.committed.nextOffset;
    expect(await ms.runUntilTrue(() => ms.sim.nodes.every((n) => n.appliedOffset >= target), ms.now + 5000)).toBe(true);
    // Raft's own invariants run too: its oracle has seen the commits.
    expect(ms.sim.memory.oracle.end).toBeGreaterThanOrEqual(target);
    expect(ms.violations).toEqual([]);
  });

  it('a crash throws away a node’s controller or broker lifecycle; a restart rebuilds it from the disk', async () => {
    const ms = new MetadataSimulation({ seed: 4, snapshotEveryBytes: 450 });
    await ms.start();
    await settled(ms);
    const standby = ms.controllerIds.find((id) => id !== ms.activeController())!;
    const before = ms.controller(standby);
    ms.crash(standby);
    ms.crash(5);
    expect(ms.controller(standby)).toBeNull();
    expect(ms.broker(5)).toBeNull();
    expect(ms.image(standby)).toBeNull();
    await ms.runUntil(ms.now + 3000);
    ms.restart(standby);
    ms.restart(5);
    // The MetadataNode starts as a process does: once its RaftNode has recovered from the disk.
    await ms.runUntil(ms.now);
    expect(ms.controller(standby)).not.toBeNull();
    expect(ms.controller(standby)).not.toBe(before);
    // Rebuilt from its snapshot on disk (RaftNode's first delivery) before it has heard from anyone.
    expect(ms.image(standby)!.offset).toBeGreaterThan(0);
    expect(ms.broker(5)!.incarnationId).toBe('broker-5-incarnation-2');
    await settled(ms);
    expect(ms.committed.image.brokers.get(5)!.incarnationId).toBe('broker-5-incarnation-2');
    expect(ms.violations).toEqual([]);
  });

  it('the active controller writes a NoOp while idle (metadata.max.idle.interval.ms)', async () => {
    const ms = new MetadataSimulation({ seed: 5, controller: { noOpIntervalMs: 500 } });
    await ms.start();
    await settled(ms);
    const before = ms.committed.records.filter((r) => r.record.type === 'noOp').length;
    await ms.runUntil(ms.now + 10_000);
    const after = ms.committed.records.filter((r) => r.record.type === 'noOp').length;
    expect(after - before).toBeGreaterThanOrEqual(10);
    expect(ms.violations).toEqual([]);
  });

  it('replays a schedule event for event', async () => {
    const [schedule] = fc.sample(metadataScheduleArbitrary({ maxSteps: 12 }), { numRuns: 1, seed: 99 });
    const lines = async (): Promise<string[]> => {
      const out: string[] = [];
      await runMetadataSchedule(schedule!, { traceSink: (line) => out.push(line) });
      return out;
    };
    const first = await lines();
    expect(first.length).toBeGreaterThan(20);
    expect(await lines()).toEqual(first);
  });

  it('the same seed and path name the same schedule in the tests and in the CLI', async () => {
    const a = await checkMetadataSchedules({ runs: 1, seed: 5, path: '2' });
    const b = await checkMetadataSchedules({ runs: 1, seed: 5, path: '2' });
    expect(a.failure).toBeNull();
    expect(a.runs).toBe(1);
    expect(a.events).toBe(b.events);
    expect(a.simulatedMs).toBe(b.simulatedMs);
  });
});

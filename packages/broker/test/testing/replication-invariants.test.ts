import { BrokerSimulation, runBrokerSchedule } from '@kz/broker/testing';
import { foundSchedule } from './schedule-report';
import { encodeRecordBatch } from '@kz/records';

/**
 * The invariants are only worth something if they fire: these runs break the replicas' disks behind
 * the ReplicaManagers' backs, and the very next simulated event must name the broken invariant.
 */
async function runningCluster(seed: number): Promise<{ sim: BrokerSimulation; topicId: string; leader: number; followers: number[] }> {
  const sim = new BrokerSimulation({ seed, partitions: 1 });
  await sim.setUp();
  await sim.runUntilOrFail('records acknowledged', () => sim.records.ackedCount >= 20, 20_000);
  const topicId = sim.topicId!;
  const registration = sim.image.partition(topicId, 0)!;
  return { sim, topicId, leader: registration.leader, followers: registration.replicas.filter((id) => id !== registration.leader) };
}

async function nextViolations(sim: BrokerSimulation, withinMs = 1000): Promise<string[]> {
  await sim.runUntilTrue(() => sim.violated, sim.now + withinMs);
  return sim.violations.map((v) => v.invariant);
}

describe('the replication invariants', () => {
  it('catch an acknowledged record that no ISR member holds any more', async () => {
    const { sim, topicId } = await runningCluster(31);
    for (const id of sim.brokerIds) sim.disk(id).log(topicId, 0)!.truncateTo(0);
    expect(await nextViolations(sim)).toContain('acknowledgedRecordsSurvive');
    expect(sim.violations[0]!.time).toBe(sim.now);
  });

  it('catch a high watermark above what an ISR member holds durably', async () => {
    const { sim, topicId, followers } = await runningCluster(32);
    sim.disk(followers[0]!).log(topicId, 0)!.truncateTo(1);
    expect(await nextViolations(sim)).toContain('highWatermarkWithinIsrLogs');
  });

  it('catch a consumer reading something other than what was acknowledged at that offset', async () => {
    const { sim } = await runningCluster(33);
    const acked = sim.records.acked(0)[0]!;
    sim.records.onConsumed(0, acked.offset, acked.offset, 'p0-b999-a1-r0', 1, sim.now);
    expect(await nextViolations(sim)).toEqual(expect.arrayContaining(['consumersSeeAcknowledgedRecords', 'consumersReadOnlyProducedRecords']));
  });

  it('catch a replica whose high watermark is past its log end', async () => {
    const { sim, topicId, followers } = await runningCluster(35);
    sim.disk(followers[0]!).log(topicId, 0)!.truncateTo(1);
    expect(await nextViolations(sim)).toContain('highWatermarkWithinLogEnd');
  });

  it('catch a restarted replica whose high watermark starts below its checkpoint', async () => {
    const { sim, topicId, followers } = await runningCluster(36);
    const follower = followers[0]!;
    await sim.runUntil(sim.now + 2000); // a checkpoint or two
    sim.crash(follower);
    await sim.runUntil(sim.now + 100); // the invariants note what the crash left on the disk
    // Behind the broker's back, while it is down, its checkpoint loses the partition's entry.
    sim.disk(follower).checkpointText = '0\n0\n';
    sim.restart(follower);
    expect(await nextViolations(sim, 10_000)).toContain('restartedHighWatermarkNotBelowCheckpoint');
  });

  it("catch a replica whose committed prefix differs from the leader's", async () => {
    const { sim, topicId, followers } = await runningCluster(34);
    const log = sim.disk(followers[0]!).log(topicId, 0)!;
    const victim = log.storedBatches[1]!;
    const count = victim.lastOffset - victim.baseOffset + 1;
    // Same offsets, same epoch, same flushed extent — other records.
    const forged = encodeRecordBatch({
      records: Array.from({ length: count }, (_, i) => ({ key: null, value: new TextEncoder().encode(`forged-${i}`) })),
      baseOffset: victim.baseOffset,
      partitionLeaderEpoch: victim.epoch,
    });
    const rest = log.storedBatches.slice(2).map((b) => b.bytes);
    log.truncateTo(victim.baseOffset);
    log.appendAsFollower(new Uint8Array(Buffer.concat([forged, ...rest])));
    log.flush();
    expect(await nextViolations(sim)).toContain('committedPrefixesAgree');
  });
});

describe('the invariants around DeleteRecords', () => {
  it('hold while a client deletes records: every replica follows the leader’s start, and the consumer is moved up to it', async () => {
    const { sim, topicId } = await runningCluster(35);
    const acked = sim.records.acked(0);
    const offset = acked[acked.length - 1]!.offset + 1;
    sim.deleteRecords(0, 1);
    expect(sim.records.deletedBelow(0)).toBe(offset);
    await sim.runUntilOrFail('every replica starting at the deleted offset', () => sim.brokerIds.every((id) => sim.disk(id).log(topicId, 0)!.logStartOffset === offset), 5000);
    await sim.runUntil(sim.now + 2000);
    expect(sim.violations).toEqual([]);
    expect(Object.fromEntries(sim.deleteRecordsAnswers)).toEqual({ NONE: 1 });
    expect(sim.consumers.position(0)).toBeGreaterThanOrEqual(offset);
  });

  it('catch a log start moved past every offset a client asked records deleted below', async () => {
    const { sim, topicId, followers } = await runningCluster(36);
    sim.disk(followers[0]!).log(topicId, 0)!.advanceLogStartOffset(3);
    expect(await nextViolations(sim)).toContain('logStartsOnlyWhereDeleted');
  });

  it('catch a consumer moved past records nobody deleted', async () => {
    const { sim } = await runningCluster(37);
    sim.records.onSkipped(0, 0, 5, 1);
    expect(await nextViolations(sim)).toContain('consumersSkipOnlyDeletedRecords');
  });

  it('still catch a lost acknowledged record above the deleted ones', async () => {
    const { sim, topicId } = await runningCluster(38);
    sim.records.onDeleteRequested(0, 2);
    for (const id of sim.brokerIds) sim.disk(id).log(topicId, 0)!.truncateTo(4);
    expect(await nextViolations(sim)).toContain('acknowledgedRecordsSurvive');
  });
});

describe('the invariants stay quiet where nothing is owed', () => {
  it('a replica reassigned away while its broker was down, and back, may start from replication, not its old checkpoint (found by `broker-sim --runs 5000`, seed 1297824510)', async () => {
    // Broker 1 (p0's leader) crashed; p0 moved to [2,3] before it re-registered, so its first image
    // did not assign it p0 and it dropped p0's checkpoint entry; p0 then moved to [3,1], and broker 1
    // opened its old log with HW 0 as a follower — which the leader's fetch answers move up.
    const schedule = foundSchedule(772184746, 2, 0, [
      { afterMs: 992, fault: { kind: 'crashLeader', partition: 0, restartAfterMs: 0 } },
      { afterMs: 0, fault: { kind: 'reassign', partition: 0, replicas: [2, 3] } },
      { afterMs: 2528, fault: { kind: 'reassign', partition: 0, replicas: [3, 1] } },
      { afterMs: 0, fault: { kind: 'deleteRecords', partition: 0, fraction: 0.25, consumerBehindMs: 0 } },
    ]);
    const outcome = await runBrokerSchedule(schedule);
    expect(outcome.violations).toEqual([]);
    expect(outcome.coverage.faults).toMatchObject({ reassign: 2, restart: 1 });
  }, 120_000);
});

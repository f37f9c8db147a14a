import { checkBrokerSchedules } from '@kz/broker/testing';

/**
 * The broker simulation runs the BrokerNode that ships, so a bug put into it is a bug the
 * simulation runs. Each case breaks one rule of the shipped drivers and expects the invariant that
 * guards it to fire.
 */
describe('bugs injected into the shipped broker drivers are caught', () => {
  it('replica fetchers that do not wait for the flush of what they report: highWatermarkWithinIsrLogs', async () => {
    // ReplicaFetchers flushes what it followed before every fetch, because the fetch offset counts
    // toward the leader's HW. Without that wait the node still flushes after each input — a little
    // later — and the leader's HW passes a follower's log end that a crash would lose.
    const report = await checkBrokerSchedules({ runs: 30, seed: 4242, shrink: false, broker: { flushBeforeEachFetch: false } });
    expect(report.failure).not.toBeNull();
    const fired = new Set(report.failure!.outcome.violations.map((v) => v.invariant));
    expect(fired).toContain('highWatermarkWithinIsrLogs');
    expect(report.failure!.replay).toContain('--flush-after-answers-only');
  }, 300_000);

  it('a broker that never reads its high-watermark checkpoint: restartedHighWatermarkNotBelowCheckpoint', async () => {
    // The broker as it was before the checkpoint: a restarted replica starts from HW 0, and a
    // restarted leader serves nothing until its followers fetch again.
    const report = await checkBrokerSchedules({ runs: 30, seed: 4242, shrink: false, broker: { readHighWatermarkCheckpoint: false } });
    expect(report.failure).not.toBeNull();
    const fired = new Set(report.failure!.outcome.violations.map((v) => v.invariant));
    expect(fired).toContain('restartedHighWatermarkNotBelowCheckpoint');
    expect(report.failure!.replay).toContain('--ignore-hw-checkpoint');
  }, 300_000);

  it('a leader answering DeleteRecords before its followers deleted: deleteRecordsAnsweredAfterLowWatermark', async () => {
    // ReplicaManager parks a DeleteRecords until the low watermark (the smallest log start of the
    // leader and its live followers) reaches the offset, as Kafka's DelayedDeleteRecords. With the
    // leader's own start taken for the low watermark, it answers while in-sync followers still hold
    // the records — and would serve them, if elected.
    const report = await checkBrokerSchedules({ runs: 30, seed: 4242, shrink: false, broker: { deleteRecordsWaitsForReplicas: false } });
    expect(report.failure).not.toBeNull();
    const fired = new Set(report.failure!.outcome.violations.map((v) => v.invariant));
    expect(fired).toContain('deleteRecordsAnsweredAfterLowWatermark');
    expect(report.failure!.replay).toContain('--delete-without-waiting');
  }, 300_000);

  it('a broker that does not report the logs its recovery cut: acknowledgedRecordsSurvive', async () => {
    // A flipped bit cut committed records from the last ISR member's log; unreported at its
    // registration, that replica stays in the ISR/ELR, is elected, and the holders left follow it and
    // truncate the records away. (damaged-replica.test.ts plays the same shape step by step.)
    const report = await checkBrokerSchedules({ runs: 30, seed: 2, shrink: false, broker: { reportDamagedReplicas: false } });
    expect(report.failure).not.toBeNull();
    const fired = new Set(report.failure!.outcome.violations.map((v) => v.invariant));
    expect(fired).toContain('acknowledgedRecordsSurvive');
    expect(report.failure!.replay).toContain('--hide-damaged-replicas');
    // As shipped, the same schedules pass (those up to the one the bug failed, included).
    const runs = report.runs + 1;
    const shipped = await checkBrokerSchedules({ runs, seed: 2, shrink: false });
    expect(shipped.failure).toBeNull();
    expect(shipped.runs).toBe(runs);
  }, 300_000);

  it('the same schedules pass with the fetchers as shipped', async () => {
    const report = await checkBrokerSchedules({ runs: 5, seed: 4242, shrink: false });
    expect(report.failure).toBeNull();
  }, 300_000);
});

describe('found by the broker simulation running the shipped fetchers', () => {
  it('a partition that moves to a source while that source’s flush is under way is flushed before the fetch reports it', async () => {
    // Broker 1 followed p1 from broker 2 and was flushing its last answer; the fetcher for broker 3
    // had begun its own flush (p0 only) when p1 moved to broker 3; the fetch it then built reported
    // p1's unflushed log end, and broker 3's HW passed it (highWatermarkWithinIsrLogs). This replays
    // that schedule; the fetcher now checks nothing followed is unflushed right before it builds a fetch.
    const report = await checkBrokerSchedules({ runs: 1, seed: -1825236978, path: '267:0:3:6:6:5:7:6:5:5:5:6:6:6', shrink: false });
    expect(report.failure).toBeNull();
    expect(report.acknowledged).toBeGreaterThan(100);
  }, 120_000);
});

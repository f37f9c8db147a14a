import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runMetadataSchedule, type MetadataSchedule } from '@kz/metadata/testing';

/**
 * Schedules that once broke an invariant, kept whole (as the shrinker left them) and replayed, so
 * that a change to the schedule generator cannot quietly stop replaying them.
 */
function replay(name: string): Promise<Awaited<ReturnType<typeof runMetadataSchedule>>> {
  const schedule = JSON.parse(readFileSync(join(__dirname, 'replays', `${name}.json`), 'utf8')) as MetadataSchedule;
  return runMetadataSchedule(schedule);
}

describe('replayed metadata-simulation failures', () => {
  // metadata-sim seed 1323973475: a broker restarted from snapshot 24 fetched 37-3 from one leader
  // and 45-4 from the next before the first install was durable; the drain, asked whether a newer
  // snapshot superseded 37-3, looked one delivery too far, read 37-3 while its file was still a
  // partial, and the node halted (nodeHaltsOnlyOnDiskFaults: SnapshotNotFoundError).
  it('an install superseded by a newer one before it is durable is skipped, not read', async () => {
    const outcome = await replay('superseded-snapshot-install');
    expect(outcome.violations).toEqual([]);
    expect(outcome.coverage.snapshotsInstalled).toBeGreaterThan(0);
  }, 60_000);
});

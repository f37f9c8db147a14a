import { SIM_SESSION_TIMEOUT_MS, type MetadataSimulation } from '@kz/metadata/testing';
import { createTopic, settle, storyCluster } from '../../scenarios/story';

/**
 * The story each injected metadata bug runs: a topic on brokers 4, 5, 6 led by 4; broker 4 crashes,
 * its session expires, the controller fences it and moves its leadership — the path that exercises
 * ISR shrinks, elections and fencing. Returns the names of the invariants that fired.
 */
export async function fenceTheLeader(seed: number): Promise<{ readonly ms: MetadataSimulation; readonly fired: ReadonlySet<string> }> {
  const ms = await storyCluster({ seed });
  await settle(ms);
  await createTopic(ms, 'events', [
    [4, 5, 6],
    [5, 6, 4],
  ]);
  ms.crash(4);
  await ms.runUntilTrue(() => ms.committed.image.brokers.get(4)?.fenced === true, ms.now + 3 * SIM_SESSION_TIMEOUT_MS);
  await ms.runUntil(ms.now + 2000);
  return { ms, fired: new Set(ms.violations.map((v) => v.invariant)) };
}

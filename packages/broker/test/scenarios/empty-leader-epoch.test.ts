import { SIM_SESSION_TIMEOUT_MS } from '@kz/broker/testing';
import { acknowledgedMore, committed, followersOf, healAndSettle, leaderOf, runFor, runUntil, storyCluster } from './story';

describe('a broker elected leader while it was cut off', () => {
  it('learns on its return that it led (an epoch it never wrote in) and was deposed, and still rejoins the ISR', async () => {
    const sim = await storyCluster({ seed: 27 });
    await acknowledgedMore(sim, 20);
    const leader = leaderOf(sim);
    const [cutOff, other] = followersOf(sim) as [number, number];
    const epoch = committed(sim).leaderEpoch;

    // The leader dies; a moment later its first follower is cut off from everyone, session and all.
    sim.crash(leader);
    await runFor(sim, 600);
    sim.isolate(cutOff, 'everyone', 3 * SIM_SESSION_TIMEOUT_MS);

    // The controller first elects the cut-off follower (its session has not expired yet), then fences
    // it too and elects the other one: two leader epochs while it hears nothing.
    await runUntil(sim, `broker ${cutOff} elected while cut off`, () => leaderOf(sim) === cutOff, 2 * SIM_SESSION_TIMEOUT_MS);
    expect(committed(sim).leaderEpoch).toBe(epoch + 1);
    await runUntil(sim, `broker ${other} elected`, () => leaderOf(sim) === other, 2 * SIM_SESSION_TIMEOUT_MS);
    expect(committed(sim).leaderEpoch).toBe(epoch + 2);

    // Back, it applies both images at once: it becomes leader at epoch+1 (registering that epoch at its
    // log end, as Kafka's makeLeader does) and follower at epoch+2 without writing a record in between.
    await runUntil(sim, `broker ${cutOff} following broker ${other}`, () => {
      const role = sim.node(cutOff)?.manager.partition(sim.topicId!, 0)?.role;
      return role?.kind === 'follower' && role.leaderId === other && role.leaderEpoch === epoch + 2;
    }, 4 * SIM_SESSION_TIMEOUT_MS);

    // It must be told where its log diverges, drop the empty epoch, catch up and rejoin the ISR.
    await runUntil(sim, `broker ${cutOff} back in the ISR`, () => committed(sim).isr.includes(cutOff), 20_000);
    sim.restart(leader);
    await healAndSettle(sim);
  }, 60_000);
});

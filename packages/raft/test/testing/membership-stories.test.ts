import type { VoterChange } from '@kz/raft';
import { LEADER_ELECTED_WITHIN_MS, Simulation, type SimulationOptions } from '@kz/raft/testing';

/**
 * Dynamic voters (KIP-853) in the simulation that runs the shipped RaftNode: the stories an operator
 * lives through — grow a one-node cluster to three, replace a voter that died with its disk, shrink
 * five voters to three while clients keep writing — with every invariant checked after every event.
 */

async function cluster(options: Partial<SimulationOptions> & Pick<SimulationOptions, 'nodeCount'>): Promise<Simulation> {
  const sim = new Simulation({ seed: 7, dynamicVoters: true, ...options });
  await sim.startAll();
  expect(await sim.runUntilTrue(() => sim.establishedLeader() !== null, sim.now + LEADER_ELECTED_WITHIN_MS)).toBe(true);
  return sim;
}

/** Runs the simulation until `change` settles; returns what it settled with (null: refused or no leader). */
async function settle(sim: Simulation, change: Promise<VoterChange | null>, withinMs = 10_000): Promise<VoterChange | null> {
  let outcome: { value: VoterChange | null } | null = null;
  void change.then((value) => (outcome = { value }));
  await sim.runUntilTrue(() => outcome !== null, sim.now + withinMs);
  expect(outcome).not.toBeNull();
  return outcome!.value;
}

async function writes(sim: Simulation, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const request = sim.propose(1, 1);
    expect(await sim.runUntilTrue(() => sim.client.isAcknowledged(request), sim.now + 10_000)).toBe(true);
  }
}

function voterIds(sim: Simulation): number[] {
  const leader = sim.establishedLeader();
  return leader === null ? [] : sim.node(leader).status()!.voters.map((v) => v.id);
}

/** Adds `id`, retrying while it is still catching up as an observer (REQUEST_TIMED_OUT). */
async function add(sim: Simulation, id: number): Promise<VoterChange> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const done = await settle(sim, sim.addVoter(id));
    if (done !== null) return done;
    await sim.runUntil(sim.now + 500);
  }
  throw new Error(`node ${id} was never added`);
}

async function remove(sim: Simulation, id: number): Promise<VoterChange> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const done = await settle(sim, sim.removeVoter(id));
    if (done !== null) return done;
    await sim.runUntil(sim.now + 500);
  }
  throw new Error(`node ${id} was never removed`);
}

it('grows a one-voter cluster to three: each new node catches up as an observer, then votes', async () => {
  const sim = await cluster({ nodeCount: 1, observerCount: 2 });
  expect(sim.establishedLeader()).toBe(1);
  await writes(sim, 5);
  // Not yet a voter: node 2 is an observer of the log.
  expect(sim.node(2).status()!.isVoter).toBe(false);

  expect((await add(sim, 2)).voters.map((v) => v.id)).toEqual([1, 2]);
  expect((await add(sim, 3)).voters.map((v) => v.id)).toEqual([1, 2, 3]);
  await writes(sim, 5);
  for (const id of [1, 2, 3]) expect(sim.node(id).status()!.isVoter).toBe(true);

  // Three voters tolerate losing the first one: 2 and 3 elect a leader and commit without it.
  sim.crash(1);
  expect(await sim.runUntilTrue(() => [2, 3].includes(sim.establishedLeader() ?? -1), sim.now + LEADER_ELECTED_WITHIN_MS)).toBe(true);
  await writes(sim, 3);
  expect(sim.violations).toEqual([]);
  expect(sim.coverage().votersAdded).toBe(2);
});

it('replaces a voter whose disk died: the wiped node cannot vote as itself, is removed, and rejoins under its new directory id', async () => {
  const sim = await cluster({ nodeCount: 3, seed: 21 });
  await writes(sim, 5);
  // Every voter has everything: losing one disk loses no committed write.
  await sim.runUntil(sim.now + 1000);
  const leader = sim.establishedLeader()!;
  const victim = [1, 2, 3].find((id) => id !== leader)!;
  const oldKey = sim.node(leader).status()!.voters.find((v) => v.id === victim)!.directoryId;

  expect(sim.wipeDisk(victim, 200)).toBe(true);
  await sim.runUntil(sim.now + 3000);
  const newKey = sim.node(victim).status()!.directoryId;
  expect(newKey).not.toBe(oldKey);
  // Its node id is still in the voter set, but not under its new directory id: it is no voter.
  expect(sim.node(victim).status()!.isVoter).toBe(false);
  expect(voterIds(sim)).toContain(victim);

  await remove(sim, victim);
  expect(voterIds(sim)).not.toContain(victim);
  const added = await add(sim, victim);
  expect(added.voters.find((v) => v.id === victim)!.directoryId).toBe(newKey);
  await writes(sim, 3);
  expect(sim.node(victim).status()!.isVoter).toBe(true);
  expect(sim.violations).toEqual([]);
  expect(sim.coverage()).toMatchObject({ disksWiped: 1, votersRemoved: 1, votersAdded: 1 });
});

it('shrinks five voters to three under load, the leader removing itself among them and resigning once that commits', async () => {
  const sim = await cluster({ nodeCount: 5, seed: 33 });
  await writes(sim, 3);
  let acknowledged = 0;
  const load = setLoad(sim, () => acknowledged++);
  const first = sim.establishedLeader()!;
  const removed = await settle(sim, sim.removeLeader());
  expect(removed?.voters.map((v) => v.id)).not.toContain(first);
  // The old leader resigned once its removal committed; a remaining voter leads.
  expect(await sim.runUntilTrue(() => (sim.establishedLeader() ?? first) !== first, sim.now + LEADER_ELECTED_WITHIN_MS)).toBe(true);
  expect(sim.node(first).status()!.role).not.toBe('leader');
  const second = sim.establishedLeader()!;
  const other = voterIds(sim).find((id) => id !== second)!;
  await remove(sim, other);
  expect(voterIds(sim)).toHaveLength(3);
  load.stop();
  await writes(sim, 2);
  expect(acknowledged).toBeGreaterThan(0);
  expect(sim.violations).toEqual([]);
  expect(sim.coverage()).toMatchObject({ leadersRemoved: 1, votersRemoved: 1 });
});

/** A proposal every 50 ms of simulated time until stopped. */
function setLoad(sim: Simulation, onAck: () => void): { stop(): void } {
  let running = true;
  const tick = (): void => {
    if (!running) return;
    const request = sim.propose(1, 1);
    const check = (): void => {
      if (sim.client.isAcknowledged(request)) onAck();
      else if (running) sim.schedule(sim.now + 50, 'check the load', check);
    };
    sim.schedule(sim.now + 50, 'check the load', check);
    sim.schedule(sim.now + 50, 'load proposal', tick);
  };
  tick();
  return { stop: () => (running = false) };
}

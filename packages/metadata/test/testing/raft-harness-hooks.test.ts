import type { CommittedBatch, NodeId, OffsetAndEpoch } from '@kz/raft';
import { Simulation, SimStateMachine, proposalIdOf, proposalRecords, type SimMachine } from '@kz/raft/testing';

/**
 * The Raft simulation, generalised for other state machines (what the metadata simulation stands
 * on): a machine factory per incarnation, observer hooks, extra invariants, and appends from inside
 * a node's own callbacks (as a controller makes them when it becomes leader).
 */
class CountingMachine implements SimMachine {
  private readonly inner = new SimStateMachine();
  applied = 0;

  constructor(readonly node: NodeId, readonly incarnation: number) {}

  get digest(): number {
    return this.inner.digest;
  }
  get appliedIds(): readonly number[] {
    return this.inner.appliedIds;
  }
  apply(batch: CommittedBatch): void {
    this.applied++;
    this.inner.apply(batch);
  }
  snapshot(): Uint8Array {
    return this.inner.snapshot();
  }
  restore(snapshot: Uint8Array, id: OffsetAndEpoch): void {
    this.inner.restore(snapshot, id);
  }
}

describe('the Raft simulation with a machine factory and hooks', () => {
  it('runs the machine the factory makes for every incarnation and tells the hooks about starts, crashes, commits and role changes', async () => {
    const machines: CountingMachine[] = [];
    const log: string[] = [];
    const sim = new Simulation({
      nodeCount: 3,
      seed: 5,
      machineFor: (node, incarnation) => {
        const machine = new CountingMachine(node, incarnation);
        machines.push(machine);
        return machine;
      },
      hooks: {
        onStart: (node, incarnation) => log.push(`start ${node}/${incarnation}`),
        onCrash: (node) => log.push(`crash ${node}`),
        onRoleChange: (node, role) => {
          if (role === 'leader') log.push(`leader ${node}`);
        },
        onCommitted: (node, batch) => {
          if (proposalIdOf(batch.bytes) !== null) log.push(`commit ${node}@${batch.baseOffset}`);
        },
      },
    });
    await sim.startAll();
    expect(await sim.runUntilTrue(() => sim.establishedLeader() !== null, 20_000)).toBe(true);
    const leader = sim.establishedLeader()!;
    const request = sim.propose(1, 1);
    expect(await sim.runUntilTrue(() => sim.client.isAcknowledged(request) && sim.nodes.every((n) => n.appliedIds.length === 1), sim.now + 20_000)).toBe(true);
    const follower = sim.voters.find((id) => id !== leader)!;
    sim.crash(follower);
    sim.restart(follower);
    expect(await sim.runUntilTrue(() => sim.node(follower).appliedIds.length === 1, sim.now + 20_000)).toBe(true);

    expect(machines.map((m) => `${m.node}/${m.incarnation}`)).toEqual(['1/1', '2/1', '3/1', `${follower}/2`]);
    expect(sim.node(follower).machine).toBe(machines[3]);
    expect(machines[3]!.applied).toBeGreaterThan(0);
    expect(log.slice(0, 3)).toEqual(['start 1/1', 'start 2/1', 'start 3/1']);
    expect(log).toContain(`leader ${leader}`);
    expect(log.filter((l) => l.startsWith('commit ')).length).toBeGreaterThanOrEqual(4);
    expect(log).toEqual(expect.arrayContaining([`crash ${follower}`, `start ${follower}/2`]));
    expect(log.indexOf(`crash ${follower}`)).toBeLessThan(log.indexOf(`start ${follower}/2`));
    expect(sim.violations).toEqual([]);
  });

  it('lets a machine append from inside its node’s own callbacks (RaftNode.appendNow): the batch commits everywhere', async () => {
    let proposed = false;
    const sim: Simulation = new Simulation({
      nodeCount: 3,
      seed: 6,
      hooks: {
        onRoleChange: (node, role, leader) => {
          if (role !== 'leader' || proposed) return;
          proposed = (sim.node(node).raft?.appendNow([proposalRecords(4242, 2)], leader.epoch) ?? null) !== null;
        },
      },
    });
    await sim.startAll();
    expect(await sim.runUntilTrue(() => sim.nodes.every((n) => n.appliedIds.includes(4242)), 30_000)).toBe(true);
    expect(proposed).toBe(true);
    expect(sim.violations).toEqual([]);
  });

  it('checks extra invariants after every event and records what they find', async () => {
    let checks = 0;
    const sim = new Simulation({
      nodeCount: 3,
      seed: 7,
      hooks: {
        invariants: (now) => {
          checks++;
          return now >= 3000 ? [{ invariant: 'extraInvariant', message: 'time is up' }] : [];
        },
      },
    });
    await sim.startAll();
    await sim.runUntil(10_000);
    expect(checks).toBe(sim.events + 1);
    expect(sim.violations).toEqual([expect.objectContaining({ invariant: 'extraInvariant', message: 'time is up' })]);
    expect(sim.violations[0]!.time).toBeGreaterThanOrEqual(3000);
  });
});

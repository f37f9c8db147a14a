import { stampBatch } from '@kz/records';
import type { LogBatch, NodeId } from '@kz/raft';
import { Simulation, encodeProposal, proposalIdOf, type SimulationOptions } from '@kz/raft/testing';

/** A cluster for a story: quiet network, no snapshots unless asked, invariants after every step. */
export function storyCluster(options: Partial<SimulationOptions> & { nodeCount: number }): Simulation {
  return new Simulation({ seed: 7, snapshotEveryBytes: 1024 * 1024 * 1024, syncLatencyMs: { min: 1, max: 2 }, ...options });
}

/** The batch a leader of `epoch` wrote at `offset`: identical wherever it was replicated. */
export function historicBatch(offset: number, epoch: number): LogBatch {
  const bytes = encodeProposal(epoch * 1000 + offset, 1);
  stampBatch(bytes, offset, epoch);
  return { baseOffset: offset, lastOffset: offset, epoch, bytes };
}

/** Puts a log (one single-record batch per epoch listed) and an election epoch on a node's disk, synced. */
export function preload(sim: Simulation, id: NodeId, epochs: readonly number[], electionEpoch: number): void {
  const batches = epochs.map((epoch, offset) => historicBatch(offset, epoch));
  sim.node(id).disk.preload({ electionState: { epoch: electionEpoch, votedFor: -1, leaderId: -1 }, snapshot: null, batches });
}

/** The epochs of a node's log, one per offset (batches here hold one record each unless noted). */
export function epochsOf(sim: Simulation, id: NodeId): number[] {
  return sim.node(id).log().flatMap((b) => Array.from({ length: b.lastOffset - b.baseOffset + 1 }, () => b.epoch));
}

export function proposalIdsIn(batches: readonly LogBatch[]): number[] {
  return batches.map((b) => proposalIdOf(b.bytes)).filter((id): id is number => id !== null);
}

export function statusOf(sim: Simulation, id: NodeId) {
  const status = sim.node(id).status();
  if (status === null) throw new Error(`node ${id} is down`);
  return status;
}

/** Runs until `condition`, failing the story with the trace if it does not happen by `withinMs`. */
export async function runUntil(sim: Simulation, what: string, condition: () => boolean, withinMs: number): Promise<void> {
  const reached = await sim.runUntilTrue(condition, sim.now + withinMs);
  if (!reached) {
    const why = sim.violations.length > 0 ? `violations: ${JSON.stringify(sim.violations)}` : `not within ${withinMs} ms`;
    throw new Error(`story stalled waiting for ${what} (${why})\n${sim.trace.recent().join('\n')}`);
  }
}

export function expectNoViolations(sim: Simulation): void {
  if (sim.violations.length > 0) {
    throw new Error(`invariant violated: ${JSON.stringify(sim.violations, null, 1)}\n${sim.trace.recent().join('\n')}`);
  }
}

import { ClusterSimulation, type ClusterSimulationOptions } from '@kz/broker/testing';

/**
 * A cluster for an injected-bug story: set up (controllers elected, brokers unfenced, the topic led,
 * clients started); a setup that stalls because the bug broke it still leaves its violations.
 */
export async function startedCluster(options: ClusterSimulationOptions): Promise<ClusterSimulation> {
  const sim = new ClusterSimulation(options);
  await sim.setUp().catch((error: unknown) => {
    if (!sim.violated) throw error;
  });
  return sim;
}

export function fired(sim: ClusterSimulation): Set<string> {
  return new Set(sim.violations.map((v) => v.invariant));
}

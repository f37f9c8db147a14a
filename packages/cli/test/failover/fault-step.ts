/**
 * The faults the property injects into a three-node cluster, one step at a time, and how each is
 * said in words — the words are what a failure report prints, so a person can read the sequence
 * without decoding fast-check's counterexample.
 */
import fc from 'fast-check';
import type { LocalCluster } from '@kz/cli/testing';
import { sleep } from '@kz/raft/testing';

export type FaultStep =
  /** SIGKILL: no shutdown path runs, as in a crash. Nothing happens if the node is already down. */
  | { readonly kind: 'kill'; readonly node: number }
  /** Start a killed node again on its data dir. Nothing happens if it is running. */
  | { readonly kind: 'restart'; readonly node: number }
  /** SIGSTOP, `ms` later SIGCONT: a stalled node whose sockets stay open (a GC pause, a hung disk). */
  | { readonly kind: 'pause'; readonly node: number; readonly ms: number }
  /** Let the cluster (and the producer) run as it is. */
  | { readonly kind: 'wait'; readonly ms: number };

/**
 * The bounds of one sequence: at most MAX_STEPS steps of at most MAX_STEP_MS each, so a run takes
 * ~10–30 s with the heal. The range straddles the cluster's timeouts (FAST_FAILOVER_FLAGS: 3 s
 * broker session, 4 s replica lag): a short pause goes unnoticed, a long one fences the node and
 * drops it from the ISRs, and a kill is noticed only after them.
 */
export const MAX_STEPS = 5;
const MIN_STEP_MS = 500;
const MAX_STEP_MS = 6000;

export function faultStepArb(nodeIds: readonly number[]): fc.Arbitrary<FaultStep> {
  const node = fc.constantFrom(...nodeIds);
  // Round to 100 ms: the sequence reads better and nothing finer is meaningful with real processes.
  const ms = fc.integer({ min: MIN_STEP_MS / 100, max: MAX_STEP_MS / 100 }).map((n) => n * 100);
  // A restart does something only after a kill of the same node (the heal restarts the rest), so
  // it is drawn less often than the faults themselves.
  return fc.oneof(
    { arbitrary: node.map((n): FaultStep => ({ kind: 'kill', node: n })), weight: 3 },
    { arbitrary: node.map((n): FaultStep => ({ kind: 'restart', node: n })), weight: 2 },
    { arbitrary: fc.tuple(node, ms).map(([n, m]): FaultStep => ({ kind: 'pause', node: n, ms: m })), weight: 3 },
    { arbitrary: ms.map((m): FaultStep => ({ kind: 'wait', ms: m })), weight: 2 },
  );
}

export function faultSequenceArb(nodeIds: readonly number[]): fc.Arbitrary<FaultStep[]> {
  return fc.array(faultStepArb(nodeIds), { minLength: 1, maxLength: MAX_STEPS });
}

export function describeStep(step: FaultStep): string {
  switch (step.kind) {
    case 'kill':
      return `kill ${step.node}`;
    case 'restart':
      return `restart ${step.node}`;
    case 'pause':
      return `pause ${step.node} for ${step.ms} ms`;
    case 'wait':
      return `wait ${step.ms} ms`;
  }
}

/** `kill 2, pause 3 for 1200 ms, restart 2` */
export function describeSequence(steps: readonly FaultStep[]): string {
  return steps.map(describeStep).join(', ');
}

/**
 * Applies one step to the cluster. A pause always ends in SIGCONT, even if the wait is cut short,
 * so no step leaves a stopped process behind for the next one to trip over.
 */
export async function applyStep(cluster: LocalCluster, step: FaultStep): Promise<void> {
  switch (step.kind) {
    case 'kill':
      if (cluster.isRunning(step.node)) await cluster.kill(step.node);
      return;
    case 'restart':
      if (!cluster.isRunning(step.node)) await cluster.start(step.node, 30_000);
      return;
    case 'pause':
      if (!cluster.isRunning(step.node)) return;
      cluster.pause(step.node);
      try {
        await sleep(step.ms);
      } finally {
        if (cluster.isRunning(step.node)) cluster.resume(step.node);
      }
      return;
    case 'wait':
      await sleep(step.ms);
      return;
  }
}

import type { NodeId } from '../core/config';
import type { StateMachine } from '../runtime/state-machine';

/**
 * The replicated state machine a simulated node runs: a RaftNode StateMachine — the interface
 * RaftNode drives in production, so the simulation hands it exactly what a real node would, in the
 * order a real node does (role changes, then a snapshot to load, then committed data batches;
 * control batches are not passed on) — plus what the invariants compare between replicas.
 * SimStateMachine (a digest of the data applied) is the default; another package runs its own by
 * giving Simulation a `machineFor` factory (the metadata simulation runs a MetadataLoader).
 *
 * A machine that throws halts its node, as in production; the simulation counts that as a
 * violation (nodeHaltsOnlyOnDiskFaults).
 */
export interface SimMachine extends StateMachine {
  /** Equal on two replicas exactly when they applied the same committed prefix (stateMachinesAgree). */
  readonly digest: number;
  /** Proposal ids in the order applied (SimClient's proposals); a machine without them returns []. */
  readonly appliedIds: readonly number[];
}

/** Makes the machine for one incarnation of a node: called at every start, before its RaftNode starts. */
export type SimMachineFactory = (node: NodeId, incarnation: number) => SimMachine;

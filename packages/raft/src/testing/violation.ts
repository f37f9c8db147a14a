import type { NodeId } from '../core/config';

/** A broken invariant: which one, where, and what was seen. */
export interface Violation {
  readonly invariant: string;
  readonly message: string;
  readonly node?: NodeId;
  /** Simulated ms; set by the simulation when it records the violation. */
  readonly time?: number;
}

export function describeViolation(v: Violation): string {
  const at = v.time === undefined ? '' : ` at t=${v.time}ms`;
  const node = v.node === undefined ? '' : ` node ${v.node}`;
  return `[${v.invariant}]${at}${node}: ${v.message}`;
}

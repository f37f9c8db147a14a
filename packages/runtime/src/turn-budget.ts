/**
 * How much work one turn of the event loop may do before it lets other work run. Every kz node
 * runs Raft, the controller and the broker on one event loop; a turn that applies ten thousand
 * metadata changes at once delays every fetch, vote and heartbeat behind it, and peers take the
 * silence for a failure. Work that can be large — committed batches, a metadata delta, log
 * creation — checks a budget as it goes and, once it is spent, continues in a later turn.
 *
 * The budget belongs to the turn, not to whoever asks: Raft handing committed batches to the
 * metadata loader, the loader publishing each image, the broker reconciling its partitions with it
 * all run in the same turn, and together they get one budget.
 */
export interface WorkBudget {
  /** True once this turn should stop and let other work run. */
  exhausted(): boolean;
}

/** A budget that never runs out: the whole work in one go (simulations on a simulated clock, tests). */
export const UNLIMITED: WorkBudget = { exhausted: () => false };

/** The turn budget kz's drivers use by default: long enough to do real work, short against a 2 s fetch timeout. */
export const DEFAULT_TURN_BUDGET_MS = 20;

/** When the current turn's budgeted work began; null until something asks in this turn. */
let turnStartedAt: number | null = null;

/**
 * The budget of the current turn: `ms` milliseconds from the first budgeted work done in it. A
 * turn ends when the loop reaches its check phase (setImmediate), where the next one begins.
 */
export function turnBudget(ms: number = DEFAULT_TURN_BUDGET_MS): WorkBudget {
  if (turnStartedAt === null) {
    turnStartedAt = performance.now();
    setImmediate(() => {
      turnStartedAt = null;
    });
  }
  const started = turnStartedAt;
  return { exhausted: () => performance.now() - started >= ms };
}

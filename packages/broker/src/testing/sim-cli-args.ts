import { integerFlag, parseCommonSimFlags } from '@kz/raft/testing';

/** Parsed arguments of the broker simulation CLI. */
export interface BrokerSimArgs {
  readonly runs: number;
  readonly seed: number;
  readonly path: string | undefined;
  readonly maxSteps: number | undefined;
  /** Fetchers flush only after each answer, as src/runtime/replica-fetchers.ts does, not before every fetch. */
  readonly flushAfterAnswersOnly: boolean;
  /** The broker never reads its high-watermark checkpoint: restarted replicas start from HW 0. */
  readonly ignoreHighWatermarkCheckpoint: boolean;
  /** A DeleteRecords is answered once the leader deleted, without waiting for the low watermark. */
  readonly deleteWithoutWaiting: boolean;
  /** A restarted broker never reports the logs its recovery cut (RegisterBrokerRequest.damagedReplicas). */
  readonly hideDamagedReplicas: boolean;
  readonly trace: boolean;
  readonly shrink: boolean;
  readonly help: boolean;
}

export const BROKER_SIM_USAGE = `usage: node packages/broker/dist/testing/sim-cli.js [--runs N] [--seed S] [--max-steps N] [--path P] [--trace] [--no-shrink]

Runs N random fault schedules against a simulated cluster (one QuorumController, three brokers running
the real ReplicaManager over in-memory logs that lose unflushed data on a crash, with torn writes,
flipped bits and fsync failures, a producer sending acks=all and consumers) and checks every replication invariant after every simulated event, then that
the healed cluster settles with identical logs and every acknowledged record in place.

  --runs N          schedules to run (default 100)
  --seed S          fast-check seed (default: random; always printed)
  --max-steps N     faults per schedule, at most (default 8)
  --path P          replay the schedule at this fast-check path (printed on a failure)
  --flush-after-answers-only
                    an injected bug: the shipped replica fetchers skip their wait for the flush
                    before each fetch, so a fetch can report an unflushed log end (the
                    simulation must catch it: highWatermarkWithinIsrLogs)
  --ignore-hw-checkpoint
                    an injected bug: a restarted broker never reads its high-watermark checkpoint
                    (must be caught: restartedHighWatermarkNotBelowCheckpoint)
  --delete-without-waiting
                    an injected bug: a leader answers DeleteRecords once its own log start moved,
                    without waiting for its followers' (must be caught:
                    deleteRecordsAnsweredAfterLowWatermark)
  --hide-damaged-replicas
                    an injected bug: a restarted broker does not report the logs its recovery cut,
                    so a replica that lost committed records to a flipped bit stays in the ISR and
                    ELR and may lead (must be caught: acknowledgedRecordsSurvive)
  --trace           print the narrated run of a failing or replayed schedule
  --no-shrink       report the first failing schedule without shrinking it`;

export class BrokerSimArgsError extends Error {
  override readonly name = 'BrokerSimArgsError';
}

/** Parses argv (without node and script); `defaultSeed` is used when --seed is absent. */
export function parseBrokerSimArgs(argv: readonly string[], defaultSeed: number): BrokerSimArgs {
  let maxSteps: number | undefined;
  const fail = (message: string): Error => new BrokerSimArgsError(message);
  const flushAfterAnswersOnly = argv.includes('--flush-after-answers-only');
  const ignoreHighWatermarkCheckpoint = argv.includes('--ignore-hw-checkpoint');
  const deleteWithoutWaiting = argv.includes('--delete-without-waiting');
  const hideDamagedReplicas = argv.includes('--hide-damaged-replicas');
  const injected = new Set(['--flush-after-answers-only', '--ignore-hw-checkpoint', '--delete-without-waiting', '--hide-damaged-replicas']);
  const common = parseCommonSimFlags(argv.filter((a) => !injected.has(a)), defaultSeed, {
    fail,
    extra: {
      '--max-steps': (flag, n) => {
        maxSteps = integerFlag(flag, n, 1, fail);
      },
    },
  });
  return { ...common, maxSteps, flushAfterAnswersOnly, ignoreHighWatermarkCheckpoint, deleteWithoutWaiting, hideDamagedReplicas };
}

import { BrokerSimArgsError, parseBrokerSimArgs } from '../../src/testing/sim-cli-args';

describe('the broker simulation CLI arguments', () => {
  it('take runs, seed, a path to replay, and the injected bugs', () => {
    expect(parseBrokerSimArgs(['--runs', '300', '--seed=9', '--path', '3:1:4', '--flush-after-answers-only', '--ignore-hw-checkpoint', '--delete-without-waiting', '--hide-damaged-replicas', '--trace'], 1)).toEqual({
      runs: 300,
      seed: 9,
      path: '3:1:4',
      maxSteps: undefined,
      flushAfterAnswersOnly: true,
      ignoreHighWatermarkCheckpoint: true,
      deleteWithoutWaiting: true,
      hideDamagedReplicas: true,
      trace: true,
      shrink: true,
      help: false,
    });
    expect(parseBrokerSimArgs([], 42)).toMatchObject({ runs: 100, seed: 42, path: undefined, flushAfterAnswersOnly: false, ignoreHighWatermarkCheckpoint: false, deleteWithoutWaiting: false, hideDamagedReplicas: false });
  });

  it('refuse what they do not know, with the reason', () => {
    expect(() => parseBrokerSimArgs(['--runs', '0'], 1)).toThrow(BrokerSimArgsError);
    expect(() => parseBrokerSimArgs(['--max-steps', 'x'], 1)).toThrow(/--max-steps must be an integer/);
    expect(() => parseBrokerSimArgs(['--bogus'], 1)).toThrow(/unknown argument --bogus/);
  });
});

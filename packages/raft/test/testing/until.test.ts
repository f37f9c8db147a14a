import { until, WaitTimeoutError } from '@kz/raft/testing';

describe('until', () => {
  it('waits past a probe that answers false or undefined, and resolves with the first real answer', async () => {
    const answers: (boolean | undefined | string)[] = [false, undefined, false, 'leader'];
    let probes = 0;
    const value = await until('an answer', () => answers[probes++], 1000, 1);
    expect(value).toBe('leader');
    expect(probes).toBe(4);
  });

  it('resolves with true from a plain condition', async () => {
    let ready = false;
    setTimeout(() => (ready = true), 5);
    await expect(until('ready', () => ready, 1000, 1)).resolves.toBe(true);
  });

  it('times out naming what it waited for and the last failure of the probe', async () => {
    let probes = 0;
    const probe = (): boolean => {
      if (++probes % 2 === 0) throw new Error('not listening');
      return false;
    };
    await expect(until('a node that never comes', probe, 20, 1)).rejects.toThrow(WaitTimeoutError);
    await expect(until('a node that never comes', probe, 20, 1)).rejects.toThrow(/waiting for a node that never comes; last failure: not listening/);
  });
});

import { parseSimArgs, replayCommand, SimArgsError } from '@kz/raft/testing';

describe('pnpm sim arguments', () => {
  it('defaults to 100 runs of both sizes with the given seed', () => {
    expect(parseSimArgs([], 77)).toEqual({ runs: 100, seed: 77, nodes: undefined, membership: false, path: undefined, trace: false, shrink: true, help: false });
  });

  it('reads every flag, with = or as a separate word', () => {
    const args = parseSimArgs(['--runs', '300', '--seed=-5', '--nodes', '5', '--path', '12:0:3', '--trace', '--no-shrink'], 1);
    expect(args).toMatchObject({ runs: 300, seed: -5, nodes: 5, path: '12:0:3', trace: true, shrink: false });
  });

  it('rejects what it does not understand, saying why', () => {
    expect(() => parseSimArgs(['--nodes', '4'], 1)).toThrow(new SimArgsError('--nodes must be 3 or 5, got 4'));
    expect(() => parseSimArgs(['--runs', '0'], 1)).toThrow(SimArgsError);
    expect(() => parseSimArgs(['--runs'], 1)).toThrow('--runs needs a value');
    expect(() => parseSimArgs(['--path', 'abc'], 1)).toThrow(SimArgsError);
    expect(() => parseSimArgs(['--verbose'], 1)).toThrow('unknown argument --verbose');
  });

  it('prints a replay command that parses back to the same schedule', () => {
    const command = replayCommand(42, '7:1:0', 3);
    expect(command).toBe('pnpm sim --seed 42 --path 7:1:0 --nodes 3 --trace');
    const args = parseSimArgs(command.split(' ').slice(2), 0);
    expect(args).toMatchObject({ seed: 42, path: '7:1:0', nodes: 3, trace: true });
  });

  it('--membership (dynamic voters) is a switch, and the replay command of a membership schedule keeps it', () => {
    expect(parseSimArgs(['--membership', '--runs', '3'], 1)).toMatchObject({ membership: true, runs: 3 });
    const command = replayCommand(42, '7:1:0', undefined, true);
    expect(command).toBe('pnpm sim --seed 42 --path 7:1:0 --membership --trace');
    expect(parseSimArgs(command.split(' ').slice(2), 0)).toMatchObject({ seed: 42, path: '7:1:0', membership: true });
  });
});

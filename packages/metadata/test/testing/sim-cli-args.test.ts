import { MetadataSimArgsError, parseMetadataSimArgs } from '../../src/testing/sim-cli-args';

describe('the metadata simulation CLI arguments', () => {
  it('has defaults, and takes every flag in both spellings', () => {
    expect(parseMetadataSimArgs([], 17)).toEqual({ runs: 100, seed: 17, path: undefined, controllers: undefined, maxSteps: undefined, trace: false, shrink: true, help: false });
    expect(parseMetadataSimArgs(['--runs', '2000', '--seed=5', '--controllers', '5', '--max-steps=40', '--path', '3:0:1', '--trace', '--no-shrink'], 17)).toEqual({
      runs: 2000,
      seed: 5,
      path: '3:0:1',
      controllers: 5,
      maxSteps: 40,
      trace: true,
      shrink: false,
      help: false,
    });
    expect(parseMetadataSimArgs(['-h'], 1).help).toBe(true);
  });

  it('refuses what it does not understand, saying why', () => {
    expect(() => parseMetadataSimArgs(['--runs', '0'], 1)).toThrow(MetadataSimArgsError);
    expect(() => parseMetadataSimArgs(['--controllers', '4'], 1)).toThrow(/3 or 5/);
    expect(() => parseMetadataSimArgs(['--path', 'x'], 1)).toThrow(/12:0:3/);
    expect(() => parseMetadataSimArgs(['--seed'], 1)).toThrow(/needs a value/);
    expect(() => parseMetadataSimArgs(['--nodes', '3'], 1)).toThrow(/unknown argument/);
  });
});

import { SeededRandom } from '../../src/testing/seeded-random';
import { InvalidRaftConfigError, RAFT_DEFAULTS, majorityOf, resolveConfig } from '../../src/core/config';
import { ZERO_DIRECTORY_ID, newDirectoryId, type Voter } from '../../src/core/voter-set';

const dir = (seed: number): string => newDirectoryId(new SeededRandom(seed).asFunction());
const voter = (id: number, seed = id): Voter => ({ id, directoryId: dir(seed), endpoints: [{ name: 'CONTROLLER', host: `h${id}`, port: 9000 + id }] });

/** The InvalidRaftConfigError a config gets, so its message can be checked. */
function refusal(input: Parameters<typeof resolveConfig>[0]): InvalidRaftConfigError {
  try {
    resolveConfig(input);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidRaftConfigError);
    return error as InvalidRaftConfigError;
  }
  throw new Error('the config was accepted');
}

describe('resolveConfig: KRaft defaults, every one overridable', () => {
  test('static voters get KRaft’s defaults (QuorumConfig, KafkaRaftClient)', () => {
    expect(resolveConfig({ nodeId: 2, voters: [3, 1, 2] })).toEqual({
      nodeId: 2,
      voters: [3, 1, 2],
      directoryId: null,
      bootstrapVoters: null,
      endpoints: [],
      bootstrapServers: [],
      electionTimeoutMs: 1000,
      fetchTimeoutMs: 2000,
      electionBackoffMaxMs: 1000,
      fetchMaxWaitMs: 500,
      requestTimeoutMs: 2000,
      retryBackoffMs: 20,
      fetchMaxBytes: 8 * 1024 * 1024,
      snapshotChunkBytes: 1024 * 1024,
      appendLingerMs: 0,
      random: Math.random,
    });
    expect(RAFT_DEFAULTS.fetchMaxBytes).toBe(8_388_608);
    expect(RAFT_DEFAULTS.snapshotChunkBytes).toBe(1_048_576);
  });

  test('an override wins, and the voters list is the config’s own copy', () => {
    const voters = [1, 2, 3];
    const random = (): number => 0.5;
    const config = resolveConfig({ nodeId: 1, voters, electionTimeoutMs: 300, fetchTimeoutMs: 1200, bootstrapServers: [7], random });
    voters.push(4);
    expect(config.voters).toEqual([1, 2, 3]);
    expect(config).toMatchObject({ electionTimeoutMs: 300, fetchTimeoutMs: 1200, bootstrapServers: [7], fetchMaxWaitMs: 500 });
    expect(config.random).toBe(random);
  });

  test('static voters: not empty, distinct, and no bootstrap set', () => {
    expect(refusal({ nodeId: 1 }).message).toMatch(/voters must not be empty/);
    expect(refusal({ nodeId: 1, voters: [] }).message).toMatch(/voters must not be empty/);
    expect(refusal({ nodeId: 1, voters: [1, 2, 1] }).message).toBe('voters must be distinct');
    expect(refusal({ nodeId: 1, voters: [1], bootstrapVoters: [voter(1)] }).message).toMatch(/bootstrapVoters needs dynamic voters/);
    expect(refusal({ nodeId: 1, voters: [1], directoryId: dir(1) }).message).toMatch(/exclude each other/);
    expect(resolveConfig({ nodeId: 1, voters: [1], bootstrapVoters: null }).bootstrapVoters).toBeNull();
  });

  test('dynamic voters: the bootstrap set is sorted by node id, and may be absent (an observer)', () => {
    const self = voter(1);
    const config = resolveConfig({ nodeId: 1, directoryId: self.directoryId, bootstrapVoters: [voter(3), self, voter(2)] });
    expect(config.voters).toEqual([]);
    expect(config.directoryId).toBe(self.directoryId);
    expect(config.bootstrapVoters?.map((v) => v.id)).toEqual([1, 2, 3]);
    expect(resolveConfig({ nodeId: 9, directoryId: dir(9) }).bootstrapVoters).toBeNull();
    expect(resolveConfig({ nodeId: 9, directoryId: dir(9), bootstrapVoters: null }).bootstrapVoters).toBeNull();
    // A bootstrap set that does not hold this node: it joins as an observer.
    expect(resolveConfig({ nodeId: 9, directoryId: dir(9), bootstrapVoters: [voter(1)] }).bootstrapVoters).toEqual([voter(1)]);
  });

  test('dynamic voters: a bad directory id or bootstrap set is refused, naming what is wrong', () => {
    expect(refusal({ nodeId: 1, directoryId: ZERO_DIRECTORY_ID }).message).toMatch(/^directoryId: .*zero directory id/);
    expect(refusal({ nodeId: 1, directoryId: 'not-an-id' }).message).toMatch(/^directoryId: "not-an-id" is not a directory id/);
    const self = dir(1);
    expect(refusal({ nodeId: 1, directoryId: self, bootstrapVoters: [] }).message).toMatch(/bootstrapVoters must not be empty/);
    expect(refusal({ nodeId: 1, directoryId: self, bootstrapVoters: [voter(2), voter(2, 5)] }).message).toMatch(/distinct node ids/);
    expect(refusal({ nodeId: 1, directoryId: self, bootstrapVoters: [voter(1), { ...voter(2), directoryId: ZERO_DIRECTORY_ID }] }).message).toMatch(
      /^bootstrap voter 2: .*zero directory id/,
    );
    const other = dir(11);
    expect(refusal({ nodeId: 1, directoryId: self, bootstrapVoters: [{ ...voter(1), directoryId: other }] }).message).toBe(
      `bootstrap voter 1 has directory id ${other}, but this replica's is ${self}`,
    );
  });

  test('every ...Ms setting must be a non-negative number; 0 is allowed', () => {
    expect(refusal({ nodeId: 1, voters: [1], retryBackoffMs: -1 }).message).toBe('retryBackoffMs must be a non-negative number, got -1');
    expect(refusal({ nodeId: 1, voters: [1], electionTimeoutMs: Number.NaN }).message).toMatch(/^electionTimeoutMs must be a non-negative number/);
    expect(refusal({ nodeId: 1, voters: [1], appendLingerMs: -0.5 }).message).toMatch(/^appendLingerMs/);
    expect(resolveConfig({ nodeId: 1, voters: [1], retryBackoffMs: 0, fetchMaxWaitMs: 0, electionBackoffMaxMs: 0 }).retryBackoffMs).toBe(0);
  });

  test('a setting given as undefined takes its default; a ...Ms setting that is not a number is refused', () => {
    // Found through a surviving mutant: both used to pass validation, the first as an undefined timeout.
    const config = resolveConfig({ nodeId: 1, voters: [1], electionTimeoutMs: undefined, appendLingerMs: undefined, random: undefined });
    expect(config).toMatchObject({ electionTimeoutMs: 1000, appendLingerMs: 0, random: Math.random });
    const untyped = { nodeId: 1, voters: [1], fetchTimeoutMs: '2000' } as unknown as Parameters<typeof resolveConfig>[0];
    expect(refusal(untyped).message).toBe('fetchTimeoutMs must be a non-negative number, got 2000');
    expect(refusal({ nodeId: 1, voters: [1], requestTimeoutMs: null as unknown as number }).message).toBe('requestTimeoutMs must be a non-negative number, got null');
  });

  test('KIP-1236: a long poll must fit twice into the fetch timeout', () => {
    expect(resolveConfig({ nodeId: 1, voters: [1], fetchMaxWaitMs: 1000, fetchTimeoutMs: 2000 }).fetchMaxWaitMs).toBe(1000);
    expect(refusal({ nodeId: 1, voters: [1], fetchMaxWaitMs: 1001, fetchTimeoutMs: 2000 }).message).toBe('fetchMaxWaitMs * 2 must not exceed fetchTimeoutMs');
    expect(refusal({ nodeId: 1, voters: [1], fetchTimeoutMs: 999 }).message).toMatch(/fetchMaxWaitMs \* 2/);
  });

  test('refusals carry Kafka’s INVALID_CONFIG code', () => {
    const error = refusal({ nodeId: 1, voters: [] });
    expect(error.code).toBe('INVALID_CONFIG');
    expect(error.name).toBe('InvalidRaftConfigError');
  });
});

test('majorityOf: more than half of the voters', () => {
  expect([1, 2, 3, 4, 5, 6, 7].map(majorityOf)).toEqual([1, 2, 2, 3, 3, 4, 4]);
});

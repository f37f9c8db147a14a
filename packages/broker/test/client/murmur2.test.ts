/**
 * murmur2 is Kafka's (Utils.murmur2): the vectors are Kafka's own UtilsTest.testMurmur2 cases and
 * kafkajs's Java-compatible partitioner samples, so keys land where Java clients put them.
 */
import { murmur2, partitionForKey, toPositive } from '../../src/client/murmur2';

const bytes = (s: string): Uint8Array => Buffer.from(s, 'utf8');

test("Kafka's UtilsTest vectors", () => {
  const cases: [string, number][] = [
    ['21', -973932308],
    ['foobar', -790332482],
    ['a-little-bit-long-string', -985981536],
    ['a-little-bit-longer-string', -1486304829],
    ['lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8', -58897971],
    ['abc', 479470107],
  ];
  for (const [input, expected] of cases) expect([input, murmur2(bytes(input))]).toEqual([input, expected]);
  expect(murmur2(new Uint8Array([12, 42, 56, 24, 109, 111]))).toBe(274204207);
});

test("kafkajs's Java-compatible partitioner samples (every tail length)", () => {
  const samples: Record<string, number> = {
    '0': 971027396,
    '1': -1993445489,
    '128': -326012175,
    '2187': -1508407203,
    '16384': -325739742,
    '78125': -1654490814,
    '279936': 1462227128,
    '823543': -2014198330,
    '2097152': 607668903,
    '4782969': -1182699775,
    '10000000': -1830336757,
    '19487171': -1603849305,
    '35831808': -857013643,
    '62748517': -1167431028,
    '105413504': -381294639,
    '170859375': -1658323481,
  };
  for (const [input, expected] of Object.entries(samples)) expect([input, murmur2(bytes(input))]).toEqual([input, expected]);
});

test('the partition is the hash with the sign bit cleared, modulo the partition count', () => {
  expect(toPositive(-973932308)).toBe(1173551340);
  expect(toPositive(-(2 ** 31))).toBe(0);
  expect(partitionForKey(bytes('21'), 7)).toBe(1173551340 % 7);
  expect(partitionForKey(new Uint8Array(0), 3)).toBe(toPositive(murmur2(new Uint8Array(0))) % 3);
});

/** Flags of the benchmarks that take lists or a fixed set of words. */
import { BenchUsageError, parseBenchArgs, singleConcurrency } from '../src/bench-args';

describe('--concurrency', () => {
  it('takes a comma-separated list, in the order given', () => {
    expect(parseBenchArgs(['broker-vs-nats', '--concurrency', '2048, 1,16']).concurrency).toEqual([2048, 1, 16]);
    expect(parseBenchArgs(['broker-vs-nats']).concurrency).toBeUndefined();
  });

  it('refuses a value that is not a positive integer, and a repeated one', () => {
    expect(() => parseBenchArgs(['--concurrency', '16,0'])).toThrow(BenchUsageError);
    expect(() => parseBenchArgs(['--concurrency', '16,x'])).toThrow(BenchUsageError);
    expect(() => parseBenchArgs(['--concurrency', '16,16'])).toThrow(/repeats/);
  });

  it('is one value for a benchmark that takes one', () => {
    expect(singleConcurrency(parseBenchArgs(['--concurrency', '64']))).toBe(64);
    expect(singleConcurrency(parseBenchArgs([]))).toBeUndefined();
    expect(() => singleConcurrency(parseBenchArgs(['--concurrency', '1,64']))).toThrow(BenchUsageError);
  });
});

describe('--parallelism', () => {
  it('is same or one', () => {
    expect(parseBenchArgs(['--parallelism', 'one']).parallelism).toBe('one');
    expect(parseBenchArgs(['--parallelism', 'same']).parallelism).toBe('same');
    expect(parseBenchArgs([]).parallelism).toBeUndefined();
    expect(() => parseBenchArgs(['--parallelism', 'three'])).toThrow(BenchUsageError);
  });
});

describe('--batch-bytes and --only kz-tls (broker-vs-nats)', () => {
  it('takes a positive batch size, and kz-tls as a system', () => {
    expect(parseBenchArgs(['broker-vs-nats', '--batch-bytes', '262144']).batchBytes).toBe(262144);
    expect(parseBenchArgs(['broker-vs-nats']).batchBytes).toBeUndefined();
    expect(() => parseBenchArgs(['broker-vs-nats', '--batch-bytes', '0'])).toThrow(BenchUsageError);
    expect(parseBenchArgs(['broker-vs-nats', '--linger-ms', '0']).lingerMs).toBe(0);
    expect(parseBenchArgs(['broker-vs-nats']).lingerMs).toBeUndefined();
    expect(() => parseBenchArgs(['broker-vs-nats', '--linger-ms=-1'])).toThrow(BenchUsageError);
    expect(() => parseBenchArgs(['broker-vs-nats', '--linger-ms', '2.5'])).toThrow(BenchUsageError);
    expect(parseBenchArgs(['broker-vs-nats', '--only', 'kz,kz-tls']).only).toEqual(['kz', 'kz-tls']);
  });
});

describe('--storage', () => {
  it('is level (the default) or memory', () => {
    expect(parseBenchArgs(['kv-put-cpu']).storage).toBe('level');
    expect(parseBenchArgs(['kv-put-cpu', '--storage', 'memory']).storage).toBe('memory');
    expect(() => parseBenchArgs(['kv-put-cpu', '--storage', 'disk'])).toThrow(BenchUsageError);
  });
});

/**
 * The closing lines of broker-vs-nats: kz's rate over NATS's at its worst point of the sweep, the
 * consume points left out when too little was read, and kz's fastest produce point.
 */
import { fastestProduce, lowestRatio, lowestRatioLines, pointRatioLines } from '../src/broker-sweep-summary';
import type { CpuUse } from '../src/cpu-usage';
import { LatencyRecorder } from '../src/latency-recorder';
import { produceRate, type PointResult } from '../src/message-workload';

const cpu: CpuUse = { byPid: new Map(), servers: 1, client: 0.5, seconds: 1 };

/** A point where `produced` messages took 1 s to produce and `consumed` took 1 s to read. */
function point(sizeBytes: number, concurrency: number, produced: number, consumed = produced): PointResult {
  return {
    plan: { sizeBytes, messages: 100_000, warmupMessages: 10_000, concurrency, maxSeconds: 15, warmupMaxSeconds: 1.5, partitions: 3 },
    produce: { messages: produced, warmupMessages: 0, payloadBytes: produced * sizeBytes, seconds: 1, latency: new LatencyRecorder(), cpu },
    consume: { messages: consumed, payloadBytes: consumed * sizeBytes, seconds: 1, cpu },
  };
}

describe('lowestRatio', () => {
  it('is the smallest kz/nats ratio over the points both ran, with its concurrency', () => {
    const kz = [point(1024, 1, 100), point(1024, 16, 3000), point(1024, 256, 20_000), point(1024, 2048, 30_000)];
    const nats = [point(1024, 1, 1000), point(1024, 16, 2000), point(1024, 256, 40_000), point(1024, 2048, 10_000)];
    expect(lowestRatio(kz, nats, 1024, produceRate)).toEqual({ concurrency: 1, ratio: 0.1 });
  });

  it('pairs points by size and concurrency, and skips points only one side ran', () => {
    const kz = [point(100, 16, 500), point(1024, 16, 50), point(1024, 256, 4000)];
    const nats = [point(100, 16, 1000), point(1024, 256, 1000)];
    expect(lowestRatio(kz, nats, 1024, produceRate)).toEqual({ concurrency: 256, ratio: 4 });
    expect(lowestRatio(kz, nats, 100, produceRate)).toEqual({ concurrency: 16, ratio: 0.5 });
  });

  it('leaves out ratios that are not numbers, and is null when nothing is left', () => {
    const kz = [point(1024, 1, 10), point(1024, 16, 10)];
    const nats = [point(1024, 1, 0), point(1024, 16, 20)];
    expect(lowestRatio(kz, nats, 1024, produceRate)).toEqual({ concurrency: 16, ratio: 0.5 });
    expect(lowestRatio([point(1024, 1, 10)], [point(1024, 1, 0)], 1024, produceRate)).toBeNull();
    expect(lowestRatio(kz, nats, 100, produceRate)).toBeNull();
  });
});

describe('lowestRatioLines', () => {
  const kz = [point(1024, 1, 100, 110), point(1024, 2048, 30_000), point(100, 1, 200, 220), point(100, 2048, 90_000)];
  const nats = [point(1024, 1, 2000), point(1024, 2048, 10_000), point(100, 1, 1000), point(100, 2048, 45_000)];

  it('ends the produce lines with the ratio line the README quotes, each size at its lowest point', () => {
    expect(lowestRatioLines(kz, nats, [1024, 100], 'produce')).toEqual([
      'lowest produce ratio across the sweep: 1KiB at 1 in flight, 100B at 1 in flight',
      'ratio kz/nats msgs/s 1KiB: 0.05 100B: 0.20',
    ]);
  });

  it('counts a consume point only where both sides read enough, and names the points left out', () => {
    expect(lowestRatioLines(kz, nats, [1024, 100], 'consume', 1000)).toEqual([
      'lowest consume ratio across the sweep: 1KiB at 2048 in flight, 100B at 2048 in flight ' +
        '(left out, a side read fewer than 1000 messages: 1KiB at 1 in flight, 100B at 1 in flight)',
      'ratio kz/nats consume msgs/s 1KiB: 3.00 100B: 2.00',
    ]);
  });

  it('says n/a for a size no point of which counts', () => {
    expect(lowestRatioLines(kz, nats, [1024], 'consume', 1_000_000)[1]).toBe('ratio kz/nats consume msgs/s 1KiB: n/a');
  });
});

describe('pointRatioLines', () => {
  it('gives produce and consume ratios for every point both ran', () => {
    expect(pointRatioLines([point(1024, 16, 300, 600), point(100, 16, 5)], [point(1024, 16, 100, 200)])).toEqual([
      'ratio kz/nats 1KiB    16 in flight: produce 3.00 consume 3.00',
    ]);
  });
});

describe('fastestProduce', () => {
  it("is kz's highest produce MB/s at that size, with its concurrency", () => {
    const kz = [point(1024, 16, 10_000), point(1024, 256, 25_000), point(1024, 2048, 20_000), point(100, 2048, 90_000)];
    expect(fastestProduce(kz, 1024)).toEqual({ megabytes: 25.6, concurrency: 256 });
    expect(fastestProduce(kz, 4096)).toBeNull();
  });
});

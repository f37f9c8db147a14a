/** raft-vs-etcd's sweep: which level the final ratio line reports, and what each level's summary line says. */
import { LatencyRecorder } from '../src/latency-recorder';
import { headlineConcurrency } from '../src/raft-vs-etcd';
import { summaryLine, serverCpuPerWriteMs, type SystemRun } from '../src/system-run';

describe('headlineConcurrency', () => {
  it('is 64 when the sweep has it, whatever the order; else the last level asked for', () => {
    expect(headlineConcurrency([1, 16, 64, 256])).toBe(64);
    expect(headlineConcurrency([256, 64, 1])).toBe(64);
    expect(headlineConcurrency([1, 16])).toBe(16);
    expect(headlineConcurrency([128])).toBe(128);
  });
});

describe('summaryLine', () => {
  it('names the system and level and gives writes/s, p50, p99 and server CPU per write', () => {
    const latency = new LatencyRecorder();
    for (let ms = 1; ms <= 100; ms++) latency.record(ms);
    const run: SystemRun = {
      system: 'kz',
      concurrency: 16,
      load: { writes: 1000, errors: 2, warmupErrors: 0, seconds: 2, latency, errorSamples: [] },
      // 0.5 cores over 2 s is 1000 ms of CPU, over 1000 writes.
      cpu: { byPid: new Map([[1, 0.5]]), servers: 0.5, client: 0.1, seconds: 2 },
    };
    expect(serverCpuPerWriteMs(run)).toBe(1);
    const line = summaryLine(run);
    expect(line).toMatch(/^kz {7}@ {2}16 in flight/);
    expect(line).toContain('writes/s: 500');
    expect(line).toMatch(/p50: 50(\.0+)? ms/);
    expect(line).toMatch(/p99: 99(\.0+)? ms/);
    expect(line).toMatch(/server CPU per write: 1(\.0+)? ms/);
    expect(line).toContain('errors: 2');
  });
});

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { MemoryRaftStorage } from '@kz/raft';
import { KvServer } from '@kz/example-kv/dist/kv-server';
import type { BenchArgs } from './bench-args';
import { freeLoopbackPorts } from './free-ports';
import { formatMs, formatRate } from './format';
import { KzKvClient } from './kz-kv-client';

const VOTERS = [1, 2, 3] as const;
const CLUSTER_ID = 'kz-kv-put-cpu';

interface LoadReport {
  readonly writes: number;
  readonly errors: number;
  readonly seconds: number;
  readonly p50: number;
  readonly p99: number;
  readonly errorSamples: readonly string[];
}

/**
 * `kv-put-cpu`: the serving path of raft-vs-etcd's kz-unary side with the servers in one process. Three
 * examples/kv KvServers here (Raft over gRPC streams on loopback, LevelDB with synced writes), and
 * a client process (kv-put-load.js) doing unary KvService.Put at `--concurrency` in flight on the
 * leader. Prints the servers' CPU per committed write from process.cpuUsage — the client's CPU is
 * in its own process and not counted — so changes to the serving path can be compared without
 * depending on what else the machine runs. Run as `node --cpu-prof bench/dist/main.js kv-put-cpu`
 * to see where the servers' CPU goes.
 */
export async function runKvPutCpu(args: BenchArgs): Promise<number> {
  const concurrency = args.concurrency?.[0] ?? 64;
  const warmupMs = (args.warmupS ?? 3) * 1000;
  const durationMs = (args.durationS ?? 10) * 1000;
  const root = mkdtempSync(join(tmpdir(), 'kz-kv-put-cpu-'));
  const ports = await freeLoopbackPorts(2 * VOTERS.length);
  const raftAddresses = new Map(VOTERS.map((id, i) => [id, `127.0.0.1:${ports[2 * i]!}`] as const));
  const kvAddresses = new Map(VOTERS.map((id, i) => [id, `127.0.0.1:${ports[2 * i + 1]!}`] as const));
  const logger = pino({ level: 'warn' });
  const servers: KvServer[] = [];
  try {
    for (const id of VOTERS) {
      servers.push(
        await KvServer.start({
          nodeId: id,
          voters: [...VOTERS],
          storage: args.storage === 'memory' ? new MemoryRaftStorage() : { dataDir: join(root, String(id)) },
          raft: { listen: raftAddresses.get(id)!, peers: new Map([...raftAddresses].filter(([peer]) => peer !== id)), clusterId: CLUSTER_ID },
          listen: kvAddresses.get(id)!,
          kvPeers: kvAddresses,
          logger,
        }),
      );
    }
    let leader: KvServer | undefined;
    while (leader === undefined) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      leader = servers.find((server) => server.node.status().role === 'leader');
    }
    // One put through the service before the load, so the client starts on a serving leader.
    const probe = new KzKvClient(leader.address);
    await probe.putFollowingLeader(Buffer.from('kv-put-cpu'), Buffer.from('x'));
    probe.close();

    console.log(
      `kv-put-cpu: 3 KvServers in this process (Raft gRPC streams on loopback, ${args.storage === 'memory' ? 'MemoryRaftStorage' : 'LevelDB synced'}), a client process doing unary Put, ` +
        `${concurrency} in flight, ${warmupMs / 1000} s warm-up + ${durationMs / 1000} s`,
    );
    const child = spawn(process.execPath, [join(__dirname, 'kv-put-load.js'), leader.address, String(concurrency), String(warmupMs), String(durationMs), String(args.keySpace)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

    // The window is the servers' own: CPU and committed offsets sampled at the same instants.
    await new Promise((resolve) => setTimeout(resolve, warmupMs));
    const hw0 = leader.node.status().highWatermark;
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    await new Promise((resolve) => setTimeout(resolve, durationMs));
    const cpu = process.cpuUsage(cpu0);
    const seconds = (performance.now() - t0) / 1000;
    const committed = leader.node.status().highWatermark - hw0;
    const code = await exited;
    const load = JSON.parse(output.trim().split('\n').pop() ?? '{}') as LoadReport;

    const cpuUs = cpu.user + cpu.system;
    console.log(
      `kv-put-cpu @${concurrency} ${args.storage}: server CPU per write ${Math.round(cpuUs / committed)} µs (user ${Math.round(cpu.user / committed)}, system ${Math.round(cpu.system / committed)}; ` +
        `${(cpuUs / 1e6 / seconds).toFixed(2)} cores, ${formatRate(committed / seconds)} commits/s); ` +
        `client: ${formatRate(load.writes / load.seconds)} writes/s, p50 ${formatMs(load.p50)} p99 ${formatMs(load.p99)} ms, errors ${load.errors}` +
        (load.errorSamples.length > 0 ? ` (${load.errorSamples.join('; ')})` : ''),
    );
    return code === 0 && committed > 0 ? 0 : 1;
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
    rmSync(root, { recursive: true, force: true });
  }
}

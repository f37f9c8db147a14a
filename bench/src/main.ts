#!/usr/bin/env node
/**
 * `pnpm bench <name> [flags]`: side-by-side benchmarks (DESIGN.md §8).
 *   raft-core        three pure RaftCores in one process: the protocol's own ceiling
 *   raft-vs-etcd     a 3-node kz kv cluster and a 3-member etcd cluster, the same gRPC load on each
 *   metadata-vs-zookeeper  a 3-node kz controller quorum and a 3-server ZooKeeper ensemble doing a Kafka cluster's metadata work
 *   broker-vs-nats   a 3-node kz cluster and a 3-server NATS JetStream cluster, the same parallelism, replicated produce then
 *                    consume over a sweep of sends in flight, and the disk's fsynced write rate
 *   broker-path-cpu  3 brokers in one process (Kafka listener, ReplicaManagers, gRPC replication): CPU per produced and consumed message
 *   metadata-storm   3 combined kz nodes under one CreateTopics of 20,000 partitions and a producer, then a broker SIGKILL
 *   profile-summary  the top self-time functions of .cpuprofile files (a file or a directory)
 */
import { BenchUsageError, parseBenchArgs } from './bench-args';
import { runBrokerVsNats } from './broker-vs-nats';
import { printProfileSummary } from './cpu-profile-summary';
import { runRaftCoreBench } from './raft-core-bench';
import { runMetadataStorm } from './metadata-storm';
import { runMetadataVsZookeeper } from './metadata-vs-zookeeper';
import { runRaftVsEtcd } from './raft-vs-etcd';
import { runRaftNodeCpu } from './raft-node-cpu';
import { runKvPutCpu } from './kv-put-cpu';
import { runBrokerPathCpu } from './broker-path-cpu';

const USAGE = `usage: pnpm bench <raft-core|raft-vs-etcd|raft-node-cpu|kv-put-cpu|metadata-vs-zookeeper|broker-vs-nats|broker-path-cpu|metadata-storm|profile-summary> [flags]   (-h, --help: this text)
  raft-core        --duration S (10) --warmup S (2) --inflight K (64) --records 1,16
  raft-vs-etcd     --duration S (20) --warmup S (5) per run --concurrency C[,C...] (1,16,64,256; the last ratio line is at 64) --connections N (1)
                   --key-space N (100000) --only etcd,kz,kz-unary (kz: KvClient, pipelined; kz-unary: a unary Put per write, as etcd's side) --profile [--profile-dir DIR]
  raft-node-cpu    --duration S (10) --warmup S (2) --concurrency C (64): 3 RaftNodes in this process, CPU per
                   committed write (run as node --cpu-prof bench/dist/main.js raft-node-cpu to profile)
  kv-put-cpu       --duration S (10) --warmup S (3) --concurrency C (64) --key-space N (100000) --storage level|memory (level):
                   3 examples/kv servers in this
                   process, a client process doing unary Put; server CPU per committed write (node --cpu-prof to profile)
  metadata-vs-zookeeper  --only zookeeper,kz --profile [--profile-dir DIR]
  broker-vs-nats   --messages N (100000 per size and point) --duration S (15, most a point's timed sends take)
                   --concurrency C[,C...] (1,16,256,2048) --parallelism same|one (same) --only nats,kz[,kz-tls] --profile [--profile-dir DIR]
                   (kz-tls: kz again with TLS on every listener, only when named; prints ratio kz-tls/kz)
                   --batch-bytes N (kz producer batch.size; default Kafka's 16384) --linger-ms N (kz producer linger.ms; default Kafka's 5)
  broker-path-cpu  [RECORDxBATCH ...] --duration S (3 per produce case) --concurrency K (5 produce requests in flight): 3 brokers in
                   this process, CPU per message produced (RF3 acks=all, 1 KiB and 100 B records in 16 KiB and 256 KiB batches) and
                   consumed; run it as node --initial-heap-size=256 bench/dist/main.js broker-path-cpu to give it the brokers' V8 flags
                   (BROKER_V8_FLAGS), and add --cpu-prof to profile
  metadata-storm   --topics N (200) --partitions N (100)
  profile-summary  <file.cpuprofile | directory>`;

async function main(argv: readonly string[]): Promise<number> {
  const args = parseBenchArgs(argv);
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  const [name, ...rest] = args.positionals;
  switch (name) {
    case 'raft-core':
      runRaftCoreBench(args);
      return 0;
    case 'raft-vs-etcd':
      return runRaftVsEtcd(args);
    case 'raft-node-cpu':
      return runRaftNodeCpu(args);
    case 'kv-put-cpu':
      return runKvPutCpu(args);
    case 'metadata-vs-zookeeper':
      return runMetadataVsZookeeper(args);
    case 'broker-vs-nats':
      return runBrokerVsNats(args);
    case 'broker-path-cpu':
      return runBrokerPathCpu(args);
    case 'metadata-storm':
      return runMetadataStorm(args);
    case 'profile-summary': {
      const target = rest[0];
      if (target === undefined) throw new BenchUsageError('profile-summary needs a .cpuprofile file or a directory');
      printProfileSummary(target);
      return 0;
    }
    default:
      throw new BenchUsageError(name === undefined ? 'name a benchmark' : `unknown benchmark "${name}"`);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof BenchUsageError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
      console.error(`error: ${error.message}\n${USAGE}`);
      process.exitCode = 2;
      return;
    }
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exitCode = 1;
  },
);

/**
 * The client side of `kv-put-cpu`, in its own process so that its CPU is not counted as the
 * servers': KvService.Put through KzKvClient (raft-vs-etcd's kz-unary client, with its 8-byte keys and 256-byte values), a closed loop of
 * `concurrency` unary puts, then one JSON line with what it measured.
 *
 *   node kv-put-load.js <kv address> <concurrency> <warm-up ms> <duration ms> <key space>
 */
import { KzKvClient } from './kz-kv-client';
import { runClosedLoop } from './load-generator';

const KEY_BYTES = 8;
const VALUE_BYTES = 256;

async function main(argv: readonly string[]): Promise<void> {
  const [address, concurrency, warmupMs, durationMs, keySpace] = argv;
  if (address === undefined || keySpace === undefined) throw new Error('usage: kv-put-load <address> <concurrency> <warmup ms> <duration ms> <key space>');
  const client = new KzKvClient(address);
  const result = await runClosedLoop(client, {
    concurrency: Number(concurrency),
    warmupMs: Number(warmupMs),
    durationMs: Number(durationMs),
    keySpace: Number(keySpace),
    keyBytes: KEY_BYTES,
    valueBytes: VALUE_BYTES,
  });
  client.close();
  process.stdout.write(
    `${JSON.stringify({ writes: result.writes, errors: result.errors, seconds: result.seconds, p50: result.latency.quantile(0.5), p99: result.latency.quantile(0.99), errorSamples: result.errorSamples })}\n`,
  );
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});

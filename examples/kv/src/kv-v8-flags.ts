/**
 * The V8 flags a kv node runs with: `kz-kv` carries them in its `#!/usr/bin/env -S node ...`
 * line, and whatever starts a node with `node <entry>` (the three-node launcher, the tests, the
 * benchmark) passes them before the entry.
 *
 * Why: under load a node allocates a few short-lived objects per write (the request, the command,
 * its record, the answer), thousands of writes a second, and V8's default young generation
 * (16 MB semi-spaces) then scavenges several times a second. Twice that size measured +3% writes/s
 * and a lower p999 at 64 puts in flight (`pnpm bench raft-vs-etcd --only kz --concurrency 64`,
 * interleaved runs with and without). It is a ceiling the young generation may grow to, not
 * memory taken up front.
 */
export const KV_V8_FLAGS: readonly string[] = ['--max-semi-space-size=32'];

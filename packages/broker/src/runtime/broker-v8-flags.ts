/**
 * The V8 flags a broker process runs with, as Kafka's start script gives its JVM a heap (-Xms):
 * `kz-broker-server` and `kz` carry them in their `#!/usr/bin/env -S node ...` line, and whatever
 * starts a broker with `node <entry>` should pass them before the entry.
 *
 * Why: a broker allocates its record bytes as ArrayBuffers (request frames, log reads, gRPC
 * messages), tens of MB a second, while its JavaScript heap stays near 20 MB. V8 counts that
 * external memory against an old-generation limit sized from the small heap, so it ran a full
 * mark-compact every few MB replicated — measured (bench broker-path-cpu, 1 KiB records in
 * 256 KiB batches) as a third of the broker's CPU. A larger initial old generation lets the
 * buffers die in scavenges; the limit is a threshold, not memory taken up front.
 */
export const BROKER_V8_FLAGS: readonly string[] = ['--initial-heap-size=256'];

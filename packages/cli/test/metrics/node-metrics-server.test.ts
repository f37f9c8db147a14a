/**
 * A real single-node kz (metadata voter and broker in this process) started with NodeMetrics'
 * instrumentation: what a scrape of /metrics says after a topic is created and records produced.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { KzClient, parseBrokerServerFlags, startBrokerServer, type RunningBroker } from '@kz/broker';
import { MetadataAdminClient } from '@kz/metadata';
import { freePorts, until } from '@kz/raft/testing';
import pino from 'pino';
import { NodeMetrics } from '../../src/metrics/node-metrics';
import { samplesOf, scrape, valueOf, type Sample } from './scrape';

jest.setTimeout(60_000);

const quiet = pino({ level: 'silent' });
const TOPIC = 'metered';
const RECORDS = 5;

let dataDir: string;
let metrics: NodeMetrics;
let running: RunningBroker;
let admin: MetadataAdminClient;
let client: KzClient;
let address: string;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'kz-metrics-'));
  const [raftPort] = await freePorts(1);
  const command = parseBrokerServerFlags([
    '--node-id=1',
    `--data-dir=${dataDir}`,
    '--cluster-id=t',
    `--voters=1@127.0.0.1:${raftPort}`,
    // Port 0: a lone voter's broker then registers at the admin port actually bound.
    '--admin-listen=127.0.0.1:0',
    '--listen=127.0.0.1:0',
    '--replication-listen=127.0.0.1:0',
    '--offsets-topic-partitions=1',
  ]);
  if (command.kind !== 'run') throw new Error('expected settings to run');
  metrics = new NodeMetrics({ nodeId: 1 });
  running = await startBrokerServer(command.settings, quiet, metrics.instrumentation);
  metrics.watch({ metadata: running.metadata.node, broker: running.broker });
  address = await metrics.serve('127.0.0.1:0', quiet);
  admin = new MetadataAdminClient({ controllers: [{ id: 1, address: running.metadata.server.address }], logger: quiet });
  client = new KzClient({ bootstrap: [`127.0.0.1:${running.broker.port}`], requestTimeoutMs: 10_000 });
});

afterAll(async () => {
  await client?.close();
  admin?.close();
  await running?.stop();
  await metrics?.stop();
  if (dataDir !== undefined) await rm(dataDir, { recursive: true, force: true });
});

test('a scrape reports the Raft state, the produced partition and the requests served', async () => {
  await until('the broker to be unfenced', async () => ((await client.metadata()).brokers.length === 1 ? true : undefined), 30_000);
  const { topics } = await admin.createTopics({ topics: [{ name: TOPIC, numPartitions: 1, replicationFactor: 1 }] });
  expect(topics[0]!.error).toBeNull();

  const producer = client.producer({ acks: -1 });
  const sent = await Promise.all(Array.from({ length: RECORDS }, (_, i) => producer.send(TOPIC, { key: null, value: Buffer.from(`r${i}`) })));
  expect(sent.every((s) => s.partition === 0)).toBe(true);

  const samples: Sample[] = await scrape(address);
  const partition = { topic: TOPIC, partition: '0' };

  // The metadata log: one voter, leading an epoch it elected itself in, its writes committed.
  expect(valueOf(samples, 'kz_raft_current_epoch')).toBeGreaterThanOrEqual(1);
  expect(valueOf(samples, 'kz_raft_role', { role: 'leader' })).toBe(1);
  expect(valueOf(samples, 'kz_raft_leader_id')).toBe(1);
  expect(valueOf(samples, 'kz_raft_elections_started_total')).toBeGreaterThanOrEqual(1);
  expect(valueOf(samples, 'kz_raft_leader_changes_total')).toBeGreaterThanOrEqual(1);
  expect(valueOf(samples, 'kz_raft_high_watermark')).toBeGreaterThan(0);
  expect(valueOf(samples, 'kz_raft_log_end_offset')).toBeGreaterThanOrEqual(valueOf(samples, 'kz_raft_high_watermark'));
  expect(valueOf(samples, 'kz_raft_voter_fetch_lag_offsets', { voter: '1' })).toBe(0);
  // Registration, the topic: the controller's appends were timed until committed.
  expect(valueOf(samples, 'kz_raft_commit_latency_seconds_count')).toBeGreaterThan(0);

  // The partition: every acknowledged record (acks=all) is below the high watermark.
  expect(valueOf(samples, 'kz_partition_high_watermark', partition)).toBe(RECORDS);
  expect(valueOf(samples, 'kz_partition_log_end_offset', partition)).toBe(RECORDS);
  expect(valueOf(samples, 'kz_partition_isr_size', partition)).toBe(1);
  expect(valueOf(samples, 'kz_partition_leader', partition)).toBe(1);
  expect(valueOf(samples, 'kz_leader_partitions')).toBeGreaterThanOrEqual(1);
  expect(valueOf(samples, 'kz_under_replicated_partitions')).toBe(0);
  expect(valueOf(samples, 'kz_offline_partitions')).toBe(0);

  // The requests: the produces (batched by the client, so at least one) and the admin call.
  const produced = samplesOf(samples, 'kz_requests_total', { service: 'broker', api: 'Produce', error: 'none' });
  expect(produced).toHaveLength(1);
  expect(produced[0]!.value).toBeGreaterThanOrEqual(1);
  expect(valueOf(samples, 'kz_request_duration_seconds_count', { service: 'broker', api: 'Produce' })).toBe(produced[0]!.value);
  expect(valueOf(samples, 'kz_requests_total', { service: 'broker', api: 'Metadata', error: 'none' })).toBeGreaterThanOrEqual(1);
  expect(valueOf(samples, 'kz_requests_total', { service: 'admin', api: 'CreateTopics', error: 'none' })).toBeGreaterThanOrEqual(1);
  // The broker's own registration and heartbeats go to the admin service too.
  expect(samplesOf(samples, 'kz_requests_total', { service: 'admin' }).length).toBeGreaterThan(1);
});

test('a scrape reports the node keeping up: heartbeat round trips, event-loop delays, log descriptors', async () => {
  await until('a heartbeat answered', async () => (valueOf(await scrape(address), 'kz_broker_heartbeat_round_trip_seconds_count', { outcome: 'answered' }) > 0 ? true : undefined), 30_000);
  metrics.instrumentation.eventLoopDelay(120);
  const samples = await scrape(address);
  expect(valueOf(samples, 'kz_broker_heartbeat_round_trip_max_seconds')).toBeGreaterThan(0);
  expect(valueOf(samples, 'kz_event_loop_delay_max_seconds')).toBeGreaterThanOrEqual(0.12);
  expect(valueOf(samples, 'kz_event_loop_delay_seconds_bucket', { le: '0.1' })).toBe(valueOf(samples, 'kz_event_loop_delay_seconds_count') - 1);
  expect(valueOf(samples, 'kz_log_max_open_files')).toBeGreaterThan(0);
  expect(valueOf(samples, 'kz_log_open_files')).toBeLessThanOrEqual(valueOf(samples, 'kz_log_max_open_files'));
  expect(valueOf(samples, 'kz_controller_broker_fencings_total')).toBe(0);
});

test('?name= answers just the metrics asked for', async () => {
  const samples = await scrape(address, ['kz_raft_current_epoch', 'kz_no_such_metric']);
  expect(new Set(samples.map((s) => s.name))).toEqual(new Set(['kz_raft_current_epoch']));
});

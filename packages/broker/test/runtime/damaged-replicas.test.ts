/**
 * The broker's report of the logs its recovery cut (RegisterBrokerRequest.damagedReplicas): found by
 * DiskLogDirectory before the broker registers, kept in damaged-replicas-checkpoint until a
 * registration carrying it was answered, and sent by BrokerLifecycle with every registration.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import pino from 'pino';
import {
  BrokerLifecycle,
  CorruptCheckpointError,
  DAMAGED_REPLICAS_CHECKPOINT,
  DiskLogDirectory,
  FileHandlePool,
  formatDamagedReplicas,
  parseDamagedReplicas,
  type PartitionLog,
} from '@kz/broker';
import type { ControllerApi } from '@kz/metadata';
import { batch, cleanupTempDirs, tempDir } from '../log/helpers';

afterEach(cleanupTempDirs);

const TOPIC_ID = 'AAAAAAAAAAAAAAAAAAAAAA';
const OTHER_TOPIC_ID = 'AQIDBAUGBwgJCgsMDQ4PEA';

function directory(root: string): DiskLogDirectory {
  return new DiskLogDirectory(root, {}, undefined, { fileHandles: new FileHandlePool({ maxOpenFiles: 16 }) });
}

/** A start's recovery, its logs closed again as the broker does once its ReplicaManager opened what it hosts. */
function recover(root: string) {
  const logs = directory(root);
  try {
    return logs.recoverAtStartUp();
  } finally {
    logs.releaseRecovered();
  }
}

/** Two replicas with three flushed batches each, closed cleanly. */
function twoLogs(root: string): void {
  const logs = directory(root);
  for (const [topicId, name] of [[TOPIC_ID, 'events'], [OTHER_TOPIC_ID, 'other']] as const) {
    const log = logs.open(topicId, name, 2);
    for (let i = 0; i < 3; i++) log.append(batch({ count: 2, label: `${name}${i}` }), 0);
    log.flush();
    log.close();
  }
}

/** Flips a bit in the CRC-covered bytes of the first batch of `<dir>`'s active segment, as a bad sector would. */
function flipFirstBatch(root: string, dir: string): void {
  const file = path.join(root, dir, '00000000000000000000.log');
  const bytes = fs.readFileSync(file);
  bytes[40]! ^= 0x10;
  fs.writeFileSync(file, bytes);
}

describe('DiskLogDirectory.recoverAtStartUp', () => {
  it('reports nothing for logs that recover whole, and ignores what is not a partition directory', () => {
    const root = tempDir();
    twoLogs(root);
    fs.mkdirSync(path.join(root, 'not-a-partition'));
    fs.mkdirSync(path.join(root, 'no-metadata-0'));
    const logs = directory(root);
    expect(logs.recoverAtStartUp()).toEqual([]);
    logs.releaseRecovered();
    expect(fs.existsSync(path.join(root, DAMAGED_REPLICAS_CHECKPOINT))).toBe(false);
  });

  it('reports a log whose recovery cut a flipped batch — committed records or not, it cannot tell — and cuts it', () => {
    const root = tempDir();
    twoLogs(root);
    flipFirstBatch(root, 'events-2');
    const logs = directory(root);
    expect(logs.recoverAtStartUp()).toEqual([{ topicId: TOPIC_ID, partitionId: 2 }]);
    const reopened = logs.open(TOPIC_ID, 'events', 2);
    expect(reopened.logEndOffset).toBe(0);
    const other = logs.open(OTHER_TOPIC_ID, 'other', 2);
    expect(other.logEndOffset).toBe(6);
    reopened.close();
    other.close();
  });

  it('a cut counts when the log now ends below its checkpointed HW, or when there is no checkpointed HW to tell by', () => {
    const root = tempDir();
    twoLogs(root);
    const tearLastBatch = (dir: string): void => {
      const file = path.join(root, dir, '00000000000000000000.log');
      fs.truncateSync(file, fs.statSync(file).size - 5);
    };
    // No HW checkpoint yet: the broker cannot tell a torn tail from lost committed records.
    tearLastBatch('other-2');
    expect(recover(root)).toEqual([{ topicId: OTHER_TOPIC_ID, partitionId: 2 }]);
    directory(root).damageReported([{ topicId: OTHER_TOPIC_ID, partitionId: 2 }]);

    // events-2 committed up to 4 of its 6 records, other-2 (now 4 records) up to 4: a torn last
    // batch cuts events-2 to 4 — nothing committed lost — and other-2 to 2, below its HW.
    directory(root).writeHighWatermarks([
      { topicId: TOPIC_ID, partitionId: 2, highWatermark: 4 },
      { topicId: OTHER_TOPIC_ID, partitionId: 2, highWatermark: 4 },
    ]);
    tearLastBatch('events-2');
    tearLastBatch('other-2');
    expect(recover(root)).toEqual([{ topicId: OTHER_TOPIC_ID, partitionId: 2 }]);
  });

  it('keeps reporting a cut until a registration carrying it was answered, even once the log recovers whole', () => {
    const root = tempDir();
    twoLogs(root);
    flipFirstBatch(root, 'events-2');
    const damaged = [{ topicId: TOPIC_ID, partitionId: 2 }];
    expect(recover(root)).toEqual(damaged);
    // That start died before registering; the cut is made, but the next start still reports it.
    const next = directory(root);
    expect(next.recoverAtStartUp()).toEqual(damaged);
    next.releaseRecovered();
    next.damageReported(damaged);
    expect(fs.existsSync(path.join(root, DAMAGED_REPLICAS_CHECKPOINT))).toBe(false);
    expect(recover(root)).toEqual([]);
  });

  it('adds new cuts to the unreported ones, and forgets only those reported', () => {
    const root = tempDir();
    twoLogs(root);
    flipFirstBatch(root, 'events-2');
    expect(recover(root)).toHaveLength(1);
    flipFirstBatch(root, 'other-2');
    const logs = directory(root);
    expect(logs.recoverAtStartUp()).toEqual([
      { topicId: TOPIC_ID, partitionId: 2 },
      { topicId: OTHER_TOPIC_ID, partitionId: 2 },
    ]);
    logs.releaseRecovered();
    logs.damageReported([{ topicId: TOPIC_ID, partitionId: 2 }]);
    expect(recover(root)).toEqual([{ topicId: OTHER_TOPIC_ID, partitionId: 2 }]);
  });

  it('refuses a damaged checkpoint with CorruptCheckpointError rather than forget what it held', () => {
    const root = tempDir();
    twoLogs(root);
    fs.writeFileSync(path.join(root, DAMAGED_REPLICAS_CHECKPOINT), '0\n2\nAAAAAAAAAAAAAAAAAAAAAA 1\n');
    expect(() => directory(root).recoverAtStartUp()).toThrow(CorruptCheckpointError);
  });

  it('recovers each log once per start: the ReplicaManager gets the log recovered, and the rest are closed on release', () => {
    const root = tempDir();
    twoLogs(root);
    flipFirstBatch(root, 'events-2');
    let recoveries = 0;
    const logs = new DiskLogDirectory(root, {}, () => recoveries++, { fileHandles: new FileHandlePool({ maxOpenFiles: 16 }) });
    logs.recoverAtStartUp();
    expect(recoveries).toBe(1);
    const events = logs.open(TOPIC_ID, 'events', 2) as PartitionLog;
    // The same log recovery opened (its report still on it), not a second recovery.
    expect(events.recovery).toHaveLength(1);
    expect(recoveries).toBe(1);
    events.append(batch({ count: 1 }), 1);
    events.flush();
    expect(events.logEndOffset).toBe(1);
    logs.releaseRecovered();
    // Released without being asked for, it opens afresh — and whole.
    const other = logs.open(OTHER_TOPIC_ID, 'other', 2) as PartitionLog;
    expect(other.recovery).toEqual([]);
    expect(other.logEndOffset).toBe(6);
    events.close();
    other.close();
  });

  it('a recovered log of another topic under the same name is closed and wiped when the new topic opens it', () => {
    const root = tempDir();
    twoLogs(root);
    const logs = directory(root);
    logs.recoverAtStartUp();
    const recreated = logs.open(OTHER_TOPIC_ID, 'events', 2);
    expect(recreated.logEndOffset).toBe(0);
    logs.releaseRecovered();
  });

  it('tells the broker where recovery cut, as any open would', () => {
    const root = tempDir();
    twoLogs(root);
    flipFirstBatch(root, 'events-2');
    const seen: string[] = [];
    const logs = new DiskLogDirectory(root, {}, (dir: string, log: PartitionLog) => seen.push(`${path.basename(dir)}:${log.recovery[0]?.reason}`));
    logs.recoverAtStartUp();
    logs.releaseRecovered();
    expect(seen).toEqual(['events-2:crc-mismatch']);
  });
});

describe('the damaged-replicas checkpoint format', () => {
  it('round-trips, and refuses what it did not write whole', () => {
    const replicas = [
      { topicId: TOPIC_ID, partitionId: 0 },
      { topicId: OTHER_TOPIC_ID, partitionId: 17 },
    ];
    const text = formatDamagedReplicas(replicas);
    expect(text).toBe(`0\n2\n${TOPIC_ID} 0\n${OTHER_TOPIC_ID} 17\n`);
    expect(parseDamagedReplicas(text, 'f')).toEqual(replicas);
    expect(parseDamagedReplicas(formatDamagedReplicas([]), 'f')).toEqual([]);
    for (const bad of ['', '0\n1\n', `0\n1\n${TOPIC_ID} 0`, `1\n1\n${TOPIC_ID} 0\n`, `0\n1\n${TOPIC_ID} x\n`, `0\n1\n${TOPIC_ID} -1\n`]) {
      expect(() => parseDamagedReplicas(bad, 'f')).toThrow(CorruptCheckpointError);
    }
  });
});

describe('BrokerLifecycle registration', () => {
  it('carries the damaged replicas with every registration of the incarnation, and none when there are none', async () => {
    const sent: ControllerApi['registerBroker'][0][] = [];
    const channel = {
      registerBroker: async (request: ControllerApi['registerBroker'][0]) => {
        sent.push(request);
        return { brokerEpoch: 10 };
      },
      brokerHeartbeat: () => new Promise<never>(() => undefined),
      alterPartition: () => Promise.reject(new Error('unused')),
      createTopics: () => Promise.reject(new Error('unused')),
      allocateProducerIds: () => Promise.reject(new Error('unused')),
    };
    const damaged = [{ topicId: TOPIC_ID, partitionId: 3 }];
    const registered: number[] = [];
    const common = { clusterId: 'c', endpoints: [], rack: null, channel, appliedOffset: () => 0, onRegistered: (epoch: number) => registered.push(epoch), logger: pino({ level: 'silent' }) };
    const withDamage = new BrokerLifecycle({ ...common, brokerId: 1, damagedReplicas: damaged });
    const clean = new BrokerLifecycle({ ...common, brokerId: 2 });
    withDamage.start();
    clean.start();
    await new Promise((resolve) => setImmediate(resolve));
    withDamage.stop();
    clean.stop();
    expect(registered).toEqual([10, 10]);
    expect(sent.find((r) => r.brokerId === 1)?.damagedReplicas).toEqual(damaged);
    expect(sent.find((r) => r.brokerId === 2)).not.toHaveProperty('damagedReplicas');
  });
});

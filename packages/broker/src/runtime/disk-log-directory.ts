/**
 * Partition logs on disk, one directory per partition named `<topic>-<partition>` as Kafka names
 * them, with a `partition.metadata` file holding the topic id (KIP-516). A directory whose topic id
 * differs belongs to a deleted topic of the same name and is wiped before reuse, so a recreated
 * topic never inherits an old topic's records.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PartitionLog } from '../log/partition-log.js';
import type { LogConfig } from '../log/log-config.js';
import type { ReplicaLog } from '../log/replica-log.js';
import type { LogDirectory } from '../server/replica-manager.js';

const PARTITION_METADATA = 'partition.metadata';

export class DiskLogDirectory implements LogDirectory {
  private readonly dirs = new Map<ReplicaLog, string>();

  constructor(
    readonly root: string,
    private readonly logConfig: Partial<LogConfig> = {},
    private readonly onRecovery?: (dir: string, log: PartitionLog) => void,
  ) {
    fs.mkdirSync(root, { recursive: true });
  }

  open(topicId: string, topicName: string, partitionId: number): ReplicaLog {
    const dir = path.join(this.root, `${topicName}-${partitionId}`);
    const metadataFile = path.join(dir, PARTITION_METADATA);
    const recorded = readTopicId(metadataFile);
    if (recorded !== undefined && recorded !== topicId) fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    if (recorded !== topicId) writeTopicId(metadataFile, topicId);
    const log = PartitionLog.open(dir, this.logConfig);
    if (log.recovery.length > 0) this.onRecovery?.(dir, log);
    this.dirs.set(log, dir);
    return log;
  }

  remove(log: ReplicaLog, _topicId: string, _partitionId: number): void {
    const dir = this.dirs.get(log);
    this.dirs.delete(log);
    log.close();
    if (dir !== undefined) fs.rmSync(dir, { recursive: true, force: true });
  }
}

function readTopicId(file: string): string | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  return /^topic_id: (\S+)$/m.exec(text)?.[1];
}

function writeTopicId(file: string, topicId: string): void {
  const tmp = `${file}.tmp`;
  const fd = fs.openSync(tmp, 'w');
  try {
    fs.writeSync(fd, `version: 0\ntopic_id: ${topicId}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
}

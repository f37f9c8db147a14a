/**
 * The offsets file of Kafka's kafka-delete-records (--offset-json-file), read as Kafka reads it:
 * `{"partitions": [{"topic": "orders", "partition": 0, "offset": 42}], "version": 1}`, an offset of
 * -1 meaning every committed record (the high watermark). A file that is not that — not JSON, an
 * entry without a topic, a negative partition, a partition listed twice — is a usage error naming
 * what is wrong, and nothing is deleted.
 */
import * as fs from 'node:fs';
import type { RecordDeletion } from '@kz/broker';
import { CliError, usageError } from '../cli-error';

export function parseOffsetJson(text: string, file: string): RecordDeletion[] {
  const bad = (why: string): CliError => usageError(`--offset-json-file ${file}: ${why}`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw bad(`not JSON (${(error as Error).message})`);
  }
  if (typeof parsed !== 'object' || parsed === null || !Array.isArray((parsed as { partitions?: unknown }).partitions)) throw bad('expected {"partitions": [{"topic": ..., "partition": ..., "offset": ...}], "version": 1}');
  const version = (parsed as { version?: unknown }).version;
  if (version !== undefined && version !== 1) throw bad(`unknown version ${JSON.stringify(version)} (1 is the only one)`);
  const seen = new Set<string>();
  return ((parsed as { partitions: unknown[] }).partitions).map((entry, i) => {
    const e = (typeof entry === 'object' && entry !== null ? entry : {}) as { topic?: unknown; partition?: unknown; offset?: unknown };
    if (typeof e.topic !== 'string' || e.topic === '') throw bad(`entry ${i + 1} has no topic`);
    if (typeof e.partition !== 'number' || !Number.isSafeInteger(e.partition) || e.partition < 0) throw bad(`entry ${i + 1} (${e.topic}) needs a partition number ≥ 0`);
    if (typeof e.offset !== 'number' || !Number.isSafeInteger(e.offset) || e.offset < -1) throw bad(`entry ${i + 1} (${e.topic}-${e.partition}) needs an offset ≥ 0, or -1 for the high watermark`);
    const key = `${e.topic}-${e.partition}`;
    if (seen.has(key)) throw bad(`${key} is listed twice`);
    seen.add(key);
    return { topic: e.topic, partition: e.partition, offset: e.offset === -1 ? 'high-watermark' : e.offset };
  });
}

export function readOffsetJsonFile(file: string): RecordDeletion[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw usageError(`--offset-json-file ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  return parseOffsetJson(text, file);
}

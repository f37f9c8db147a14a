/**
 * A topic's log settings from the metadata image: each topic config (segment.bytes, retention.ms,
 * ...) resolved as Kafka resolves it — the topic's own value, else the cluster default's synonym
 * (log.segment.bytes, ...), else Kafka's default.
 */
import { effectiveTopicConfig, type MetadataImage } from '@kz/metadata';
import type { LogConfig } from '../log/log-config';

const TOPIC_LOG_CONFIGS: readonly (readonly [string, keyof Omit<LogConfig, 'now'>])[] = [
  ['segment.bytes', 'segmentBytes'],
  ['segment.ms', 'segmentMs'],
  ['retention.ms', 'retentionMs'],
  ['retention.bytes', 'retentionBytes'],
  ['max.message.bytes', 'maxMessageBytes'],
  ['index.interval.bytes', 'indexIntervalBytes'],
];

export function topicLogConfig(image: MetadataImage, topicName: string): Partial<LogConfig> {
  const configs = (key: string): ReadonlyMap<string, string> => image.configs.get(key) ?? new Map<string, string>();
  const out: Partial<Record<keyof Omit<LogConfig, 'now'>, number>> = {};
  for (const [name, field] of TOPIC_LOG_CONFIGS) {
    const value = Number(effectiveTopicConfig(configs, topicName, name));
    if (Number.isSafeInteger(value)) out[field] = value;
  }
  return out;
}

export function sameLogConfig(a: Partial<LogConfig> | undefined, b: Partial<LogConfig>): boolean {
  return a !== undefined && TOPIC_LOG_CONFIGS.every(([, field]) => a[field] === b[field]);
}

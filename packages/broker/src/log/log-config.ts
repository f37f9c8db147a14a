/**
 * Per-partition log settings. Names mirror Kafka's topic configs
 * (LogConfig / ServerLogConfigs); defaults are Kafka's.
 */
export interface LogConfig {
  /** segment.bytes: roll when the active segment would grow past this. Default 1 GiB. */
  segmentBytes: number;
  /** segment.ms: roll when the active segment's first batch is this old. Default 7 days. */
  segmentMs: number;
  /** retention.ms: delete a closed segment whose largest timestamp is older. -1 = forever. Default 7 days. */
  retentionMs: number;
  /** retention.bytes: delete oldest closed segments while the log is larger. -1 = unlimited (default). */
  retentionBytes: number;
  /** index.interval.bytes: bytes of batches between sparse index entries. Default 4096. */
  indexIntervalBytes: number;
  /** max.message.bytes: largest batch accepted. Default 1 MiB + 12. */
  maxMessageBytes: number;
  /** producer.id.expiration.ms (a broker setting in Kafka): an idle producer's state is dropped after this. Default 1 day. */
  producerIdExpirationMs: number;
  /** Wall clock in epoch ms, for segment.ms and retention.ms; injectable so tests never wait. */
  now: () => number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export const DEFAULT_LOG_CONFIG: Readonly<LogConfig> = Object.freeze({
  segmentBytes: 1024 * 1024 * 1024,
  segmentMs: 7 * DAY_MS,
  retentionMs: 7 * DAY_MS,
  retentionBytes: -1,
  indexIntervalBytes: 4096,
  maxMessageBytes: 1024 * 1024 + 12,
  producerIdExpirationMs: DAY_MS,
  now: () => Date.now(),
});

/**
 * Segment positions are int32 in the offset index (Kafka's limit too), so a
 * segment can never exceed 2 GiB - 1.
 */
const MAX_SEGMENT_BYTES = 0x7fff_ffff;

export function resolveLogConfig(overrides: Partial<LogConfig> = {}): LogConfig {
  const config: LogConfig = { ...DEFAULT_LOG_CONFIG, ...overrides };
  const positive = (name: keyof LogConfig, v: number, max = Number.MAX_SAFE_INTEGER): void => {
    if (!Number.isSafeInteger(v) || v <= 0 || v > max) throw new RangeError(`${name} must be an integer in [1, ${max}], got ${v}`);
  };
  positive('segmentBytes', config.segmentBytes, MAX_SEGMENT_BYTES);
  positive('segmentMs', config.segmentMs);
  positive('indexIntervalBytes', config.indexIntervalBytes);
  positive('maxMessageBytes', config.maxMessageBytes);
  positive('producerIdExpirationMs', config.producerIdExpirationMs);
  for (const name of ['retentionMs', 'retentionBytes'] as const) {
    const v = config[name];
    if (!Number.isSafeInteger(v) || v < -1) throw new RangeError(`${name} must be -1 or a non-negative integer, got ${v}`);
  }
  return config;
}

/** The controller's settings: KRaft's defaults, and a typed refusal for each setting out of range. */
import { CONTROLLER_DEFAULTS, InvalidControllerConfigError, resolveControllerConfig } from '../../src/controller/controller-config';

describe('resolveControllerConfig', () => {
  it("fills in KRaft's defaults and keeps what is given", () => {
    expect(resolveControllerConfig({ clusterId: 'c' })).toEqual({ clusterId: 'c', ...CONTROLLER_DEFAULTS });
    expect(CONTROLLER_DEFAULTS).toMatchObject({ sessionTimeoutMs: 9000, noOpIntervalMs: 500, maxRecordsPerBatch: 10_000, recordsPerBatch: 1000, recordsPerSlice: 1000, producerIdBlockSize: 1000, eligibleLeaderReplicasEnabled: true });
    expect(resolveControllerConfig({ clusterId: 'c', sessionTimeoutMs: 1, noOpIntervalMs: 0, maxRecordsPerBatch: 2, recordsPerBatch: 1, recordsPerSlice: 1, producerIdBlockSize: 1 })).toMatchObject({
      sessionTimeoutMs: 1,
      noOpIntervalMs: 0,
      maxRecordsPerBatch: 2,
      recordsPerBatch: 1,
      recordsPerSlice: 1,
      producerIdBlockSize: 1,
    });
    expect(resolveControllerConfig({ clusterId: 'c', maxRecordsPerBatch: 5, recordsPerBatch: 5 })).toMatchObject({ maxRecordsPerBatch: 5, recordsPerBatch: 5 });
  });

  it.each([
    [{ clusterId: '' }, /clusterId must not be empty/],
    [{ sessionTimeoutMs: 0 }, /sessionTimeoutMs 0 must be positive/],
    [{ sessionTimeoutMs: Number.NaN }, /sessionTimeoutMs NaN must be positive/],
    [{ noOpIntervalMs: -1 }, /noOpIntervalMs -1 must be 0 or more/],
    [{ noOpIntervalMs: Number.NaN }, /noOpIntervalMs NaN/],
    [{ maxRecordsPerBatch: 1 }, /maxRecordsPerBatch 1 must be an integer of at least 2/],
    [{ maxRecordsPerBatch: 2.5 }, /maxRecordsPerBatch 2.5/],
    [{ recordsPerBatch: 0 }, /recordsPerBatch 0 must be a positive integer/],
    [{ recordsPerBatch: 1.5 }, /recordsPerBatch 1.5/],
    [{ maxRecordsPerBatch: 100 }, /recordsPerBatch 1000 must not exceed maxRecordsPerBatch 100/],
    [{ maxRecordsPerBatch: 4, recordsPerBatch: 5 }, /recordsPerBatch 5 must not exceed maxRecordsPerBatch 4/],
    [{ recordsPerSlice: 0 }, /recordsPerSlice 0 must be a positive integer/],
    [{ recordsPerSlice: 1.5 }, /recordsPerSlice 1.5/],
    [{ producerIdBlockSize: 0 }, /producerIdBlockSize 0 must be a positive integer/],
    [{ producerIdBlockSize: 1.5 }, /producerIdBlockSize 1.5/],
  ])('refuses %p', (override, message) => {
    const resolve = () => resolveControllerConfig({ clusterId: 'c', ...override });
    expect(resolve).toThrow(InvalidControllerConfigError);
    expect(resolve).toThrow(message);
    try {
      resolve();
    } catch (e) {
      expect(e).toMatchObject({ name: 'InvalidControllerConfigError', code: 'INVALID_CONFIG' });
    }
  });
});

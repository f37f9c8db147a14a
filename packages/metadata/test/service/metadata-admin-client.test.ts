/**
 * MetadataAdminClient's own edges, without a cluster: a quorum nobody answers for gives its last
 * error once the budget is spent, and misuse is refused up front.
 */
import { ApiError } from '../../src/errors/api-error';
import { MetadataAdminClient } from '../../src/service/metadata-admin-client';
import { freePorts } from '../runtime/support/metadata-processes';

test('when no controller answers, the retries end with the last error', async () => {
  const ports = await freePorts(2);
  const client = new MetadataAdminClient({
    controllers: ports.map((port, i) => ({ id: i + 1, address: `127.0.0.1:${port}` })),
    timeoutMs: 500,
    retryBackoffMs: 10,
  });
  try {
    const error = await client.createTopics({ topics: [{ name: 't' }] }).then(
      () => undefined,
      (failure: unknown) => failure,
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'BROKER_NOT_AVAILABLE' });
    expect(client.controllerId).toBe(-1);
  } finally {
    client.close();
  }
});

test('a read pinned to a node the client does not know is refused', async () => {
  const client = new MetadataAdminClient({ controllers: [{ id: 1, address: '127.0.0.1:1' }] });
  try {
    await expect(client.describeCluster({ nodeId: 9 })).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
  } finally {
    client.close();
  }
});

test('a closed client refuses calls', async () => {
  const client = new MetadataAdminClient({ controllers: [{ id: 1, address: '127.0.0.1:1' }] });
  client.close();
  await expect(client.describeQuorum()).rejects.toMatchObject({ code: 'BROKER_NOT_AVAILABLE', message: 'the MetadataAdminClient is closed' });
});

test('the controller list must be non-empty with distinct ids', () => {
  expect(() => new MetadataAdminClient({ controllers: [] })).toThrow(RangeError);
  expect(
    () =>
      new MetadataAdminClient({
        controllers: [
          { id: 1, address: 'a:1' },
          { id: 1, address: 'b:1' },
        ],
      }),
  ).toThrow(RangeError);
  expect(() => new MetadataAdminClient({ controllers: [{ id: 1, address: 'a:1' }], timeoutMs: 0 })).toThrow(RangeError);
});

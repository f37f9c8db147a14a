/**
 * The idempotent producer through the ReplicaManager: a retry after a lost answer — to the same
 * leader, or to the next one after a failover — is acknowledged at the original offsets and
 * stored once.
 */
import { KafkaErrorCode } from '@kz/kafka-protocol';
import { encodeRecordBatch } from '@kz/records';
import { ReplicaCluster, TOPIC, settle } from './replica-cluster';

function idempotentBatch(sequence: number, values: readonly string[]): Uint8Array {
  return encodeRecordBatch({ records: values.map((v) => ({ key: null, value: Buffer.from(v) })), producerId: 4000, producerEpoch: 0, baseSequence: sequence });
}

describe('idempotent produce', () => {
  let cluster: ReplicaCluster;
  beforeEach(() => {
    cluster = new ReplicaCluster();
  });
  afterEach(() => cluster.close());

  async function produce(leader: number, records: Uint8Array): Promise<{ errorCode: number; baseOffset: number }> {
    const answer = cluster.manager(leader).produce({ acks: -1, timeoutMs: 1000, topics: [{ name: TOPIC, partitions: [{ partition: 0, records }] }] }, cluster.now);
    cluster.manager(leader).flush(cluster.now);
    await cluster.pump(2);
    await settle();
    const p = (await answer).topics[0]!.partitions[0]!;
    return { errorCode: p.errorCode, baseOffset: p.baseOffset };
  }

  it('acknowledges a retry at the original offsets, on the same leader and on the next one', async () => {
    const first = idempotentBatch(0, ['a', 'b']);
    expect(await produce(1, first)).toEqual({ errorCode: 0, baseOffset: 0 });
    expect(await produce(1, idempotentBatch(2, ['c']))).toEqual({ errorCode: 0, baseOffset: 2 });
    expect(await produce(1, first)).toEqual({ errorCode: 0, baseOffset: 0 });

    // The leader dies after replicating; the producer retries its last batch at the new leader.
    cluster.kill(1);
    cluster.change({ leader: 2, isr: [2, 3] });
    expect(await produce(2, idempotentBatch(2, ['c']))).toEqual({ errorCode: 0, baseOffset: 2 });
    // Stored once.
    expect(cluster.manager(2).hostedPartitions[0]!.log.logEndOffset).toBe(3);
    expect(await produce(2, idempotentBatch(4, ['e']))).toEqual({ errorCode: KafkaErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER, baseOffset: -1 });

    const described = cluster.manager(2).describeProducers({ topics: [{ name: TOPIC, partitions: [0] }] });
    expect(described.topics[0]!.partitions[0]).toMatchObject({ errorCode: 0, activeProducers: [{ producerId: 4000, producerEpoch: 0, lastSequence: 2 }] });
    expect(cluster.manager(3).describeProducers({ topics: [{ name: TOPIC, partitions: [0] }] }).topics[0]!.partitions[0]!.errorCode).toBe(KafkaErrorCode.NOT_LEADER_OR_FOLLOWER);
  });
});

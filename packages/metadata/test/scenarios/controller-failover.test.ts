import type { NodeId } from '@kz/raft';
import type { AdminOperation, MetadataSimulation } from '@kz/metadata/testing';
import type { ControllerReply, MetadataRecord } from '@kz/metadata';
import {
  admin,
  committedRecords,
  createTopic,
  expectNoViolations,
  isFenceOf,
  leaderships,
  partition,
  resultOf,
  runUntil,
  settle,
  storyCluster,
  uncommittedRecords,
  unfenced,
} from './story';

/**
 * The active controller fails in the middle of each operation, at each of four moments:
 *
 *   sent       it crashes as the operation is sent: the request (if any) never reaches it;
 *   appended   it crashes once it has appended the operation's records, before they commit;
 *   committed  it crashes once they commit, before its reply reaches the client;
 *   resigned   it resigns once it has appended them: it fails the waiting request with
 *              NOT_CONTROLLER, and the client retries elsewhere.
 *
 * Each time a new controller takes over and serves, and the operation takes effect exactly once —
 * whether the first controller's records survived or the client's retry wrote them again — and the
 * client's answers are all ones that say so (success, "already done", or retriable).
 */
type Moment = 'sent' | 'appended' | 'committed' | 'resigned';
const MOMENTS: readonly Moment[] = ['sent', 'appended', 'committed', 'resigned'];

interface Operation {
  readonly name: string;
  /** Brings the cluster to where the operation can run. */
  setup(ms: MetadataSimulation): Promise<void> | void;
  /** Starts the operation (an admin request, a broker's request, or a broker dying). */
  start(ms: MetadataSimulation): Probe;
  /** The records the controller writes for it. */
  marks(record: MetadataRecord): boolean;
  /** It is over: the client has its final answer, or its effect is committed. */
  finished(ms: MetadataSimulation, probe: Probe): boolean;
  verify(ms: MetadataSimulation, probe: Probe, moment: Moment): void;
}

interface Probe {
  readonly admin?: AdminOperation;
  readonly incarnationId?: string;
  readonly brokerEpoch?: number;
  readonly isr?: AlterPartitionClient;
}

/** What each attempt of an admin operation got: success, a retriable refusal, or a timeout. */
function outcomes(op: AdminOperation): string[] {
  return op.attempts.map((a) => (a.outcome === null ? 'pending' : a.outcome === 'timeout' ? 'timeout' : a.outcome.result.ok ? 'ok' : a.outcome.result.error.code));
}

/**
 * The per-item error the final answer must carry: none when the first attempt never reached the
 * controller, "already done" when it committed before the crash, either when it was only appended
 * (it survives if the next leader had replicated it) or when the controller resigned.
 */
function alreadyDone(moment: Moment, code: string): readonly (string | null)[] {
  if (moment === 'sent') return [null];
  if (moment === 'committed') return [code];
  return [null, code];
}

function expectAnsweredOk(op: AdminOperation): ControllerReply {
  expect(op.final).not.toBeNull();
  expect(op.final!.result.ok).toBe(true);
  for (const outcome of outcomes(op)) expect(['ok', 'timeout', 'NOT_CONTROLLER']).toContain(outcome);
  return op.final!;
}

/**
 * AlterPartition as a partition leader sends it: with the epochs of its own image; re-sent (with
 * fresh epochs) when unanswered for 2 s or refused as not controller or out of date — unless its
 * image already shows the ISR it wants.
 */
class AlterPartitionClient {
  readonly answers: ControllerReply[] = [];
  private pendingSince: number | null = null;

  constructor(
    private readonly ms: MetadataSimulation,
    private readonly broker: NodeId,
    private readonly topic: string,
    readonly newIsr: readonly number[],
  ) {
    this.send();
  }

  get done(): boolean {
    const p = this.ms.image(this.broker)?.topic(this.topic)?.partitions[0];
    return p !== undefined && sameSet(p.isr, this.newIsr);
  }

  private send(): void {
    if (this.done) return;
    const image = this.ms.image(this.broker)!;
    const topic = image.topic(this.topic)!;
    const p = topic.partitions[0]!;
    const brokerEpoch = image.brokers.get(this.broker)!.epoch;
    const to = this.ms.activeController() ?? this.ms.sim.leader() ?? this.ms.controllerIds[0]!;
    const request = { kind: 'alterPartition' as const, body: { brokerId: this.broker, brokerEpoch, partitions: [{ topicId: topic.id, partitionId: 0, leaderEpoch: p.leaderEpoch, partitionEpoch: p.partitionEpoch, newIsr: [...this.newIsr] }] } };
    const sent = this.ms.send(this.broker, to, request);
    this.pendingSince = this.ms.now;
    const check = (): void => {
      if (this.done) return;
      if (sent.reply !== null) {
        this.answers.push(sent.reply);
        this.send();
      } else if (this.ms.now - (this.pendingSince ?? 0) >= 2000) this.send();
      else this.ms.schedule(this.ms.now + 100, 'alterPartition client poll', check);
    };
    this.ms.schedule(this.ms.now + 100, 'alterPartition client poll', check);
  }
}

function sameSet(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

const OPERATIONS: readonly Operation[] = [
  {
    name: 'broker registration',
    async setup(ms) {
      // Broker 6 goes away and is fenced, so its next incarnation registers without waiting out a session.
      ms.crash(6);
      await runUntil(ms, 'broker 6 fenced', () => ms.committed.image.brokers.get(6)?.fenced === true, 20_000);
    },
    start(ms) {
      ms.restart(6);
      return { incarnationId: ms.broker(6)!.incarnationId };
    },
    marks: (r) => r.type === 'registerBroker' && r.brokerId === 6,
    finished: (ms) => unfenced(ms, 6),
    verify(ms, probe) {
      const registrations = committedRecords(ms, (r) => r.type === 'registerBroker' && r.incarnationId === probe.incarnationId);
      expect(registrations).toHaveLength(1);
      const record = registrations[0]!;
      expect(record.type === 'registerBroker' && record.brokerEpoch).toBe(ms.broker(6)!.brokerEpoch);
    },
  },
  {
    name: 'CreateTopics',
    setup() {},
    start: (ms) => ({ admin: ms.admin.submit({ kind: 'createTopics', body: { topics: [{ name: 'orders', numPartitions: 3, replicationFactor: 3 }] } }) }),
    marks: (r) => r.type === 'topic' && r.name === 'orders',
    finished: (_ms, probe) => probe.admin!.done,
    verify(ms, probe, moment) {
      const reply = expectAnsweredOk(probe.admin!);
      const result = resultOf(reply, 'createTopics').topics[0]!;
      // A retry after the first attempt committed finds the topic there: the one topic record is the first attempt's.
      expect(alreadyDone(moment, 'TOPIC_ALREADY_EXISTS')).toContain(result.error?.code ?? null);
      expect(committedRecords(ms, (r) => r.type === 'topic' && r.name === 'orders')).toHaveLength(1);
      expect(ms.committed.image.topic('orders')?.partitions).toHaveLength(3);
    },
  },
  {
    name: 'DeleteTopics',
    async setup(ms) {
      await createTopic(ms, 'doomed', [[4, 5], [5, 6]]);
    },
    start: (ms) => ({ admin: ms.admin.submit({ kind: 'deleteTopics', body: { names: ['doomed'] } }) }),
    marks: (r) => r.type === 'removeTopic',
    finished: (_ms, probe) => probe.admin!.done,
    verify(ms, probe, moment) {
      const reply = expectAnsweredOk(probe.admin!);
      const result = resultOf(reply, 'deleteTopics').topics[0]!;
      expect(alreadyDone(moment, 'UNKNOWN_TOPIC_OR_PARTITION')).toContain(result.error?.code ?? null);
      expect(committedRecords(ms, (r) => r.type === 'removeTopic')).toHaveLength(1);
      expect(ms.committed.image.topic('doomed')).toBeUndefined();
    },
  },
  {
    name: 'AlterPartition',
    async setup(ms) {
      await createTopic(ms, 'isr', [[4, 5, 6]]);
    },
    start: (ms) => ({ isr: new AlterPartitionClient(ms, 4, 'isr', [4, 5]) }),
    marks: (r) => r.type === 'partitionChange' && r.isr !== undefined,
    finished: (_ms, probe) => probe.isr!.done,
    verify(ms, probe) {
      const changes = committedRecords(ms, (r) => r.type === 'partitionChange' && r.isr !== undefined);
      expect(changes).toHaveLength(1);
      const p = partition(ms, 'isr');
      expect(p.isr).toEqual([4, 5]);
      expect(p.partitionEpoch).toBe(1);
      expect(p.leader).toBe(4);
      for (const answer of probe.isr!.answers) {
        expect(answer.result.ok ? 'ok' : answer.result.error.code).toMatch(/^(ok|NOT_CONTROLLER)$/);
        if (answer.result.ok) {
          const item = resultOf(answer, 'alterPartition').partitions[0]!;
          // A retry that raced its own committed first attempt is refused as out of date, never applied twice.
          expect([null, 'INVALID_UPDATE_VERSION']).toContain(item.error?.code ?? null);
        }
      }
    },
  },
  {
    name: 'fencing on session expiry',
    async setup(ms) {
      await createTopic(ms, 'led', [[5, 6, 4]]);
    },
    start(ms) {
      const brokerEpoch = ms.committed.image.brokers.get(5)!.epoch;
      ms.crash(5);
      return { brokerEpoch };
    },
    marks: (r) => r.type === 'brokerRegistrationChange' && r.brokerId === 5 && r.fenced === true,
    finished: (ms) => ms.committed.image.brokers.get(5)?.fenced === true && leaderships(ms, 5).length === 0,
    verify(ms, probe) {
      expect(committedRecords(ms, isFenceOf(5, probe.brokerEpoch!))).toHaveLength(1);
      const p = partition(ms, 'led');
      expect([6, 4]).toContain(p.leader);
      expect(p.isr).not.toContain(5);
    },
  },
  {
    name: 'reassignment',
    async setup(ms) {
      await createTopic(ms, 'moving', [[4, 5]]);
    },
    start: (ms) => ({ admin: ms.admin.submit({ kind: 'alterPartitionReassignments', body: { reassignments: [{ topic: 'moving', partitionId: 0, replicas: [5, 6] }] } }) }),
    marks: (r) => r.type === 'partitionChange' && r.addingReplicas !== undefined,
    finished: (_ms, probe) => probe.admin!.done,
    verify(ms, probe) {
      const reply = expectAnsweredOk(probe.admin!);
      const item = resultOf(reply, 'alterPartitionReassignments').partitions[0]!;
      expect(item.error).toBeNull();
      expect(committedRecords(ms, (r) => r.type === 'partitionChange' && r.addingReplicas !== undefined)).toHaveLength(1);
      const p = partition(ms, 'moving');
      // In progress (nobody has caught broker 6 up into the ISR): target and leaving replicas together.
      expect(p.replicas).toEqual([5, 6, 4]);
      expect(p.addingReplicas).toEqual([6]);
      expect(p.removingReplicas).toEqual([4]);
    },
  },
  {
    name: 'config change',
    async setup(ms) {
      await createTopic(ms, 'tuned', [[4, 5, 6]]);
    },
    start: (ms) =>
      ({ admin: ms.admin.submit({ kind: 'incrementalAlterConfigs', body: { resources: [{ type: 'topic', name: 'tuned', changes: [{ name: 'retention.ms', op: 'set', value: '3600000' }] }] } }) }),
    marks: (r) => r.type === 'config' && r.name === 'retention.ms',
    finished: (_ms, probe) => probe.admin!.done,
    verify(ms, probe) {
      const reply = expectAnsweredOk(probe.admin!);
      const item = resultOf(reply, 'incrementalAlterConfigs').resources[0]!;
      expect(item.error).toBeNull();
      expect(committedRecords(ms, (r) => r.type === 'config' && r.name === 'retention.ms')).toHaveLength(1);
      expect(ms.committed.image.configsOf({ type: 'topic', name: 'tuned' }).get('retention.ms')).toBe('3600000');
    },
  },
];

describe('the controller fails over in the middle of each operation', () => {
  for (const operation of OPERATIONS) {
    describe(operation.name, () => {
      for (const [index, moment] of MOMENTS.entries()) {
        it(`${moment}: a new controller serves and the operation takes effect exactly once`, async () => {
          const ms = await storyCluster({ seed: 100 + index });
          await settle(ms);
          await operation.setup(ms);
          const controller = await settle(ms);
          const activationsBefore = ms.events.filter((e) => e.event.kind === 'activated').length;
          const recordsBefore = ms.committed.records.length;

          const probe = operation.start(ms);
          if (moment === 'sent') {
            ms.crash(controller);
          } else {
            if (moment === 'committed') {
              await runUntil(ms, 'the records to commit', () => ms.committed.records.slice(recordsBefore).some((r) => operation.marks(r.record)), 30_000);
            } else {
              await runUntil(ms, 'the records to be appended', () => uncommittedRecords(ms, controller).some((r) => operation.marks(r)), 30_000);
            }
            if (moment === 'resigned') ms.sim.node(controller).raft!.resign();
            else ms.crash(controller);
          }

          await runUntil(ms, 'a controller to take over', () => ms.activeController() !== null && ms.events.filter((e) => e.event.kind === 'activated').length > activationsBefore, 30_000);
          await runUntil(ms, `${operation.name} to finish`, () => operation.finished(ms, probe), 60_000);
          operation.verify(ms, probe, moment);

          if (probe.admin !== undefined) {
            const answeredBy = probe.admin.attempts.find((a) => a.outcome === probe.admin!.final)!.controller;
            if (moment !== 'resigned') expect(answeredBy).not.toBe(controller);
            // Refused with NOT_CONTROLLER by the one that resigned, and retried elsewhere.
            if (moment === 'resigned') expect(outcomes(probe.admin)).toContain('NOT_CONTROLLER');
          }
          // The cluster carries on: the new controller serves a fresh request.
          const { reply } = await admin(ms, { kind: 'createTopics', body: { topics: [{ name: 'after-failover', numPartitions: 1, replicationFactor: 2 }] } });
          expect(reply.result.ok).toBe(true);
          await ms.runUntil(ms.now + 2000);
          expectNoViolations(ms);
        });
      }
    });
  }
});

import { decodeRecordBatch, encodeRecordBatch, readBatchHeader } from '@kz/records';
import {
  RaftCore,
  RaftNode,
  type CommittedBatch,
  type ElectionState,
  type LoadedState,
  type OffsetAndEpoch,
  type RaftMessage,
  type RaftStorage,
  type RaftTransport,
  type VoteResponse,
} from '@kz/raft';
import {
  checkSchedules,
  LEADER_ELECTED_WITHIN_MS,
  Simulation,
  SimStateMachine,
  type SimMachine,
  type SimulationOptions,
  type SimulationTamper,
} from '@kz/raft/testing';
import { majorityEndOffset } from '../../src/core/high-watermark';
import { RaftLog } from '../../src/core/raft-log';
import { GroupCommit } from '../../src/runtime/group-commit';
import { LogRecoveryScan } from '../../src/storage/log-recovery-scan';

/**
 * Every invariant, shown to fire on a deliberately broken build: a test injects the bug it guards
 * against — into the RaftNode that ships, its core, its storage, its transport or its state machine —
 * and expects that invariant to report it. An invariant that no bug can set off would prove nothing.
 *
 * Bugs that need a particular interleaving are found by running random fault schedules from a fixed
 * seed until one fails (the same seed finds the same schedule every time); the others are stories.
 */

afterEach(() => jest.restoreAllMocks());

/** Runs random schedules with `tamper` until one fails; returns the invariants that failed. */
async function firstFailure(options: { readonly tamper?: SimulationTamper; readonly seed: number; readonly runs?: number; readonly nodes?: 3 | 5 }): Promise<string[]> {
  const report = await checkSchedules({ runs: options.runs ?? 300, seed: options.seed, nodes: options.nodes ?? 3, shrink: false, ...(options.tamper === undefined ? {} : { tamper: options.tamper }) });
  if (report.failure === null) throw new Error(`${report.runs} schedules from seed ${options.seed} never failed`);
  return [...new Set(report.failure.outcome.violations.map((v) => v.invariant))];
}

/** A 3-node cluster with a leader and `writes` acknowledged writes; fails the test if it cannot get there. */
async function clusterWithWrites(options: Partial<SimulationOptions> = {}, writes = 3): Promise<Simulation> {
  const sim = new Simulation({ nodeCount: 3, seed: 11, ...options });
  await sim.startAll();
  await sim.runUntilTrue(() => sim.establishedLeader() !== null, LEADER_ELECTED_WITHIN_MS);
  for (let i = 0; i < writes && !sim.violated; i++) {
    const request = sim.propose(1, 1);
    await sim.runUntilTrue(() => sim.client.isAcknowledged(request), sim.now + 5000);
  }
  return sim;
}

function invariantsOf(sim: Simulation): string[] {
  return [...new Set(sim.violations.map((v) => v.invariant))];
}

/** A transport whose inbound messages pass through `rewrite` first (a codec or network bug). */
function rewritingTransport(rewrite: (message: RaftMessage) => RaftMessage): SimulationTamper['transport'] {
  return (_node, inner): RaftTransport => ({
    start: (handlers) => inner.start({ ...handlers, deliver: (from, message) => handlers.deliver(from, rewrite(message)) }),
    send: (to, message) => inner.send(to, message),
    addressOf: (id) => inner.addressOf(id),
    close: () => inner.close(),
  });
}

/** A storage whose answers pass through `change` (a storage bug). */
function changingStorage(change: { load?(loaded: LoadedState): LoadedState; persist?(args: Parameters<RaftStorage['persist']>): Parameters<RaftStorage['persist']> }): SimulationTamper['storage'] {
  return (_node, inner): RaftStorage => ({
    load: async () => {
      const loaded = await inner.load();
      return change.load?.(loaded) ?? loaded;
    },
    persist: (...args) => inner.persist(...(change.persist?.(args) ?? args)),
    createSnapshot: (id, voters) => inner.createSnapshot(id, voters),
    readSnapshot: (id) => inner.readSnapshot(id),
    readSnapshotBytes: (id, position, length) => inner.readSnapshotBytes(id, position, length),
    close: () => inner.close(),
  });
}

/**
 * The leader's high watermark rests on one fast follower whose link duplicates and delays Fetches
 * (a late copy reports an older position), while the other follower lags far behind.
 */
async function fetchesGoingBack(): Promise<Simulation> {
  const sim = new Simulation({ nodeCount: 3, seed: 13 });
  await sim.startAll();
  await sim.runUntilTrue(() => sim.establishedLeader() !== null, LEADER_ELECTED_WITHIN_MS);
  const leader = sim.establishedLeader()!;
  const [fast, slow] = sim.voters.filter((id) => id !== leader) as [number, number];
  sim.setLinkRule({ dropRate: 0, duplicateRate: 0.5, minDelayMs: 1, maxDelayMs: 200 }, { from: fast, to: leader });
  sim.setLinkRule({ dropRate: 0, duplicateRate: 0, minDelayMs: 800, maxDelayMs: 1000 }, { from: slow, to: leader });
  for (let i = 0; i < 40 && !sim.violated; i++) {
    sim.propose(1, 1, leader);
    await sim.runUntil(sim.now + 50);
  }
  return sim;
}

describe('each invariant fires on the bug it guards against', () => {
  it('readyContractHonoured: RaftNode hands every committed batch to its state machine twice', async () => {
    const internals = RaftNode.prototype as unknown as { apply(batch: unknown): void };
    const apply = internals.apply;
    jest.spyOn(internals, 'apply').mockImplementation(function (this: unknown, batch: unknown) {
      apply.call(this, batch);
      apply.call(this, batch);
    });
    const sim = await clusterWithWrites();
    expect(invariantsOf(sim)).toContain('readyContractHonoured');
  });

  it('singleLeaderPerEpoch: a candidate that counts a late pre-vote as a vote of its new epoch', async () => {
    type Core = { role: { readonly name: string; readonly roundId?: number }; election: { readonly epoch: number }; onVoteResponse(now: number, from: number, response: VoteResponse): void };
    const internals = RaftCore.prototype as unknown as Core;
    const onVoteResponse = internals.onVoteResponse;
    jest.spyOn(internals, 'onVoteResponse').mockImplementation(function (this: Core, now: number, from: number, response: VoteResponse) {
      const late = response.preVote && response.granted && this.role.name === 'candidate';
      const counted = late ? { ...response, preVote: false, epoch: this.election.epoch, requestId: this.role.roundId ?? response.requestId } : response;
      onVoteResponse.call(this, now, from, counted);
    });
    expect(await firstFailure({ seed: 1, nodes: 5 })).toContain('singleLeaderPerEpoch');
  }, 60_000);

  it('epochNeverDecreases: a storage that reads back a stale election state (one epoch old)', async () => {
    const stale = changingStorage({
      load: (loaded) => {
        const { electionState, batches, snapshot } = loaded.durable;
        const logEpoch = batches[batches.length - 1]?.epoch ?? snapshot?.id.epoch ?? 0;
        if (electionState.epoch - 1 < logEpoch) return loaded;
        return { ...loaded, durable: { ...loaded.durable, electionState: { epoch: electionState.epoch - 1, votedFor: -1, leaderId: -1 } } };
      },
    });
    expect(await firstFailure({ seed: 2, tamper: { storage: stale } })).toContain('epochNeverDecreases');
  }, 60_000);

  it('leaderHighWatermarkNeverDecreases: a leader that follows the majority’s reported position down (a stale or duplicated Fetch)', async () => {
    type Core = { highWatermark: number; flushedEnd: number; maybeAdvanceHighWatermark(state: LeaderLike): void };
    type LeaderLike = { readonly epochStartOffset: number; voterEndOffsets(flushedEnd: number): number[] };
    const internals = RaftCore.prototype as unknown as Core;
    const advance = internals.maybeAdvanceHighWatermark;
    jest.spyOn(internals, 'maybeAdvanceHighWatermark').mockImplementation(function (this: Core, state: LeaderLike) {
      const majorityEnd = majorityEndOffset(state.voterEndOffsets(this.flushedEnd));
      if (majorityEnd > state.epochStartOffset && majorityEnd < this.highWatermark) this.highWatermark = majorityEnd;
      else advance.call(this, state);
    });
    const sim = await fetchesGoingBack();
    expect(invariantsOf(sim)).toContain('leaderHighWatermarkNeverDecreases');
  });

  it('(and the core that ships keeps its high watermark through those same Fetches)', async () => {
    const sim = await fetchesGoingBack();
    expect(sim.violations).toEqual([]);
  });

  it('committedPrefixIdentical: a transport that alters the records of batches on their way to one follower (their CRCs recomputed)', async () => {
    const alter = (bytes: Uint8Array): Uint8Array => {
      const header = readBatchHeader(bytes);
      if (header.isControl) return bytes;
      const { records } = decodeRecordBatch(bytes);
      const changed = records.map((r) => ({ key: r.key, value: new TextEncoder().encode('tampered') }));
      return encodeRecordBatch({ records: changed, baseOffset: header.baseOffset, partitionLeaderEpoch: header.partitionLeaderEpoch });
    };
    const altering = rewritingTransport((m) => (m.type === 'FetchResponse' ? { ...m, batches: m.batches.map(alter) } : m));
    // One follower of five: the other replicas are a majority that holds the true batches.
    const tamper: SimulationTamper = { transport: (node, transport) => (node === 5 ? altering!(node, transport) : transport) };
    const sim = await clusterWithWrites({ nodeCount: 5, tamper });
    await sim.runUntil(sim.now + 1000);
    expect(invariantsOf(sim)).toContain('committedPrefixIdentical');
  });

  it('leaderHoldsEveryEarlierCommit: a transport that turns refused votes into granted ones', async () => {
    const forged = rewritingTransport((m) => (m.type === 'VoteResponse' && !m.granted ? { ...m, granted: true, error: 'NONE' } : m));
    expect(await firstFailure({ seed: 4, tamper: { transport: forged } })).toContain('leaderHoldsEveryEarlierCommit');
  }, 60_000);

  it('majorityHoldsBelowHighWatermark: RaftNode releases the replies that wait for a write before the write is durable', async () => {
    const enqueue = GroupCommit.prototype.enqueue;
    jest.spyOn(GroupCommit.prototype, 'enqueue').mockImplementation(function (this: GroupCommit, write) {
      enqueue.call(this, write);
      this.durableId = write.persistId;
    });
    const sim = await clusterWithWrites({ syncLatencyMs: { min: 20, max: 30 } });
    expect(invariantsOf(sim)).toContain('majorityHoldsBelowHighWatermark');
  });

  it('snapshotAtLogStart: a compaction that records the snapshot but keeps the batches it covers', async () => {
    const internals = RaftLog.prototype as unknown as { compactTo(snapshot: unknown): void; latestSnapshot: unknown };
    jest.spyOn(internals, 'compactTo').mockImplementation(function (this: { latestSnapshot: unknown }, snapshot: unknown) {
      this.latestSnapshot = snapshot;
    });
    const sim = await clusterWithWrites({ snapshotEveryBytes: 150 }, 4);
    expect(invariantsOf(sim)).toContain('snapshotAtLogStart');
  });

  it('stateMachinesAgree: a state machine whose state depends on which node runs it', async () => {
    const machineFor = (node: number): SimMachine => {
      const inner = new SimStateMachine();
      return {
        get digest() {
          return inner.appliedIds.length === 0 ? 0 : inner.digest ^ node;
        },
        get appliedIds() {
          return inner.appliedIds;
        },
        apply: (batch: CommittedBatch) => inner.apply(batch),
        snapshot: () => inner.snapshot(),
        restore: (bytes: Uint8Array, id: OffsetAndEpoch) => inner.restore(bytes, id),
      };
    };
    const sim = await clusterWithWrites({ machineFor });
    expect(invariantsOf(sim)).toContain('stateMachinesAgree');
  });

  it('votesOncePerEpoch: a core that does not remember whom it voted for', async () => {
    type Core = { setElection(next: ElectionState): void };
    const internals = RaftCore.prototype as unknown as Core;
    const setElection = internals.setElection;
    jest.spyOn(internals, 'setElection').mockImplementation(function (this: Core, next: ElectionState) {
      setElection.call(this, { ...next, votedFor: -1 });
    });
    expect(await firstFailure({ seed: 5, nodes: 5 })).toContain('votesOncePerEpoch');
  }, 60_000);

  it('readIndexLinearizable: RaftNode answers a read barrier from what it has applied, without asking a quorum', async () => {
    jest.spyOn(RaftNode.prototype, 'readBarrier').mockImplementation(function (this: RaftNode) {
      return Promise.resolve(this.appliedOffset);
    });
    const sim = new Simulation({ nodeCount: 5, seed: 12 });
    await sim.startAll();
    await sim.runUntilTrue(() => sim.establishedLeader() !== null, LEADER_ELECTED_WITHIN_MS);
    const zombie = sim.establishedLeader()!;
    sim.isolate(zombie, 'both');
    await sim.runUntilTrue(() => (sim.establishedLeader() ?? zombie) !== zombie, sim.now + LEADER_ELECTED_WITHIN_MS);
    const write = sim.propose(2, 1, sim.establishedLeader()!);
    await sim.runUntilTrue(() => sim.client.isAcknowledged(write), sim.now + 5000);
    // The old leader has not heard of the new epoch yet: it still believes it leads.
    sim.read(zombie);
    await sim.runUntil(sim.now + 10);
    expect(invariantsOf(sim)).toContain('readIndexLinearizable');
  });

  it('nodeHaltsOnlyOnDiskFaults: a state machine that throws', async () => {
    const machineFor = (): SimMachine => {
      const inner = new SimStateMachine();
      let applied = 0;
      return {
        get digest() {
          return inner.digest;
        },
        get appliedIds() {
          return inner.appliedIds;
        },
        apply: (batch: CommittedBatch) => {
          if (++applied === 2) throw new Error('the second batch breaks me');
          inner.apply(batch);
        },
        snapshot: () => inner.snapshot(),
        restore: (bytes: Uint8Array, id: OffsetAndEpoch) => inner.restore(bytes, id),
      };
    };
    const sim = await clusterWithWrites({ machineFor });
    expect(invariantsOf(sim)).toContain('nodeHaltsOnlyOnDiskFaults');
  });

  it('corruptTailRepaired: a recovery scan that does not check CRCs', async () => {
    type Scan = { crcFailure(bytes: Uint8Array, position: number): string | null };
    jest.spyOn(LogRecoveryScan.prototype as unknown as Scan, 'crcFailure').mockReturnValue(null);
    const sim = await clusterWithWrites({}, 4);
    await sim.runUntil(sim.now + 1000);
    const follower = sim.voters.find((id) => id !== sim.establishedLeader())!;
    expect(sim.corruptStoredBatch(follower, 0)).toBe(true);
    await sim.runUntil(sim.now + 1000);
    expect(invariantsOf(sim)).toContain('corruptTailRepaired');
  });

  it('noAcknowledgedWriteLost: RaftNode resolves a proposal once appended, not once committed', async () => {
    const proposeBatch = RaftNode.prototype.proposeBatch;
    jest.spyOn(RaftNode.prototype, 'proposeBatch').mockImplementation(function (this: RaftNode, batch, options) {
      const committed = proposeBatch.call(this, batch, options);
      committed.catch(() => undefined);
      if (this.status().role !== 'leader') return committed;
      const header = readBatchHeader(batch);
      return Promise.resolve({ baseOffset: header.baseOffset, lastOffset: header.lastOffset, epoch: header.partitionLeaderEpoch });
    });
    expect(await firstFailure({ seed: 6 })).toContain('noAcknowledgedWriteLost');
  }, 60_000);
});

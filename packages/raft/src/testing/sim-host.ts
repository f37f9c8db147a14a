import type { Logger } from 'pino';
import type { NodeId, RaftConfigInput } from '../core/config';
import type { LogBatch } from '../core/log-batch';
import type { OffsetAndEpoch } from '../core/messages';
import type { RaftMessage } from '../core/messages';
import type { RaftStatus } from '../core/status';
import { RaftNode, type RaftNodeOptions } from '../runtime/raft-node';
import type { RaftMetricsSink } from '../runtime/raft-metrics';
import type { LeaderChange } from '../runtime/state-machine';
import { EngineRaftStorage } from '../storage/engine-raft-storage';
import type { LoadedState, RaftStorage } from '../storage/raft-storage';
import { InvalidPersistError } from '../storage/storage-errors';
import type { RaftTransport } from '../transport/raft-transport';
import type { DirectoryId, VoterSet } from '../core/voter-set';
import type { NodeHalt, NodeView, RecoveryReport } from './cluster-view';
import { ObservedMachine } from './observed-machine';
import type { SeededRandom } from './seeded-random';
import { SimDisk, type SimDiskEngine } from './sim-disk';
import type { SimMachine } from './sim-machine';
import { SimScheduler, type SchedulerStats, type SimClock } from './sim-scheduler';
import { SimTransport } from './sim-transport';

/** Raft settings of every simulated node (nodeId, voters and the jitter source are per node). */
export type SimRaftConfig = Omit<Partial<RaftConfigInput>, 'nodeId' | 'voters' | 'random' | 'directoryId' | 'bootstrapVoters' | 'bootstrapServers' | 'endpoints'>;

/**
 * What formatting a node's disk decided, with dynamic voters (KIP-853): its directory id, and the
 * voter set a new cluster starts from (null: the node joins an existing cluster as an observer).
 * Like `kz format`'s meta.properties it lives beside the disk, and is redone when the disk is wiped.
 */
export interface SimFormat {
  readonly directoryId: DirectoryId;
  readonly bootstrapVoters: VoterSet | null;
}

/**
 * Test-only: replaces what a node runs on with a deliberately broken variant, to show that an
 * invariant catches the bug (see test/testing/injected-bugs.test.ts). Never set in real runs.
 */
export interface SimulationTamper {
  storage?(node: NodeId, storage: RaftStorage): RaftStorage;
  transport?(node: NodeId, transport: RaftTransport): RaftTransport;
}

/** What the hosts tell the simulation. */
export interface HostObserver {
  started(node: NodeId, incarnation: number): void;
  applied(node: NodeId, batch: LogBatch): void;
  roleChanged(node: NodeId, change: LeaderChange): void;
  snapshot(node: NodeId, kind: 'taken' | 'loaded', id: OffsetAndEpoch): void;
  /** The node halted (or could not start); the simulation stops the process and restarts it later. */
  halted(node: NodeId, halt: NodeHalt): void;
}

/** What a host needs from the simulation around it. */
export interface HostEnvironment {
  /** Static voters; ignored with dynamic voters (a host with a `format`). */
  readonly voters: readonly NodeId[];
  /** Every node id: with dynamic voters, where a node looks for the leader (bootstrap servers). */
  readonly nodeIds: readonly NodeId[];
  readonly config: SimRaftConfig;
  readonly snapshotEveryBytes: number;
  /** Committed batches a node hands its state machine per turn (its apply budget, counted). */
  readonly deliveriesPerTurn: number;
  readonly clock: SimClock;
  readonly schedulerStats: SchedulerStats;
  readonly syncLatencyMs: { readonly min: number; readonly max: number };
  readonly logger: Logger;
  readonly tamper: SimulationTamper | undefined;
  readonly observer: HostObserver;
  readonly metrics: (node: NodeId) => RaftMetricsSink;
  send(from: NodeId, to: NodeId, message: RaftMessage): void;
  /** A seeded random source, one per purpose. */
  random(...labels: (string | number)[]): SeededRandom;
  machineFor(node: NodeId, incarnation: number): SimMachine;
  /**
   * Starts the node's process around its RaftNode (RaftNode.start when absent): a driver built on
   * RaftNode — a metadata node — starts it with these options, so the simulation runs that driver.
   */
  readonly launch: SimLauncher | undefined;
}

/**
 * Starts one incarnation of a node's process from the RaftNode options the host made (its
 * scheduler, transport, storage, the watched state machine wrapping `machineFor`'s) and resolves
 * with the RaftNode it runs on, which must be started with exactly those.
 */
export type SimLauncher = (options: RaftNodeOptions, node: NodeId, incarnation: number) => Promise<RaftNode>;

/** What happened on this node's RaftNodes, for a run's coverage report. */
export interface HostCounters {
  truncations: number;
  snapshotsTaken: number;
  snapshotsInstalled: number;
  repairs: number;
  halts: number;
}

/** One incarnation of the node's process. */
interface Process {
  readonly incarnation: number;
  readonly scheduler: SimScheduler;
  readonly transport: SimTransport;
  readonly engine: SimDiskEngine;
  readonly machine: SimMachine;
  raft: RaftNode | null;
}

/**
 * One simulated machine: a disk that outlives crashes, and the process running on it — a real
 * RaftNode, the one that ships, over a SimScheduler, a SimTransport and EngineRaftStorage on the
 * disk. Starting a node is RaftNode.start (recovery included), so it completes over the promises
 * that follow; a crash kills the process at once: its timers, transport and disk handle die with it,
 * and the disk keeps only what was synced.
 */
export class SimHost {
  readonly disk: SimDisk;
  private process: Process | null = null;
  private incarnationNo = 0;
  readonly counters: HostCounters = { truncations: 0, snapshotsTaken: 0, snapshotsInstalled: 0, repairs: 0, halts: 0 };
  // What happened during the current step; the simulation clears it after checking (clearStep).
  private newlyCommitted: LogBatch[] = [];
  private contractErrors: string[] = [];
  private halts: NodeHalt[] = [];
  private recoveries: RecoveryReport[] = [];
  /** Dynamic voters only: how the disk was formatted; null runs static voters. */
  format: SimFormat | null = null;

  constructor(
    readonly id: NodeId,
    private readonly env: HostEnvironment,
  ) {
    this.disk = new SimDisk(`sim-disk-${id}`, env.clock, env.random('disk', id), env.syncLatencyMs, env.random('snapshot files', id));
  }

  /** A process runs (starting or started). */
  get up(): boolean {
    return this.process !== null;
  }

  get incarnation(): number {
    return this.incarnationNo;
  }

  /** The running RaftNode; null while the node is down or still starting. */
  get raft(): RaftNode | null {
    return this.process?.raft ?? null;
  }

  /** The state machine of the running incarnation; null while down. */
  get machine(): SimMachine | null {
    return this.process?.machine ?? null;
  }

  status(): RaftStatus | null {
    return this.raft?.status() ?? null;
  }

  /** What the node has applied (control batches included); 0 while down. */
  get appliedOffset(): number {
    return this.raft?.appliedOffset ?? 0;
  }

  get appliedIds(): readonly number[] {
    return this.process?.machine.appliedIds ?? [];
  }

  /** The log the running node holds in memory (for stories and the demo). */
  log(): readonly LogBatch[] {
    return this.raft?.logBatches() ?? [];
  }

  /** Boots the node from whatever its disk holds; it is running once the promises that follow have run. */
  start(): void {
    if (this.process !== null) return;
    const incarnation = ++this.incarnationNo;
    const machine = this.env.machineFor(this.id, incarnation);
    const process: Process = {
      incarnation,
      scheduler: new SimScheduler(this.env.clock, this.env.deliveriesPerTurn, this.env.schedulerStats),
      transport: new SimTransport(this.id, { send: (from, to, message) => this.env.send(from, to, message) }),
      engine: this.disk.open(),
      machine,
      raft: null,
    };
    this.process = process;
    const current = (): boolean => this.process === process;
    const observed = new ObservedMachine(machine, {
      appliedOffset: () => process.raft?.appliedOffset ?? null,
      applied: (batch) => {
        if (!current()) return;
        this.newlyCommitted.push(batch);
        this.env.observer.applied(this.id, batch);
      },
      roleChanged: (change) => {
        if (current()) this.env.observer.roleChanged(this.id, change);
      },
      loaded: (id) => {
        if (current()) this.env.observer.snapshot(this.id, 'loaded', id);
      },
      contractError: (message) => this.contractErrors.push(message),
    });
    const damaged = this.disk.damaged();
    EngineRaftStorage.over(process.engine)
      .then((storage) => {
        // Crashed while recovering: the process is gone, and so is what it would have done next.
        if (!current()) return new Promise<never>(() => undefined);
        const tamper = this.env.tamper;
        const observedStorage = this.observeStorage(storage, damaged, current);
        const format = this.format;
        const membership =
          format === null
            ? { voters: this.env.voters }
            : {
                directoryId: format.directoryId,
                ...(format.bootstrapVoters === null ? {} : { bootstrapVoters: format.bootstrapVoters }),
                bootstrapServers: this.env.nodeIds.filter((id) => id !== this.id),
              };
        const launch = this.env.launch ?? ((options: RaftNodeOptions) => RaftNode.start(options));
        return launch({
          nodeId: this.id,
          ...membership,
          storage: tamper?.storage?.(this.id, observedStorage) ?? observedStorage,
          transport: tamper?.transport?.(this.id, process.transport) ?? process.transport,
          stateMachine: observed,
          logger: this.env.logger,
          config: { ...this.env.config, random: this.env.random('node', this.id, incarnation).asFunction() },
          snapshotEveryBytes: this.env.snapshotEveryBytes,
          scheduler: process.scheduler,
          metrics: this.env.metrics(this.id),
        }, this.id, incarnation);
      })
      .then(
        (raft) => {
          if (!current()) return;
          process.raft = raft;
          void raft.halted.then((error) => {
            if (current()) this.halt(error);
          });
          this.env.observer.started(this.id, incarnation);
        },
        (error: unknown) => {
          if (current()) this.halt(error);
        },
      );
  }

  /** Power loss. Returns what the disk lost, or null if the node was down. */
  crash(torn: boolean): { readonly lost: number; readonly torn: boolean } | null {
    const process = this.process;
    if (process === null) return null;
    this.process = null;
    process.scheduler.kill();
    process.transport.kill();
    process.engine.kill();
    return this.disk.crash(torn);
  }

  /** A message arrived for this node; false if no process listens. */
  deliver(from: NodeId, message: RaftMessage): boolean {
    return this.process?.transport.deliver(from, message) ?? false;
  }

  /** The node as the invariants see it now (this step's observations included). A pure read. */
  view(): NodeView {
    const raft = this.raft;
    const status = raft?.status() ?? null;
    return {
      id: this.id,
      incarnation: this.incarnationNo,
      live: raft === null || status === null ? null : { status, log: raft.logBatches(), snapshotId: status.snapshotId },
      durable: { electionState: this.disk.durableElectionState, log: this.disk.durableLog, directoryId: this.disk.durableDirectoryId },
      newlyCommitted: this.newlyCommitted,
      machine: raft === null ? { nextOffset: 0, digest: 0 } : { nextOffset: raft.appliedOffset, digest: this.process?.machine.digest ?? 0 },
      contractErrors: this.contractErrors,
      halts: this.halts,
      recoveries: this.recoveries,
      refusedWrites: [...this.disk.refusals],
    };
  }

  /** Forgets this step's observations, once the invariants have seen them. */
  clearStep(): void {
    if (this.newlyCommitted.length > 0) this.newlyCommitted = [];
    if (this.contractErrors.length > 0) this.contractErrors = [];
    if (this.halts.length > 0) this.halts = [];
    if (this.recoveries.length > 0) this.recoveries = [];
    this.disk.refusals.length = 0;
  }

  private halt(error: unknown): void {
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    const halt: NodeHalt = { reason, injected: this.disk.injectedFailure(error) };
    if (error instanceof InvalidPersistError) this.contractErrors.push(`the storage refused a persist: ${error.message}`);
    this.counters.halts++;
    this.halts.push(halt);
    this.env.observer.halted(this.id, halt);
  }

  /**
   * The storage as RaftNode uses it, watched: recovery's result is held against what the disk had
   * damaged, and the log ops are counted (truncations, snapshots taken and installed).
   */
  private observeStorage(storage: RaftStorage, damaged: readonly number[], current: () => boolean): RaftStorage {
    return {
      load: async (): Promise<LoadedState> => {
        const loaded = await storage.load();
        if (current()) {
          const { snapshot, batches } = loaded.durable;
          const last = batches[batches.length - 1];
          const snapshotEnd = snapshot?.id.offset ?? 0;
          this.counters.repairs += loaded.repairs.length;
          this.recoveries.push({ damaged, snapshotEnd, loadedEnd: last === undefined ? snapshotEnd : last.lastOffset + 1, repairs: loaded.repairs });
        }
        return loaded;
      },
      persist: (electionState, ops) => {
        for (const op of ops) {
          if (op.op === 'truncate') this.counters.truncations++;
          else if (op.op === 'installSnapshot') this.counters.snapshotsInstalled++;
          else if (op.op === 'snapshot') {
            this.counters.snapshotsTaken++;
            if (current()) this.env.observer.snapshot(this.id, 'taken', op.snapshot.id);
          }
        }
        return storage.persist(electionState, ops);
      },
      ...(storage.writeDirectoryId === undefined ? {} : { writeDirectoryId: (id: DirectoryId) => storage.writeDirectoryId!(id) }),
      createSnapshot: (id, voters) => storage.createSnapshot(id, voters),
      readSnapshot: (id) => storage.readSnapshot(id),
      readSnapshotBytes: (id, position, length) => storage.readSnapshotBytes(id, position, length),
      close: () => storage.close(),
    };
  }
}

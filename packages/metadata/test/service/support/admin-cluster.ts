/**
 * Three metadata nodes in this process, as a deployment runs them except for the disk: Raft over
 * real GrpcRaftTransports on loopback (port 0, addresses exchanged once bound), memory storage, and
 * a MetadataAdminServer on each. Short Raft timeouts keep elections and failovers well under a
 * second or two.
 */
import { GrpcRaftTransport, MemoryRaftStorage, type NodeId } from '@kz/raft';
import pino from 'pino';
import { MetadataNode } from '../../../src/runtime/metadata-node';
import { MetadataAdminClient, type ControllerAddress, type MetadataAdminClientOptions } from '../../../src/service/metadata-admin-client';
import { MetadataAdminServer } from '../../../src/service/metadata-admin-server';
import { freePorts, until } from '@kz/raft/testing';

export const CLUSTER_ID = 'kz-admin-test';
export const VOTERS: readonly NodeId[] = [1, 2, 3];
/** RaftConfig: a follower campaigns after 1 s without the leader; elections time out after 0.5–1 s. */
const RAFT = { electionTimeoutMs: 500, electionBackoffMaxMs: 500, fetchTimeoutMs: 1000, fetchMaxWaitMs: 250 };
export const SESSION_TIMEOUT_MS = 1500;

export interface Member {
  readonly id: NodeId;
  readonly transport: GrpcRaftTransport;
  readonly node: MetadataNode;
  readonly server: MetadataAdminServer;
  running: boolean;
}

export class AdminCluster {
  private readonly clients: MetadataAdminClient[] = [];

  private constructor(readonly members: readonly Member[]) {}

  static async start(): Promise<AdminCluster> {
    const logger = pino({ level: 'silent' });
    // Admin ports chosen first, so that every server can tell clients where the others are (KIP-919).
    const adminPorts = await freePorts(VOTERS.length);
    const controllers = VOTERS.map((id, i) => ({ id, address: `127.0.0.1:${adminPorts[i]!}` }));
    const members = await Promise.all(
      VOTERS.map(async (id, i): Promise<Member> => {
        const transport = new GrpcRaftTransport({ nodeId: id, clusterId: CLUSTER_ID, listen: '127.0.0.1:0', peers: {}, requestTimeoutMs: 1000 });
        const node = await MetadataNode.start({
          nodeId: id,
          voters: VOTERS,
          storage: new MemoryRaftStorage(),
          transport,
          clusterId: CLUSTER_ID,
          raft: RAFT,
          controller: { sessionTimeoutMs: SESSION_TIMEOUT_MS },
          requestTimeoutMs: 5000,
          logger,
        });
        const server = await MetadataAdminServer.start({ node, listen: controllers[i]!.address, controllers, logger });
        return { id, transport, node, server, running: true };
      }),
    );
    // Raft ports are known only now: tell every node where the others listen.
    for (const a of members) for (const b of members) if (a !== b) a.transport.setPeerAddress(b.id, b.transport.listenAddress!);
    return new AdminCluster(members);
  }

  get controllers(): ControllerAddress[] {
    return this.members.map((m) => ({ id: m.id, address: m.server.address }));
  }

  member(id: NodeId): Member {
    const member = this.members.find((m) => m.id === id);
    if (member === undefined) throw new Error(`no node ${id}`);
    return member;
  }

  /** A client of the whole quorum (or of `controllers`), closed with the cluster. */
  client(options: Partial<MetadataAdminClientOptions> = {}): MetadataAdminClient {
    const client = new MetadataAdminClient({ controllers: this.controllers, timeoutMs: 10_000, attemptTimeoutMs: 3000, ...options });
    this.clients.push(client);
    return client;
  }

  /** The running node whose controller is active (it took leadership and its NoOp committed). */
  activeController(timeoutMs = 10_000): Promise<Member> {
    return until('an active controller', () => this.members.find((m) => m.running && m.node.controller?.active === true), timeoutMs);
  }

  /** Stops a node as a crash of its process would look to the others: admin service and Raft gone. */
  async stop(id: NodeId): Promise<void> {
    const member = this.member(id);
    if (!member.running) return;
    member.running = false;
    await member.server.stop();
    await member.node.stop();
  }

  async close(): Promise<void> {
    for (const client of this.clients.splice(0)) client.close();
    await Promise.all(this.members.map((m) => this.stop(m.id)));
  }
}

/**
 * What a broker serves over the network and how it reaches its peers, as one interface: the
 * BrokerNode that ships takes it, so that a simulation can run that same node over a simulated
 * network. SocketBrokerNetwork is the real one: the Kafka listener for clients, the gRPC
 * Replication service for peers, and one gRPC connection per peer it follows.
 */
import type { BrokerId, MetadataImage } from '@kz/metadata';
import type { AuthenticationObserver, RequestObserver, TlsIdentity } from '@kz/runtime';
import type { Logger } from 'pino';
import { kafkaHandlers } from '../kafka/kafka-handlers';
import type { KafkaBackend } from '../kafka/kafka-backend';
import { KafkaListener } from '../kafka/kafka-listener';
import type { BrokerApi } from '../protocol/broker-api';
import type { FetchRequest, FetchResponse } from '../protocol/fetch';
import { ReplicationConnection } from '../service/replication-connection';
import { ReplicationServer } from '../service/replication-server';
import type { ListenerSecurity } from '../security/listener-security';
import { replicationEndpoint } from './listener-endpoints';

/** What a broker offers: the replication API to its peers, the Kafka API to clients. */
export interface BrokerServices {
  readonly replication: BrokerApi;
  readonly kafka: KafkaBackend;
}

export interface ServedPorts {
  readonly clientPort: number;
  readonly replicationPort: number;
}

export interface BrokerNetwork {
  /** Starts serving; resolves with the bound ports. On a rejection nothing is left listening. */
  serve(services: BrokerServices): Promise<ServedPorts>;
  /**
   * One replica fetch to broker `source` at `address` (its replication endpoint in the image).
   * Rejects when no answer came: unreachable, or not within `timeoutMs`.
   */
  fetch(source: BrokerId, address: string, request: FetchRequest, timeoutMs: number): Promise<FetchResponse>;
  /** The image changed: let go of connections to peers gone from it or moved elsewhere. */
  onMetadata(image: MetadataImage): void;
  stop(): Promise<void>;
}

export interface SocketBrokerNetworkOptions {
  readonly nodeId: BrokerId;
  /** Where the Kafka listener serves clients (port 0 picks one). */
  readonly listen: string;
  /** Where the gRPC Replication service listens (port 0 picks one). */
  readonly replicationListen: string;
  readonly logger: Logger;
  readonly observeRequest?: RequestObserver;
  /** How the Kafka listener is secured; PLAINTEXT if absent. */
  readonly listenerSecurity?: ListenerSecurity;
  /** Mutual TLS for replication, served and dialled, with this node's identity. */
  readonly tls?: TlsIdentity;
  /** Told of every authentication on the Kafka listener and the replication service. */
  readonly observeAuthentication?: AuthenticationObserver;
}

export class SocketBrokerNetwork implements BrokerNetwork {
  private server: ReplicationServer | null = null;
  private listener: KafkaListener | null = null;
  private readonly connections = new Map<BrokerId, ReplicationConnection>();

  constructor(private readonly options: SocketBrokerNetworkOptions) {}

  async serve(services: BrokerServices): Promise<ServedPorts> {
    const { options } = this;
    const server = (this.server = new ReplicationServer({
      api: services.replication,
      listen: options.replicationListen,
      logger: options.logger,
      ...(options.tls === undefined ? {} : { tls: options.tls }),
      ...(options.observeAuthentication === undefined ? {} : { observeAuthentication: options.observeAuthentication }),
    }));
    const listener = (this.listener = new KafkaListener({
      handlers: kafkaHandlers(services.kafka),
      listen: options.listen,
      logger: options.logger.child({ nodeId: options.nodeId }),
      ...(options.observeRequest === undefined ? {} : { observeRequest: options.observeRequest }),
      ...(options.listenerSecurity === undefined ? {} : { security: options.listenerSecurity }),
      ...(options.observeAuthentication === undefined ? {} : { observeAuthentication: options.observeAuthentication }),
    }));
    try {
      const replicationPort = await server.start();
      const clientPort = await listener.start();
      return { clientPort, replicationPort };
    } catch (error) {
      await server.stop();
      await listener.stop();
      throw error;
    }
  }

  fetch(source: BrokerId, address: string, request: FetchRequest, timeoutMs: number): Promise<FetchResponse> {
    let connection = this.connections.get(source);
    if (connection === undefined || connection.address !== address) {
      connection?.close();
      connection = new ReplicationConnection({
        address,
        clientId: `kz-broker-${this.options.nodeId}`,
        ...(this.options.tls === undefined ? {} : { tls: this.options.tls }),
      });
      this.connections.set(source, connection);
    }
    return connection.fetch(request, { timeoutMs });
  }

  onMetadata(image: MetadataImage): void {
    for (const [id, connection] of this.connections) {
      const endpoint = replicationEndpoint(image.brokers.get(id));
      if (endpoint === undefined || connection.address !== `${endpoint.host}:${endpoint.port}`) {
        connection.close();
        this.connections.delete(id);
      }
    }
  }

  async stop(): Promise<void> {
    await this.listener?.stop();
    await this.server?.stop();
    for (const connection of this.connections.values()) connection.close();
    this.connections.clear();
  }
}

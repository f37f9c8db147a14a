/**
 * Mutual TLS for kz's gRPC services (Raft, the metadata admin service, replication): every node
 * serves with its certificate and calls out with it, and both sides check the other's against the
 * cluster CA. grpc-js takes the key, certificate and CA through certificate providers fed by the
 * node's TlsIdentity, so a reload (SIGHUP) reaches new connections without a restart.
 *
 * A node's certificate names its node id: common name `kz-node-<id>`. A service that acts for a
 * node (a Raft request from node 3, a replica fetch from broker 3, a heartbeat of broker 3) refuses
 * a caller whose certificate does not name that node, before the request reaches the core. Other
 * certificates name users (`User:<cn>`), for the admin service's authorization.
 */
import { ChannelCredentials, experimental, ServerCredentials, type ServerUnaryCall } from '@grpc/grpc-js';
import type { PeerCertificate } from 'node:tls';
import type { TlsIdentity } from './tls-identity';

type CertificateProvider = experimental.CertificateProvider;
type CaListener = experimental.CaCertificateUpdateListener;
type IdentityListener = experimental.IdentityCertificateUpdateListener;
/** What a unary handler's call says of its peer. */
type ServerSurfaceCall = Pick<ServerUnaryCall<unknown, unknown>, 'getAuthContext'>;

const NODE_COMMON_NAME = /^kz-node-(0|[1-9][0-9]{0,9})$/;

/** The common name a node's certificate carries. */
export function nodeCommonName(id: number): string {
  return `kz-node-${id}`;
}

/** The node id a certificate's common name names, or null when it names none. */
export function nodeIdOfCommonName(commonName: string | null): number | null {
  const match = commonName === null ? null : NODE_COMMON_NAME.exec(commonName);
  if (match === null) return null;
  const id = Number(match[1]);
  return id <= 2 ** 31 - 1 ? id : null;
}

/** A TlsIdentity as grpc-js's certificate provider: current material now, new material on every reload. */
class IdentityProvider implements CertificateProvider {
  private readonly caListeners = new Set<CaListener>();
  private readonly identityListeners = new Set<IdentityListener>();

  constructor(private readonly identity: TlsIdentity) {
    identity.onReload(() => {
      for (const listener of this.caListeners) this.sendCa(listener);
      for (const listener of this.identityListeners) this.sendIdentity(listener);
    });
  }

  // The first update is sent on a later tick: grpc-js registers the listener before the watcher
  // that acts on it (a synchronous first update would be lost and the server would serve no TLS).
  addCaCertificateListener(listener: CaListener): void {
    this.caListeners.add(listener);
    queueMicrotask(() => {
      if (this.caListeners.has(listener)) this.sendCa(listener);
    });
  }

  removeCaCertificateListener(listener: CaListener): void {
    this.caListeners.delete(listener);
  }

  addIdentityCertificateListener(listener: IdentityListener): void {
    this.identityListeners.add(listener);
    queueMicrotask(() => {
      if (this.identityListeners.has(listener)) this.sendIdentity(listener);
    });
  }

  removeIdentityCertificateListener(listener: IdentityListener): void {
    this.identityListeners.delete(listener);
  }

  private sendCa(listener: CaListener): void {
    const { ca } = this.identity.material;
    listener(ca === null ? null : { caCertificate: ca });
  }

  private sendIdentity(listener: IdentityListener): void {
    const { key, cert } = this.identity.material;
    listener({ certificate: cert, privateKey: key });
  }
}

const providers = new WeakMap<TlsIdentity, IdentityProvider>();

function providerOf(identity: TlsIdentity): IdentityProvider {
  let provider = providers.get(identity);
  if (provider === undefined) providers.set(identity, (provider = new IdentityProvider(identity)));
  return provider;
}

/** A server's credentials: insecure without an identity; otherwise TLS that requires a client certificate from the CA. */
export function grpcServerCredentials(identity: TlsIdentity | null | undefined): ServerCredentials {
  if (identity === null || identity === undefined) return ServerCredentials.createInsecure();
  const provider = providerOf(identity);
  return experimental.createCertificateProviderServerCredentials(provider, provider, true);
}

/** A client's credentials: insecure without an identity; otherwise TLS with this node's certificate, checking the server's against the CA. */
export function grpcChannelCredentials(identity: TlsIdentity | null | undefined): ChannelCredentials {
  if (identity === null || identity === undefined) return ChannelCredentials.createInsecure();
  const provider = providerOf(identity);
  return experimental.createCertificateProviderChannelCredentials(provider, provider);
}

/** The verified peer certificate's common name on a TLS call; null on a plaintext one or without a CN. */
export function peerCommonName(call: ServerSurfaceCall): string | null {
  const certificate = call.getAuthContext().sslPeerCertificate as PeerCertificate | undefined;
  const cn = certificate?.subject?.CN as string | string[] | undefined;
  if (cn === undefined) return null;
  const value = Array.isArray(cn) ? cn[cn.length - 1] : cn;
  return value === undefined || value === '' ? null : value;
}

/** The node id the caller's certificate proves, or null. */
export function peerNodeId(call: ServerSurfaceCall): number | null {
  return nodeIdOfCommonName(peerCommonName(call));
}

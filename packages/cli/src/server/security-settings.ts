/**
 * The security part of `kz server`'s settings, from its flags (or config-file keys), decided without
 * reading a file: which protocol the Kafka listener speaks (Kafka's security.protocol names), the
 * PEM files of the node's TLS identity (ssl.keystore / ssl.truststore as PEM paths), whether TLS
 * asks for client certificates (ssl.client.auth), the SASL mechanisms (sasl.enabled.mechanisms),
 * the re-authentication interval (connections.max.reauth.ms) and the StandardAuthorizer
 * (authorizer, super.users, allow.everyone.if.no.acl.found).
 *
 * With none of them a node is what it always was: PLAINTEXT, no authorizer.
 */
import { SASL_MECHANISMS, SECURITY_PROTOCOLS, SSL_CLIENT_AUTH, usesTls, type AuthorizationSettings, type SaslMechanism, type SecurityProtocol, type SslClientAuth, type TlsFiles } from '@kz/broker';
import { isPrincipal } from '@kz/metadata';
import { usageError } from '../cli-error';

export const AUTHORIZERS = ['none', 'standard'] as const;
export type AuthorizerChoice = (typeof AUTHORIZERS)[number];

export interface SecurityFlags {
  readonly securityProtocol?: SecurityProtocol | undefined;
  readonly sslKey?: string | undefined;
  readonly sslCert?: string | undefined;
  readonly sslCa?: string | undefined;
  readonly sslClientAuth?: SslClientAuth | undefined;
  readonly saslEnabledMechanisms?: string | undefined;
  readonly connectionsMaxReauthMs?: number | undefined;
  readonly authorizer?: AuthorizerChoice | undefined;
  /** `User:a;User:b`, as Kafka's super.users. */
  readonly superUsers?: string | undefined;
  readonly allowEveryoneIfNoAclFound?: boolean | undefined;
  /** Mutual TLS on Raft, the admin service and replication, with the node's certificate (CN kz-node-<id>). */
  readonly interNodeTls?: boolean | undefined;
}

export interface SecuritySettings {
  readonly protocol: SecurityProtocol;
  /** The node's TLS identity; null when nothing uses TLS. */
  readonly tls: TlsFiles | null;
  readonly clientAuth: SslClientAuth;
  readonly saslMechanisms: readonly SaslMechanism[];
  readonly maxReauthMs: number;
  readonly authorization: AuthorizationSettings | null;
  /** Raft, the admin service and replication speak mutual TLS with `tls`. */
  readonly interNodeTls: boolean;
}

export function securitySettings(flags: SecurityFlags): SecuritySettings {
  const protocol = flags.securityProtocol ?? 'PLAINTEXT';
  if (!(SECURITY_PROTOCOLS as readonly string[]).includes(protocol)) throw usageError(`--security-protocol: expected one of ${SECURITY_PROTOCOLS.join(', ')}, got ${protocol}`);
  const anyTlsFile = flags.sslKey !== undefined || flags.sslCert !== undefined || flags.sslCa !== undefined;
  if ((flags.sslKey === undefined) !== (flags.sslCert === undefined)) throw usageError('--ssl-key and --ssl-cert go together (the node’s private key and its certificate, PEM)');
  if (usesTls(protocol) && flags.sslKey === undefined) throw usageError(`--security-protocol ${protocol} needs --ssl-key and --ssl-cert (and --ssl-ca to check client certificates)`);
  const clientAuth = flags.sslClientAuth ?? 'none';
  if (!(SSL_CLIENT_AUTH as readonly string[]).includes(clientAuth)) throw usageError(`--ssl-client-auth: expected one of ${SSL_CLIENT_AUTH.join(', ')}`);
  if (clientAuth !== 'none' && flags.sslCa === undefined) throw usageError(`--ssl-client-auth ${clientAuth} needs --ssl-ca, the CA client certificates must chain to`);
  if (clientAuth !== 'none' && !usesTls(protocol)) throw usageError(`--ssl-client-auth ${clientAuth} needs a TLS listener (--security-protocol SSL or SASL_SSL)`);
  const interNodeTls = flags.interNodeTls ?? false;
  if (interNodeTls && (flags.sslKey === undefined || flags.sslCa === undefined)) throw usageError('--inter-node-tls needs --ssl-key, --ssl-cert and --ssl-ca (the node’s certificate must name it: CN kz-node-<id>)');
  const saslMechanisms = flags.saslEnabledMechanisms === undefined ? [...SASL_MECHANISMS] : mechanisms(flags.saslEnabledMechanisms);
  const maxReauthMs = flags.connectionsMaxReauthMs ?? 0;
  let authorization: AuthorizationSettings | null = null;
  if ((flags.authorizer ?? 'none') === 'standard') {
    const superUsers = (flags.superUsers ?? '')
      .split(';')
      .map((p) => p.trim())
      .filter((p) => p !== '');
    for (const p of superUsers) if (!isPrincipal(p)) throw usageError(`--super-users: ${JSON.stringify(p)} is not a principal (User:name; several separated by ;)`);
    authorization = { superUsers, allowEveryoneIfNoAclFound: flags.allowEveryoneIfNoAclFound ?? false };
  } else if (flags.superUsers !== undefined || flags.allowEveryoneIfNoAclFound !== undefined) {
    throw usageError('--super-users and --allow-everyone-if-no-acl-found need --authorizer standard');
  }
  return {
    protocol,
    tls: anyTlsFile && flags.sslKey !== undefined && flags.sslCert !== undefined ? { keyFile: flags.sslKey, certFile: flags.sslCert, ...(flags.sslCa === undefined ? {} : { caFile: flags.sslCa }) } : null,
    clientAuth,
    saslMechanisms,
    maxReauthMs,
    authorization,
    interNodeTls,
  };
}

function mechanisms(text: string): SaslMechanism[] {
  const list = text
    .split(',')
    .map((m) => m.trim())
    .filter((m) => m !== '');
  if (list.length === 0) throw usageError('--sasl-enabled-mechanisms: no mechanisms');
  for (const m of list) if (!(SASL_MECHANISMS as readonly string[]).includes(m)) throw usageError(`--sasl-enabled-mechanisms: ${m} is not one of ${SASL_MECHANISMS.join(', ')}`);
  return list as SaslMechanism[];
}

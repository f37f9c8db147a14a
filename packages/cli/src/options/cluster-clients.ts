/**
 * How a command reaches the cluster. Client commands (produce, consume) talk to brokers through
 * `--bootstrap-server`; admin commands (topics, quorum, reassign...) talk to the controllers'
 * admin service through `--bootstrap-controller`, as Kafka's tools do since KIP-919. Both read
 * their defaults from KZ_BOOTSTRAP_SERVER / KZ_BOOTSTRAP_CONTROLLER. Client commands log in with
 * SASL when given --sasl-mechanism/--sasl-username/--sasl-password.
 */
import { readFileSync } from 'node:fs';
import { KzClient, type ClientSasl, type ClientTls } from '@kz/broker';
import { MetadataAdminClient, type ControllerAddress } from '@kz/metadata';
import { TlsIdentity } from '@kz/runtime';
import type { Options } from 'yargs';
import { CliError } from '../cli-error';
import { hostPort, hostPortList } from './addresses';
import { integerFlag } from './numbers';

export const DEFAULT_BOOTSTRAP_SERVER = '127.0.0.1:9092';
export const DEFAULT_BOOTSTRAP_CONTROLLER = '127.0.0.1:9093';

export const TIMEOUT_OPTION = {
  'timeout-ms': { type: 'number', default: 15_000, coerce: integerFlag('timeout-ms', 1), describe: 'give up on an unreachable cluster after this long' },
} as const satisfies Record<string, Options>;

/** Read when a command line is parsed, so the environment of that moment counts. */
export function bootstrapServerOptions() {
  return {
    'bootstrap-server': {
      type: 'string',
      default: process.env.KZ_BOOTSTRAP_SERVER ?? DEFAULT_BOOTSTRAP_SERVER,
      describe: 'broker address(es), host:port[,host:port...] (env KZ_BOOTSTRAP_SERVER)',
    },
    ...TIMEOUT_OPTION,
    ...ADMIN_TLS_OPTIONS(),
    ...SASL_OPTIONS(),
  } as const satisfies Record<string, Options>;
}

export function bootstrapControllerOptions() {
  return {
    'bootstrap-controller': {
      type: 'string',
      default: process.env.KZ_BOOTSTRAP_CONTROLLER ?? DEFAULT_BOOTSTRAP_CONTROLLER,
      describe: 'controller admin address(es): host:port or id@host:port, comma-separated (env KZ_BOOTSTRAP_CONTROLLER)',
    },
    ...TIMEOUT_OPTION,
    ...ADMIN_TLS_OPTIONS(),
  } as const satisfies Record<string, Options>;
}

/**
 * TLS for `kz`: admin commands to a cluster started with --inter-node-tls, and clients of a Kafka
 * listener on SSL; the certificate names who is asking (User:<CN>).
 */
function ADMIN_TLS_OPTIONS() {
  const env = (name: string) => process.env[name];
  return {
    'ssl-cert': { type: 'string', default: env('KZ_SSL_CERT'), describe: 'your PEM certificate, for a cluster with --inter-node-tls (env KZ_SSL_CERT)' },
    'ssl-key': { type: 'string', default: env('KZ_SSL_KEY'), describe: 'its PEM private key (env KZ_SSL_KEY)' },
    'ssl-ca': { type: 'string', default: env('KZ_SSL_CA'), describe: 'the cluster’s CA certificate (env KZ_SSL_CA)' },
  } as const satisfies Record<string, Options>;
}

/**
 * SASL for client commands on a listener with SASL_PLAINTEXT or SASL_SSL (with --ssl-ca): Kafka's
 * client settings sasl.mechanism, sasl.username and sasl.password, as flags. These are librdkafka's
 * (kcat's) names; the Java clients' sasl.jaas.config wraps the same two values in a JAAS line, which
 * is a Java-ism a command line has no use for. The password is best given by environment
 * (KZ_SASL_PASSWORD), where other users' `ps` does not show it.
 */
function SASL_OPTIONS() {
  const env = (name: string) => process.env[name];
  return {
    'sasl-mechanism': { type: 'string', default: env('KZ_SASL_MECHANISM'), describe: 'PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512, for a SASL listener (env KZ_SASL_MECHANISM)' },
    'sasl-username': { type: 'string', default: env('KZ_SASL_USERNAME'), describe: 'the user to log in as (env KZ_SASL_USERNAME)' },
    'sasl-password': { type: 'string', default: env('KZ_SASL_PASSWORD'), describe: 'its password (env KZ_SASL_PASSWORD)' },
  } as const satisfies Record<string, Options>;
}

const CLIENT_SASL_MECHANISMS = ['PLAIN', 'SCRAM-SHA-256', 'SCRAM-SHA-512'] as const;

/** The SASL login from --sasl-mechanism/--sasl-username/--sasl-password, or undefined without one. */
export function clientSasl(argv: { saslMechanism?: string | undefined; saslUsername?: string | undefined; saslPassword?: string | undefined }): ClientSasl | undefined {
  const { saslMechanism: mechanism, saslUsername: username, saslPassword: password } = argv;
  if (mechanism === undefined && username === undefined && password === undefined) return undefined;
  if (mechanism === undefined) throw new CliError('USAGE', '--sasl-username and --sasl-password need --sasl-mechanism (PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512)', 2);
  const known = CLIENT_SASL_MECHANISMS.find((m) => m === mechanism.toUpperCase());
  if (known === undefined) throw new CliError('USAGE', `--sasl-mechanism: ${JSON.stringify(mechanism)} is not one of ${CLIENT_SASL_MECHANISMS.join(', ')}`, 2);
  if (username === undefined || username === '' || password === undefined) throw new CliError('USAGE', `--sasl-mechanism ${known} needs --sasl-username and --sasl-password (or KZ_SASL_USERNAME / KZ_SASL_PASSWORD)`, 2);
  return { mechanism: known, username, password };
}

/**
 * TLS to a Kafka listener: --ssl-ca alone checks the brokers (SSL or SASL_SSL without client
 * certificates); --ssl-cert and --ssl-key, together, also present a certificate.
 */
function brokerTls(argv: { sslCert?: string | undefined; sslKey?: string | undefined; sslCa?: string | undefined }): ClientTls | undefined {
  if (argv.sslCert !== undefined || argv.sslKey !== undefined) {
    const identity = adminTls(argv);
    return identity === undefined ? undefined : { key: identity.material.key, cert: identity.material.cert, ...(identity.material.ca === null ? {} : { ca: identity.material.ca }) };
  }
  if (argv.sslCa === undefined) return undefined;
  try {
    return { ca: readFileSync(argv.sslCa) };
  } catch (error) {
    throw new CliError('INVALID_CONFIG', `cannot read the CA certificate ${argv.sslCa}: ${(error as Error).message}`);
  }
}

/** The operator's TLS identity from --ssl-cert/--ssl-key/--ssl-ca, or undefined for plaintext. */
export function adminTls(argv: { sslCert?: string | undefined; sslKey?: string | undefined; sslCa?: string | undefined }): TlsIdentity | undefined {
  const given = [argv.sslCert, argv.sslKey, argv.sslCa].filter((v) => v !== undefined).length;
  if (given === 0) return undefined;
  if (given !== 3) throw new CliError('USAGE', '--ssl-cert, --ssl-key and --ssl-ca go together', 2);
  try {
    return new TlsIdentity({ certFile: argv.sslCert!, keyFile: argv.sslKey!, caFile: argv.sslCa! });
  } catch (error) {
    throw new CliError('INVALID_CONFIG', (error as Error).message);
  }
}

export function brokerClient(argv: {
  bootstrapServer: string;
  timeoutMs: number;
  sslCert?: string | undefined;
  sslKey?: string | undefined;
  sslCa?: string | undefined;
  saslMechanism?: string | undefined;
  saslUsername?: string | undefined;
  saslPassword?: string | undefined;
}): KzClient {
  const tls = brokerTls(argv);
  const sasl = clientSasl(argv);
  return new KzClient({ bootstrap: hostPortList('bootstrap-server', argv.bootstrapServer), requestTimeoutMs: argv.timeoutMs, clientId: 'kz-cli', ...(tls === undefined ? {} : { tls }), ...(sasl === undefined ? {} : { sasl }) });
}

/**
 * An admin client for the controllers named. A `host:port` without its node id is asked who it is
 * (DescribeCluster names the answering node, and where the other controllers are): the client needs
 * ids and addresses to follow NOT_CONTROLLER hints to the active controller.
 */
export async function controllerClient(argv: { bootstrapController: string; timeoutMs: number; sslCert?: string | undefined; sslKey?: string | undefined; sslCa?: string | undefined }): Promise<MetadataAdminClient> {
  const tls = adminTls(argv);
  const withTls = tls === undefined ? {} : { tls };
  const entries = argv.bootstrapController
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  if (entries.length === 0) throw new CliError('USAGE', '--bootstrap-controller: no addresses', 2);
  const controllers: ControllerAddress[] = [];
  const anonymous: string[] = [];
  for (const entry of entries) {
    const match = /^(0|[1-9][0-9]{0,9})@(.+)$/.exec(entry);
    if (match !== null) controllers.push({ id: Number(match[1]), address: hostPort('bootstrap-controller', match[2]!) });
    else anonymous.push(hostPort('bootstrap-controller', entry));
  }
  const failures: string[] = [];
  await Promise.all(
    anonymous.map(async (address) => {
      const probe = new MetadataAdminClient({ controllers: [{ id: -1, address }], timeoutMs: argv.timeoutMs, attemptTimeoutMs: Math.min(argv.timeoutMs, 5000), ...withTls });
      try {
        const { nodeId, controllers: known } = await probe.describeCluster();
        if (!controllers.some((c) => c.id === nodeId)) controllers.push({ id: nodeId, address });
        // The node knows where the other controllers are: the client can follow a redirect to any of them.
        for (const other of known) if (!controllers.some((c) => c.id === other.id)) controllers.push(other);
      } catch (error) {
        failures.push(`${address} (${(error as Error).message})`);
      } finally {
        probe.close();
      }
    }),
  );
  if (controllers.length === 0) {
    throw new CliError('NETWORK_EXCEPTION', `cannot reach a controller at ${failures.join(', ')}; is the cluster running? (--bootstrap-controller)`);
  }
  return new MetadataAdminClient({ controllers, timeoutMs: argv.timeoutMs, attemptTimeoutMs: Math.min(argv.timeoutMs, 10_000), ...withTls });
}

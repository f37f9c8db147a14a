/**
 * `kz server`: runs one node until SIGTERM/SIGINT (a controlled shutdown, exit 0; a second signal
 * exits at once). Logs are pino JSON lines on stdout; the line `kz node ready` carries every
 * address the node serves. Exits 1 if the node cannot start or stops on its own (a failed disk).
 */
import { LOG_LEVELS, stopOnSignals, type LogLevel } from '@kz/metadata';
import pino from 'pino';
import type { CommandModule } from 'yargs';
import type { CliIo } from '../io';
import { integerFlag } from '../options/numbers';
import { readMetaProperties } from '../server/meta-properties';
import { readPropertiesFile } from '../server/properties-file';
import { startKzNode } from '../server/kz-node';
import { DEFAULT_ADMIN_LISTEN, DEFAULT_LISTEN, DEFAULT_RAFT_PORT, DEFAULT_REPLICATION_LISTEN, nodeSettings, SERVER_ROLES, type ServerRole } from '../server/server-settings';
import { defineCommand } from './define-command';
import { runCommand } from './run-command';

const ms = (flag: string, min = 1) => ({ type: 'number' as const, coerce: integerFlag(flag, min), group: 'Tuning:' });

export function serverCommand(_io: CliIo): CommandModule {
  return defineCommand({
    command: 'server',
    describe: 'run a kz node: a controller, a broker, or both',
    builder: (y) =>
      y
        .config('config', 'a file of key=value lines, keys named as these flags (flags win)', readPropertiesFile)
        .option('data-dir', { type: 'string', demandOption: true, describe: 'the data directory `kz format` prepared' })
        .option('roles', { choices: SERVER_ROLES, default: 'both' as ServerRole, describe: 'controller: a metadata quorum voter; broker: stores partitions; both: one process for each' })
        .option('node-id', { type: 'number', coerce: integerFlag('node-id', 0, 2 ** 31 - 1), describe: 'checked against the data directory (it holds the id)' })
        .option('cluster-id', { type: 'string', describe: 'checked against the data directory (it holds the id)' })
        .option('voters', { type: 'string', group: 'Listeners:', describe: `every controller's Raft address, id@host:port,... (default: this node alone on port ${DEFAULT_RAFT_PORT})` })
        .option('raft-listen', { type: 'string', group: 'Listeners:', describe: 'where Raft listens (default: this node’s --voters address)' })
        .option('admin-listen', { type: 'string', group: 'Listeners:', describe: `the admin service (topics, quorum, reassign), default ${DEFAULT_ADMIN_LISTEN}` })
        .option('listen', { type: 'string', group: 'Listeners:', describe: `the Kafka listener (any Kafka client, kz produce/consume), default ${DEFAULT_LISTEN}` })
        .option('replication-listen', { type: 'string', group: 'Listeners:', describe: `where the other brokers replicate from, default ${DEFAULT_REPLICATION_LISTEN}` })
        .option('auto-create-topics', { type: 'boolean', default: false, describe: 'Metadata for an unknown topic creates it with the cluster defaults (Kafka’s auto.create.topics.enable)' })
        .option('controller-admin', { type: 'string', group: 'Listeners:', describe: 'every controller’s admin address, id@host:port,... (a broker needs it unless it is the only voter)' })
        .option('advertised-host', { type: 'string', group: 'Listeners:', describe: 'the host clients are told to connect to (default: the --listen host)' })
        .option('metrics-listen', { type: 'string', group: 'Listeners:', describe: 'serve Prometheus metrics at http://HOST:PORT/metrics' })
        .option('rack', { type: 'string', describe: 'this broker’s rack, for rack-aware replica placement' })
        .option('session-timeout-ms', { ...ms('session-timeout-ms'), describe: 'a broker silent this long is fenced (default 9000)' })
        .option('election-timeout-ms', { ...ms('election-timeout-ms'), describe: 'Raft election timeout (default 1000)' })
        .option('fetch-timeout-ms', { ...ms('fetch-timeout-ms', 2), describe: 'a Raft follower that hears nothing from its leader this long campaigns (default 2000)' })
        .option('request-timeout-ms', { ...ms('request-timeout-ms'), describe: 'a controller request not committed by then fails REQUEST_TIMED_OUT (default 30000)' })
        .option('replica-lag-time-max-ms', { ...ms('replica-lag-time-max-ms'), describe: 'a follower not caught up this long leaves the ISR (default 30000)' })
        .option('heartbeat-interval-ms', { ...ms('heartbeat-interval-ms'), describe: 'broker heartbeat interval (default 2000)' })
        .option('offsets-topic-partitions', { ...ms('offsets-topic-partitions'), describe: 'partitions of __consumer_offsets when it is created (default 50)' })
        .option('group-initial-rebalance-delay-ms', { ...ms('group-initial-rebalance-delay-ms', 0), describe: 'a new consumer group waits this long for more members before its first assignment (default 3000)' })
        .option('log-level', { choices: LOG_LEVELS, default: 'info' as LogLevel, describe: 'pino log level' })
        .example('$0 server --data-dir /var/lib/kz', 'a single-node cluster on the default ports')
        .example('$0 server --config /etc/kz/server.properties', 'flags from a file'),
    handler: (argv) =>
      runCommand(async () => {
        const settings = nodeSettings(
          {
            dataDir: argv.dataDir,
            roles: argv.roles,
            nodeId: argv.nodeId,
            clusterId: argv.clusterId,
            voters: argv.voters,
            raftListen: argv.raftListen,
            adminListen: argv.adminListen,
            listen: argv.listen,
            replicationListen: argv.replicationListen,
            autoCreateTopics: argv.autoCreateTopics,
            controllerAdmin: argv.controllerAdmin,
            advertisedHost: argv.advertisedHost,
            rack: argv.rack,
            metricsListen: argv.metricsListen,
            sessionTimeoutMs: argv.sessionTimeoutMs,
            electionTimeoutMs: argv.electionTimeoutMs,
            fetchTimeoutMs: argv.fetchTimeoutMs,
            requestTimeoutMs: argv.requestTimeoutMs,
            replicaLagTimeMaxMs: argv.replicaLagTimeMaxMs,
            heartbeatIntervalMs: argv.heartbeatIntervalMs,
            offsetsTopicPartitions: argv.offsetsTopicPartitions,
            groupInitialRebalanceDelayMs: argv.groupInitialRebalanceDelayMs,
            logLevel: argv.logLevel,
          },
          readMetaProperties(argv.dataDir),
        );
        const logger = pino({ level: settings.metadata.logLevel, base: { pid: process.pid } });
        const log = logger.child({ nodeId: settings.metadata.nodeId });
        const node = await startKzNode(settings, logger);
        void node.halted.then((error) => {
          log.fatal({ err: error }, 'node halted; exiting');
          process.exit(1);
        });
        log.info(
          {
            role: settings.role,
            clusterId: settings.metadata.clusterId,
            raftListen: node.metadata.transport.listenAddress ?? null,
            adminListen: node.metadata.server.address,
            listen: node.broker === null ? null : `${settings.broker!.listen.replace(/:[0-9]+$/, '')}:${node.broker.broker.port}`,
            replicationListen: node.broker === null ? null : `${settings.broker!.replicationListen.replace(/:[0-9]+$/, '')}:${node.broker.broker.replicationPort}`,
            metrics: node.metricsAddress,
            // Which registration is this process's: a restarted node's previous one lingers until its session expires.
            incarnationId: node.broker?.broker.lifecycle?.incarnationId ?? null,
          },
          'kz node ready',
        );
        stopOnSignals(log, () => node.stop());
        // The process lives until a signal or a halt ends it.
        await new Promise<never>(() => {});
      }),
  }) as CommandModule;
}

#!/usr/bin/env -S node --max-semi-space-size=32
/**
 * `kz-kv`: one node of the replicated key-value store, as a process. See SERVER_USAGE for flags.
 * Exit codes: 0 after a graceful stop, 1 when the node cannot start, 2 on a bad command line.
 */
import pino from 'pino';
import { KvServer } from './kv-server';
import { parseServerFlags, SERVER_USAGE, UsageError, type ServerCommand } from './server-flags';

async function main(): Promise<void> {
  let command: ServerCommand;
  try {
    command = parseServerFlags(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`kz-kv: ${error.message}\nRun kz-kv --help for usage.\n`);
    process.exit(2);
  }
  if (command.kind === 'help') {
    process.stdout.write(`${SERVER_USAGE}\n`);
    return;
  }
  const settings = command.settings;
  const logger = pino({ level: settings.logLevel, base: { pid: process.pid } });

  let server: KvServer;
  try {
    server = await KvServer.start({
      nodeId: settings.nodeId,
      voters: settings.voters,
      storage: { dataDir: settings.dataDir },
      raft: { listen: settings.raftListen, peers: settings.raftPeers, clusterId: settings.clusterId },
      listen: settings.listen,
      kvPeers: settings.kvPeers,
      requestTimeoutMs: settings.requestTimeoutMs,
      raftConfig: settings.raftConfig,
      ...(settings.snapshotEveryBytes === undefined ? {} : { snapshotEveryBytes: settings.snapshotEveryBytes }),
      logger,
    });
  } catch (error) {
    // Locked or corrupt data dir, port taken, bad address: say which, and fail the process.
    logger.fatal({ err: error }, 'kv node failed to start');
    process.stderr.write(`kz-kv: cannot start node ${settings.nodeId}: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }

  // A halted Raft node (its disk failed) must not leave a process that only answers errors.
  void server.node.halted.then((error) => {
    process.stderr.write(`kz-kv: node ${settings.nodeId} halted: ${error.message}\n`);
    process.exit(1);
  });

  let signals = 0;
  const onSignal = (signal: NodeJS.Signals): void => {
    signals += 1;
    // A second signal means "now": skip the graceful path (Raft's synced writes make that safe).
    if (signals > 1) process.exit(130);
    logger.info({ signal }, 'stopping');
    server.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'stop failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}

main().catch((error: unknown) => {
  process.stderr.write(`kz-kv: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});

/**
 * The SIGTERM / SIGINT contract every kz server process keeps (kz-metadata-server, kz-broker-server):
 * the first signal stops gracefully and exits 0, or 1 when the stop fails; a second signal exits 130
 * at once. Kept in one place so the processes cannot drift apart in what an operator's Ctrl-C does.
 */
import type { Logger } from 'pino';

/**
 * Installs the handlers. `stop` is the graceful shutdown (servers, then the node); `stoppedMessage`
 * is logged when it completes, so each process keeps its own log line.
 */
export function stopOnSignals(log: Pick<Logger, 'info' | 'error'>, stop: () => Promise<void>, stoppedMessage = 'node stopped'): void {
  let signals = 0;
  const onSignal = (signal: NodeJS.Signals): void => {
    signals += 1;
    // A second signal means "now": skip the graceful path (every acknowledged write is already
    // fsynced by Raft, so nothing acknowledged is lost).
    if (signals > 1) process.exit(130);
    log.info({ signal }, 'stopping');
    stop().then(
      () => {
        log.info(stoppedMessage);
        process.exit(0);
      },
      (error: unknown) => {
        log.error({ err: error }, 'stop failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}

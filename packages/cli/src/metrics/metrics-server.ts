/**
 * The HTTP endpoint Prometheus scrapes: GET /metrics answers the registry in its text format (only
 * the metrics named by `?name=` when given); every other path is 404. Plain node:http, no framework: it serves one resource.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ListenFailedError } from '@kz/raft';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';

export class MetricsServer {
  private stopping: Promise<void> | undefined;

  private constructor(
    private readonly server: Server,
    /** `host:port` actually bound (the port chosen when asked for 0). */
    readonly address: string,
    private readonly log: Logger,
  ) {}

  /** Binds `listen` (`host:port`, `[v6]:port`; port 0 picks one); ListenFailedError when it cannot. */
  static async start(registry: Registry, listen: string, logger: Logger): Promise<MetricsServer> {
    const { host, port } = parseListen(listen);
    const log = logger.child({ component: 'metrics' });
    const server = createServer((request, response) => void answer(registry, request, response, log));
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve();
        });
      });
    } catch (error) {
      server.close();
      throw new ListenFailedError(listen, error);
    }
    server.on('error', (error) => log.error({ err: error }, 'metrics server error'));
    const bound = server.address() as AddressInfo;
    const address = bound.family === 'IPv6' ? `[${bound.address}]:${bound.port}` : `${bound.address}:${bound.port}`;
    log.info({ listen: address }, 'serving metrics at /metrics');
    return new MetricsServer(server, address, log);
  }

  /** Closes the listener and every connection (a scraper's keep-alive one included). */
  stop(): Promise<void> {
    this.stopping ??= new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    }).then(() => this.log.info('metrics server stopped'));
    return this.stopping;
  }
}

async function answer(registry: Registry, request: IncomingMessage, response: ServerResponse, log: Logger): Promise<void> {
  const path = (request.url ?? '/').split('?')[0];
  if (request.method !== 'GET' || path !== '/metrics') {
    response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found: metrics are at GET /metrics\n');
    return;
  }
  try {
    // ?name=a&name=b answers just those metrics: a node with tens of thousands of partitions has
    // hundreds of thousands of per-partition series, too many to render for a dashboard's few.
    const names = new URL(request.url ?? '/', 'http://metrics').searchParams.getAll('name');
    const body = names.length === 0 ? await registry.metrics() : (await Promise.all(names.filter((n) => registry.getSingleMetric(n) !== undefined).map((n) => registry.getSingleMetricAsString(n)))).join('\n');
    response.writeHead(200, { 'Content-Type': registry.contentType }).end(body);
  } catch (error) {
    // A collector that throws (a node stopping under it, say) fails this scrape, not the process.
    log.warn({ err: error }, 'collecting metrics failed');
    response.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' }).end('collecting metrics failed\n');
  }
}

function parseListen(listen: string): { host: string; port: number } {
  const match = /^(?:\[([0-9A-Fa-f:.]+)\]|([A-Za-z0-9_.-]+)):([0-9]{1,5})$/.exec(listen);
  const port = Number(match?.[3]);
  const host = match?.[1] ?? match?.[2];
  if (host === undefined || !(port >= 0 && port <= 65535)) throw new ListenFailedError(listen, new Error('expected host:port'));
  return { host, port };
}

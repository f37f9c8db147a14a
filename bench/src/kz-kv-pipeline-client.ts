import { KvClient } from '@kz/example-kv/dist/kv-client';
import type { WriteTarget } from './write-target';

/**
 * KvService writes through examples/kv's own KvClient, as an application uses it: every put to a
 * node rides one KvService.Pipeline stream, redirects and retries are the client's. Set beside
 * KzKvClient (one bare unary call per put, the path etcd's side takes), it shows what the
 * pipelined protocol is worth.
 */
export class KzKvPipelineClient implements WriteTarget {
  private readonly kv: KvClient;

  constructor(readonly address: string) {
    this.kv = new KvClient({ addresses: [address], transport: 'pipeline' });
  }

  get description(): string {
    return `kz kv at ${this.address} (KvClient, pipelined)`;
  }

  put(key: Buffer, value: Buffer, done: (error: Error | null) => void): void {
    this.kv.put(key, value).then(
      () => done(null),
      (error: unknown) => done(error instanceof Error ? error : new Error(String(error))),
    );
  }

  close(): void {
    this.kv.close();
  }
}

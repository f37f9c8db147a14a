/**
 * A replicated store's write path as the load generator sees it: one put, acknowledged once the
 * store says it is durable on a majority. `done` gets null on success, otherwise why it failed.
 */
export interface WriteTarget {
  readonly description: string;
  put(key: Buffer, value: Buffer, done: (error: Error | null) => void): void;
  close(): void;
}

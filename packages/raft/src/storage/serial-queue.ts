/**
 * Runs async tasks one at a time, in the order they were submitted. LevelDB gives no ordering
 * between concurrent writes, and each persist is planned against the log the previous one left,
 * so persists (and the load and close around them) must take turns. A task that fails rejects
 * only its own promise; the next one still runs.
 */
export class SerialQueue {
  private tail: Promise<void> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(() => task());
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}

/**
 * Producer ids for InitProducerId, handed out from blocks the controller allocates (KIP-730's
 * AllocateProducerIds): the controller writes each block to the metadata log before answering, so
 * no id is ever given twice across brokers or controller failovers, and a broker asks once per
 * block rather than once per producer. The next block is fetched when 90% of the current one is
 * used, as Kafka's RPCProducerIdManager does, so a burst of new producers rarely waits.
 */
import type { ControllerApi } from '@kz/metadata';
import type { Logger } from 'pino';

export interface ProducerIdBlocksOptions {
  readonly allocate: (request: ControllerApi['allocateProducerIds'][0]) => Promise<ControllerApi['allocateProducerIds'][1]>;
  readonly brokerId: number;
  /** The broker's current epoch (from its registration): the controller refuses a stale one. */
  readonly brokerEpoch: () => number;
  readonly logger: Logger;
}

interface Block {
  next: number;
  readonly end: number;
  readonly count: number;
}

/** Not yet registered, or the controller could not be reached: InitProducerId is retried by clients. */
export class ProducerIdsUnavailableError extends Error {
  override readonly name = 'ProducerIdsUnavailableError';
}

export class ProducerIdBlocks {
  private current: Block | null = null;
  /** The block fetched ahead, used when the current one runs out. */
  private spare: Block | null = null;
  private fetching: Promise<void> | null = null;
  private readonly log: Logger;

  constructor(private readonly options: ProducerIdBlocksOptions) {
    this.log = options.logger.child({ component: 'producer-ids' });
  }

  /** The next unused producer id; ProducerIdsUnavailableError when no block can be had now. */
  async next(): Promise<number> {
    for (;;) {
      const block = this.current;
      if (block !== null && block.next < block.end) {
        const id = block.next++;
        if (block.end - block.next <= block.count / 10 && this.spare === null) {
          this.fetch().catch((error: unknown) => this.log.warn({ err: error }, 'could not fetch the next block of producer ids ahead of need'));
        }
        return id;
      }
      if (this.spare !== null) {
        this.current = this.spare;
        this.spare = null;
        continue;
      }
      await this.fetch();
    }
  }

  /** Fetches a block into `spare`; concurrent callers share one request. */
  private fetch(): Promise<void> {
    if (this.fetching !== null) return this.fetching;
    const epoch = this.options.brokerEpoch();
    const fetching = (async (): Promise<void> => {
      if (epoch < 0) throw new ProducerIdsUnavailableError('the broker is not registered yet');
      let answer: ControllerApi['allocateProducerIds'][1];
      try {
        answer = await this.options.allocate({ brokerId: this.options.brokerId, brokerEpoch: epoch });
      } catch (error) {
        throw new ProducerIdsUnavailableError(`the controller did not allocate producer ids: ${error instanceof Error ? error.message : String(error)}`);
      }
      const { firstProducerId, count } = answer;
      this.log.info({ brokerEpoch: epoch, firstProducerId, count }, 'allocated a block of producer ids');
      this.spare = { next: firstProducerId, end: firstProducerId + count, count };
    })();
    this.fetching = fetching;
    const done = (): void => {
      if (this.fetching === fetching) this.fetching = null;
    };
    fetching.then(done, done);
    return fetching;
  }
}

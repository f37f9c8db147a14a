import pino from 'pino';
import { ProducerIdBlocks, ProducerIdsUnavailableError } from '../../src/runtime/producer-id-blocks';

/** A controller handing out consecutive blocks of `size`, failing while `down`. */
function controller(size: number) {
  const state = { next: 1000, calls: 0, down: false };
  const allocate = async (request: { brokerId: number; brokerEpoch: number }) => {
    state.calls++;
    expect(request).toEqual({ brokerId: 3, brokerEpoch: 17 });
    if (state.down) throw new Error('NOT_CONTROLLER');
    const firstProducerId = state.next;
    state.next += size;
    return { firstProducerId, count: size };
  };
  return { state, allocate };
}

describe('ProducerIdBlocks', () => {
  it('hands out every id of a block once, asks for the next block ahead of need, and shares one request among waiting callers', async () => {
    const c = controller(10);
    const blocks = new ProducerIdBlocks({ allocate: c.allocate, brokerId: 3, brokerEpoch: () => 17, logger: pino({ level: 'silent' }) });
    const first = await Promise.all(Array.from({ length: 5 }, () => blocks.next()));
    expect(c.state.calls).toBe(1);
    const rest: number[] = [];
    for (let i = 0; i < 20; i++) rest.push(await blocks.next());
    const ids = [...first, ...rest];
    expect(new Set(ids).size).toBe(25);
    expect(ids.every((id) => id >= 1000 && id < 1030)).toBe(true);
    // Three blocks for 25 ids: fetched ahead, never one per id.
    expect(c.state.calls).toBe(3);
  });

  it('says the ids are unavailable while the controller cannot give a block, and recovers when it can', async () => {
    const c = controller(10);
    let epoch = -1;
    const blocks = new ProducerIdBlocks({ allocate: c.allocate, brokerId: 3, brokerEpoch: () => epoch, logger: pino({ level: 'silent' }) });
    await expect(blocks.next()).rejects.toBeInstanceOf(ProducerIdsUnavailableError);
    expect(c.state.calls).toBe(0);
    epoch = 17;
    c.state.down = true;
    await expect(blocks.next()).rejects.toThrow(/NOT_CONTROLLER/);
    c.state.down = false;
    await expect(blocks.next()).resolves.toBe(1000);
  });
});

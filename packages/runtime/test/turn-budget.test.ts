import { turnBudget, UNLIMITED } from '@kz/runtime';

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('turnBudget', () => {
  it('is shared by everything that asks in one turn, and starts afresh in the next', async () => {
    await nextTurn();
    const first = turnBudget(10);
    while (!first.exhausted()) {
      // Busy, as a large piece of work would be.
    }
    // Asked later in the same turn: the turn's budget is already spent.
    expect(turnBudget(10).exhausted()).toBe(true);
    await nextTurn();
    expect(turnBudget(60_000).exhausted()).toBe(false);
  });

  it('a budget of 0 ms allows one piece of work per turn', async () => {
    await nextTurn();
    expect(turnBudget(0).exhausted()).toBe(true);
    expect(UNLIMITED.exhausted()).toBe(false);
  });
});

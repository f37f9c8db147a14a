import { DeadlineTimer } from '../src/deadline-timer';

describe('DeadlineTimer', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  function timer() {
    const fired: number[] = [];
    const t = new DeadlineTimer(() => Date.now(), () => fired.push(Date.now()));
    return { t, fired, start: Date.now() };
  }

  it('fires once at the earliest deadline asked for; a later one does not move it', () => {
    const { t, fired, start } = timer();
    t.arm(start + 100);
    t.arm(start + 500);
    t.arm(start + 50);
    jest.advanceTimersByTime(1000);
    expect(fired).toEqual([start + 50]);
  });

  it('may be armed again once it fired, and a passed deadline fires at once', () => {
    const { t, fired, start } = timer();
    t.arm(start + 10);
    jest.advanceTimersByTime(10);
    t.arm(start - 5);
    jest.advanceTimersByTime(0);
    expect(fired).toEqual([start + 10, start + 10]);
  });

  it('an infinite deadline arms nothing, and cancel stops what was armed', () => {
    const { t, fired, start } = timer();
    t.arm(Number.POSITIVE_INFINITY);
    t.arm(start + 20);
    t.cancel();
    jest.advanceTimersByTime(1000);
    expect(fired).toEqual([]);
  });

  it('says how late it fired: a clock that ran on while the loop was blocked', () => {
    let now = 1000;
    const late: number[] = [];
    const t = new DeadlineTimer(() => now, (lateMs) => late.push(lateMs));
    t.arm(1010);
    // The process did not run for 2 s: by the time the timer's callback runs, the clock reads 3000.
    now = 3000;
    jest.advanceTimersByTime(10);
    expect(late).toEqual([1990]);
  });
});

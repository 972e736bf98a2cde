import { afterEach, describe, expect, it, vi } from 'vitest';
import { IDLE_SLICE_MS, cancelIdle, whenIdle } from '../../../src/lib/views/idle';

/** A clock the task advances by 1 ms per unit of work. */
function fakeClock(): { now: () => number; tick: () => void } {
  let t = 1000;
  vi.spyOn(performance, 'now').mockImplementation(() => t);
  return { now: () => t, tick: () => void (t += 1) };
}

describe('whenIdle', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('stops a callback after IDLE_SLICE_MS even when the browser offers 50 ms', () => {
    const clock = fakeClock();
    vi.stubGlobal('requestIdleCallback', (cb: IdleRequestCallback) => {
      const start = clock.now();
      cb({ didTimeout: false, timeRemaining: () => Math.max(0, 50 - (clock.now() - start)) });
      return 1;
    });
    let units = 0;
    whenIdle((more) => {
      do {
        clock.tick();
        units++;
      } while (more());
    });
    expect(units).toBe(IDLE_SLICE_MS);
  });

  it('stops sooner when the idle period ends first', () => {
    const clock = fakeClock();
    vi.stubGlobal('requestIdleCallback', (cb: IdleRequestCallback) => {
      const start = clock.now();
      cb({ didTimeout: false, timeRemaining: () => Math.max(0, 3 - (clock.now() - start)) });
      return 1;
    });
    let units = 0;
    whenIdle((more) => {
      do {
        clock.tick();
        units++;
      } while (more());
    });
    // Goes on only while more than 1 ms remains: after the first and second units, 2 and 1 ms are left.
    expect(units).toBe(2);
  });

  it('falls back to a timer where requestIdleCallback is missing, and can be cancelled', () => {
    vi.useFakeTimers();
    vi.stubGlobal('requestIdleCallback', undefined);
    vi.stubGlobal('cancelIdleCallback', undefined);
    const ran: number[] = [];
    whenIdle(() => ran.push(1));
    cancelIdle(whenIdle(() => ran.push(2)));
    vi.runAllTimers();
    expect(ran).toEqual([1]);
  });
});

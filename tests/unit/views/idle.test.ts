import { afterEach, describe, expect, it, vi } from 'vitest';
import { IDLE_SLICE_MS, afterQuiet, cancelIdle, whenIdle } from '../../../src/lib/views/idle';

/**
 * Units of 1 ms of work a task does in one idle callback, when the browser offers `offeredMs` of
 * idle time: the clock is fake, and the task advances it by 1 ms per unit.
 */
function unitsDoneWhenOffered(offeredMs: number): number {
  let t = 1000;
  vi.spyOn(performance, 'now').mockImplementation(() => t);
  vi.stubGlobal('requestIdleCallback', (cb: IdleRequestCallback) => {
    const start = t;
    cb({ didTimeout: false, timeRemaining: () => Math.max(0, offeredMs - (t - start)) });
    return 1;
  });
  let units = 0;
  whenIdle((more) => {
    do {
      t += 1;
      units++;
    } while (more());
  });
  return units;
}

describe('whenIdle', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('stops a callback after IDLE_SLICE_MS even when the browser offers 50 ms', () => {
    expect(unitsDoneWhenOffered(50)).toBe(IDLE_SLICE_MS);
  });

  it('stops sooner when the idle period ends first', () => {
    // Goes on only while more than 1 ms remains: after the first and second units, 2 and 1 ms are left.
    expect(unitsDoneWhenOffered(3)).toBe(2);
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

describe('afterQuiet', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('runs the task once, in idle time, after the quiet period; a cancel at either stage stops it', () => {
    vi.useFakeTimers();
    const idle: (() => void)[] = [];
    vi.stubGlobal('requestIdleCallback', (cb: IdleRequestCallback) =>
      idle.push(() => cb({ didTimeout: false, timeRemaining: () => 10 })),
    );
    vi.stubGlobal('cancelIdleCallback', (handle: number) => (idle[handle - 1] = () => {}));
    const ran: string[] = [];
    afterQuiet(200, () => ran.push('a'));
    const beforeTimer = afterQuiet(200, () => ran.push('b'));
    const beforeIdle = afterQuiet(200, () => ran.push('c'));
    vi.advanceTimersByTime(199);
    beforeTimer();
    expect(idle).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(idle).toHaveLength(2);
    expect(ran).toEqual([]);
    beforeIdle();
    idle.forEach((run) => run());
    expect(ran).toEqual(['a']);
  });
});

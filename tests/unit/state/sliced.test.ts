import { describe, expect, it, vi } from 'vitest';
import { runSliced } from '../../../src/lib/state/sliced';

/** vi.waitFor gives up after 1 s by default; a busy machine may take longer to get there. */
const WAIT = { timeout: 15_000 };

/**
 * Steps that log themselves and, through a microtask, the end of the task they ran in: a
 * microtask runs when its task ends, so "end" right after a step means that task held one step.
 */
function* logged(log: string[], steps: number, onStep: (i: number) => void = () => {}): Generator<void, number, void> {
  for (let i = 0; i < steps; i++) {
    log.push(`step ${i}`);
    queueMicrotask(() => log.push(`end ${i}`));
    onStep(i);
    yield;
  }
  return steps;
}

describe('runSliced', () => {
  it('runs the steps in tasks of their own when a task has no time for more, and hands over the result', async () => {
    const log: string[] = [];
    const done = vi.fn();
    runSliced(logged(log, 3), done, 0);
    expect(log).toEqual([]);
    await vi.waitFor(() => expect(done).toHaveBeenCalledWith(3), WAIT);
    expect(log).toEqual(['step 0', 'end 0', 'step 1', 'end 1', 'step 2', 'end 2']);
    expect(done).toHaveBeenCalledTimes(1);
  });

  it('fits as many steps in one task as its time allows', async () => {
    const log: string[] = [];
    const done = vi.fn();
    // A slice of a minute: ample however busy the machine, so all three steps fit in one task.
    runSliced(logged(log, 3), done, 60_000);
    await vi.waitFor(() => expect(done).toHaveBeenCalledWith(3), WAIT);
    expect(log).toEqual(['step 0', 'step 1', 'step 2', 'end 0', 'end 1', 'end 2']);
  });

  it('runs no step more once given up, even within a task that has time left, and hands over nothing', async () => {
    const log: string[] = [];
    const done = vi.fn();
    let stop = (): void => {};
    stop = runSliced(
      logged(log, 50, (i) => i === 2 && stop()),
      done,
      60_000,
    );
    await vi.waitFor(() => expect(log).toContain('step 2'), WAIT);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(log.filter((l) => l.startsWith('step'))).toEqual(['step 0', 'step 1', 'step 2']);
    expect(done).not.toHaveBeenCalled();
  });
});

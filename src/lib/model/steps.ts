/**
 * Long passes written as generators that yield between slices of their work, so the page can
 * spread one over several tasks (state/sliced.ts) or run it in one go where nothing waits.
 */
export type Steps<T> = Generator<void, T, void>;

/** Runs the steps to the end at once. */
export function drain<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

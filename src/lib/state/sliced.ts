import type { Steps } from '../model/steps';

/** How long one task of sliced work may run: input that comes in meanwhile waits at most this. */
export const SLICE_MS = 8;

/**
 * Runs `steps` a few milliseconds per task and hands its result to `done`; returns a function
 * that gives it up. Tasks are posted through a MessageChannel: the browser handles input and
 * draws frames between them, and unlike setTimeout(0) they are not clamped to 4 ms apart.
 */
export function runSliced<T>(steps: Steps<T>, done: (value: T) => void, sliceMs = SLICE_MS): () => void {
  const channel = new MessageChannel();
  let stopped = false;
  const stop = (): void => {
    stopped = true;
    channel.port1.onmessage = null;
    channel.port1.close();
    channel.port2.close();
  };
  channel.port1.onmessage = () => {
    if (stopped) return;
    const until = performance.now() + sliceMs;
    do {
      const step = steps.next();
      if (step.done) {
        stop();
        done(step.value);
        return;
      }
    } while (!stopped && performance.now() < until);
    if (!stopped) channel.port2.postMessage(null);
  };
  channel.port2.postMessage(null);
  return stop;
}

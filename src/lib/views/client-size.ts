import type { Attachment } from 'svelte/attachments';

/**
 * An element's client size (padding in; border and scrollbar out), as `bind:clientWidth` and
 * `bind:clientHeight` give it, but read only when a ResizeObserver reports, after layout. Svelte's
 * bindings also read the size as the element mounts, which forces a layout for every bound
 * element while the page is still being built: ~70 ms of a 1,000-event load (profiled). The
 * observer reports before the first paint, so no frame shows the initial size.
 */
type Listener = (width: number, height: number) => void;
const listeners = new Map<Element, Listener>();
let observer: ResizeObserver | null = null;

function observe(element: HTMLElement, listener: Listener): () => void {
  // One observer for all, so one callback reads every size before any state change is applied.
  observer ??= new ResizeObserver((entries) => {
    for (const { target } of entries) listeners.get(target)?.(target.clientWidth, target.clientHeight);
  });
  listeners.set(element, listener);
  observer.observe(element);
  return () => {
    listeners.delete(element);
    observer?.unobserve(element);
  };
}

export function clientSize(set: Listener): Attachment<HTMLElement> {
  return (element) => (typeof ResizeObserver === 'undefined' ? undefined : observe(element, set));
}

import { createSubscriber } from 'svelte/reactivity';

/**
 * The phone layout: App.svelte's one-column page below 700 px, where the map, the list, the
 * details and the timeline stack down the page and the details start far below the first screen.
 * Keep in step with App.svelte's `@media (max-width: 699px)`.
 */
export const PHONE_QUERY = '(max-width: 699px)';

class PhoneLayout {
  // Where there is no matchMedia (jsdom), the wide layout.
  readonly #media = typeof matchMedia === 'function' ? matchMedia(PHONE_QUERY) : null;
  readonly #subscribe = createSubscriber((update) => {
    const media = this.#media;
    if (!media) return;
    media.addEventListener('change', update);
    return () => media.removeEventListener('change', update);
  });

  /** True while the page is laid out for a phone (reactive). */
  get current(): boolean {
    this.#subscribe();
    return this.#media?.matches ?? false;
  }
}

export const phoneLayout = new PhoneLayout();

/**
 * Brings the section holding `target` to the top of the screen and moves focus to `target`: a
 * panel that opened off screen (the details below the list) is where the eyes and the keyboard go.
 */
export function revealSection(target: HTMLElement): void {
  const section = target.closest('section') ?? target;
  section.scrollIntoView({ block: 'start' });
  target.focus({ preventScroll: true });
}

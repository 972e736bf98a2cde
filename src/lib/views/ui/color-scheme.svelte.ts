import { createSubscriber } from 'svelte/reactivity';

export type Scheme = 'light' | 'dark';

/**
 * The page's colour scheme as a reactive value, for what CSS cannot reach: the map's canvas
 * palette and the timeline's canvas colours. app.css sets `color-scheme` and the colour
 * variables on the root from the OS preference and an explicit data-theme, so both the OS
 * setting and the root's attributes are watched.
 */
export class ColorScheme {
  #changes = 0;
  #subscribe = createSubscriber((update) => {
    const changed = (): void => {
      this.#changes++;
      update();
    };
    const media = matchMedia('(prefers-color-scheme: dark)');
    media.addEventListener('change', changed);
    const observer = new MutationObserver(changed);
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme', 'class', 'style'] });
    return () => {
      media.removeEventListener('change', changed);
      observer.disconnect();
      // Unwatched from here on: whatever was read meanwhile must be read again.
      this.#changes++;
    };
  });

  /** The scheme that wins: the root's declared one, else the OS preference. */
  get current(): Scheme {
    this.#subscribe();
    const declared = getComputedStyle(document.documentElement).colorScheme;
    if (declared === 'dark') return 'dark';
    if (declared === 'light') return 'light';
    // "light dark" or "normal": the browser picks, so follow the OS.
    return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  }

  /**
   * A count that moves whenever the theme may have changed (the scheme, or the root's classes and
   * style that the colour variables hang on): a key for caches of colours read from CSS.
   */
  get changes(): number {
    this.#subscribe();
    return this.#changes;
  }
}

/** The one watcher the views share: one media listener and one observer for the whole page. */
export const colorScheme = new ColorScheme();

import { createSubscriber } from 'svelte/reactivity';
import type { Scheme } from './paint';

/**
 * The page's effective colour scheme, as a reactive value. app.css sets `color-scheme` on the
 * root from both the OS preference and an explicit data-theme, so reading the computed value
 * follows whichever wins, and the map's canvas colours (which CSS cannot reach) stay in step.
 */
export class ColorScheme {
  #subscribe = createSubscriber((update) => {
    const media = matchMedia('(prefers-color-scheme: dark)');
    media.addEventListener('change', update);
    const observer = new MutationObserver(update);
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme', 'class', 'style'] });
    return () => {
      media.removeEventListener('change', update);
      observer.disconnect();
    };
  });

  get current(): Scheme {
    this.#subscribe();
    return readScheme();
  }
}

function readScheme(): Scheme {
  const declared = getComputedStyle(document.documentElement).colorScheme;
  if (declared === 'dark') return 'dark';
  if (declared === 'light') return 'light';
  // "light dark" or "normal": the browser picks, so follow the OS.
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

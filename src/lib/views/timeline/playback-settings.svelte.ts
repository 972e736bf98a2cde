import type { TimeUnit } from '../../model/time-units';
import type { PlaybackMode } from '../../state/playback-steps';

/**
 * The analyst's playback choices, shared by the toolbar's controls and, on narrow screens, the
 * options row under it. Kept by the timeline, not the app state: no other view reads them and
 * links do not carry them.
 */
export class PlaybackSettings {
  /** The step the analyst picked; null until they pick one. */
  picked = $state<TimeUnit | null>(null);
  mode = $state<PlaybackMode>('slide');
  loop = $state(false);
  /** The default step pinned while a run goes on, so a growing cumulative window keeps its step. */
  #pinned = $state<TimeUnit | null>(null);
  readonly #fallback: () => TimeUnit;

  /** `fallback`: the step chosen from the window when none is picked (playback-steps.ts defaultUnit). */
  constructor(fallback: () => TimeUnit) {
    this.#fallback = fallback;
  }

  /** The step playback takes, as the step control shows it. */
  get unit(): TimeUnit {
    return this.picked ?? this.#pinned ?? this.#fallback();
  }

  /** A run starts: the default step stays what it is now until the run ends. */
  pin(): void {
    this.#pinned = this.picked ?? this.#fallback();
  }

  unpin(): void {
    this.#pinned = null;
  }
}

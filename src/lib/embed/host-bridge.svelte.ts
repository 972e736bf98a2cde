import { untrack } from 'svelte';
import type { Attachment } from 'svelte/attachments';
import type { Dataset } from '../model/dataset';
import { regionIdName } from '../model/region-filter';
import type { QueryIndex } from '../query/query-index';
import type { Filters } from '../query/filters';
import type { AppState } from '../state/app-state.svelte';
import { regionWording } from '../state/region-kinds';
import { regionNamesFor } from '../state/region-names.svelte';
import {
  acceptsMessage,
  addressable,
  checkAgainstCatalog,
  checkStoryStep,
  errorMessage,
  heightMessage,
  normaliseCategories,
  outgoingTarget,
  readyMessage,
  selectMessage,
  stateMessage,
  stepMessage,
  validateCommand,
  windowToIso,
  type Catalog,
  type Command,
  type Outgoing,
  type StatePayload,
  type StepPayload,
} from './protocol';

/** State messages wait this long for changes to settle (a drag, typing, playback). */
export const STATE_DEBOUNCE_MS = 100;
/** Commands that arrive before the dataset are kept, up to this many, and run once it loads. */
const MAX_PENDING = 32;

export interface HostBridge {
  /** Put on the embed's root element: its height goes to the host as `height` messages. */
  measure: Attachment<HTMLElement>;
}

/** The state as the `state` message reports it. */
export function statePayload(app: AppState): Omit<StatePayload, 'inReplyTo'> {
  const f = app.filters;
  const table = app.dataset?.regions?.table ?? null;
  // The names file of the embed's language is fetched only once a region is named.
  const names = table && f.regions.length ? regionNamesFor(table) : null;
  // Named as the details name them: with the region's kind, in the embed's language.
  const wording = f.regions.length ? regionWording() : null;
  return {
    filters: {
      text: f.text,
      categories: f.categories ? [...f.categories] : null,
      actors: [...f.actors],
      tags: [...f.tags],
      regions: [...f.regions],
      inView: f.inView,
    },
    regionNames: f.regions.map((id) => regionIdName(table, id, names, wording)),
    mapMode: { mode: app.mapMode, measure: app.mapMeasure },
    window: windowToIso(f.window),
    selected: app.selectedId,
    visible: app.visible.length,
    total: app.dataset?.events.length ?? 0,
  };
}

function catalogOf(dataset: Dataset, index: QueryIndex): Catalog {
  const actors = new Set(index.actors.values);
  const tags = new Set(index.tags.values);
  return {
    categories: dataset.meta.categories.map((c) => c.id),
    actors,
    tags,
    regions: dataset.regions?.table ?? null,
    hasEvent: (id) => dataset.events.rowOf(id) !== undefined,
  };
}

/**
 * The effectful half of the host-page API (protocol.ts is the pure half): listens for commands
 * from the parent window, applies them through AppState's methods, and posts `ready`, `state`,
 * `select`, `height` and `error` back under the origin rule in protocol.ts. Call during App's
 * initialisation, in embed mode only. Outside a frame it does nothing.
 */
export function useHostBridge(app: AppState, options: { origins: string[] | null }): HostBridge {
  const parent = window.parent;
  if (parent === window) return { measure: () => {} };

  const allowlist = options.origins;
  /** The origin of the parent's last valid message (protocol.ts, rule 1). */
  let boundOrigin: string | null = null;
  let ready = false;
  /** The selection last reported, so only changes become `select` messages. */
  let lastSelected: string | null = null;
  const pending: { command: Command; origin: string }[] = [];
  let catalog: { dataset: Dataset; catalog: Catalog } | null = null;
  let measured: number | null = null;
  let sentHeight: number | null = null;

  function post(message: Outgoing): boolean {
    const target = outgoingTarget(message, { boundOrigin, allowlist });
    if (!target) return false;
    send(target.message, target.targetOrigin);
    return true;
  }

  /** Replies go to the origin of the message they answer, never to '*'. */
  function reply(message: Outgoing, origin: string): void {
    if (addressable(origin)) send(message, origin);
  }

  function send(message: Outgoing, targetOrigin: string): void {
    try {
      parent.postMessage(message, targetOrigin);
    } catch (error) {
      // A parent that navigated away mid-call; nothing to tell.
      console.warn('Faultline: could not post to the host page;', error);
    }
  }

  function sendHeight(): void {
    if (!ready || measured === null || measured === sentHeight) return;
    if (post(heightMessage(measured))) sentHeight = measured;
  }

  function run(command: Command, origin: string): void {
    const dataset = app.dataset;
    const index = app.index;
    if (!dataset || !index) return;
    if (catalog?.dataset !== dataset) catalog = { dataset, catalog: catalogOf(dataset, index) };
    const problem = checkAgainstCatalog(command, catalog.catalog);
    if (problem) {
      reply(errorMessage(problem, command.id), origin);
      return;
    }
    switch (command.type) {
      case 'setFilters': {
        const { categories, window, ...rest } = command.patch;
        const patch: Partial<Filters> = { ...rest };
        if ('categories' in command.patch)
          patch.categories = normaliseCategories(categories ?? null, catalog.catalog.categories);
        if ('window' in command.patch) {
          app.pause();
          patch.window = window ?? null;
        }
        app.setFilters(patch, 'replace');
        // The host's window is set by now; revealing it only asks the timeline to show it.
        if (patch.window) app.revealWindow(patch.window);
        break;
      }
      case 'setWindow':
        // Pauses playback, sets the window and has the timeline zoom to it.
        app.revealWindow(command.window);
        break;
      case 'selectEvent':
        app.select(command.eventId);
        break;
      case 'getState':
        reply(stateMessage(statePayload(app), command.id), origin);
        break;
      case 'setMapMode':
        if (command.mode) app.setMapMode(command.mode);
        if (command.measure) app.setMapMeasure(command.measure);
        break;
      case 'goToStep': {
        const stories = dataset.meta.stories ?? [];
        const wrong = checkStoryStep(stories, app.story?.id ?? null, command);
        if (wrong) {
          reply(errorMessage(wrong, command.id), origin);
          break;
        }
        const id = command.story ?? app.story!.id;
        // The reader comes with the story chunk; a module promise resolves in order, so steps asked
        // in a row are shown in that order.
        void import('../state/story.svelte').then(({ storyReaderOf }) => storyReaderOf(app).open(id, command.step - 1));
        break;
      }
    }
  }

  function onmessage(event: MessageEvent): void {
    if (!acceptsMessage(event.source === parent, event.origin, allowlist)) return;
    const result = validateCommand(event.data);
    if (!result.ok) {
      reply(errorMessage(result.message, result.inReplyTo), event.origin);
      return;
    }
    const wasBound = addressable(boundOrigin);
    boundOrigin = event.origin;
    if (!wasBound) {
      sendHeight();
      sendStep();
    }
    if (!app.dataset) {
      if (pending.length >= MAX_PENDING)
        reply(errorMessage('too many commands before the dataset loaded', result.command.id), event.origin);
      else pending.push({ command: result.command, origin: event.origin });
      return;
    }
    run(result.command, event.origin);
  }

  $effect(() => {
    window.addEventListener('message', onmessage);
    return () => window.removeEventListener('message', onmessage);
  });

  // ready ← the first dataset; commands that came early run now, in order.
  $effect(() => {
    const dataset = app.dataset;
    if (!dataset || ready) return;
    untrack(() => {
      ready = true;
      lastSelected = app.selectedId;
      post(readyMessage(dataset.meta.title, dataset.events.length));
      for (const { command, origin } of pending.splice(0)) run(command, origin);
      sendHeight();
      sendStep();
    });
  });

  // A dataset that fails to load is an error the host should hear about; early commands fail with it.
  $effect(() => {
    const status = app.status;
    if (status.kind !== 'failed' || app.dataset) return;
    untrack(() => {
      post(errorMessage(status.message, null));
      for (const { command, origin } of pending.splice(0)) reply(errorMessage(status.message, command.id), origin);
    });
  });

  // state ← filters (regions too), window, selection, visible count, map mode; debounced, and only when it differs.
  let lastState = '';
  $effect(() => {
    if (!app.dataset) return;
    const payload = statePayload(app);
    const key = JSON.stringify(payload);
    const timer = setTimeout(() => {
      if (key === lastState) return;
      if (post(stateMessage(payload))) lastState = key;
    }, STATE_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  });

  // select ← the selection, as it changes after ready.
  $effect(() => {
    const id = app.selectedId;
    if (!ready || id === lastSelected) return;
    lastSelected = id;
    untrack(() => {
      const event = app.selectedEvent;
      post(selectMessage(event ? { id: event.id, title: event.title, date: event.date } : null));
    });
  });

  // step ← the story step shown, as it changes after ready (a link's step, the reader's moves,
  // goToStep); one held back by the origin rule goes once the host has spoken.
  let stepNow: StepPayload | null = null;
  let lastStep = '';
  function sendStep(): void {
    if (!ready || !stepNow) return;
    const key = JSON.stringify(stepNow);
    // Nothing to say before any story: a host that uses none hears no step messages.
    if (key === lastStep || (lastStep === '' && stepNow.story === null)) return;
    if (post(stepMessage(stepNow))) lastStep = key;
  }
  $effect(() => {
    const place = app.story;
    const stories = app.dataset?.meta.stories;
    const story = place ? stories?.find((s) => s.id === place.id) : undefined;
    const step = story?.steps[place!.step];
    stepNow = step
      ? { story: story!.id, step: place!.step + 1, count: story!.steps.length, heading: step.heading }
      : { story: null, step: null, count: null, heading: null };
    untrack(sendStep);
  });

  const measure: Attachment<HTMLElement> = (node) => {
    const observer = new ResizeObserver(() => {
      measured = Math.ceil(node.getBoundingClientRect().height);
      sendHeight();
    });
    observer.observe(node);
    return () => observer.disconnect();
  };

  return { measure };
}

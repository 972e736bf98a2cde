/**
 * Stories (issue #25): a dataset may hold `stories`, each an ordered list of steps that walk a
 * reader through its events. A step says what to read (heading, text) and what to show (a view).
 * These are the file's own shapes, kept verbatim so a download writes them back as they came;
 * model/validate-story.ts checks them, state/story.svelte.ts reads them.
 */
import type { Source } from './source';

export interface Story {
  /** Letters, digits and . _ : - like an event id; a link names the story by it (story=<id>). */
  id: string;
  title: string;
  /** One or two sentences shown in the list of stories. */
  summary: string;
  steps: StoryStep[];
}

export interface StoryStep {
  heading: string;
  /**
   * Plain text: paragraphs separated by a blank line. No markup of any kind is read (it shows as
   * typed); http(s) URLs written out become links after URL parsing (model/url.ts).
   */
  text: string;
  view: StoryView;
  /** Where the step's words come from: the event Source type. */
  sources?: Source[];
}

/**
 * What a step shows: the same things a link carries (state/url.ts), in the file's words. A step
 * sets the whole view, so what a view leaves out is the default (as a link without the parameter):
 * every category, no search, no window, nothing selected, lanes by category, the map fitted to the
 * events shown.
 */
export interface StoryView {
  /** Search text (a link's q=). */
  text?: string;
  /** Categories shown (cat=); absent: every category. */
  categories?: string[];
  /** Actors and tags filtered on (actor=, tag=). */
  actors?: string[];
  tags?: string[];
  /**
   * The time window (from=, to=), both or neither: ISO dates or instants as a link writes them.
   * A calendar `to` includes its whole day (month, year); an instant `to` is the exclusive end.
   */
  from?: string;
  to?: string;
  /** The selected event (event=): its details open. */
  event?: string;
  /** Events the step marks on the map (as a summary bar marks its events), besides the selection. */
  highlight?: string[];
  /** Where the map looks (map=); absent: the map fits the events the step shows. */
  map?: StoryMapView;
  /**
   * What the map draws (mapmode=; state/map-mode.ts holds the same names) and what a choropleth
   * shades by (mapby=). Absent: clusters, by events.
   */
  mapMode?: StoryMapMode;
  mapBy?: 'events' | 'fatalities';
  /** "Only events in the map view" (inview=1): the list and counts follow the map. */
  inView?: boolean;
  /** How the timeline's lanes are cut (lanes=). */
  lanes?: 'category' | 'actor';
}

/** The names of state/map-mode.ts MapMode (model may not import state; a unit test keeps them equal). */
export const STORY_MAP_MODES = ['clusters', 'density', 'countries', 'regions'] as const;
export type StoryMapMode = (typeof STORY_MAP_MODES)[number];

/** The same shape as state/view-types.ts MapView (model may not import state). */
export interface StoryMapView {
  lat: number;
  lon: number;
  zoom: number;
}

/** The keys a view may hold, in the order a captured view writes them. */
export const STORY_VIEW_KEYS = [
  'text',
  'categories',
  'actors',
  'tags',
  'from',
  'to',
  'event',
  'highlight',
  'map',
  'mapMode',
  'mapBy',
  'inView',
  'lanes',
] as const;

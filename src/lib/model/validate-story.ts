/**
 * Checks a dataset's `stories` (model/story.ts). A malformed story, step or view is an error and
 * sets that story aside (the events and the other stories stay); an event or category a step names
 * that the data lacks is a warning naming the story and the step, and the step still opens without
 * it. Counts and sizes are checked against LIMITS before anything inside is read.
 */
import { parseIsoDate, spanOf } from './dates';
import { LIMITS } from './limits';
import { Checker, checkKnownKeys, checkString, checkStringList, describe, isObject, type Json } from './check';
import { ID_PATTERN, checkSource } from './validate-event';
import {
  STORY_MAP_MODES,
  STORY_VIEW_KEYS,
  type Story,
  type StoryMapMode,
  type StoryStep,
  type StoryView,
} from './story';
import type { Source } from './source';

type Path = ReadonlyArray<string | number>;

const STORY_KEYS = new Set(['id', 'title', 'summary', 'steps']);
const STEP_KEYS = new Set(['heading', 'text', 'view', 'sources']);
const VIEW_KEYS: ReadonlySet<string> = new Set(STORY_VIEW_KEYS);
const LIST = { items: LIMITS.maxListLength, length: LIMITS.maxTextLength };

/** What a step's names are checked against; `events` is null where they cannot be (a pack's header alone). */
export interface StoryContext {
  categories: ReadonlySet<string>;
  events: { has(id: string): boolean } | null;
}

/** The stories that pass, in the file's order; undefined when the file has no "stories" list (or one over the limit). */
export function validateStories(c: Checker, raw: Json | undefined, context: StoryContext): Story[] | undefined {
  if (raw === undefined) return undefined;
  if (!Array.isArray(raw)) {
    c.report(['stories'], `"stories" must be a list of stories, not ${describe(raw)}`);
    return undefined;
  }
  if (raw.length > LIMITS.maxStories) {
    c.report(['stories'], `${raw.length.toLocaleString('en-GB')} stories; the limit is ${LIMITS.maxStories}`);
    return undefined;
  }
  const out: Story[] = [];
  const seen = new Map<string, number>();
  raw.forEach((item, i) => {
    const story = checkStory(c, item, ['stories', i], context);
    if (!story) return;
    if (seen.has(story.id)) {
      c.report(['stories', i, 'id'], `duplicate story id "${story.id}" (also used by /stories/${seen.get(story.id)})`);
      return;
    }
    seen.set(story.id, i);
    out.push(story);
  });
  return out;
}

function checkStory(c: Checker, raw: Json, path: Path, context: StoryContext): Story | null {
  const mark = c.problems.length;
  if (!isObject(raw)) {
    c.report(path, `a story must be an object {id, title, summary, steps}, not ${describe(raw)}`);
    return null;
  }
  checkKnownKeys(c, raw, STORY_KEYS, path, 'a story');
  const id = checkString(c, raw, 'id', path, { required: true, max: LIMITS.maxIdLength });
  if (id !== undefined && !ID_PATTERN.test(id)) {
    c.report(
      [...path, 'id'],
      `story id "${id}" may hold only letters, digits and . _ : - (and must start with a letter or digit)`,
    );
  }
  const title = checkString(c, raw, 'title', path, { required: true, max: LIMITS.maxTitleLength });
  const summary = checkString(c, raw, 'summary', path, { required: true, max: LIMITS.maxSummaryLength });
  const name = `story "${id ?? path[1]}"`;
  const steps = raw.steps;
  let checked: (StoryStep | null)[] | null = null;
  if (steps === undefined) c.report(path, 'missing "steps" (a list of {heading, text, view})');
  else if (!Array.isArray(steps)) c.report([...path, 'steps'], `"steps" must be a list, not ${describe(steps)}`);
  else if (steps.length === 0) c.report([...path, 'steps'], 'a story needs at least one step');
  else if (steps.length > LIMITS.maxStorySteps)
    c.report(
      [...path, 'steps'],
      `${steps.length.toLocaleString('en-GB')} steps; the limit is ${LIMITS.maxStorySteps.toLocaleString('en-GB')}`,
    );
  else checked = steps.map((step, i) => checkStep(c, step, [...path, 'steps', i], `${name}, step ${i + 1}`, context));
  if (c.errorsSince(mark) > 0 || !id || !title || !summary || !checked) return null;
  return { id, title, summary, steps: checked as StoryStep[] };
}

function checkStep(c: Checker, raw: Json, path: Path, name: string, context: StoryContext): StoryStep | null {
  if (!isObject(raw)) {
    c.report(path, `a step must be an object {heading, text, view}, not ${describe(raw)}`);
    return null;
  }
  checkKnownKeys(c, raw, STEP_KEYS, path, 'a step');
  const heading = checkString(c, raw, 'heading', path, { required: true, max: LIMITS.maxTitleLength });
  const text = checkString(c, raw, 'text', path, { required: true, max: LIMITS.maxStoryTextLength });
  const view = raw.view === undefined ? null : checkView(c, raw.view, [...path, 'view'], name, context);
  if (raw.view === undefined) c.report(path, 'missing "view" (what the step shows; {} for every event)');
  const sources = checkSources(c, raw.sources, [...path, 'sources']);
  if (!heading || !text || !view || sources === null) return null;
  const step: StoryStep = { heading, text, view };
  if (sources) step.sources = sources;
  return step;
}

function checkSources(c: Checker, raw: Json | undefined, path: Path): Source[] | undefined | null {
  if (raw === undefined) return undefined;
  if (!Array.isArray(raw)) {
    c.report(path, `"sources" must be a list, not ${describe(raw)}`);
    return null;
  }
  if (raw.length > LIMITS.maxListLength) {
    c.report(path, `${raw.length} sources; the limit is ${LIMITS.maxListLength}`);
    return null;
  }
  const out: Source[] = [];
  raw.forEach((item, i) => {
    const source = checkSource(c, item, [...path, i]);
    if (source) out.push(source);
  });
  return out.length === raw.length ? out : null;
}

/** A view with every value checked; null when any is malformed (the step, and so its story, is set aside). */
function checkView(c: Checker, raw: Json, path: Path, name: string, context: StoryContext): StoryView | null {
  if (!isObject(raw)) {
    c.report(
      path,
      `a step's "view" must be an object (for example {"from": "2020-09-27", "to": "2020-10-10"}), not ${describe(raw)}`,
    );
    return null;
  }
  const mark = c.problems.length;
  checkKnownKeys(c, raw, VIEW_KEYS, path, "a step's view");
  const view: StoryView = {};
  const text = checkString(c, raw, 'text', path, { required: false, max: LIMITS.maxSearchLength });
  if (text !== undefined && text.trim()) view.text = text;

  const categories = checkStringList(c, raw, 'categories', path, LIST);
  if (categories) {
    categories.forEach((id) => {
      if (!context.categories.has(id))
        c.report(
          [...path, 'categories', (raw.categories as Json[]).indexOf(id)],
          `${name}: unknown category "${id}" (the step shows the others)`,
          'warning',
        );
    });
    view.categories = categories;
  }
  for (const key of ['actors', 'tags'] as const) {
    const list = checkStringList(c, raw, key, path, LIST);
    if (list?.length) view[key] = list;
  }

  const from = checkString(c, raw, 'from', path, { required: false, max: 40 });
  const to = checkString(c, raw, 'to', path, { required: false, max: 40 });
  if ((raw.from === undefined) !== (raw.to === undefined)) {
    c.report(path, 'a window needs both "from" and "to" (or neither, for the whole time span)');
  } else if (from !== undefined && to !== undefined) {
    const start = parseIsoDate(from);
    const end = parseIsoDate(to);
    if (!start.ok) c.report([...path, 'from'], start.message);
    if (!end.ok) c.report([...path, 'to'], end.message);
    if (start.ok && end.ok) {
      // As a link reads them (state/url.ts): a calendar "to" includes its whole day, month or year.
      const endMs = end.value.offsetMinutes === null ? spanOf(end.value).end : spanOf(end.value).start;
      if (endMs <= spanOf(start.value).start) c.report([...path, 'to'], `"to" ${to} is not after "from" ${from}`);
      else {
        view.from = from;
        view.to = to;
      }
    }
  }

  const event = checkString(c, raw, 'event', path, { required: false, max: LIMITS.maxIdLength });
  if (event !== undefined) {
    if (context.events && !context.events.has(event))
      c.report(
        [...path, 'event'],
        `${name}: event "${event}" is not in this dataset (the step opens without it)`,
        'warning',
      );
    view.event = event;
  }
  const highlight = checkStringList(c, raw, 'highlight', path, {
    items: LIMITS.maxStoryHighlights,
    length: LIMITS.maxIdLength,
  });
  if (highlight) {
    const events = context.events;
    const missing = events ? highlight.filter((id) => !events.has(id)) : [];
    if (missing.length)
      c.report(
        [...path, 'highlight', (raw.highlight as Json[]).indexOf(missing[0]!)],
        missing.length === 1
          ? `${name}: event "${missing[0]}" is not in this dataset (not marked)`
          : `${name}: ${missing.length} events are not in this dataset (not marked): ${missing
              .slice(0, 5)
              .map((id) => `"${id}"`)
              .join(', ')}${missing.length > 5 ? '…' : ''}`,
        'warning',
      );
    if (highlight.length) view.highlight = highlight;
  }

  const map = checkMap(c, raw.map, [...path, 'map']);
  if (map) view.map = map;
  const mapMode = raw.mapMode;
  if (mapMode !== undefined) {
    if (typeof mapMode === 'string' && (STORY_MAP_MODES as readonly string[]).includes(mapMode))
      view.mapMode = mapMode as StoryMapMode;
    else
      c.report(
        [...path, 'mapMode'],
        `"mapMode" must be one of ${STORY_MAP_MODES.join(', ')}, not ${describe(mapMode)}`,
      );
  }
  const mapBy = raw.mapBy;
  if (mapBy !== undefined) {
    if (mapBy === 'events' || mapBy === 'fatalities') view.mapBy = mapBy;
    else c.report([...path, 'mapBy'], `"mapBy" must be "events" or "fatalities", not ${describe(mapBy)}`);
  }
  const inView = raw.inView;
  if (inView !== undefined) {
    if (typeof inView === 'boolean') {
      if (inView) view.inView = true;
    } else c.report([...path, 'inView'], `"inView" must be true or false, not ${describe(inView)}`);
  }
  const lanes = raw.lanes;
  if (lanes !== undefined) {
    if (lanes === 'category' || lanes === 'actor') {
      if (lanes === 'actor') view.lanes = lanes;
    } else c.report([...path, 'lanes'], `"lanes" must be "category" or "actor", not ${describe(lanes)}`);
  }
  return c.errorsSince(mark) > 0 ? null : view;
}

function checkMap(c: Checker, raw: Json | undefined, path: Path): StoryView['map'] | null {
  if (raw === undefined) return null;
  if (!isObject(raw)) {
    c.report(path, `"map" must be an object {lat, lon, zoom}, not ${describe(raw)}`);
    return null;
  }
  checkKnownKeys(c, raw, new Set(['lat', 'lon', 'zoom']), path, 'a map view');
  const ranges = { lat: 90, lon: 180, zoom: 22 } as const;
  const out: Record<string, number> = {};
  for (const key of ['lat', 'lon', 'zoom'] as const) {
    const v = raw[key];
    const low = key === 'zoom' ? 0 : -ranges[key];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < low || v > ranges[key])
      c.report(
        v === undefined ? path : [...path, key],
        v === undefined
          ? `missing "${key}"`
          : `"${key}" must be a number from ${low} to ${ranges[key]}, not ${describe(v)}`,
      );
    else out[key] = v;
  }
  return Object.keys(out).length === 3 ? { lat: out.lat!, lon: out.lon!, zoom: out.zoom! } : null;
}

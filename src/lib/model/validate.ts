import { parseIsoDate } from './dates';
import { LIMITS } from './limits';
import { Checker, checkKnownKeys, checkString, describe, isObject, type Json, type JsonObject } from './check';
import { ID_PATTERN, validateEvent } from './validate-event';
import { validateStories } from './validate-story';
import { FORMAT_ID, type Category, type DatasetMeta, type EventRecord } from './types';
import type { Problem } from './problems';

const ROOT_KEYS = new Set([
  '$schema',
  'format',
  'title',
  'description',
  'license',
  'updated',
  'categories',
  'stories',
  'events',
]);
const CATEGORY_KEYS = new Set(['id', 'label', 'labels', 'color', 'description']);
/** A language tag as `labels` keys are written: "ru", "pt-BR", "sr-Latn" (BCP 47's common forms). */
const LANGUAGE_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$/;
const COLOR = /^#[0-9a-fA-F]{6}$/;

export interface AcceptedEvent {
  /** Index in the file's "events" array. */
  index: number;
  event: EventRecord;
}

export interface RejectedEvent {
  index: number;
  id?: string;
  title?: string;
}

export interface ValidationResult {
  /** False when nothing can be shown at all (not an object, no events list, too many events). */
  usable: boolean;
  meta: DatasetMeta;
  accepted: AcceptedEvent[];
  rejected: RejectedEvent[];
  problems: Problem[];
}

/**
 * Checks a parsed dataset against format version 1. Every problem is reported, not only the
 * first; an invalid event is set aside with its reasons while the valid ones stay usable.
 */
export function validateDataset(value: unknown, maxEvents: number = LIMITS.maxEvents): ValidationResult {
  const c = new Checker();
  const meta: DatasetMeta = { title: 'Untitled dataset', description: '', license: '', updated: '', categories: [] };
  const result: ValidationResult = { usable: false, meta, accepted: [], rejected: [], problems: c.problems };

  if (!isObject(value as Json)) {
    c.report(
      [],
      value === null || Array.isArray(value)
        ? `a dataset is an object with "title", "categories" and "events", not ${describe(value)}`
        : `a dataset must be a JSON object, not ${describe(value)}`,
    );
    return result;
  }
  const root = value as JsonObject;
  checkKnownKeys(c, root, ROOT_KEYS, [], 'the dataset');
  checkFormat(c, root);
  checkMeta(c, root, meta);
  meta.categories = checkCategories(c, root.categories);
  // Too many categories: the file is refused whole, before its events are read.
  if (Array.isArray(root.categories) && root.categories.length > LIMITS.maxCategories) return result;

  const events = root.events;
  if (!Array.isArray(events)) {
    c.report(
      events === undefined ? [] : ['events'],
      events === undefined ? 'missing "events" (a list of events)' : `"events" must be a list, not ${describe(events)}`,
    );
    return result;
  }
  if (events.length === 0) {
    c.report(['events'], 'the dataset has no events');
    return result;
  }
  if (events.length > maxEvents) {
    c.report(
      ['events'],
      `${events.length} events is over the limit of ${maxEvents} for a JSON dataset (larger datasets load as a pack: npm run pack)`,
    );
    return result;
  }
  result.usable = true;
  const categoryIds = new Set(meta.categories.map((cat) => cat.id));
  const firstIndexOfId = new Map<string, number>();
  events.forEach((raw, index) => {
    c.eventIndex = index;
    const event = validateEvent(c, raw, ['events', index], categoryIds);
    const id = isObject(raw) && typeof raw.id === 'string' ? raw.id : undefined;
    if (event && firstIndexOfId.has(event.id)) {
      c.report(
        ['events', index, 'id'],
        `duplicate id "${event.id}" (also used by /events/${firstIndexOfId.get(event.id)})`,
      );
      result.rejected.push({ index, id: event.id, title: event.title });
    } else if (event) {
      firstIndexOfId.set(event.id, index);
      result.accepted.push({ index, event });
    } else {
      const rejected: RejectedEvent = { index };
      if (id) rejected.id = id;
      if (isObject(raw) && typeof raw.title === 'string') rejected.title = raw.title;
      result.rejected.push(rejected);
    }
  });
  checkRelated(c, result.accepted, firstIndexOfId);
  c.eventIndex = undefined;
  // After the events: a step naming an event the file lacks (or that was refused) is told so.
  const stories = validateStories(c, root.stories, { categories: categoryIds, events: firstIndexOfId });
  if (stories) meta.stories = stories;
  return result;
}

/** The dataset's title, licence and categories alone: what a pack's header carries. */
export function validateMeta(value: unknown): { meta: DatasetMeta; problems: Problem[] } {
  const c = new Checker();
  const meta: DatasetMeta = { title: 'Untitled dataset', description: '', license: '', updated: '', categories: [] };
  if (!isObject(value as Json)) c.report([], `the dataset's description must be an object, not ${describe(value)}`);
  else {
    checkMeta(c, value as JsonObject, meta);
    meta.categories = checkCategories(c, (value as JsonObject).categories);
    // A pack's header holds no events to check a step's names against: the reader drops what is missing.
    const categories = new Set(meta.categories.map((cat) => cat.id));
    const stories = validateStories(c, (value as JsonObject).stories, { categories, events: null });
    if (stories) meta.stories = stories;
  }
  return { meta, problems: c.problems };
}

function checkFormat(c: Checker, root: JsonObject): void {
  if (root.format === undefined) {
    c.report([], `missing "format": "${FORMAT_ID}" (read as version 1)`, 'warning');
  } else if (root.format !== FORMAT_ID) {
    c.report(
      ['format'],
      `unsupported format ${describe(root.format)}; this version of Faultline reads "${FORMAT_ID}"`,
      'warning',
    );
  }
}

function checkMeta(c: Checker, root: JsonObject, meta: DatasetMeta): void {
  meta.title = checkString(c, root, 'title', [], { required: true, max: LIMITS.maxTitleLength }) ?? meta.title;
  meta.description = checkString(c, root, 'description', [], { required: false, max: LIMITS.maxSummaryLength }) ?? '';
  meta.license = checkString(c, root, 'license', [], { required: false, max: LIMITS.maxTextLength }) ?? '';
  const updated = checkString(c, root, 'updated', [], { required: false, max: 40 });
  if (updated !== undefined) {
    const parsed = parseIsoDate(updated);
    if (parsed.ok) meta.updated = updated;
    else c.report(['updated'], parsed.message, 'warning');
  }
}

function checkCategories(c: Checker, raw: Json | undefined): Category[] {
  if (raw === undefined) {
    c.report([], 'missing "categories" (a list of {id, label, color})');
    return [];
  }
  if (!Array.isArray(raw)) {
    c.report(['categories'], `"categories" must be a list, not ${describe(raw)}`);
    return [];
  }
  // Checked before any category is read: tens of thousands of them froze the page for minutes.
  if (raw.length > LIMITS.maxCategories) {
    c.report(
      ['categories'],
      `${raw.length.toLocaleString('en-GB')} categories; the limit is ${LIMITS.maxCategories.toLocaleString('en-GB')} (group finer distinctions with tags)`,
    );
    return [];
  }
  const out: Category[] = [];
  const seen = new Map<string, number>();
  raw.forEach((item, i) => {
    const path = ['categories', i];
    if (!isObject(item)) {
      c.report(path, `a category must be an object {id, label, color}, not ${describe(item)}`);
      return;
    }
    checkKnownKeys(c, item, CATEGORY_KEYS, path, 'a category');
    const id = checkString(c, item, 'id', path, { required: true, max: LIMITS.maxIdLength });
    const label = checkString(c, item, 'label', path, { required: true, max: LIMITS.maxTextLength });
    const color = checkString(c, item, 'color', path, { required: true, max: 7 });
    const description = checkString(c, item, 'description', path, { required: false, max: LIMITS.maxTextLength });
    if (id !== undefined && !ID_PATTERN.test(id)) {
      c.report(
        [...path, 'id'],
        `category id "${id}" may hold only letters, digits and . _ : - (and must start with a letter or digit)`,
      );
      return;
    }
    if (color !== undefined && !COLOR.test(color))
      c.report([...path, 'color'], `colour ${describe(color)} must be written #rrggbb`);
    if (id !== undefined && seen.has(id)) {
      c.report([...path, 'id'], `duplicate category id "${id}" (also used by /categories/${seen.get(id)})`);
      return;
    }
    const labels = checkLabels(c, item['labels'], [...path, 'labels']);
    if (id === undefined || label === undefined || color === undefined || !COLOR.test(color)) return;
    seen.set(id, i);
    const category: Category = description ? { id, label, color, description } : { id, label, color };
    if (labels) category.labels = labels;
    out.push(category);
  });
  return out;
}

/**
 * A category's label per language ({ "ru": "Обстрел" }): optional, beside `label`, which is shown
 * where no language fits. A bad entry is left out with a warning; the category stays.
 */
function checkLabels(c: Checker, raw: unknown, path: (string | number)[]): Record<string, string> | undefined {
  if (raw === undefined) return undefined;
  if (!isObject(raw)) {
    c.report(
      path,
      `"labels" must be an object of language → label, such as {"ru": "…"}, not ${describe(raw)}`,
      'warning',
    );
    return undefined;
  }
  const entries = Object.entries(raw);
  if (entries.length > LIMITS.maxLabelLanguages) {
    c.report(path, `${entries.length} languages in "labels"; the limit is ${LIMITS.maxLabelLanguages}`, 'warning');
    return undefined;
  }
  const out: Record<string, string> = {};
  for (const [tag, value] of entries) {
    if (!LANGUAGE_TAG.test(tag)) {
      c.report(
        [...path, tag],
        `"${tag.slice(0, 40)}" is not a language tag such as "ru" or "pt-BR" (label ignored)`,
        'warning',
      );
      continue;
    }
    if (typeof value !== 'string' || !value.trim() || value.length > LIMITS.maxTextLength) {
      c.report(
        [...path, tag],
        `the ${tag} label must be text of 1 to ${LIMITS.maxTextLength} characters, not ${describe(value)} (label ignored)`,
        'warning',
      );
      continue;
    }
    out[tag] = value;
  }
  return Object.keys(out).length ? out : undefined;
}

function checkRelated(c: Checker, accepted: AcceptedEvent[], ids: ReadonlyMap<string, number>): void {
  for (const { index, event } of accepted) {
    if (!event.related) continue;
    c.eventIndex = index;
    const known = event.related.filter((id) => {
      if (ids.has(id)) return true;
      const at = (event.related ?? []).indexOf(id);
      c.report(
        ['events', index, 'related', at],
        `related event "${id}" does not exist in this dataset (link ignored)`,
        'warning',
      );
      return false;
    });
    if (known.length) event.related = known;
    else delete event.related;
  }
}

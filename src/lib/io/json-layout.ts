/**
 * Our JSON written back in the layout of the file it was read from (model/file-layout.ts): its
 * "$schema", its top-level and category key order, its event order and each event's key order.
 * With no edit the bytes are the file's own (for a file written with 2-space indentation, as
 * JSON.stringify and Prettier write it); an edit changes the lines of that event only, so a git
 * diff of a downloaded dataset shows the edit and nothing else. Streamed like the canonical writer
 * (formats/export.ts), whose key order it starts from for whatever the file did not have.
 */
import { canonicalEvent, CATEGORY_KEYS, ROOT_KEYS, type EventSource, type Sink } from './formats/export';
import { mergeKeyOrder, reorder, shapeEvent, shapesById, type FileLayout } from '../model/file-layout';
import type { Steps } from '../model/steps';
import type { DatasetMeta } from '../model/types';

/** Meta fields the loader reads as '' when absent: left out when empty, which loads back the same. */
const OPTIONAL_META = ['description', 'license', 'updated'] as const;
/** Events written between two yields: ~1–3 ms of work, as in the canonical writer. */
const EVENTS_PER_STEP = 64;
/** Stands for the event list in the document around it (no string in the data can be written as this). */
const HOLE = '\u0000faultline-list\u0000';

/** The document around the events: top-level keys and categories in the file's order. */
export function layoutRoot(meta: DatasetMeta, layout: FileLayout): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  if (layout.schema !== undefined) root['$schema'] = layout.schema;
  root['format'] = 'faultline/1';
  root['title'] = meta.title;
  for (const key of OPTIONAL_META) if (meta[key] !== '') root[key] = meta[key];
  root['categories'] = meta.categories.map((c) => {
    const value = c as unknown as Record<string, unknown>;
    const canonical = CATEGORY_KEYS.filter((k) => value[k] !== undefined);
    return reorder(value, mergeKeyOrder(layout.categoryKeys[c.id] ?? [], canonical));
  });
  // Stories as the validator rebuilt them (model/story.ts's key order): the file's own bytes when it wrote them so.
  if (meta.stories) root['stories'] = meta.stories;
  root['events'] = HOLE;
  return reorder(
    root,
    mergeKeyOrder(
      layout.rootKeys,
      ROOT_KEYS.filter((k) => k in root),
    ),
  );
}

/** Writes the dataset's JSON in the file's layout; `events` come in the order to write them (exportSource). */
export function* layoutJsonSteps(meta: DatasetMeta, layout: FileLayout, events: EventSource, sink: Sink): Steps<void> {
  const doc = JSON.stringify(layoutRoot(meta, layout), null, 2) + '\n';
  // The list is a top-level member: its key starts a line at depth 1 (a string holding the same
  // text is escaped, its quotes preceded by a backslash, and cannot match).
  const hole = `\n  ${JSON.stringify('events')}: ${JSON.stringify(HOLE)}`;
  const at = doc.indexOf(hole);
  if (at < 0) throw new Error('exporter: no "events" in the document');
  const keyEnd = at + hole.length - JSON.stringify(HOLE).length;
  const shapes = shapesById(layout);
  sink(doc.slice(0, keyEnd));
  let listed = 0;
  for (let i = 0; i < events.count; i++) {
    const event = events.at(i);
    if (event) {
      const shaped = shapeEvent(canonicalEvent(event), shapes.get(event.id));
      // JSON text has line breaks only between tokens (those in strings are escaped): indenting
      // after each one puts the event at depth 2.
      const text = JSON.stringify(shaped, null, 2).replace(/\n/g, '\n    ');
      sink(`${listed++ === 0 ? '[' : ','}\n    ${text}`);
    }
    if (i % EVENTS_PER_STEP === EVENTS_PER_STEP - 1) yield;
  }
  sink(listed === 0 ? '[]' : '\n  ]');
  sink(doc.slice(at + hole.length));
}

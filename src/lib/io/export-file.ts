/**
 * What a download from the Data dialog holds: the filtered events (in our JSON, CSV or GeoJSON)
 * or the whole dataset, its file name and type. The text is written in steps (exportSteps), so a
 * large export can be spread over many tasks and gathered into a Blob piece by piece: at a
 * million events the file is ~600 MB, more than one JavaScript string can hold.
 */
import { fileDate, fileSlug } from './download';
import { csvSteps, geoJsonSteps, jsonSteps, written, type EventSource, type Sink } from './formats/export';
import { layoutJsonSteps } from './json-layout';
import type { Dataset } from '../model/dataset';
import { fileRowOrder } from '../model/file-layout';
import type { Steps } from '../model/steps';

export type ExportKind = 'json' | 'csv' | 'geojson' | 'all';

export const EXPORT_MIME: Record<ExportKind, string> = {
  json: 'application/json;charset=utf-8',
  all: 'application/json;charset=utf-8',
  csv: 'text/csv;charset=utf-8',
  geojson: 'application/geo+json;charset=utf-8',
};

/**
 * "new-start-nato-2026-11-27-filtered.csv": the title's slug (whole words: download.ts fileSlug),
 * today's date where the user is, and whether it holds only the filtered events.
 */
export function exportFileName(title: string, kind: ExportKind, today = new Date()): string {
  const date = fileDate(today);
  const ext = kind === 'all' ? 'json' : kind;
  return `${fileSlug(title)}-${date}${kind === 'all' ? '' : '-filtered'}.${ext}`;
}

/**
 * The events an export of `kind` writes: the rows shown, in row (time) order, or every row ('all'):
 * for a dataset read from our JSON, in its file's order (events added since go where file-layout.ts
 * fileRowOrder says), so the download diffs against the file by the edits alone. A record that
 * cannot be read (a damaged pack) is left out and handed to `unreadable`: its stand-in holds only
 * what the columns say, no summary and no sources, and written out it would pass for the event.
 */
export function exportSource(
  dataset: Dataset,
  visible: ArrayLike<number>,
  kind: ExportKind,
  unreadable: (id: string) => void = () => {},
): EventSource {
  const { events } = dataset;
  let rowAt = kind === 'all' ? (i: number) => i : (i: number) => visible[i]!;
  if (dataset.layout && kind === 'all') {
    const every = Uint32Array.from({ length: events.length }, (_, i) => i);
    const order = fileRowOrder(dataset.layout, (id) => events.rowOf(id), every, dataset.columns.start);
    rowAt = (i) => order[i]!;
  }
  return {
    count: kind === 'all' ? events.length : visible.length,
    at: (i) => {
      const { record, problem } = events.read(rowAt(i));
      if (problem === null) return record;
      unreadable(record.id);
      return null;
    },
  };
}

/** Writes the export of `events` (from exportSource) to `sink`, yielding every few dozen events. */
export function exportSteps(dataset: Dataset, events: EventSource, kind: ExportKind, sink: Sink): Steps<void> {
  const { meta } = dataset;
  if (kind === 'csv') return csvSteps(events, meta.categories, sink);
  if (kind === 'geojson') return geoJsonSteps(events, meta, sink);
  // Read from our JSON: written in the file's layout ($schema, the order of keys; of events for 'all').
  if (dataset.layout) return layoutJsonSteps(meta, dataset.layout, events, sink);
  return jsonSteps({ format: 'faultline/1', ...meta }, events, sink);
}

/** The whole text of an export, for small ones and tests. */
export function exportText(dataset: Dataset, visible: ArrayLike<number>, kind: ExportKind): string {
  return written((sink) => exportSteps(dataset, exportSource(dataset, visible, kind), kind, sink));
}

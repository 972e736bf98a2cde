/**
 * Files at the size limit of every text format the app reads (64 MiB, and at most 250,000 events),
 * written from the synthetic generator: the long-task test opens each one. Node side only.
 */
import { readFileSync } from 'node:fs';
import { generate } from '../../scripts/synthetic';
import { toCsv, toGeoJson, toJson } from '../../src/lib/io/formats/export';
import { LIMITS } from '../../src/lib/model/limits';
import type { DatasetFile, EventRecord } from '../../src/lib/model/types';

const csvCell = (v: string | number): string => {
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const header = (fixture: string): string[] =>
  readFileSync(`tests/fixtures/import/${fixture}`, 'utf8')
    .replace(/^\uFEFF/, '')
    .split('\n')[0]!
    .trim()
    .split(',');
const day = (e: EventRecord): string => e.date.slice(0, 10).padEnd(10, '-01').slice(0, 10);
const mdy = (e: EventRecord): string => {
  const [y, m, d] = day(e).split('-');
  return `${m}/${d}/${y}`;
};

function csv(
  columns: string[],
  events: EventRecord[],
  value: (column: string, e: EventRecord, i: number) => string | number,
): string {
  return [columns.join(','), ...events.map((e, i) => columns.map((c) => csvCell(value(c, e, i))).join(','))].join('\n');
}

/** Each format's writer, from our events. */
const WRITERS: Record<string, { file: string; write: (d: DatasetFile) => string }> = {
  'Faultline JSON': { file: 'limit.json', write: (d) => toJson(d) },
  'Faultline CSV': { file: 'limit.csv', write: (d) => toCsv(d.events, d.categories) },
  GeoJSON: { file: 'limit.geojson', write: (d) => toGeoJson(d.events, d) },
  'ACLED CSV': {
    file: 'limit-acled.csv',
    write: (d) =>
      csv(header('acled-current.csv'), d.events, (c, e, i) => {
        const values: Record<string, string | number> = {
          event_id_cnty: `SYN${i}`,
          event_date: day(e),
          year: day(e).slice(0, 4),
          time_precision: 1,
          disorder_type: 'Political violence',
          event_type: 'Battles',
          sub_event_type: 'Armed clash',
          actor1: e.actors?.[0] ?? 'Side A',
          country: 'Somalia',
          location: e.location?.name ?? 'Mogadishu',
          latitude: e.location?.lat ?? 2.0371,
          longitude: e.location?.lon ?? 45.3438,
          geo_precision: 1,
          source: 'Synthetic',
          notes: e.summary,
          fatalities: 0,
        };
        return values[c] ?? '';
      }),
  },
  'UCDP GED CSV': {
    file: 'limit-ucdp.csv',
    write: (d) =>
      csv(header('ucdp-ged.csv'), d.events, (c, e, i) => {
        const values: Record<string, string | number> = {
          id: i + 1,
          relid: `SYN-${i}`,
          year: day(e).slice(0, 4),
          type_of_violence: 1,
          conflict_name: 'Synthetic conflict',
          dyad_name: 'Side A - Side B',
          side_a: 'Side A',
          side_b: 'Side B',
          source_article: e.summary,
          where_prec: 1,
          where_coordinates: e.location?.name ?? 'Somewhere',
          latitude: e.location?.lat ?? 2.0371,
          longitude: e.location?.lon ?? 45.3438,
          country: 'Somalia',
          date_prec: 1,
          date_start: `${day(e)} 00:00:00.000`,
          date_end: `${day(e)} 00:00:00.000`,
          best: 1,
          high: 1,
          low: 1,
        };
        return values[c] ?? '';
      }),
  },
  'TimelineJS JSON': {
    file: 'limit-timelinejs.json',
    write: (d) =>
      JSON.stringify({
        events: d.events.map((e) => {
          const [year, month, dayOf] = day(e).split('-');
          return {
            start_date: { year, month, day: dayOf },
            text: { headline: e.title, text: e.summary },
            group: d.categories.find((c) => c.id === e.category)?.label,
          };
        }),
      }),
  },
  'timemap JSON': {
    file: 'limit-timemap.json',
    write: (d) =>
      JSON.stringify({
        events: d.events.map((e, i) => ({
          id: String(i + 1),
          description: `${e.title}. ${e.summary}`,
          date: mdy(e),
          time: '',
          location: e.location?.name ?? '',
          latitude: e.location ? String(e.location.lat) : '',
          longitude: e.location ? String(e.location.lon) : '',
          associations: [],
          sources: [],
        })),
        sources: [],
        associations: [],
      }),
  },
};

export const LIMIT_FORMATS = Object.keys(WRITERS);

/** The largest file of `format` within both limits, written from synthetic events. */
export function limitFile(format: string): { name: string; text: string; events: number } {
  const writer = WRITERS[format]!;
  const sample = writer.write(generate(2_000, 7));
  const perEvent = Buffer.byteLength(sample) / 2_000;
  // 2% under the byte limit: row lengths vary with the generator's text.
  const count = Math.min(LIMITS.maxEvents, Math.floor((LIMITS.maxFileBytes * 0.98) / perEvent));
  const text = writer.write(generate(count, 7));
  if (Buffer.byteLength(text) > LIMITS.maxFileBytes) throw new Error(`${format} came out over the limit`);
  return { name: writer.file, text, events: count };
}

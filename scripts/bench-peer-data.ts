// The lean form of a dataset that the peer pages in bench/peers/ load:
//   {"categories":["battle",...],"events":[[startMs,endMs,lat,lon,catIndex],...]}
// startMs/endMs are axis ms (end exclusive) from the app's own date code; lat/lon are null for
// events without a place. It is deliberately generous to the peers: no text, no sources, no
// validation, just the five numbers each peer needs, so their load time is a lower bound.
import type { DatasetFile } from '../src/lib/model/types.ts';
import { eventSpan, parseIsoDate, type CalendarValue } from '../src/lib/model/dates.ts';

function calendar(text: string, what: string): CalendarValue {
  const parsed = parseIsoDate(text);
  if (!parsed.ok) throw new Error(`leanJson: ${what} "${text}": ${parsed.message}`);
  return parsed.value;
}

/**
 * One row string per event, joined once at the end: at 1,000,000 events the result is ~60 MB,
 * far under V8's ~512 MB string limit, and no intermediate array of row arrays is kept.
 */
export function leanJson(file: DatasetFile): string {
  const categories = file.categories.map((c) => c.id);
  const index = new Map(categories.map((id, i) => [id, i]));
  const rows: string[] = new Array(file.events.length);
  for (let i = 0; i < file.events.length; i++) {
    const event = file.events[i]!;
    const span = eventSpan(
      calendar(event.date, `event ${event.id} date`),
      event.end === undefined ? undefined : calendar(event.end, `event ${event.id} end`),
    );
    let cat = index.get(event.category);
    if (cat === undefined) {
      // A category the file does not declare still gets an index, so no event is dropped.
      cat = categories.length;
      categories.push(event.category);
      index.set(event.category, cat);
    }
    const loc = event.location;
    const lat = loc && Number.isFinite(loc.lat) ? String(loc.lat) : 'null';
    const lon = loc && Number.isFinite(loc.lon) ? String(loc.lon) : 'null';
    rows[i] = `[${span.start},${span.end},${lat},${lon},${cat}]`;
  }
  return `{"categories":${JSON.stringify(categories)},"events":[${rows.join(',')}]}`;
}

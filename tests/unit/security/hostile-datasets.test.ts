// Hostile and malformed dataset files from ../shared/reference/security.md §4: each is either
// loaded with its text kept verbatim (never interpreted) or rejected with a located message.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadDataset, type LoadResult } from '../../../src/lib/model/dataset';
import { formatProblem } from '../../../src/lib/model/problems';

const SOURCE = { publisher: 'P', title: 'T', url: 'https://example.org/' };
function file(events: unknown[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify(
    { format: 'faultline/1', title: 'T', categories: [{ id: 'c', label: 'C', color: '#123456' }], events, ...extra },
    null,
    2,
  );
}
function event(patch: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'e1',
    title: 'Title',
    summary: 'Summary',
    date: '2021-06-01',
    category: 'c',
    sources: [SOURCE],
    ...patch,
  };
}
function messages(result: LoadResult): string {
  const problems = result.ok ? result.dataset.problems : result.problems;
  return problems.map((p) => formatProblem('f.json', p)).join('\n');
}

describe('text that looks like markup stays text', () => {
  it.each([
    ['title', '<img src=x onerror=alert(1)>'],
    ['summary', '<script>alert(1)</script><svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>'],
    ['summary', `${'<&'.repeat(5000)}\u202e\u200d${'&amp;'.repeat(1000)}`],
  ])('%s %#', (field, text) => {
    const result = loadDataset(file([event({ [field]: text })]), 'f.json');
    expect(result.ok && (result.dataset.events.at(0) as unknown as Record<string, unknown>)[field]).toBe(text);
  });
});

describe('links', () => {
  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'java\tscript:alert(1)',
    '\u0000javascript:alert(1)',
    ' javascript:alert(1)',
    '&#106;avascript:alert(1)',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'blob:https://x/y',
  ])('%j is a warning at its pointer, the event kept', (url) => {
    const result = loadDataset(file([event({ sources: [{ ...SOURCE, url }] })]), 'f.json');
    expect(result.ok && result.dataset.events).toHaveLength(1);
    expect(messages(result)).toMatch(/\/events\/0\/sources\/0\/url: warning: .* is not an http\(s\) link/);
  });
});

describe('prototype pollution', () => {
  it('reports __proto__ and constructor keys and pollutes nothing', () => {
    const text = `{"__proto__": {"polluted": 1}, "format": "faultline/1", "title": "T", "categories": [{"id": "c", "label": "C", "color": "#123456"}],
      "events": [{"__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 1}}, "id": "e1", "title": "T", "summary": "S", "date": "2021", "category": "c", "sources": [{"publisher": "P", "title": "T", "url": "https://example.org/"}]}]}`;
    const result = loadDataset(text, 'f.json');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(messages(result)).toContain('"__proto__" is reserved');
    expect(messages(result)).toContain('unknown field "constructor"');
  });
});

describe('size and shape limits', () => {
  it('rejects a nesting bomb from the depth check, quickly and without RangeError', () => {
    const result = loadDataset('['.repeat(200_000) + ']'.repeat(200_000), 'f.json');
    expect(result.ok).toBe(false);
    expect(messages(result)).toContain('nesting deeper than 32 levels');
  });

  it('rejects a 5 MB summary by its length before anything else reads it', () => {
    const result = loadDataset(file([event({ summary: 'a'.repeat(5_000_000) })]), 'f.json');
    expect(messages(result)).toMatch(/"summary" is 5000000 characters long; the limit is 20000/);
  }, 60_000);

  it('lists many errors by pointer, each event set aside, the rest kept', () => {
    const bad = Array.from({ length: 1000 }, (_, i) => event({ id: `e${i}`, date: '2021-02-30' }));
    const result = loadDataset(file([...bad, event({ id: 'ok' })]), 'f.json');
    expect(result.ok && result.dataset.events.toArray().map((e) => e.id)).toEqual(['ok']);
    expect(result.ok && result.dataset.problems).toHaveLength(1000);
  });

  it.each([
    ['', 'the file is empty'],
    ['   \n ', 'the file is empty'],
    ['null', 'not null'],
    ['[]', 'not an array'],
    ['{}', 'missing "events"'],
    [file([]), 'the dataset has no events'],
  ])('%j says so distinctly', (text, message) => {
    const result = loadDataset(text, 'f.json');
    expect(result.ok).toBe(false);
    expect(messages(result)).toContain(message);
  });
});

describe('syntax errors are located', () => {
  it('a trailing comma at line 4123, column 17', () => {
    const lines = Array.from({ length: 4122 }, () => '');
    const text = `${lines.join('\n')}\n{"a": [1, 2, 3,]}`.replace('{"a": [1, 2, 3,]}', '     {"a": [1, 2,]}');
    const result = loadDataset(text, 'f.json');
    expect(messages(result)).toMatch(/^f\.json:4123:17 .*trailing comma/);
  });
  it.each([
    ["{'a': 1}", 'double quotes'],
    ['{"a": 1} // note', 'comments are not allowed'],
    ['{"a": NaN}', 'NaN is not a JSON value'],
  ])('%j', (text, message) => {
    expect(messages(loadDataset(text, 'f.json'))).toContain(message);
  });
});

describe('encodings and odd characters', () => {
  it('accepts a BOM and CRLF line endings, and keeps a lone surrogate', () => {
    const text = `\ufeff${file([event({ title: 'x\ud800y' })]).replace(/\n/g, '\r\n')}`;
    const result = loadDataset(text, 'f.json');
    expect(result.ok && result.dataset.events.at(0)?.title).toBe('x\ud800y');
  });

  it('warns about duplicate keys naming both places, and duplicate ids', () => {
    const text = file([event(), event()]).replace('"date": "2021-06-01"', '"date": "2020-01-01", "date": "2021-06-01"');
    const all = messages(loadDataset(text, 'f.json'));
    expect(all).toMatch(/duplicate key "date" \(also at line \d+, column \d+\)/);
    expect(all).toContain('duplicate id "e1" (also used by /events/0)');
  });
});

describe('dates', () => {
  it.each(['2021-02-30', '2023-02-29', '2021-04-31', '2025-13-36T14:19:39'])('%s is not a date', (date) => {
    expect(messages(loadDataset(file([event({ date })]), 'f.json'))).toContain('is not a calendar date');
  });
  it.each([
    ['0099-03-15', '15 Mar AD 99'],
    ['0001-01-01', '1 Jan AD 1'],
    ['2024-02-29', '29 Feb 2024'],
  ])('%s is kept as written', (date) => {
    const result = loadDataset(file([event({ date })]), 'f.json');
    expect(result.ok && result.dataset.events.at(0)?.date).toBe(date);
  });
  it.each(['-0043-03-15', '+275761-01-01'])('%s is outside the supported range', (date) => {
    expect(messages(loadDataset(file([event({ date })]), 'f.json'))).toContain(
      'years outside 0000-9999 are not supported',
    );
  });
  it('an inverted range is rejected', () => {
    expect(messages(loadDataset(file([event({ date: '2021-06-10', end: '2021-06-01' })]), 'f.json'))).toContain(
      'is before the start',
    );
  });
});

describe('coordinates', () => {
  it.each([
    [91, 10, 'latitude 91 is out of range'],
    [-90.0001, 10, 'latitude -90.0001 is out of range'],
    [10, 181, 'longitude 181 is out of range'],
    [10, -180.5, 'longitude -180.5 is out of range'],
    ['45,5', 10, 'must be a number'],
    [null, 10, 'missing "lat"'],
  ])('lat %j lon %j', (lat, lon, message) => {
    expect(
      messages(loadDataset(file([event({ location: { name: 'X', lat, lon, precision: 'city' } })]), 'f.json')),
    ).toContain(message);
  });
  it.each([
    [90, 180],
    [-90, -180],
  ])('lat %d lon %d is accepted', (lat, lon) => {
    const result = loadDataset(file([event({ location: { name: 'X', lat, lon, precision: 'city' } })]), 'f.json');
    expect(result.ok && result.dataset.events).toHaveLength(1);
  });
  it('1e400 is out of range, never Infinity on the map', () => {
    const text = file([event({ location: { name: 'X', lat: 1, lon: 2, precision: 'city' } })]).replace(
      '"lat": 1',
      '"lat": 1e400',
    );
    expect(messages(loadDataset(text, 'f.json'))).toMatch(/out of range/);
  });
});

describe('the validator never throws', () => {
  it('on arbitrary JSON and arbitrary text', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.json(),
          fc.string(),
          fc.jsonValue().map((v) => JSON.stringify({ format: 'faultline/1', title: 'T', categories: [], events: [v] })),
        ),
        (text) => {
          const result = loadDataset(text, 'f.json');
          expect(typeof result.ok).toBe('boolean');
        },
      ),
      { numRuns: 500 },
    );
  }, 60_000);
});

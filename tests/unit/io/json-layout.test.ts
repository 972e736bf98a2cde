import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportText } from '../../../src/lib/io/export-file';
import { datasetFromParts, loadDataset, type Dataset } from '../../../src/lib/model/dataset';
import { fileRowOrder, mergeKeyOrder, type FileLayout } from '../../../src/lib/model/file-layout';
import { loadBytes } from '../../../src/lib/model/load-bytes';
import type { EventRecord } from '../../../src/lib/model/types';
import { applyChanges } from '../../../src/lib/state/draft-core';

const bundled = readFileSync('data/events.json', 'utf8');

function load(text: string): Dataset {
  const result = loadDataset(text, 'test.json');
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.dataset;
}

const all = (d: Dataset): string => exportText(d, new Uint32Array(0), 'all');
const edit = (d: Dataset, changes: [string, EventRecord | null][]): Dataset => applyChanges(d, new Map(changes));

/**
 * The lines a line diff of `a` against `b` removes from `a` and adds in `b` (their 0-based
 * numbers), by the longest common subsequence: what `git diff` would show, give or take its
 * choice between equally short diffs.
 */
function lineDiff(a: string, b: string): { removed: number[]; added: number[] } {
  const x = a.split('\n');
  const y = b.split('\n');
  const n = x.length;
  const m = y.length;
  // lcs[i][j]: the longest common subsequence of x[i..] and y[j..], one row per line of x.
  const lcs = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lcs[i]![j] = x[i] === y[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const removed: number[] = [];
  const added: number[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (x[i] === y[j]) (i++, j++);
    else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) removed.push(i++);
    else added.push(j++);
  }
  while (i < n) removed.push(i++);
  while (j < m) added.push(j++);
  return { removed, added };
}

/** The line span [first, last] of the event with `id` in a file written with 2-space indentation. */
function eventLines(text: string, id: string): [number, number] {
  const lines = text.split('\n');
  const idLine = lines.findIndex(
    (l) => l === `      "id": ${JSON.stringify(id)},` || l.trim() === `"id": ${JSON.stringify(id)},`,
  );
  if (idLine < 0) throw new Error(`no event ${id}`);
  let first = idLine;
  while (lines[first] !== '    {') first--;
  let last = idLine;
  while (!/^ {4}\},?$/.test(lines[last]!)) last++;
  return [first, last];
}

const within = (lines: number[], [first, last]: [number, number]): boolean =>
  lines.every((l) => l >= first && l <= last);

/**
 * One unbroken block of `length` lines covering the event's span give or take a line: a diff may
 * take the "    {" opening the next event for this one's (the two lines are equal), as git may.
 */
function isEventBlock(lines: number[], [first, last]: [number, number]): boolean {
  const length = last - first + 1;
  const contiguous = lines.every((l, i) => i === 0 || l === lines[i - 1]! + 1);
  return contiguous && lines.length === length && lines[0]! >= first - 1 && lines.at(-1)! <= last + 1;
}

describe('a download keeps the layout of the file it was read from', () => {
  const dataset = load(bundled);

  it('writes the curated file back byte for byte: $schema, key order and event order kept', () => {
    expect(all(dataset)).toBe(bundled);
    expect(JSON.parse(all(dataset))).toHaveProperty('$schema', './faultline.schema.json');
  });

  it('after one edit, the line diff touches only that event', () => {
    const before = dataset.events.at(dataset.events.rowOf('nk20-ganja-1011')!);
    const edited = edit(dataset, [['nk20-ganja-1011', { ...before, title: 'A title changed in a test' }]]);
    const text = all(edited);
    const diff = lineDiff(bundled, text);
    expect(diff.removed).toHaveLength(1);
    expect(diff.added).toHaveLength(1);
    expect(within(diff.removed, eventLines(bundled, 'nk20-ganja-1011'))).toBe(true);
    expect(within(diff.added, eventLines(text, 'nk20-ganja-1011'))).toBe(true);
    expect(text.split('\n')[diff.added[0]!]).toBe('      "title": "A title changed in a test",');
  });

  it('an event whose date moves stays where it was in the file', () => {
    const before = dataset.events.at(dataset.events.rowOf('nst-signed')!);
    const text = all(edit(dataset, [['nst-signed', { ...before, date: '2024-01-01' }]]));
    const diff = lineDiff(bundled, text);
    expect(diff.removed.length).toBe(1);
    expect(within(diff.removed, eventLines(bundled, 'nst-signed'))).toBe(true);
    expect((JSON.parse(text) as { events: { id: string }[] }).events[0]!.id).toBe('nst-signed');
  });

  it('a field added to an event lands in its key order (end after date), changing only its lines', () => {
    const before = dataset.events.at(dataset.events.rowOf('nk20-hadrut')!);
    const text = all(edit(dataset, [['nk20-hadrut', { ...before, end: '2020-10-20' }]]));
    const diff = lineDiff(bundled, text);
    expect(diff.removed).toEqual([]);
    expect(diff.added).toHaveLength(1);
    const lines = text.split('\n');
    expect(lines[diff.added[0]!]).toBe('      "end": "2020-10-20",');
    expect(lines[diff.added[0]! - 1]).toBe('      "date": "2020-10-09",');
  });

  it('a deleted event takes only its own lines with it', () => {
    const text = all(edit(dataset, [['nk20-hadrut', null]]));
    const diff = lineDiff(bundled, text);
    expect(diff.added).toEqual([]);
    expect(isEventBlock(diff.removed, eventLines(bundled, 'nk20-hadrut'))).toBe(true);
  });

  it('a new event goes after the events dated on or before it, its lines the only ones added', () => {
    const added: EventRecord = {
      id: 'test-added',
      title: 'Added in a test',
      summary: 'S',
      date: '2020-10-09',
      category: 'statement',
      location: null,
      sources: [{ publisher: 'P', title: 'T', url: 'https://example.org/a' }],
    };
    const text = all(edit(dataset, [['test-added', added]]));
    const ids = (JSON.parse(text) as { events: { id: string }[] }).events.map((e) => e.id);
    // nk20-hadrut is dated 2020-10-09 too: the new event follows it, before the next day's.
    expect(ids.slice(ids.indexOf('nk20-hadrut'), ids.indexOf('nk20-hadrut') + 3)).toEqual([
      'nk20-hadrut',
      'test-added',
      'nk20-moscow-1010',
    ]);
    const diff = lineDiff(bundled, text);
    expect(diff.removed).toEqual([]);
    expect(isEventBlock(diff.added, eventLines(text, 'test-added'))).toBe(true);
  });

  it('keeps the layout through the worker (parts cloned across), and the key order in a filtered export', () => {
    const read = loadBytes(new TextEncoder().encode(bundled).buffer as ArrayBuffer, 'events.json');
    if (!read.ok || read.kind !== 'parts') throw new Error('expected parts');
    const crossed = datasetFromParts('events.json', structuredClone(read.parts));
    expect(all(crossed)).toBe(bundled);
    // A filtered export (here: every third row) lists the rows shown in time order, in the file's
    // key order and with its $schema.
    const shown = Uint32Array.from({ length: Math.ceil(dataset.events.length / 3) }, (_, i) => i * 3);
    const filtered = exportText(dataset, shown, 'json');
    const parsed = JSON.parse(filtered) as { $schema: string; events: { id: string }[] };
    expect(parsed.events.map((e) => e.id)).toEqual([...shown].map((row) => dataset.events.id(row)));
    expect(parsed.$schema).toBe('./faultline.schema.json');
    // Each event's lines as in the file, up to its closing brace (followed by a comma or not).
    const body = (text: string, id: string): string[] => {
      const [first, last] = eventLines(text, id);
      return text.split('\n').slice(first, last);
    };
    for (const { id } of parsed.events) expect(body(filtered, id), id).toEqual(body(bundled, id));
  });
});

describe('a file with its own key and event order', () => {
  // Hand-written: "events" before "categories", "$schema" last, keys of events and locations in
  // an order of their own, events not in time order.
  const file = {
    title: 'Own order',
    format: 'faultline/1',
    events: [
      {
        date: '2021-03-01',
        id: 'late',
        category: 'a',
        title: 'Late',
        summary: 'S',
        location: { lat: 1, lon: 2, name: 'P', precision: 'city' },
        sources: [{ url: 'https://example.org/1', title: 'T', publisher: 'P' }],
      },
      {
        id: 'early',
        date: '2020-01-01',
        title: 'Early',
        summary: 'S',
        category: 'a',
        sources: [{ publisher: 'P', title: 'T', url: 'https://example.org/2' }],
      },
    ],
    categories: [{ color: '#112233', label: 'A', id: 'a' }],
    $schema: 'https://example.org/faultline.schema.json',
  };
  const text = JSON.stringify(file, null, 2) + '\n';
  const dataset = load(text);

  it('is written back as it came', () => {
    expect(all(dataset)).toBe(text);
  });

  it('puts a new event at the end when the file is not in time order, in the canonical key order', () => {
    const added: EventRecord = {
      id: 'middle',
      title: 'Middle',
      summary: 'S',
      date: '2020-06-01',
      category: 'a',
      sources: [{ publisher: 'P', title: 'T', url: 'https://example.org/3' }],
    };
    const out = JSON.parse(all(edit(dataset, [['middle', added]]))) as { events: Record<string, unknown>[] };
    expect(out.events.map((e) => e['id'])).toEqual(['late', 'early', 'middle']);
    expect(Object.keys(out.events[2]!)).toEqual(['id', 'title', 'summary', 'date', 'category', 'sources']);
  });

  it('keeps nested key orders through an edit, and gives a new source the last source’s key order', () => {
    const late = dataset.events.at(dataset.events.rowOf('late')!);
    const changed: EventRecord = {
      ...late,
      title: 'Late, renamed',
      sources: [...late.sources, { publisher: 'Q', title: 'U', url: 'https://example.org/4' }],
    };
    const out = JSON.parse(all(edit(dataset, [['late', changed]]))) as { events: Record<string, unknown>[] };
    expect(Object.keys(out.events[0]!)).toEqual(['date', 'id', 'category', 'title', 'summary', 'location', 'sources']);
    expect(Object.keys(out.events[0]!['location'] as object)).toEqual(['lat', 'lon', 'name', 'precision']);
    expect((out.events[0]!['sources'] as object[]).map((s) => Object.keys(s))).toEqual([
      ['url', 'title', 'publisher'],
      ['url', 'title', 'publisher'],
    ]);
  });
});

describe('mergeKeyOrder', () => {
  it.each([
    { kept: ['b', 'a'], present: ['a', 'b'], out: ['b', 'a'] },
    { kept: ['id', 'date', 'title'], present: ['id', 'title', 'date', 'end'], out: ['id', 'date', 'end', 'title'] },
    { kept: ['title', 'id'], present: ['$schema', 'id', 'title'], out: ['$schema', 'title', 'id'] },
    { kept: ['a', 'gone', 'b'], present: ['a', 'b'], out: ['a', 'b'] },
    { kept: [], present: ['x', 'y'], out: ['x', 'y'] },
  ])('$kept + $present → $out', ({ kept, present, out }) => {
    expect(mergeKeyOrder(kept, present)).toEqual(out);
  });
});

describe('fileRowOrder', () => {
  const layout = (order: string[]): FileLayout => ({
    rootKeys: [],
    categoryKeys: {},
    order,
    shapeOf: new Uint32Array(order.length),
    shapes: [{ keys: [], nested: {} }],
  });
  // Rows are in time order: row r starts at start[r].
  const ids = ['a', 'b', 'c', 'd', 'e'];
  const start = [10, 20, 20, 30, 40];
  const rowOf = (id: string) => (ids.includes(id) ? ids.indexOf(id) : undefined);

  it.each([
    {
      what: 'the file order, as it was',
      order: ['a', 'b', 'c', 'd', 'e'],
      wanted: [0, 1, 2, 3, 4],
      out: [0, 1, 2, 3, 4],
    },
    {
      what: 'an added row after same-time rows',
      order: ['a', 'b', 'd', 'e'],
      wanted: [0, 1, 2, 3, 4],
      out: [0, 1, 2, 3, 4],
    },
    { what: 'an added first row first', order: ['b', 'c', 'd'], wanted: [0, 1, 2, 3], out: [0, 1, 2, 3] },
    {
      what: 'unsorted file: added rows at the end',
      order: ['e', 'a', 'c'],
      wanted: [0, 1, 2, 3, 4],
      out: [4, 0, 2, 1, 3],
    },
    { what: 'deleted and unknown ids skipped', order: ['x', 'a', 'c', 'a'], wanted: [0, 2], out: [0, 2] },
    { what: 'only the wanted rows', order: ['a', 'b', 'c', 'd', 'e'], wanted: [1, 3], out: [1, 3] },
  ])('$what', ({ order, wanted, out }) => {
    expect(fileRowOrder(layout(order), rowOf, wanted, start)).toEqual(out);
  });
});

import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/lib/model/dataset';
import { safeHttpUrl } from '../../../src/lib/model/url';

const text = readFileSync('data/events.json', 'utf8');
const schema = JSON.parse(readFileSync('data/faultline.schema.json', 'utf8')) as object;
const result = loadDataset(text, 'data/events.json');
const dataset = result.ok ? result.dataset : null;

describe('the curated dataset', () => {
  it('loads with no problem of any kind', () => {
    expect(result.ok).toBe(true);
    expect(dataset?.problems).toEqual([]);
    expect(dataset?.rejected).toEqual([]);
  });

  it('matches its JSON Schema (what editors check while typing)', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    const validate = ajv.compile(schema);
    expect(validate(JSON.parse(text)), JSON.stringify(validate.errors)).toBe(true);
  });

  it('has at least 45 events covering the five subjects', () => {
    const events = dataset?.events.toArray() ?? [];
    expect(events.length).toBeGreaterThanOrEqual(45);
    const subject = (prefix: RegExp) => events.filter((e) => prefix.test(e.id)).length;
    expect(subject(/^nk2[01]-/)).toBeGreaterThanOrEqual(10);
    expect(subject(/^nato20-fm/)).toBeGreaterThanOrEqual(1);
    expect(subject(/^nst-/)).toBeGreaterThanOrEqual(5);
    expect(subject(/^blr20-/)).toBeGreaterThanOrEqual(4);
    expect(events.filter((e) => e.date >= '2025-12').length).toBeGreaterThanOrEqual(10);
  });

  it('cites an http(s) source with publisher and title for every event', () => {
    for (const event of dataset?.events.toArray() ?? []) {
      expect(event.sources.length, event.id).toBeGreaterThan(0);
      for (const s of event.sources) {
        expect(safeHttpUrl(s.url), `${event.id}: ${s.url}`).not.toBeNull();
        expect(s.publisher.trim()).not.toBe('');
        expect(s.title.trim()).not.toBe('');
      }
    }
  });

  it('cites the TURAN article for the events it reports', () => {
    const turan = (id: string) =>
      dataset?.events.toArray().find((e) => e.id === id)?.sources.some((s) => s.url === 'http://ccbsnews.info/en/news/detail/1764' && s.author === 'Alex Raufoglu');
    expect(turan('nato20-fm')).toBe(true);
    expect(turan('nato20-sg-presser-1201')).toBe(true);
  });

  it('records New START extension as a range to 5 February 2026', () => {
    const ext = dataset?.events.toArray().find((e) => e.id === 'nst-extension');
    expect(ext?.date).toBe('2021-02-03');
    expect(ext?.end).toBe('2026-02-05');
  });

  it('marks contested claims', () => {
    const disputed = dataset?.events.toArray().filter((e) => e.status && e.status.kind !== 'confirmed') ?? [];
    expect(disputed.map((e) => e.id)).toEqual(expect.arrayContaining(['nk20-hadrut', 'nk20-shusha', 'ru25-valdai-claim']));
    for (const e of disputed) expect(e.status?.by?.length, e.id).toBeGreaterThan(0);
  });
});

import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/lib/model/dataset';
import { LIMITS } from '../../../src/lib/model/limits';

const schema = JSON.parse(readFileSync('data/faultline.schema.json', 'utf8')) as object;
const schemaCheck = new Ajv2020({ allErrors: true, strict: false }).compile(schema);

/** A one-event dataset whose place has these aliases (left out when undefined). */
function file(aliases?: unknown) {
  const location: Record<string, unknown> = { name: 'Stepanakert', lat: 39.8153, lon: 46.7519, precision: 'city' };
  if (aliases !== undefined) location.aliases = aliases;
  return {
    format: 'faultline/1',
    title: 'T',
    description: 'D',
    license: 'CC0-1.0',
    updated: '2026-12-05',
    categories: [{ id: 'c', label: 'C', color: '#123456' }],
    events: [
      {
        id: 'e1',
        title: 'Event',
        summary: 'Summary',
        date: '2021-02-03',
        category: 'c',
        location,
        sources: [{ publisher: 'P', title: 'T', url: 'https://example.org' }],
      },
    ],
  };
}

function load(aliases?: unknown) {
  const result = loadDataset(JSON.stringify(file(aliases)), 'test.json');
  if (!result.ok) throw new Error('not loaded');
  return result.dataset;
}

describe('location.aliases', () => {
  it('keeps a place\u2019s other names, and the schema accepts them', () => {
    const aliases = ['Khankendi', 'Xankəndi', 'Ստեփանակերտ'];
    const d = load(aliases);
    expect(d.problems).toEqual([]);
    expect(d.events.at(0).location?.aliases).toEqual(aliases);
    expect(schemaCheck(file(aliases))).toBe(true);
  });

  it('is optional: a place without it reads as before', () => {
    const d = load();
    expect(d.problems).toEqual([]);
    expect(d.events.at(0).location).toEqual({ name: 'Stepanakert', lat: 39.8153, lon: 46.7519, precision: 'city' });
  });

  it.each([
    ['not a list', 'Khankendi', '/events/0/location/aliases', 'must be a list of text'],
    [
      'too many',
      Array.from({ length: LIMITS.maxPlaceAliases + 1 }, (_, i) => `Name ${i}`),
      '/events/0/location/aliases',
      `the limit is ${LIMITS.maxPlaceAliases}`,
    ],
    [
      'one too long',
      ['x'.repeat(LIMITS.maxPlaceAliasLength + 1)],
      '/events/0/location/aliases/0',
      `the limit is ${LIMITS.maxPlaceAliasLength}`,
    ],
    ['an empty one', ['Khankendi', ' '], '/events/0/location/aliases/1', 'must be non-empty text'],
  ])('refuses %s with a located message, as the schema does', (_, aliases, pointer, message) => {
    const d = load(aliases);
    const problem = d.problems.find((p) => p.severity === 'error');
    expect(problem?.pointer).toBe(pointer);
    expect(problem?.message).toContain(message);
    expect(schemaCheck(file(aliases))).toBe(false);
  });

  it('warns of a name listed twice and keeps one', () => {
    const d = load(['Khankendi', 'Khankendi']);
    expect(d.problems.map((p) => [p.severity, p.pointer])).toEqual([['warning', '/events/0/location/aliases/1']]);
    expect(d.events.at(0).location?.aliases).toEqual(['Khankendi']);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeUrlState, encodeUrlState } from '../../../src/lib/state/url';
import { resolveDataParam } from '../../../src/lib/io/data-param';
import { normaliseOrigin, parseOrigins, validateCommand } from '../../../src/lib/embed/protocol';

/**
 * Property tests for the parts of hostile input the other suites reach only by chance:
 * tests/unit/state/url.test.ts feeds whole random query strings (which rarely form a known
 * parameter), so here every known parameter gets hostile values; the embed protocol's
 * validator and the ?data= resolver get arbitrary input.
 */
const KEYS = [
  'data',
  'q',
  'cat',
  'actor',
  'tag',
  'from',
  'to',
  'inview',
  'map',
  'lanes',
  'event',
  'embed',
  'views',
  'theme',
  'origins',
];
const hostileValue = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '',
    ',',
    ',,,',
    '-0',
    'NaN',
    'Infinity',
    '1e400',
    '2021-02-30',
    '+275761-01-01',
    '-0043-03-15',
    '%E0%A4%A',
    '\u202e',
    '__proto__',
    'constructor',
    '90.0001,180.5,99',
  ),
  fc.array(fc.oneof(fc.integer(), fc.double()), { maxLength: 4 }).map((xs) => xs.join(',')),
);
const search = fc.array(fc.tuple(fc.constantFrom(...KEYS), hostileValue), { maxLength: 8 }).map((pairs) => {
  const p = new URLSearchParams();
  for (const [k, v] of pairs) p.append(k, v);
  return `?${p.toString()}`;
});

describe('URL state under hostile values of known parameters', () => {
  it('decoding never throws, and what it accepts round-trips', () => {
    fc.assert(
      fc.property(search, (query) => {
        const { state } = decodeUrlState(query);
        // The data source is carried through as a foreign parameter, not encoded from the state.
        const passthrough = new URLSearchParams(state.data === null ? [] : [['data', state.data]]);
        const again = decodeUrlState(encodeUrlState(state, passthrough));
        expect(again.notices).toEqual([]);
        expect(again.state).toEqual(state);
      }),
      { numRuns: 1000 },
    );
  }, 60_000);

  it('never pollutes Object.prototype', () => {
    decodeUrlState('?__proto__=1&constructor=x&cat=__proto__&actor=__proto__');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(Object.prototype)).toEqual([]);
  });
});

describe('?data= resolution', () => {
  const base = 'https://app.example/faultline/';
  it('never throws, and allows only same-origin or https addresses', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.webUrl(), fc.string({ unit: 'binary' })), (value) => {
        const result = resolveDataParam(value, base);
        if (result.ok) {
          const url = new URL(result.url);
          expect(url.protocol === 'https:' || url.origin === 'https://app.example').toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  }, 60_000);

  it.each([
    'http://plain.example/d.json',
    'javascript:alert(1)',
    'data:application/json,{}',
    '//evil.example/d.json',
    'JaVaScRiPt:alert(1)',
    ' java\tscript:alert(1)',
    'file:///etc/passwd',
  ])('%j is refused on an http site', (value) => {
    const result = resolveDataParam(value, 'http://127.0.0.1:4173/');
    expect(result.ok).toBe(false);
  });
});

describe('embed protocol validators', () => {
  it('validateCommand never throws on arbitrary values and shapes', () => {
    const shaped = fc.record(
      {
        v: fc.oneof(fc.constant(1), fc.anything()),
        type: fc.oneof(fc.constantFrom('setFilters', 'setWindow', 'selectEvent', 'getState'), fc.string()),
        id: fc.anything(),
        payload: fc.anything(),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(fc.anything(), shaped), (data) => {
        const result = validateCommand(data);
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 2000 },
    );
  }, 60_000);

  it('origin parsing never throws and yields only exact origins', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.webUrl()), (text) => {
        const origin = normaliseOrigin(text);
        if (origin !== null) expect(new URL(origin).origin).toBe(origin);
        parseOrigins(text);
      }),
      { numRuns: 1000 },
    );
  }, 60_000);
});

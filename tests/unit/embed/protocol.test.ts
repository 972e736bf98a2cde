import { describe, expect, it } from 'vitest';
import { daysFromCivil, DAY_MS } from '../../../src/lib/model/dates';
import {
  acceptsMessage,
  checkAgainstCatalog,
  errorMessage,
  heightMessage,
  MAX_MESSAGE_BYTES,
  normaliseCategories,
  normaliseOrigin,
  outgoingTarget,
  parseOrigins,
  readyMessage,
  selectMessage,
  stateMessage,
  validateCommand,
  windowToIso,
  type Catalog,
  type Command,
  type Outgoing,
} from '../../../src/lib/embed/protocol';

const day = (y: number, m: number, d: number) => daysFromCivil(y, m, d) * DAY_MS;

function valid(data: unknown): Command {
  const result = validateCommand(data);
  if (!result.ok) throw new Error(`expected valid, got: ${result.message}`);
  return result.command;
}

function invalid(data: unknown): { message: string; inReplyTo: unknown } {
  const result = validateCommand(data);
  if (result.ok) throw new Error(`expected invalid: ${JSON.stringify(data)}`);
  return result;
}

describe('validateCommand: valid messages of every type', () => {
  const cases: { name: string; data: unknown; expected: Command }[] = [
    {
      name: 'setFilters with every field',
      data: {
        v: 1,
        type: 'setFilters',
        id: 'a1',
        payload: {
          text: 'ganja',
          categories: ['strike'],
          actors: ['NATO'],
          tags: ['t'],
          window: { from: '2020-09-27', to: '2020-11-10' },
          inView: true,
        },
      },
      expected: {
        type: 'setFilters',
        id: 'a1',
        patch: {
          text: 'ganja',
          categories: ['strike'],
          actors: ['NATO'],
          tags: ['t'],
          window: { start: day(2020, 9, 27), end: day(2020, 11, 11) },
          inView: true,
        },
      },
    },
    {
      name: 'setFilters with an empty payload',
      data: { v: 1, type: 'setFilters', payload: {} },
      expected: { type: 'setFilters', id: null, patch: {} },
    },
    {
      name: 'setFilters clearing categories and window',
      data: { v: 1, type: 'setFilters', id: 7, payload: { categories: null, window: null } },
      expected: { type: 'setFilters', id: 7, patch: { categories: null, window: null } },
    },
    {
      name: 'setWindow by month (to includes its whole month)',
      data: { v: 1, type: 'setWindow', payload: { from: '2020-10', to: '2020-11' } },
      expected: { type: 'setWindow', id: null, window: { start: day(2020, 10, 1), end: day(2020, 12, 1) } },
    },
    {
      name: 'setWindow with instants (to is exclusive)',
      data: { v: 1, type: 'setWindow', payload: { from: '2020-10-10T08:00Z', to: '2020-10-10T12:00+02:00' } },
      expected: {
        type: 'setWindow',
        id: null,
        window: { start: day(2020, 10, 10) + 8 * 3_600_000, end: day(2020, 10, 10) + 10 * 3_600_000 },
      },
    },
    {
      name: 'setWindow null clears',
      data: { v: 1, type: 'setWindow', payload: null },
      expected: { type: 'setWindow', id: null, window: null },
    },
    {
      name: 'selectEvent',
      data: { v: 1, type: 'selectEvent', id: 'x', payload: { id: 'nk20-war' } },
      expected: { type: 'selectEvent', id: 'x', eventId: 'nk20-war' },
    },
    {
      name: 'selectEvent null clears',
      data: { v: 1, type: 'selectEvent', payload: { id: null } },
      expected: { type: 'selectEvent', id: null, eventId: null },
    },
    {
      name: 'getState without payload',
      data: { v: 1, type: 'getState', id: 'q' },
      expected: { type: 'getState', id: 'q' },
    },
    {
      name: 'getState with an empty payload',
      data: { v: 1, type: 'getState', payload: {} },
      expected: { type: 'getState', id: null },
    },
    {
      name: 'an object without a prototype',
      data: Object.assign(Object.create(null) as object, { v: 1, type: 'getState' }),
      expected: { type: 'getState', id: null },
    },
  ];
  for (const c of cases) it(c.name, () => expect(valid(c.data)).toEqual(c.expected));
});

describe('validateCommand: refusals', () => {
  const cases: { name: string; data: unknown; message: RegExp }[] = [
    { name: 'a string', data: 'setFilters', message: /must be an object/ },
    { name: 'null', data: null, message: /must be an object/ },
    { name: 'an array', data: [1, 'setFilters'], message: /must be an object/ },
    { name: 'a Map (not plain data)', data: new Map([['v', 1]]), message: /must be an object/ },
    { name: 'a Date', data: new Date(0), message: /must be an object/ },
    { name: 'no version', data: { type: 'getState' }, message: /unsupported version/ },
    { name: 'version 2', data: { v: 2, type: 'getState' }, message: /unsupported version 2/ },
    { name: 'version as a string', data: { v: '1', type: 'getState' }, message: /unsupported version/ },
    { name: 'unknown type', data: { v: 1, type: 'load', payload: {} }, message: /unknown type "load"/ },
    { name: 'type not a string', data: { v: 1, type: 5 }, message: /type must be a string/ },
    { name: 'extra top-level field', data: { v: 1, type: 'getState', extra: true }, message: /unknown field "extra"/ },
    {
      name: 'extra payload field',
      data: { v: 1, type: 'setFilters', payload: { text: 'a', html: '<b>' } },
      message: /unknown field "html"/,
    },
    {
      name: 'extra window field',
      data: { v: 1, type: 'setWindow', payload: { from: '2020', to: '2021', step: 1 } },
      message: /unknown field "step"/,
    },
    {
      name: 'extra selectEvent field',
      data: { v: 1, type: 'selectEvent', payload: { id: 'a', zoom: 3 } },
      message: /unknown field "zoom"/,
    },
    {
      name: 'text not a string',
      data: { v: 1, type: 'setFilters', payload: { text: 5 } },
      message: /text must be a string/,
    },
    {
      name: 'text too long',
      data: { v: 1, type: 'setFilters', payload: { text: 'x'.repeat(501) } },
      message: /longer than 500/,
    },
    {
      name: 'categories not an array',
      data: { v: 1, type: 'setFilters', payload: { categories: 'strike' } },
      message: /categories must be an array/,
    },
    {
      name: 'categories with a number',
      data: { v: 1, type: 'setFilters', payload: { categories: ['a', 1] } },
      message: /categories\[1\] must be a string/,
    },
    {
      name: 'too many actors',
      data: { v: 1, type: 'setFilters', payload: { actors: Array.from({ length: 1001 }, (_, i) => `a${i}`) } },
      message: /more than 1000/,
    },
    {
      name: 'actors null',
      data: { v: 1, type: 'setFilters', payload: { actors: null } },
      message: /actors must be an array/,
    },
    {
      name: 'inView as a string',
      data: { v: 1, type: 'setFilters', payload: { inView: 'yes' } },
      message: /inView must be true or false/,
    },
    {
      name: 'payload a string',
      data: { v: 1, type: 'setFilters', payload: 'text=a' },
      message: /payload must be an object/,
    },
    {
      name: 'window with a bad date',
      data: { v: 1, type: 'setWindow', payload: { from: '2021-02-30', to: '2021-03-01' } },
      message: /not a calendar date/,
    },
    {
      name: 'window backwards',
      data: { v: 1, type: 'setWindow', payload: { from: '2021-03-01', to: '2021-02-01' } },
      message: /ends before it starts/,
    },
    {
      name: 'window missing to',
      data: { v: 1, type: 'setWindow', payload: { from: '2021-03-01' } },
      message: /to must be a string/,
    },
    {
      name: 'window as an array',
      data: { v: 1, type: 'setWindow', payload: ['2020', '2021'] },
      message: /must be \{from, to\}/,
    },
    { name: 'setWindow without payload', data: { v: 1, type: 'setWindow' }, message: /payload must be/ },
    {
      name: 'time without offset',
      data: { v: 1, type: 'setWindow', payload: { from: '2020-01-01T10:00', to: '2021' } },
      message: /offset/,
    },
    { name: 'selectEvent without id', data: { v: 1, type: 'selectEvent', payload: {} }, message: /id is required/ },
    {
      name: 'selectEvent with a numeric id',
      data: { v: 1, type: 'selectEvent', payload: { id: 3 } },
      message: /id must be a string/,
    },
    {
      name: 'getState with a payload',
      data: { v: 1, type: 'getState', payload: { all: true } },
      message: /payload must be empty/,
    },
    { name: 'request id an object', data: { v: 1, type: 'getState', id: { a: 1 } }, message: /id must be/ },
    { name: 'request id too long', data: { v: 1, type: 'getState', id: 'x'.repeat(129) }, message: /id must be/ },
    { name: 'request id fractional', data: { v: 1, type: 'getState', id: 1.5 }, message: /id must be/ },
  ];
  for (const c of cases) it(c.name, () => expect(invalid(c.data).message).toMatch(c.message));

  it('refuses a payload over 1 MB before looking at its fields', () => {
    const big = { v: 1, type: 'setFilters', id: 'big', payload: { text: 'x'.repeat(5_000_000) } };
    const result = invalid(big);
    expect(result.message).toMatch(/bytes; the limit is 1000000/);
    expect(result.inReplyTo).toBe('big');
  });

  it('counts bytes, not characters: 400k three-byte characters are over the limit', () => {
    const text = '€'.repeat(400_000);
    expect(new TextEncoder().encode(text).length).toBeGreaterThan(MAX_MESSAGE_BYTES);
    expect(invalid({ v: 1, type: 'setFilters', payload: { text } }).message).toMatch(/limit/);
  });

  it('refuses cycles and BigInt without throwing', () => {
    const cyclic: Record<string, unknown> = { v: 1, type: 'getState' };
    cyclic['payload'] = cyclic;
    expect(invalid(cyclic).message).toMatch(/not plain JSON/);
    expect(invalid({ v: 1, type: 'getState', id: 1n }).message).toMatch(/not plain JSON/);
  });

  it('survives absurd nesting', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(validateCommand({ v: 1, type: 'setFilters', payload: { tags: deep } }).ok).toBe(false);
  });

  it('answers with the request id when the message has a usable one', () => {
    expect(invalid({ v: 1, type: 'nope', id: 'r1' }).inReplyTo).toBe('r1');
    expect(invalid({ v: 1, type: 'nope', id: 42 }).inReplyTo).toBe(42);
    expect(invalid({ v: 1, type: 'nope', id: { x: 1 } }).inReplyTo).toBeNull();
    expect(invalid('text').inReplyTo).toBeNull();
  });
});

describe('checkAgainstCatalog', () => {
  const catalog: Catalog = {
    categories: ['strike', 'ceasefire'],
    actors: new Set(['NATO', 'Russia MFA']),
    tags: new Set(['new-start']),
    regions: null,
    hasEvent: (id) => id === 'nk20-war',
  };
  const check = (data: unknown) => checkAgainstCatalog(valid(data), catalog);

  it('passes known names', () => {
    expect(
      check({ v: 1, type: 'setFilters', payload: { categories: ['strike'], actors: ['NATO'], tags: ['new-start'] } }),
    ).toBeNull();
    expect(check({ v: 1, type: 'selectEvent', payload: { id: 'nk20-war' } })).toBeNull();
    expect(check({ v: 1, type: 'selectEvent', payload: { id: null } })).toBeNull();
    expect(check({ v: 1, type: 'getState' })).toBeNull();
  });
  it('names what the dataset does not have', () => {
    expect(check({ v: 1, type: 'setFilters', payload: { categories: ['strike', 'flood'] } })).toBe(
      'unknown category "flood"',
    );
    expect(check({ v: 1, type: 'setFilters', payload: { actors: ['Nobody', 'Else'] } })).toBe(
      'unknown actors "Nobody", "Else"',
    );
    expect(check({ v: 1, type: 'setFilters', payload: { tags: ['x'] } })).toBe('unknown tag "x"');
    expect(check({ v: 1, type: 'selectEvent', payload: { id: 'missing' } })).toBe('unknown event id "missing"');
  });
  it('keeps categories in dataset order, all of them as null', () => {
    expect(normaliseCategories(['ceasefire', 'strike'], catalog.categories)).toBeNull();
    expect(normaliseCategories(['ceasefire'], catalog.categories)).toEqual(['ceasefire']);
    expect(normaliseCategories([], catalog.categories)).toEqual([]);
    expect(normaliseCategories(null, catalog.categories)).toBeNull();
  });
});

describe('outgoing messages', () => {
  it('builds every type with v: 1', () => {
    expect(readyMessage('T', 53)).toEqual({ v: 1, type: 'ready', payload: { title: 'T', count: 53 } });
    expect(selectMessage({ id: 'a', title: 'A', date: '2020-10-10' })).toEqual({
      v: 1,
      type: 'select',
      payload: { id: 'a', title: 'A', date: '2020-10-10' },
    });
    expect(selectMessage(null)).toEqual({ v: 1, type: 'select', payload: { id: null, title: null, date: null } });
    expect(heightMessage(612.2)).toEqual({ v: 1, type: 'height', payload: { height: 613 } });
    expect(errorMessage('bad', 'r')).toEqual({ v: 1, type: 'error', payload: { message: 'bad', inReplyTo: 'r' } });
    const state = {
      filters: { text: '', categories: null, actors: [], tags: [], regions: [], inView: false },
      regionNames: [],
      mapMode: { mode: 'clusters' as const, measure: 'events' as const },
      window: null,
      selected: null,
      visible: 3,
      total: 5,
    };
    expect(stateMessage(state)).toEqual({ v: 1, type: 'state', payload: state });
    expect(stateMessage(state, 'q')).toEqual({ v: 1, type: 'state', payload: { ...state, inReplyTo: 'q' } });
  });
  it('writes windows as the days they cover', () => {
    expect(windowToIso(null)).toBeNull();
    expect(windowToIso({ start: day(2020, 9, 27), end: day(2020, 11, 11) })).toEqual({
      from: '2020-09-27',
      to: '2020-11-10',
    });
    expect(windowToIso({ start: day(2020, 9, 27) + 3_600_000, end: day(2020, 9, 27) + 7_200_000 })).toEqual({
      from: '2020-09-27T01:00Z',
      to: '2020-09-27T02:00Z',
    });
  });
  it('round-trips a window through validation', () => {
    const window = { start: day(2020, 9, 27), end: day(2020, 11, 11) };
    const command = valid({ v: 1, type: 'setWindow', payload: windowToIso(window) });
    expect(command).toEqual({ type: 'setWindow', id: null, window });
  });
});

describe('origins', () => {
  it('parses the allowlist', () => {
    expect(parseOrigins(null)).toEqual({ origins: null, rejected: [] });
    expect(parseOrigins('https://a.example, https://b.example/,https://a.example')).toEqual({
      origins: ['https://a.example', 'https://b.example'],
      rejected: [],
    });
    expect(parseOrigins('http://localhost:8080')).toEqual({ origins: ['http://localhost:8080'], rejected: [] });
  });
  it('refuses anything that is not exactly an origin', () => {
    for (const bad of [
      '*',
      'null',
      'a.example',
      'https://a.example/path',
      'https://a.example?x',
      'https://u:p@a.example',
      'javascript:alert(1)',
      'file:///etc',
      'https://*.example',
      'ftp://a.example',
    ]) {
      expect(normaliseOrigin(bad), bad).toBeNull();
    }
    expect(parseOrigins('*,https://ok.example')).toEqual({ origins: ['https://ok.example'], rejected: ['*'] });
  });
  it('an allowlist of nothing valid accepts nobody', () => {
    const { origins } = parseOrigins('*');
    expect(origins).toEqual([]);
    expect(acceptsMessage(true, 'https://a.example', origins)).toBe(false);
  });
  it('accepts only the parent, and only allowlisted origins when there is a list', () => {
    expect(acceptsMessage(false, 'https://a.example', null)).toBe(false);
    expect(acceptsMessage(false, 'https://a.example', ['https://a.example'])).toBe(false);
    expect(acceptsMessage(true, 'https://a.example', null)).toBe(true);
    expect(acceptsMessage(true, 'null', null)).toBe(true);
    expect(acceptsMessage(true, 'https://a.example', ['https://a.example'])).toBe(true);
    expect(acceptsMessage(true, 'https://b.example', ['https://a.example'])).toBe(false);
    expect(acceptsMessage(true, 'https://a.example:444', ['https://a.example'])).toBe(false);
    expect(acceptsMessage(true, 'null', ['https://a.example'])).toBe(false);
  });

  describe('outgoingTarget', () => {
    const ready = readyMessage('T', 3);
    const select = selectMessage({ id: 'a', title: 'A', date: '2020' });
    const height = heightMessage(500);
    const all: Outgoing[] = [ready, select, height, errorMessage('x', null)];

    it('rule 1: after a valid message, everything goes to its origin', () => {
      for (const m of all) {
        expect(outgoingTarget(m, { boundOrigin: 'https://host.example', allowlist: null })).toEqual({
          message: m,
          targetOrigin: 'https://host.example',
        });
        expect(
          outgoingTarget(m, {
            boundOrigin: 'https://host.example',
            allowlist: ['https://host.example', 'https://b.example'],
          })?.targetOrigin,
        ).toBe('https://host.example');
      }
    });
    it('rule 2: before that, to the one allowlisted origin', () => {
      for (const m of all)
        expect(outgoingTarget(m, { boundOrigin: null, allowlist: ['https://a.example'] })).toEqual({
          message: m,
          targetOrigin: 'https://a.example',
        });
    });
    it('rule 3: otherwise only a data-free ready, to *', () => {
      for (const allowlist of [null, [], ['https://a.example', 'https://b.example']]) {
        expect(outgoingTarget(ready, { boundOrigin: null, allowlist })).toEqual({
          message: { v: 1, type: 'ready' },
          targetOrigin: '*',
        });
        for (const m of [select, height, errorMessage('x', null)])
          expect(outgoingTarget(m, { boundOrigin: null, allowlist })).toBeNull();
      }
    });
    it('an opaque parent origin cannot be addressed: it counts as unbound', () => {
      expect(outgoingTarget(select, { boundOrigin: 'null', allowlist: null })).toBeNull();
      expect(outgoingTarget(ready, { boundOrigin: 'null', allowlist: null })).toEqual({
        message: { v: 1, type: 'ready' },
        targetOrigin: '*',
      });
    });
    it('never sends data to *', () => {
      for (const boundOrigin of [null, 'null', 'https://h.example']) {
        for (const allowlist of [null, [], ['https://a.example'], ['https://a.example', 'https://b.example']]) {
          for (const m of all) {
            const target = outgoingTarget(m, { boundOrigin, allowlist });
            if (target?.targetOrigin === '*') expect(target.message).toEqual({ v: 1, type: 'ready' });
          }
        }
      }
    });
  });
});

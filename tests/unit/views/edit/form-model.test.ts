import { describe, expect, it } from 'vitest';
import {
  blankValues,
  checkForm,
  fieldOf,
  isTouched,
  shownMessages,
  toRaw,
  valuesOf,
  type FormValues,
} from '../../../../src/lib/views/edit/form-model';
import type { EventRecord } from '../../../../src/lib/model/types';

const CATS = new Set(['strike', 'meeting']);
const event: EventRecord = {
  id: 'e1',
  title: 'Title',
  summary: 'Summary',
  date: '2020-10-04',
  end: '2020-10-05',
  approximate: true,
  category: 'strike',
  actors: ['A', 'B'],
  tags: ['t'],
  location: { name: 'Ganja', lat: 40.68, lon: 46.36, precision: 'city', note: 'centre' },
  status: { kind: 'claimed', by: ['X'], note: 'n' },
  fatalities: { min: 1, max: 3 },
  sources: [{ publisher: 'P', title: 'T', url: 'https://example.org/a', quote: 'q' }],
  related: ['e2'],
};

function valid(): FormValues {
  return {
    ...blankValues('new-1', 'strike'),
    title: 'T',
    summary: 'S',
    date: '2020-01-02',
    locationName: 'Here',
    lat: '10',
    lon: '20',
    sources: [{ publisher: 'P', title: 'T', url: 'https://example.org', date: '', author: '', quote: '' }],
  };
}

describe('pointer → field', () => {
  it.each([
    ['/title', 'title'],
    ['/date', 'date'],
    ['/location/lat', 'location.lat'],
    ['/location', 'location'],
    ['/status/by/0', 'status.by'],
    ['/sources/2/url', 'sources.2.url'],
    ['/sources/1', 'sources.1'],
    ['/sources', 'sources'],
    ['/actors/3', 'actors'],
    ['', ''],
  ])('%s → %s', (pointer, field) => expect(fieldOf(pointer)).toBe(field));
});

describe('form values', () => {
  it('round-trip an event, keeping fields the form does not edit', () => {
    const raw = toRaw(valuesOf(event), event);
    expect(checkForm(valuesOf(event), CATS, new Set(), event).event).toEqual(event);
    expect(raw).toMatchObject({ fatalities: { min: 1, max: 3 }, location: { note: 'centre' } });
  });

  it('keeps the place\u2019s aliases while its name stays, and drops them when it is renamed', () => {
    const named: EventRecord = { ...event, location: { ...event.location!, aliases: ['Gəncə', 'Гянджа'] } };
    expect(checkForm(valuesOf(named), CATS, new Set(), named).event).toEqual(named);
    const renamed = checkForm({ ...valuesOf(named), locationName: 'Goranboy' }, CATS, new Set(), named).event;
    expect(renamed?.location).toEqual({ name: 'Goranboy', lat: 40.68, lon: 46.36, precision: 'city', note: 'centre' });
  });

  it('a valid new event has no messages and yields the event', () => {
    const check = checkForm(valid(), CATS, new Set());
    expect(check.errors).toBe(0);
    expect(check.event).toMatchObject({ id: 'new-1', location: { lat: 10, lon: 20, precision: 'site' } });
  });

  it('places each validator message at its field as the user types', () => {
    const v = {
      ...valid(),
      date: '2020-13-01',
      lat: '95',
      lon: 'east',
      sources: [{ ...valid().sources[0]!, url: '' }],
    };
    const check = checkForm(v, CATS, new Set());
    expect(check.event).toBeNull();
    expect(Object.keys(check.messages).sort()).toEqual(['date', 'location.lat', 'location.lon', 'sources.0.url']);
    expect(check.errors).toBe(4);
  });

  it('flags a taken id and a missing source, and "no location" clears location errors', () => {
    const check = checkForm({ ...valid(), sources: [] }, CATS, new Set(['new-1']));
    expect(check.messages['id']?.[0]?.text).toMatch(/already has the id/);
    expect(check.messages['sources']?.length).toBeGreaterThan(0);
    expect(checkForm({ ...valid(), lat: '', lon: '', hasLocation: false }, CATS, new Set()).errors).toBe(0);
  });

  it('splits comma-separated lists and drops empty optional fields', () => {
    const check = checkForm({ ...valid(), actors: ' A , ,B', end: '', related: '' }, CATS, new Set());
    expect(check.event?.actors).toEqual(['A', 'B']);
    expect(check.event && 'end' in check.event).toBe(false);
  });
});

describe('which messages the form shows', () => {
  const empty = checkForm(blankValues('new-1', 'strike'), CATS, new Set());
  const keys = (touched: string[], all = false) =>
    Object.keys(shownMessages(empty.messages, new Set(touched), all)).sort();

  it('an empty new form has errors, and shows none of them before a field is left or Save pressed', () => {
    expect(empty.errors).toBeGreaterThan(3);
    expect(keys([])).toEqual([]);
  });

  it.each([
    { touched: ['title'], shown: ['title'] },
    { touched: ['title', 'summary'], shown: ['summary', 'title'] },
    // A field's messages and those of the object around it: the location's own message comes
    // with any of its inputs, a source's with any of its fields.
    // (an empty lat is the location's problem: "missing lat", keyed on the location).
    { touched: ['location.lat'], shown: ['location'] },
    { touched: ['location.name'], shown: ['location', 'location.name'] },
    { touched: ['sources.0.url'], shown: ['sources.0.url'] },
    // Fields with nothing to say show nothing.
    { touched: ['end', 'approximate', 'actors'], shown: [] },
  ])('after leaving $touched: $shown', ({ touched, shown }) => {
    expect(keys(touched)).toEqual(shown);
  });

  it('Save shows every message', () => {
    expect(keys([], true)).toEqual(Object.keys(empty.messages).sort());
  });

  it.each([
    { key: 'location', touched: ['location.lat'], yes: true },
    { key: 'location.lat', touched: ['location'], yes: false },
    { key: 'sources.1', touched: ['sources.1.publisher'], yes: true },
    { key: 'sources.1', touched: ['sources.10.publisher'], yes: false },
    { key: 'status.by', touched: ['status.by'], yes: true },
    { key: 'title', touched: ['titles'], yes: false },
  ])('isTouched($key) after $touched: $yes', ({ key, touched, yes }) => {
    expect(isTouched(key, new Set(touched))).toBe(yes);
  });
});

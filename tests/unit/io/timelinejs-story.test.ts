import { describe, expect, it } from 'vitest';
import { timelinejs } from '../../../src/lib/io/formats/timelinejs';
import { timelineStory, viewOf } from '../../../src/lib/io/formats/timelinejs-story';
import { loadDataset } from '../../../src/lib/model/dataset';
import { toJson } from '../../../src/lib/io/formats/export';
import type { EventRecord } from '../../../src/lib/model/types';
import { fixture } from './helpers';

describe('a TimelineJS file as a story', () => {
  const result = timelinejs.parse(fixture('timelinejs.json'), 'timelinejs.json');
  const story = result.dataset!.stories![0]!;

  it('takes its title and summary from the title slide, as text', () => {
    expect(result.dataset!.stories).toHaveLength(1);
    expect(story).toMatchObject({
      id: 'the-autumn-war-its-ceasefires',
      title: 'The Autumn War & its ceasefires',
      summary: 'A timeline built in TimelineJS.',
    });
  });

  it('makes a step of each imported event slide, focused on its event, in slide order (eras and refused slides are not steps)', () => {
    expect(story.steps.map((s) => s.view.event)).toEqual([
      'war-start',
      'talks-in-october-2',
      'a-year-later-3',
      'slide-5',
    ]);
    expect(story.steps[0]).toEqual({
      heading: 'War & peace',
      text: 'Fighting began at dawn.\n\nShelling “continued” <b>.',
      // 27 Sep – 10 Nov 2020, two weeks either side.
      view: { from: '2020-09-13', to: '2020-11-24', event: 'war-start' },
      sources: [{ publisher: 'AP', title: 'Shelling in Stepanakert', url: 'https://example.org/photo.jpg' }],
    });
    // The embedded iframe was no link: no source for the step.
    // A slide without text is read by its event's summary (here its headline).
    expect(story.steps[1]).toEqual({
      heading: 'Talks in October',
      text: 'Talks in October',
      view: { from: '2020-09-17', to: '2020-11-14', event: 'talks-in-october-2' },
    });
    // A slide with no headline is headed by its event's title.
    expect(story.steps[3]!.heading).toBe('A text-only slide about a humanitarian ceasefire.');
    expect(story.steps.every((s) => !JSON.stringify(s).includes('alert'))).toBe(true);
  });

  it('pads a year by a quarter of it each side', () => {
    expect(story.steps[2]!.view).toEqual({ from: '2020-10-01', to: '2022-04-02', event: 'a-year-later-3' });
  });

  it('loads with the events it names', () => {
    const loaded = loadDataset(toJson(result.dataset!), 'x');
    expect(loaded.ok && loaded.dataset.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(loaded.ok && loaded.dataset.meta.stories?.[0]?.steps).toHaveLength(4);
  });

  it('reads a sheet the same way', () => {
    const sheet = timelinejs.parse(fixture('timelinejs-sheet.csv'), 'sheet.csv');
    const s = sheet.dataset!.stories![0]!;
    expect(s.title).toBe('Women in computing');
    expect(s.steps.map((step) => step.heading)).toEqual(['Ada Lovelace publishes her notes', 'ENIAC unveiled']);
  });
});

describe('timelineStory', () => {
  const event = (id: string, date: string): EventRecord => ({
    id,
    title: id,
    summary: id,
    date,
    category: 'event',
    sources: [],
  });
  const slide = (id: string, date = '2000-01-01') => ({ headline: '', text: '', event: event(id, date), media: null });

  it('keeps one step per event, only events the import kept, at most maxSteps, and says how many it left out', () => {
    const slides = ['a', 'b', 'a', 'c', 'd', 'e'].map((id) => slide(id));
    const { story, dropped } = timelineStory(
      { headline: 'T', text: '' },
      'f.json',
      slides,
      new Set(['a', 'c', 'd', 'e']),
      2,
    );
    expect(story!.steps.map((s) => s.view.event)).toEqual(['a', 'c']);
    expect(dropped).toBe(2);
  });

  it('is no story when no slide kept its event; an untitled one is named after the file', () => {
    expect(timelineStory({ headline: '', text: '' }, 'f.json', [slide('a')], new Set(), 10).story).toBeNull();
    expect(timelineStory({ headline: '', text: '' }, 'f.json', [slide('a')], new Set(['a']), 10).story!.title).toBe(
      'TimelineJS import (f.json)',
    );
  });

  it('keeps a window inside the years the format can write', () => {
    expect(viewOf(event('x', '0000-01-03'))).toMatchObject({ from: '0000-01-01', to: '0000-01-17' });
    expect(viewOf(event('y', '9999-12-30'))).toMatchObject({ from: '9999-12-16', to: '9999-12-31' });
  });
});

import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/lib/model/dataset';
import { LIMITS } from '../../../src/lib/model/limits';
import { formatProblem } from '../../../src/lib/model/problems';
import { STORY_MAP_MODES } from '../../../src/lib/model/story';
import { validateMeta } from '../../../src/lib/model/validate';
import { MAP_MODES } from '../../../src/lib/state/map-mode';

const EVENT = {
  id: 'e1',
  title: 'Event',
  summary: 'Summary',
  date: '2021-02-03',
  category: 'c',
  sources: [{ publisher: 'P', title: 'T', url: 'https://example.org' }],
};

function step(view: unknown = {}, extra: Record<string, unknown> = {}) {
  return { heading: 'H', text: 'Text.', view, ...extra };
}

function file(stories: unknown): string {
  return JSON.stringify(
    {
      format: 'faultline/1',
      title: 'T',
      categories: [{ id: 'c', label: 'C', color: '#123456' }],
      stories,
      events: [EVENT],
    },
    null,
    2,
  );
}

function load(stories: unknown) {
  const result = loadDataset(file(stories), 'test.json');
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  return result.dataset;
}

function lines(stories: unknown): string[] {
  return load(stories).problems.map((p) => formatProblem('test.json', p));
}

describe('stories in a dataset', () => {
  it('a dataset without stories reads as before: no stories key, no problem', () => {
    const result = loadDataset(
      JSON.stringify({
        format: 'faultline/1',
        title: 'T',
        categories: [{ id: 'c', label: 'C', color: '#123456' }],
        events: [EVENT],
      }),
      't.json',
    );
    expect(result.ok && result.dataset.meta.stories).toBeUndefined();
    expect(result.ok && result.dataset.problems).toEqual([]);
  });

  it('keeps a valid story with its view and sources, in the format key order', () => {
    const view = {
      lanes: 'actor',
      from: '2021-02',
      to: '2021-02-03',
      event: 'e1',
      highlight: ['e1'],
      categories: ['c'],
      map: { lat: 40, lon: 46.5, zoom: 6 },
      mapMode: 'density',
      inView: true,
      text: 'strike',
    };
    const source = { publisher: 'P', title: 'A report', url: 'https://example.org/r' };
    const d = load([{ id: 's1', title: 'Story', summary: 'About it.', steps: [step(view, { sources: [source] })] }]);
    expect(d.problems).toEqual([]);
    const [story] = d.meta.stories!;
    expect(story!.steps[0]!.view).toEqual(view);
    expect(Object.keys(story!.steps[0]!.view)).toEqual([
      'text',
      'categories',
      'from',
      'to',
      'event',
      'highlight',
      'map',
      'mapMode',
      'inView',
      'lanes',
    ]);
    expect(story!.steps[0]!.sources).toEqual([source]);
  });

  it('an unknown event or category in a step is a located warning naming the story and the step; the story stays', () => {
    const stories = [
      {
        id: 's1',
        title: 'S',
        summary: 'S.',
        steps: [step({}), step({ event: 'gone', highlight: ['e1', 'lost'], categories: ['c', 'nope'] })],
      },
    ];
    const text = file(stories);
    const problems = load(stories).problems;
    expect(problems.map((p) => `${p.severity} ${p.pointer}: ${p.message}`)).toEqual([
      'warning /stories/0/steps/1/view/event: story "s1", step 2: event "gone" is not in this dataset (the step opens without it)',
      'warning /stories/0/steps/1/view/highlight/1: story "s1", step 2: event "lost" is not in this dataset (not marked)',
      'warning /stories/0/steps/1/view/categories/1: story "s1", step 2: unknown category "nope" (the step shows the others)',
    ]);
    // Each is placed on the line of the value it names.
    const line = (p: (typeof problems)[number]) => text.split('\n')[p.position!.line - 1]!.trim();
    expect(problems.map(line)).toEqual(['"event": "gone",', '"lost"', '"nope"']);
    expect(load(stories).meta.stories).toHaveLength(1);
  });

  it('a malformed view is a located error; that story is set aside, the events and other stories stay', () => {
    const good = { id: 'ok', title: 'S', summary: 'S.', steps: [step()] };
    const bad = (view: unknown) => ({ id: 'bad', title: 'S', summary: 'S.', steps: [step(view)] });
    const cases: [unknown, string][] = [
      ['2021', '/stories/1/steps/0/view: a step\'s "view" must be an object'],
      [{ from: '2021-02-30', to: '2021-03' }, '/stories/1/steps/0/view/from: '],
      [{ from: '2021-03', to: '2021-02' }, '/stories/1/steps/0/view/to: "to" 2021-02 is not after "from" 2021-03'],
      [{ from: '2021' }, '/stories/1/steps/0/view: a window needs both "from" and "to"'],
      [
        { map: { lat: 95, lon: 0, zoom: 3 } },
        '/stories/1/steps/0/view/map/lat: "lat" must be a number from -90 to 90, not 95',
      ],
      [{ map: [1, 2, 3] }, '/stories/1/steps/0/view/map: "map" must be an object {lat, lon, zoom}'],
      [{ lanes: 'place' }, '/stories/1/steps/0/view/lanes: "lanes" must be "category" or "actor", not "place"'],
      [{ mapMode: 'heat' }, '/stories/1/steps/0/view/mapMode: "mapMode" must be one of clusters, density'],
      [{ inView: 'yes' }, '/stories/1/steps/0/view/inView: "inView" must be true or false'],
      [{ categories: 'c' }, '/stories/1/steps/0/view/categories: "categories" must be a list of text'],
    ];
    for (const [view, message] of cases) {
      const d = load([good, bad(view)]);
      const errors = d.problems.filter((p) => p.severity === 'error').map((p) => formatProblem('f', p));
      expect(errors, JSON.stringify(view)).toHaveLength(1);
      expect(errors[0]).toMatch(/^f:\d+:\d+ /);
      expect(errors[0]!.replace(/^f:\d+:\d+ /, '')).toContain(message);
      expect(d.meta.stories!.map((s) => s.id)).toEqual(['ok']);
      expect(d.events.length).toBe(1);
    }
  });

  it('reports missing fields, a bad id, a duplicate id and an unknown field', () => {
    const problems = lines([
      { id: 'a b', title: 'S', summary: 'S.', steps: [step()] },
      { id: 's', title: 'S', steps: [] },
      { id: 'd', title: 'S', summary: 'S.', steps: [{ heading: 'H', view: {} }] },
      { id: 'e', title: 'S', summary: 'S.', steps: [step({ colour: 'red' })], extra: 1 },
      { id: 'e', title: 'S2', summary: 'S.', steps: [step()] },
    ]).map((l) => l.replace(/^test\.json:\d+:\d+ /, ''));
    expect(problems).toEqual([
      '/stories/0/id: story id "a b" may hold only letters, digits and . _ : - (and must start with a letter or digit)',
      '/stories/1: missing "summary"',
      '/stories/1/steps: a story needs at least one step',
      '/stories/2/steps/0: missing "text"',
      '/stories/3/steps/0/view/colour: warning: unknown field "colour" in a step\'s view (ignored)',
      '/stories/3/extra: warning: unknown field "extra" in a story (ignored)',
      '/stories/4/id: duplicate story id "e" (also used by /stories/3)',
    ]);
  });

  it('markup in a step is kept as text, verbatim', () => {
    const text = '<script>alert(1)</script>\n\n<b>bold</b> and https://example.org/x';
    const d = load([{ id: 's', title: '<i>T</i>', summary: 'S.', steps: [step({}, { text })] }]);
    expect(d.meta.stories![0]!.steps[0]!.text).toBe(text);
    expect(d.meta.stories![0]!.title).toBe('<i>T</i>');
  });

  it('holds the limits: stories per dataset, steps per story, text size; 500 steps and 100 KB of text pass', () => {
    const many = Array.from({ length: LIMITS.maxStories + 1 }, (_, i) => ({
      id: `s${i}`,
      title: 'S',
      summary: 'S.',
      steps: [step()],
    }));
    expect(lines(many).map((l) => l.replace(/^test\.json:\d+:\d+ /, ''))).toEqual([
      `/stories: ${LIMITS.maxStories + 1} stories; the limit is ${LIMITS.maxStories}`,
    ]);
    const steps = Array.from({ length: LIMITS.maxStorySteps + 1 }, () => step());
    expect(
      lines([{ id: 's', title: 'S', summary: 'S.', steps }]).map((l) => l.replace(/^test\.json:\d+:\d+ /, '')),
    ).toEqual([
      `/stories/0/steps: ${(LIMITS.maxStorySteps + 1).toLocaleString('en-GB')} steps; the limit is ${LIMITS.maxStorySteps.toLocaleString('en-GB')}`,
    ]);
    const long = 'x'.repeat(LIMITS.maxStoryTextLength + 1);
    expect(lines([{ id: 's', title: 'S', summary: 'S.', steps: [step({}, { text: long })] }])[0]).toContain(
      `/stories/0/steps/0/text: "text" is ${LIMITS.maxStoryTextLength + 1} characters long; the limit is ${LIMITS.maxStoryTextLength}`,
    );
    expect(LIMITS.maxStorySteps).toBeGreaterThanOrEqual(500);
    expect(LIMITS.maxStoryTextLength).toBeGreaterThanOrEqual(100 * 1024);
    const big = Array.from({ length: 500 }, (_, i) => step({}, { text: `${i} ${'word '.repeat(20_480)}` }));
    const d = load([{ id: 's', title: 'S', summary: 'S.', steps: big }]);
    expect(d.problems).toEqual([]);
    expect(d.meta.stories![0]!.steps).toHaveLength(500);
  });

  it("a pack's header stories are checked without events (none to check ids against)", () => {
    const { meta, problems } = validateMeta({
      title: 'T',
      categories: [{ id: 'c', label: 'C', color: '#123456' }],
      stories: [{ id: 's', title: 'S', summary: 'S.', steps: [step({ event: 'anything', categories: ['x'] })] }],
    });
    expect(problems.map((p) => p.message)).toEqual([
      'story "s", step 1: unknown category "x" (the step shows the others)',
    ]);
    expect(meta.stories).toHaveLength(1);
  });

  it("names the map's modes as state/map-mode.ts does", () => {
    expect([...STORY_MAP_MODES]).toEqual([...MAP_MODES]);
  });
});

import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Draft } from '../../../src/lib/state/draft.svelte';
import { parseSnapshot, type KeyValue } from '../../../src/lib/state/draft-core';
import { addStep, addStory, moveStep, removeStep, setStep, setStoryText } from '../../../src/lib/state/story-edits';
import { loadDataset, type Dataset } from '../../../src/lib/model/dataset';
import type { Story } from '../../../src/lib/model/story';

const loaded = loadDataset(readFileSync('data/events.json', 'utf8'), 'data/events.json');
if (!loaded.ok) throw new Error('bundled dataset must load');
const base = loaded.dataset;
const loadedStories = base.meta.stories ?? [];
const eventId = base.events.at(0)!.id;

function memory(): KeyValue & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    read: (k) => data.get(k) ?? null,
    write: (k, v) => (data.set(k, v), true),
    remove: (k) => void data.delete(k),
  };
}

function setup(kv: KeyValue = memory()): { draft: Draft; shown: () => Dataset } {
  let current = base;
  const draft = new Draft(
    (d) => (current = d),
    kv,
    () => 1_700_000_000_000,
  );
  draft.attach(base);
  return { draft, shown: () => current };
}

/** A story of two steps, written as the editor writes it. */
function written(): Story[] {
  const added = addStory(loadedStories, 'Escalation');
  if (!added.ok) throw new Error('story refused');
  let stories = setStoryText(added.stories, added.id!, { summary: 'How it began.' });
  for (const heading of ['First', 'Second']) {
    const next = addStep(stories, added.id!, { heading, text: `${heading} text`, view: { event: eventId } });
    if (!next.ok) throw new Error('step refused');
    stories = next.stories;
  }
  return stories;
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('stories in the draft', () => {
  it('shows the edited stories on the dataset, counts each story changed as an edit, and leaves the events as loaded', () => {
    const { draft, shown } = setup();
    draft.setStories(written());
    expect(shown().meta.stories!.map((s) => s.title)).toEqual([...loadedStories.map((s) => s.title), 'Escalation']);
    expect(shown().columns).toBe(base.columns);
    expect(draft.count).toBe(1);
    expect(draft.dirty).toBe(true);
    expect(base.meta.stories ?? []).toEqual(loadedStories);
  });

  it('undoes and redoes story edits and event edits in one history', () => {
    const { draft, shown } = setup();
    draft.setStories(written());
    draft.remove(eventId);
    draft.undo();
    expect(shown().events.rowOf(eventId)).not.toBeUndefined();
    expect(shown().meta.stories).toHaveLength(loadedStories.length + 1);
    draft.undo();
    expect(shown().meta.stories ?? []).toEqual(loadedStories);
    expect(draft.count).toBe(0);
    draft.redo();
    expect(shown().meta.stories).toHaveLength(loadedStories.length + 1);
  });

  it('merges a run of typing into one undo step', () => {
    const { draft, shown } = setup();
    const stories = written();
    draft.setStories(stories);
    const id = stories.at(-1)!.id;
    draft.setStories(setStoryText(stories, id, { title: 'E' }), false);
    draft.setStories(setStoryText(stories, id, { title: 'Es' }), true);
    draft.setStories(setStoryText(stories, id, { title: 'Esc' }), true);
    draft.undo();
    expect(shown().meta.stories!.at(-1)!.title).toBe('Escalation');
  });

  it('is stored and offered again after a reload, with a story still being written kept as it was', () => {
    const kv = memory();
    const { draft } = setup(kv);
    const stories = written();
    const id = stories.at(-1)!.id;
    // The second step's text not yet written: a story being written, not a damaged one.
    draft.setStories(setStep(stories, id, 1, { text: '' }));
    vi.runAllTimers();
    const again = setup(kv).draft;
    expect(again.offer?.count).toBe(1);
    again.restore();
    expect(again.stories!.at(-1)!.steps.map((s) => s.text)).toEqual(['First text', '']);
  });

  it('leaves stored stories that fail the dataset checks as loaded, and keeps the event edits', () => {
    const categories = new Set(base.meta.categories.map((c) => c.id));
    const text = JSON.stringify({
      version: 1,
      dataset: base.name,
      changes: [[eventId, null]],
      stories: [{ id: 'bad id!', title: 'x', summary: 'y', steps: [] }],
      savedAt: 1,
      savedToFile: false,
    });
    const snapshot = parseSnapshot(text, base.name, categories)!;
    expect(snapshot.changes).toEqual([[eventId, null]]);
    expect(snapshot.stories).toBeUndefined();
  });

  it('discards story edits with the rest', () => {
    const { draft, shown } = setup();
    draft.setStories(written());
    draft.discard();
    expect(shown().meta.stories ?? []).toEqual(loadedStories);
    expect(draft.stories).toBeNull();
  });
});

describe('story edits', () => {
  it('gives new stories ids no other story has, and moves, replaces and removes steps', () => {
    const stories = written();
    const id = stories.at(-1)!.id;
    expect(stories.filter((s) => s.id === id)).toHaveLength(1);
    const second = addStory(stories, 'Other');
    expect(second.ok && second.id).not.toBe(id);
    const moved = moveStep(stories, id, 1, 0).at(-1)!;
    expect(moved.steps.map((s) => s.heading)).toEqual(['Second', 'First']);
    expect(
      moveStep(stories, id, 0, 99)
        .at(-1)!
        .steps.map((s) => s.heading),
    ).toEqual(['Second', 'First']);
    expect(
      removeStep(stories, id, 0)
        .at(-1)!
        .steps.map((s) => s.heading),
    ).toEqual(['Second']);
    const sourced = setStep(stories, id, 0, { sources: [] }).at(-1)!.steps[0]!;
    expect('sources' in sourced).toBe(false);
  });
});

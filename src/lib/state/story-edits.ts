/**
 * The story editor's edits, as pure functions from one list of stories to the next: the draft
 * (draft.svelte.ts setStories) keeps each list whole, so undo is a swap and nothing is mutated.
 * Limits (model/limits.ts) are checked here, before the list grows: a refused edit returns the
 * reason instead of a list.
 */
import { LIMITS } from '../model/limits';
import type { Source } from '../model/source';
import type { Story, StoryStep, StoryView } from '../model/story';

/** A refused edit says which limit it met (the view words it), or that the story is gone. */
export type Edited = { ok: true; stories: Story[] } | { ok: false; reason: 'stories' | 'steps' | 'gone' };

/** A new, empty story at the end, with an id no other story has ("story-1", "story-2", …). */
export function addStory(stories: readonly Story[], title: string): Edited & { id?: string } {
  if (stories.length >= LIMITS.maxStories) return { ok: false, reason: 'stories' };
  const taken = new Set(stories.map((s) => s.id));
  let n = stories.length + 1;
  while (taken.has(`story-${n}`)) n++;
  const id = `story-${n}`;
  return {
    ok: true,
    id,
    stories: [...stories, { id, title: cut(title, LIMITS.maxTitleLength), summary: '', steps: [] }],
  };
}

export function removeStory(stories: readonly Story[], id: string): Story[] {
  return stories.filter((s) => s.id !== id);
}

/** The story's title or summary changed (cut to their limits). */
export function setStoryText(
  stories: readonly Story[],
  id: string,
  patch: Partial<Pick<Story, 'title' | 'summary'>>,
): Story[] {
  return update(stories, id, (s) => ({
    ...s,
    ...(patch.title !== undefined ? { title: cut(patch.title, LIMITS.maxTitleLength) } : {}),
    ...(patch.summary !== undefined ? { summary: cut(patch.summary, LIMITS.maxSummaryLength) } : {}),
  }));
}

/** A step showing `view`, inserted at `at` (the end by default). */
export function addStep(stories: readonly Story[], id: string, step: StoryStep, at?: number): Edited {
  const story = stories.find((s) => s.id === id);
  if (!story) return { ok: false, reason: 'gone' };
  if (story.steps.length >= LIMITS.maxStorySteps) return { ok: false, reason: 'steps' };
  const steps = [...story.steps];
  steps.splice(at ?? steps.length, 0, cleanStep(step));
  return { ok: true, stories: update(stories, id, (s) => ({ ...s, steps })) };
}

/** The step at `index` with its heading, text, view or sources replaced. */
export function setStep(stories: readonly Story[], id: string, index: number, patch: Partial<StoryStep>): Story[] {
  return update(stories, id, (s) => ({
    ...s,
    steps: s.steps.map((step, i) => (i === index ? cleanStep({ ...step, ...patch }) : step)),
  }));
}

export function removeStep(stories: readonly Story[], id: string, index: number): Story[] {
  return update(stories, id, (s) => ({ ...s, steps: s.steps.filter((_, i) => i !== index) }));
}

/** The step at `from` moved to position `to` (both from 0; `to` is clamped to the list). */
export function moveStep(stories: readonly Story[], id: string, from: number, to: number): Story[] {
  return update(stories, id, (s) => {
    const target = Math.max(0, Math.min(s.steps.length - 1, to));
    if (from === target || from < 0 || from >= s.steps.length) return s;
    const steps = [...s.steps];
    const [moved] = steps.splice(from, 1);
    steps.splice(target, 0, moved!);
    return { ...s, steps };
  });
}

/** A new step's heading: the selected event's title, else "Step n". */
export function defaultHeading(selectedTitle: string | null, position: number): string {
  return cut(selectedTitle?.trim() || `Step ${position}`, LIMITS.maxTitleLength);
}

export function newStep(view: StoryView, heading: string): StoryStep {
  return { heading, text: '', view };
}

/** Texts cut to their limits; an empty source list left out, as the file would leave it. */
function cleanStep(step: StoryStep): StoryStep {
  const out: StoryStep = {
    heading: cut(step.heading, LIMITS.maxTitleLength),
    text: cut(step.text, LIMITS.maxStoryTextLength),
    view: step.view,
  };
  const sources = (step.sources ?? []).slice(0, LIMITS.maxListLength).map(cleanSource);
  if (sources.length) out.sources = sources;
  return out;
}

function cleanSource(source: Source): Source {
  return {
    ...source,
    publisher: cut(source.publisher, LIMITS.maxTextLength),
    title: cut(source.title, LIMITS.maxTextLength),
  };
}

function update(stories: readonly Story[], id: string, change: (story: Story) => Story): Story[] {
  return stories.map((s) => (s.id === id ? change(s) : s));
}

function cut(text: string, limit: number): string {
  return text.length <= limit ? text : text.slice(0, limit);
}

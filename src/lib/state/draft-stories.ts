/**
 * Stories read back from a stored draft. Storage is outside our control (another tab, an older
 * version, a hand edit), so the stories go through the dataset's own story checks again
 * (model/validate-story.ts); a draft whose stories fail keeps its event edits and leaves the
 * stories as loaded. One allowance: a title, summary, heading or text still empty is a story
 * being written, not a damaged one (the editor says what is missing), so it is kept as it was.
 */
import { Checker, isObject, type Json } from '../model/check';
import type { Story } from '../model/story';
import { validateStories } from '../model/validate-story';

const STORY_TEXTS = ['title', 'summary'] as const;
const STEP_TEXTS = ['heading', 'text'] as const;
/** Stands in for an empty text while the stories are checked. */
const WRITING = 'being written';

export function readStoredStories(raw: unknown, categories: ReadonlySet<string>): Story[] | null {
  if (!Array.isArray(raw)) return null;
  const checker = new Checker();
  const checked = validateStories(checker, fill(raw as Json[]), { categories, events: null });
  if (!checked || checker.problems.some((p) => p.severity === 'error') || checked.length !== raw.length) return null;
  // Passed: the texts that were empty are empty again.
  return checked.map((story, i) => {
    const original = raw[i] as Record<string, unknown>;
    const out = { ...story };
    for (const key of STORY_TEXTS) if (original[key] === '') out[key] = '';
    const steps = original['steps'] as Record<string, unknown>[];
    out.steps = story.steps.map((step, j) => {
      const s = { ...step };
      for (const key of STEP_TEXTS) if (steps[j]?.[key] === '') s[key] = '';
      return s;
    });
    return out;
  });
}

function fill(stories: Json[]): Json[] {
  return stories.map((story) => {
    if (!isObject(story)) return story;
    const out = { ...story };
    for (const key of STORY_TEXTS) if (out[key] === '') out[key] = WRITING;
    if (Array.isArray(out['steps']))
      out['steps'] = out['steps'].map((step) => {
        if (!isObject(step)) return step;
        const s = { ...step };
        for (const key of STEP_TEXTS) if (s[key] === '') s[key] = WRITING;
        return s;
      });
    return out;
  });
}

/**
 * A TimelineJS file read as a story (issue #25): its title slide gives the story's title and
 * summary, each event slide whose event was imported becomes a step focused on that event (the
 * event selected, the time window around its dates). Texts arrive as plain text already
 * (htmlToText in timelinejs.ts); nothing here reads markup. Eras are context, not steps.
 */
import { civilFromDays, daysFromCivil, parseIsoDate, spanOf, DAY_MS } from '../../model/dates';
import { LIMITS } from '../../model/limits';
import type { Source } from '../../model/source';
import type { Story, StoryStep, StoryView } from '../../model/story';
import type { EventRecord } from '../../model/types';
import { slugify } from './common';

/** One event slide as the importer read it, with the event it became. */
export interface SlideStep {
  headline: string;
  text: string;
  event: EventRecord;
  /** The slide's media as a source, when it was an http(s) link. */
  media: Source | null;
}

/** A day's window is padded by at least this many days each side, so the reader sees what came around it. */
const MIN_PAD_DAYS = 14;
/** …and a longer event by this share of its length each side. */
const PAD_SHARE = 0.25;
const FIRST_DAY = daysFromCivil(0, 1, 1);
const LAST_DAY = daysFromCivil(9999, 12, 31);

/**
 * The story, or null when no slide kept its event. `accepted` are the ids the import kept (a
 * slide whose event was refused or was a duplicate has no step); each event is a step once.
 */
export function timelineStory(
  title: { headline: string; text: string },
  fileName: string,
  slides: readonly SlideStep[],
  accepted: ReadonlySet<string>,
  maxSteps: number,
): { story: Story | null; dropped: number } {
  const steps: StoryStep[] = [];
  const used = new Set<string>();
  let dropped = 0;
  for (const slide of slides) {
    const { event } = slide;
    if (!accepted.has(event.id) || used.has(event.id)) continue;
    if (steps.length >= maxSteps) {
      dropped++;
      continue;
    }
    used.add(event.id);
    const step: StoryStep = {
      heading: cut(slide.headline || event.title, LIMITS.maxTitleLength),
      // A step is read by its text: a slide without one is read by its event's summary (its title, then).
      text: cut(slide.text || event.summary, LIMITS.maxStoryTextLength),
      view: viewOf(event),
    };
    if (slide.media) step.sources = [slide.media];
    steps.push(step);
  }
  if (steps.length === 0) return { story: null, dropped };
  const name = title.headline || `TimelineJS import (${fileName || 'timeline'})`;
  return {
    story: {
      id: slugify(name) || 'timeline',
      title: cut(name, LIMITS.maxTitleLength),
      summary: cut(title.text || name, LIMITS.maxSummaryLength),
      steps,
    },
    dropped,
  };
}

/** The event selected, the window its dates cover padded on each side (in whole days, within 0000–9999). */
export function viewOf(event: EventRecord): StoryView {
  const start = parseIsoDate(event.date);
  const end = parseIsoDate(event.end ?? event.date);
  if (!start.ok || !end.ok) return { event: event.id };
  const first = Math.floor(spanOf(start.value).start / DAY_MS);
  const after = Math.ceil(spanOf(end.value).end / DAY_MS);
  const pad = Math.max(MIN_PAD_DAYS, Math.ceil((after - first) * PAD_SHARE));
  return {
    from: isoDay(Math.max(FIRST_DAY, first - pad)),
    to: isoDay(Math.min(LAST_DAY, after + pad - 1)),
    event: event.id,
  };
}

function isoDay(days: number): string {
  const { year, month, day } = civilFromDays(days);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function cut(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}

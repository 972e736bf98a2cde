/**
 * Axis ticks and their labels. d3-time's utcTicks chooses the tick instants (its intervals are UTC,
 * like axis ms); the labels are written here from civilFromAxis, so no label can ever pick up
 * the machine's timezone or locale. Month names and patterns are the interface language's (DateWords);
 * the tick chooser does not depend on them.
 */
import { utcTicks } from 'd3-time';
import { civilFromAxis, DAY_MS } from '../../model/dates';
import {
  dayMonthText,
  dayText,
  ENGLISH_DATE_WORDS,
  isolated,
  monthText,
  monthYearText,
  yearText,
  type DateWords,
} from '../../model/date-text';
import { HOUR_MS, type Domain } from './geometry';

export type TickUnit = 'year' | 'month' | 'day' | 'hour' | 'minute';

export interface Tick {
  t: number;
  label: string;
  /** The tick starts a coarser unit (a year among months, a day among hours): drawn bolder. */
  major: boolean;
}

export interface Axis {
  unit: TickUnit;
  ticks: Tick[];
  /** The coarser context the tick labels leave out ("2020", "Oct 2020", "3 Oct 2020"), or ''. */
  context: string;
}

/** Room for one label: about 80 px keeps "12 Oct" and "14:00" apart with a gap. */
export const TICK_SPACING_PX = 80;

/** The unit of a tick step: a 3-month step is still labelled by month, a week by day. */
export function unitOfStep(stepMs: number): TickUnit {
  if (stepMs >= 360 * DAY_MS) return 'year';
  if (stepMs >= 28 * DAY_MS) return 'month';
  if (stepMs >= DAY_MS) return 'day';
  if (stepMs >= HOUR_MS) return 'hour';
  return 'minute';
}

export function chooseTicks(domain: Domain, width: number, words: DateWords = ENGLISH_DATE_WORDS): Axis {
  const count = Math.max(2, Math.floor(width / TICK_SPACING_PX));
  const instants = utcTicks(new Date(domain.start), new Date(domain.end), count).map((d) => d.getTime());
  // With fewer than two ticks there is no step; a tenth of the domain stands in for it.
  const step = instants.length >= 2 ? instants[1]! - instants[0]! : (domain.end - domain.start) / 10;
  const unit = unitOfStep(step);
  return {
    unit,
    // The axis runs left to right in every language: a right-to-left language's labels are isolated.
    ticks: instants.map((t) => {
      const tick = tickLabel(t, unit, words);
      return { t, label: isolated(tick.label, words), major: tick.major };
    }),
    context: isolated(contextLabel(domain.start, unit, words), words),
  };
}

/** The finest part of an instant that the unit shows, or the coarser unit it begins. */
export function tickLabel(
  t: number,
  unit: TickUnit,
  words: DateWords = ENGLISH_DATE_WORDS,
): { label: string; major: boolean } {
  const c = civilFromAxis(t);
  const month = monthText(c.month, words);
  const year = yearText(c.year, words);
  const startsYear = c.month === 1 && c.day === 1;
  switch (unit) {
    case 'year':
      return { label: year, major: false };
    case 'month':
      return startsYear ? { label: year, major: true } : { label: month, major: false };
    case 'day':
      if (startsYear) return { label: year, major: true };
      return c.day === 1 ? { label: month, major: true } : { label: dayMonthText(c.day, c.month, words), major: false };
    case 'hour':
    case 'minute':
      if (c.hour === 0 && c.minute === 0) return { label: dayMonthText(c.day, c.month, words), major: true };
      return { label: `${pad2(c.hour)}:${pad2(c.minute)}`, major: false };
  }
}

/** What the left edge of the view is in, at the unit above the ticks'. */
export function contextLabel(t: number, unit: TickUnit, words: DateWords = ENGLISH_DATE_WORDS): string {
  const c = civilFromAxis(t);
  switch (unit) {
    case 'year':
      return '';
    case 'month':
      return yearText(c.year, words);
    case 'day':
      return monthYearText(c.year, c.month, words);
    case 'hour':
    case 'minute':
      return `${dayText(c.year, c.month, c.day, words)} (UTC)`;
  }
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

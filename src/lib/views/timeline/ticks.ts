/**
 * Axis ticks and their labels. d3's scaleUtc chooses the tick instants (its intervals are UTC,
 * like axis ms); the labels are written here from civilFromAxis, so no label can ever pick up
 * the machine's timezone or locale.
 */
import { scaleUtc } from 'd3-scale';
import { civilFromAxis, DAY_MS } from '../../model/dates';
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

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
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

export function chooseTicks(domain: Domain, width: number): Axis {
  const count = Math.max(2, Math.floor(width / TICK_SPACING_PX));
  const instants = scaleUtc()
    .domain([domain.start, domain.end])
    .ticks(count)
    .map((d) => d.getTime());
  // With fewer than two ticks there is no step; a tenth of the domain stands in for it.
  const step = instants.length >= 2 ? instants[1]! - instants[0]! : (domain.end - domain.start) / 10;
  const unit = unitOfStep(step);
  return {
    unit,
    ticks: instants.map((t) => ({ t, ...tickLabel(t, unit) })),
    context: contextLabel(domain.start, unit),
  };
}

/** The finest part of an instant that the unit shows, or the coarser unit it begins. */
export function tickLabel(t: number, unit: TickUnit): { label: string; major: boolean } {
  const c = civilFromAxis(t);
  const month = MONTHS[c.month - 1]!;
  const startsYear = c.month === 1 && c.day === 1;
  switch (unit) {
    case 'year':
      return { label: String(c.year), major: false };
    case 'month':
      return startsYear ? { label: String(c.year), major: true } : { label: month, major: false };
    case 'day':
      if (startsYear) return { label: String(c.year), major: true };
      return c.day === 1 ? { label: month, major: true } : { label: `${c.day} ${month}`, major: false };
    case 'hour':
    case 'minute':
      if (c.hour === 0 && c.minute === 0) return { label: `${c.day} ${month}`, major: true };
      return { label: `${pad2(c.hour)}:${pad2(c.minute)}`, major: false };
  }
}

/** What the left edge of the view is in, at the unit above the ticks'. */
export function contextLabel(t: number, unit: TickUnit): string {
  const c = civilFromAxis(t);
  switch (unit) {
    case 'year':
      return '';
    case 'month':
      return String(c.year);
    case 'day':
      return `${MONTHS[c.month - 1]!} ${c.year}`;
    case 'hour':
    case 'minute':
      return `${c.day} ${MONTHS[c.month - 1]!} ${c.year} (UTC)`;
  }
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

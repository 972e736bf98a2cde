/**
 * The classes a density or choropleth legend shows: up to CLASS_COUNT ranges of counts, spaced
 * evenly on a log scale from 1 to the largest count in view and rounded to 1-2-5 numbers, so a
 * reader can say "this square holds 20 to 49 events". Pure; shared by both modes.
 */
import type { Scheme } from './paint';

export const CLASS_COUNT = 5;

/**
 * Sequential colours from viridis (colour-blind safe, ordered in lightness). Light theme: more is
 * darker, on light land; dark theme: more is brighter, on dark land. Either way the largest
 * counts stand out most from the basemap.
 */
export const CLASS_COLORS: Record<Scheme, readonly string[]> = {
  light: ['#f6e620', '#8fd744', '#35b779', '#21908d', '#3b528b'],
  dark: ['#3e4a89', '#26828e', '#35b779', '#90d743', '#fde725'],
};

export interface CountClass {
  /** Smallest count of the class; the next class's `from` (or the largest count) bounds it. */
  from: number;
  to: number;
}

/** The 1-2-5 number at or below `value` (value ≥ 1). */
function niceFloor(value: number): number {
  const power = 10 ** Math.floor(Math.log10(value));
  const lead = value / power;
  return (lead >= 5 ? 5 : lead >= 2 ? 2 : 1) * power;
}

/** Classes covering 1..max (empty when max < 1); fewer than CLASS_COUNT when max is small. */
export function countClasses(max: number, count = CLASS_COUNT): CountClass[] {
  if (!(max >= 1)) return [];
  const starts = [1];
  for (let k = 1; k < count; k++) {
    const start = niceFloor(max ** (k / count));
    if (start > starts.at(-1)!) starts.push(start);
  }
  return starts.map((from, i) => ({ from, to: i + 1 < starts.length ? starts[i + 1]! - 1 : Math.max(from, max) }));
}

/** The class index of a count (-1 below the first class). Few classes: a scan is fastest. */
export function classOf(classes: readonly CountClass[], value: number): number {
  let k = -1;
  for (let i = 0; i < classes.length && value >= classes[i]!.from; i++) k = i;
  return k;
}

/** "1", "2–4", "50–99"; the last class is open-ended only when asked ("100+"). */
export function classLabel(c: CountClass, format: (n: number) => string): string {
  return c.from === c.to ? format(c.from) : `${format(c.from)}–${format(c.to)}`;
}

/** A class's colour: the scale's colours spread over however many classes there are. */
export function classColor(scheme: Scheme, index: number, classes: number): string {
  const colors = CLASS_COLORS[scheme];
  if (classes <= 1) return colors[colors.length - 1]!;
  return colors[Math.round((index * (colors.length - 1)) / (classes - 1))]!;
}

/**
 * The Faultline dataset format, version 1, as TypeScript types.
 * data/faultline.schema.json is the same contract for editors; tests keep the two in step.
 */
import type { Source } from './source';
import type { Story } from './story';

/** How finely a date is known. The length of the ISO string states it. */
export type DatePrecision = 'year' | 'month' | 'day' | 'minute' | 'second';

/** How finely a place is known: a site is exact, a country is a centroid. */
export type LocationPrecision = 'site' | 'city' | 'region' | 'country';

/**
 * Whether a claim is established. `confirmed` needs no `by`; `claimed` (reported by one side
 * only) and `disputed` (contested by another party) name who makes or contests it.
 */
export type StatusKind = 'confirmed' | 'claimed' | 'disputed';

export interface Category {
  id: string;
  label: string;
  /** The label in other languages, by BCP 47 code ({ "ru": "Обстрел" }); `label` is shown where none fits. */
  labels?: Record<string, string>;
  /** #rrggbb */
  color: string;
  description?: string;
}

export interface Location {
  name: string;
  lat: number;
  lon: number;
  precision: LocationPrecision;
  /** Why the coordinates are what they are, e.g. "town centre used for the district". */
  note?: string;
  /** Other names of the place (another language's, a former name): "Khankendi" for Stepanakert. Search finds the place by them. */
  aliases?: string[];
}

export interface Status {
  kind: StatusKind;
  /** Who claims it (for claimed) or who contests it (for disputed). */
  by?: string[];
  note?: string;
}

// In a file of its own so stories (story.ts), which DatasetMeta holds, can cite sources without a cycle.
export type { Source } from './source';

/**
 * Casualty figures are contested by nature, so the format records a range and who reported it
 * rather than one number.
 */
export interface Fatalities {
  min: number;
  max?: number;
  /** Who reported the figure. */
  by?: string;
}

export interface EventRecord {
  id: string;
  title: string;
  summary: string;
  /** "2021", "2021-02", "2021-02-03", or "2021-02-03T14:05+03:00" / "...Z". */
  date: string;
  /** Inclusive end of a range, same grammar as date. */
  end?: string;
  /** The date is approximate ("about", "circa"), beyond what its precision says. */
  approximate?: boolean;
  category: string;
  actors?: string[];
  tags?: string[];
  /** Absent or null: the event has no physical place (a call, a statement, a lapse). */
  location?: Location | null;
  status?: Status;
  fatalities?: Fatalities;
  sources: Source[];
  related?: string[];
}

export interface DatasetMeta {
  title: string;
  description: string;
  license: string;
  /** ISO date of the last edit. */
  updated: string;
  categories: Category[];
  /** Guided readings of the events (story.ts); absent when the file has none (format 1 without stories). */
  stories?: Story[];
}

export interface DatasetFile extends DatasetMeta {
  $schema?: string;
  /** Always "faultline/1" for this version of the format. */
  format: 'faultline/1';
  events: EventRecord[];
}

export const FORMAT_ID = 'faultline/1';

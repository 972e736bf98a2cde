/**
 * TimelineJS3: its JSON ({title, events, eras}, formats.md 3.2) and the Google-Sheet CSV export.
 * HTML in headlines and texts becomes plain text; media become sources only when they are http(s)
 * links, never embeds. TimelineJS has no places, so every event has location null.
 */
import { isEndBeforeStart, parseIsoDate } from '../../model/dates';
import { LIMITS } from '../../model/limits';
import { safeHttpUrl } from '../../model/url';
import type { EventRecord, Source } from '../../model/types';
import {
  CategoryBook,
  ImportLog,
  cleanId,
  fileSource,
  fitText,
  head,
  isRecord,
  settleDates,
  slugify,
  textOf,
  titleFrom,
  type At,
  type ImportOptions,
  type ImportResult,
  type Importer,
} from './common';
import { DateReader } from './date-format';
import { htmlToText } from './html-text';
import { timelineStory, type SlideStep } from './timelinejs-story';
import { Checker, type Json } from '../../model/check';
import { validateStories } from '../../model/validate-story';
import { readJson } from './json-input';
import { isOffset, isoOf, withTime, type DateRead } from './source-dates';
import { Columns, readTable } from './table';

interface DateParts {
  year: string;
  month: string;
  day: string;
  time: string;
  iso: string;
}
interface Slide {
  at: At;
  kind: 'event' | 'era' | 'title';
  start: DateParts | null;
  end: DateParts | null;
  headline: string;
  text: string;
  media: { url: string; credit: string; caption: string };
  group: string;
  uniqueId: string;
}

export const timelinejs: Importer = {
  id: 'timelinejs',
  label: 'TimelineJS (JSON or sheet CSV)',
  extensions: ['json', 'csv'],
  detect(text) {
    const top = head(text, 8192);
    if (/^\s*\{/.test(top)) return top.includes('"events"') && (top.includes('"start_date"') || top.includes('"eras"'));
    const first = top.split(/\r?\n/, 1)[0] ?? '';
    return /(^|[,;\t])"?year"?([,;\t]|$)/.test(first) && first.includes('headline');
  },
  parse(text, fileName, options = {}) {
    try {
      return parseTimeline(text, fileName, options);
    } catch (error) {
      return new ImportLog().fail(`could not read the file: ${String(error)}`);
    }
  },
};

function parseTimeline(text: string, fileName: string, options: ImportOptions): ImportResult {
  const log = new ImportLog();
  const isJson = /^\uFEFF?\s*\{/.test(text);
  const slides = isJson ? jsonSlides(text, log) : csvSlides(text, log, options);
  if ('fatal' in slides) return log.fail(slides.fatal, slides.at);
  // The sheet's Start Date / End Date cells are text in some order; its Year/Month/Day columns and the JSON's dates are numbers.
  const dates = new DateReader(options.dateFormat);
  if (isJson && options.dateFormat)
    log.warn(
      {},
      `TimelineJS JSON dates are {year, month, day} numbers; the date format ${options.dateFormat} does not apply`,
    );
  for (const slide of slides) {
    if (slide.start?.iso) dates.see(slide.start.iso, slide.at);
    if (slide.end?.iso) dates.see(slide.end.iso, slide.at);
  }
  settleDates(log, dates);
  log.map(
    'text.headline → title, text.text → summary (HTML → plain text; script, style and iframe content dropped)',
    'start_date / end_date {year, month, day} → date / end with the matching precision (year, month or day)',
    'group → category (no group: "Event"); eras → range events in the "Era" category',
    'title slide → dataset title and description, and the title and summary of a story',
    'each event slide → a step of that story: its headline and text, the event selected, the time around it shown',
    'unique_id → id (else a slug of the headline and the slide number)',
    'media.url → a source {publisher: credit, title: caption, url} when it is an http(s) link; media is never embedded',
    'no place in TimelineJS → location null',
    'slides without an http(s) media link → the import file as their source (flagged as not a link)',
  );
  log.drop('display_date', 'background', 'media.thumbnail', 'autolink', 'scale');
  if (options.utcOffset && !isOffset(options.utcOffset))
    log.warn({}, `UTC offset '${options.utcOffset}' is not Z or ±HH:MM; ignored`);
  const book = new CategoryBook();
  const built: { event: EventRecord; at: At }[] = [];
  const meta = { title: `TimelineJS import (${fileName || 'timeline'})`, description: '', license: '', updated: '' };
  const times = { dropped: 0 };
  const steps: SlideStep[] = [];
  let titleSlide = { headline: '', text: '' };
  slides.forEach((slide, index) => {
    if (slide.kind === 'title') {
      titleSlide = { headline: slide.headline, text: slide.text };
      // A sheet's title row is not an event: it does not count as an imported or skipped row.
      if (slide.at.row !== undefined) log.total--;
      if (slide.headline)
        meta.title = fitText(log, slide.at, 'title slide headline', slide.headline, LIMITS.maxTitleLength);
      if (slide.text)
        meta.description = fitText(log, slide.at, 'title slide text', slide.text, LIMITS.maxSummaryLength);
      return;
    }
    const event = toEvent(slide, slide.at.row ?? index + 1, fileName, log, book, options, times, dates);
    if (!event) return;
    built.push({ event, at: slide.at });
    if (slide.kind === 'event') {
      // The media source toEvent made, when the slide's media was a link (not the file stand-in).
      const media = slide.media.url && safeHttpUrl(slide.media.url) ? (event.sources[0] ?? null) : null;
      steps.push({ headline: slide.headline, text: slide.text, event, media });
    }
  });
  log.dates = dates.report();
  if (times.dropped)
    log.warn(
      {},
      `${times.dropped} date${times.dropped > 1 ? 's' : ''} had a time of day but no time zone; only the day was kept (give a UTC offset to keep times)`,
    );
  if (steps.length > LIMITS.maxStorySteps)
    log.warn(
      {},
      `the story keeps the first ${LIMITS.maxStorySteps} slides as steps; the ${steps.length - LIMITS.maxStorySteps} after them are imported as events only`,
    );
  return withStory(log.finish(meta, book.list(), built), titleSlide, fileName, steps);
}

/** The slides as a story beside the events (timelinejs-story.ts): the title slide, then a step per event slide. */
function withStory(
  result: ImportResult,
  title: { headline: string; text: string },
  fileName: string,
  steps: SlideStep[],
): ImportResult {
  const dataset = result.dataset;
  if (!dataset) return result;
  const accepted = new Set(dataset.events.map((e) => e.id));
  const { story } = timelineStory(title, fileName, steps, accepted, LIMITS.maxStorySteps);
  if (!story) return result;
  // Built here from checked parts, and checked again as any file's stories are.
  const checker = new Checker();
  const categories = new Set(dataset.categories.map((c) => c.id));
  const checked = validateStories(checker, [story] as unknown as Json, { categories, events: accepted });
  if (checked?.length === 1 && !checker.problems.some((p) => p.severity === 'error')) dataset.stories = checked;
  return result;
}

function toEvent(
  slide: Slide,
  n: number,
  fileName: string,
  log: ImportLog,
  book: CategoryBook,
  options: ImportOptions,
  times: { dropped: number },
  dates: DateReader,
): EventRecord | null {
  const { at } = slide;
  if (!slide.start) {
    log.error(at, `${slide.kind === 'era' ? 'era' : 'slide'} has no start_date; row skipped`);
    return null;
  }
  const start = dateOf(slide.start, options, times, dates);
  const end = slide.end ? dateOf(slide.end, options, times, dates) : null;
  const bad = !start.ok
    ? `start_date: ${start.message}`
    : end && !end.ok
      ? `end_date: ${end.message}`
      : slide.kind === 'era' && !end
        ? 'an era needs an end_date'
        : null;
  if (bad || !start.ok || (end && !end.ok)) {
    if (!start.ok || (end && !end.ok)) dates.skipped();
    log.error(at, `${bad}; row skipped`);
    return null;
  }
  const endDate = end?.ok ? end.date : undefined;
  if (endDate && endDate !== start.date) {
    const [a, b] = [parseIsoDate(start.date), parseIsoDate(endDate)];
    if (a.ok && b.ok && isEndBeforeStart(a.value, b.value)) {
      log.error(at, `end_date ${endDate} is before start_date ${start.date}; row skipped`);
      return null;
    }
  }
  const title = fitText(
    log,
    at,
    'headline',
    slide.headline || (slide.text ? titleFrom(slide.text) : `${slide.kind === 'era' ? 'Era' : 'Event'} ${n}`),
    LIMITS.maxTitleLength,
  );
  const event: EventRecord = {
    id: slide.uniqueId
      ? cleanId(slide.uniqueId)
      : `${slide.kind === 'era' ? 'era-' : ''}${slugify(slide.headline) || 'slide'}-${n}`,
    title,
    summary: fitText(log, at, 'text', slide.text || title, LIMITS.maxSummaryLength),
    date: start.date,
    category:
      slide.kind === 'era' ? book.add('Era', 'era') : slide.group ? book.add(slide.group) : book.add('Event', 'event'),
    sources: [mediaSource(slide, log) ?? fileSource('TimelineJS', fileName)],
  };
  if (endDate && endDate !== start.date) event.end = endDate;
  event.location = null;
  return event;
}

function dateOf(parts: DateParts, options: ImportOptions, times: { dropped: number }, dates: DateReader): DateRead {
  if (parts.iso) {
    if (parseIsoDate(parts.iso).ok) return { ok: true, date: parts.iso };
    const read = dates.read(parts.iso);
    if (read.ok && read.time !== undefined) times.dropped++;
    if (read.ok || read.ambiguous || !/^\d{4}-/.test(parts.iso)) return read;
    const parsed = parseIsoDate(parts.iso);
    return { ok: false, message: parsed.ok ? '' : parsed.message };
  }
  const whole = (s: string): number | undefined => (/^-?\d+$/.test(s) ? Number(s) : s === '' ? undefined : NaN);
  const [year, month, day] = [whole(parts.year), whole(parts.month), whole(parts.day)];
  if (year === undefined) return { ok: false, message: 'no year' };
  if (Number.isNaN(year) || Number.isNaN(month) || Number.isNaN(day))
    return { ok: false, message: `'${[parts.year, parts.month, parts.day].filter(Boolean).join('-')}' is not a date` };
  const date = isoOf(year, month, day);
  if (!date.ok || !parts.time || day === undefined) return date;
  if (options.utcOffset && isOffset(options.utcOffset)) return withTime(date.date, parts.time, options.utcOffset);
  times.dropped++;
  return date;
}

function mediaSource(slide: Slide, log: ImportLog): Source | null {
  const { url, credit, caption } = slide.media;
  if (!url) return null;
  if (!safeHttpUrl(url)) {
    log.warn(slide.at, 'media is not an http(s) link; not imported (media are never embedded)');
    return null;
  }
  return {
    publisher: (credit || 'TimelineJS media').slice(0, LIMITS.maxTextLength),
    title: (caption || url).slice(0, LIMITS.maxTextLength),
    url,
  };
}

function partsOf(value: unknown): DateParts | null {
  if (!isRecord(value)) return null;
  const t = (k: string): string => textOf(value[k]).trim();
  const time = t('hour')
    ? `${t('hour')}:${t('minute').padStart(2, '0') || '00'}${t('second') ? `:${t('second').padStart(2, '0')}` : ''}`
    : '';
  return { year: t('year'), month: t('month'), day: t('day'), time, iso: '' };
}

function jsonSlides(text: string, log: ImportLog): Slide[] | { fatal: string; at?: At } {
  const json = readJson(text);
  if (!json.ok) return { fatal: `not valid JSON: ${json.message}`, ...(json.line ? { at: { line: json.line } } : {}) };
  const root = json.value;
  if (!isRecord(root) || !Array.isArray(root.events))
    return { fatal: 'expected TimelineJS JSON: {"events": [slides…]}' };
  const events: unknown[] = root.events;
  const eras: unknown[] = Array.isArray(root.eras) ? root.eras : [];
  log.total = events.length + eras.length;
  const slide = (raw: unknown, kind: Slide['kind'], pointer: string, row?: number): Slide => {
    const r = isRecord(raw) ? raw : {};
    const text = isRecord(r.text) ? r.text : {};
    const media = isRecord(r.media) ? r.media : {};
    const at: At = row !== undefined ? { row } : {};
    const line = json.lineOf(pointer);
    if (line !== undefined) at.line = line;
    return {
      at,
      kind,
      start: partsOf(r.start_date),
      end: partsOf(r.end_date),
      headline: htmlToText(textOf(text.headline)),
      text: htmlToText(textOf(text.text)),
      media: {
        url: textOf(media.url).trim(),
        credit: htmlToText(textOf(media.credit)),
        caption: htmlToText(textOf(media.caption)),
      },
      group: htmlToText(textOf(r.group)),
      uniqueId: textOf(r.unique_id).trim(),
    };
  };
  const slides = [
    ...(isRecord(root.title) ? [slide(root.title, 'title', '/title')] : []),
    ...events.map((e, i) => slide(e, 'event', `/events/${i}`, i + 1)),
    ...eras.map((e, i) => slide(e, 'era', `/eras/${i}`, events.length + i + 1)),
  ];
  return slides;
}

function csvSlides(text: string, log: ImportLog, options: ImportOptions): Slide[] | { fatal: string; at?: At } {
  const table = readTable(text, log, options.delimiter ? { delimiter: options.delimiter } : {});
  if ('fatal' in table) return { fatal: table.fatal };
  const cols = new Columns(table.header);
  if (!cols.has('year') && !cols.has('start date'))
    return { fatal: 'not a TimelineJS sheet: no Year or Start Date column', at: { line: 1 } };
  return table.rows.map(({ row, line, fields }) => {
    const get = (name: string): string => cols.get(fields, name);
    const type = get('type').toLowerCase();
    const parts = (prefix: string, isoColumn: string): DateParts | null => {
      const p = {
        year: get(`${prefix}year`),
        month: get(`${prefix}month`),
        day: get(`${prefix}day`),
        time: get(`${prefix}time`),
        iso: get(isoColumn),
      };
      return p.year || p.iso ? p : null;
    };
    return {
      at: { row, line },
      kind: type === 'title' ? 'title' : type === 'era' ? 'era' : 'event',
      start: parts('', 'start date'),
      end: parts('end ', 'end date'),
      headline: htmlToText(get('headline')),
      text: htmlToText(cols.raw(fields, 'text')),
      media: { url: get('media'), credit: htmlToText(get('media credit')), caption: htmlToText(get('media caption')) },
      group: htmlToText(get('group') || get('tag')),
      uniqueId: '',
    };
  });
}

import { afterEach, describe, expect, it } from 'vitest';
import { parseIsoDate, type CalendarValue } from '../../../src/lib/model/dates';
import {
  ENGLISH_DATE_WORDS,
  fill,
  formatDate,
  formatRange,
  type DatePatterns,
  type DateWords,
} from '../../../src/lib/model/date-text';
import { loadDateWords, wordsFromLocale } from '../../../src/lib/i18n/date-locales';
import { instantZone } from '../../../src/lib/state/dates.svelte';

const value = (text: string): CalendarValue => {
  const parsed = parseIsoDate(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.value;
};

/** English's patterns: the month names are what these tests look at. */
const SAME_PATTERNS: DatePatterns = ENGLISH_DATE_WORDS.patterns;

describe('month names from dayjs locale data', () => {
  it.each<[string, 'ru' | 'uk' | 'fr' | 'ar' | 'az' | 'hy-am', string, string, string]>([
    // Russian: the genitive beside a day ("3 мар."), the nominative alone ("март").
    ['ru', 'ru', '3 мар. 2021', 'март 2021', '27 сент. – 10 нояб. 2020'],
    ['uk', 'uk', '3 бер 2021', 'лют 2021', '27 вер – 10 лист 2020'],
    ['fr', 'fr', '3 mars 2021', 'févr. 2021', '27 sept. – 10 nov. 2020'],
    ['ar', 'ar', '3 مارس 2021', 'فبراير 2021', '27 سبتمبر – 10 نوفمبر 2020'],
    ['az', 'az', '3 mar 2021', 'fev 2021', '27 sen – 10 noy 2020'],
    ['hy', 'hy-am', '3 մրտ 2021', 'փտր 2021', '27 սպտ – 10 նմբ 2020'],
  ])('%s', async (_, id, day, month, range) => {
    const words = await loadDateWords(id, SAME_PATTERNS);
    expect(formatDate(value('2021-03-03'), { words })).toBe(day);
    expect(formatDate(value(id === 'ru' ? '2021-03' : '2021-02'), { words })).toBe(month);
    expect(formatRange(value('2020-09-27'), value('2020-11-10'), { words })).toBe(range);
  });

  it('takes the forms of a month list given as a function (Russian)', () => {
    const names = (prefix: string) => Array.from({ length: 12 }, (_, i) => `${prefix}${i + 1}`);
    const list = Object.assign(() => '', { f: names('f'), s: names('s') });
    const words = wordsFromLocale({ monthsShort: list as never }, SAME_PATTERNS);
    expect(words.monthsWithDay[1]).toBe('f2');
    expect(words.monthsAlone[1]).toBe('s2');
    expect(() => wordsFromLocale({ months: ['Jan'] }, SAME_PATTERNS)).toThrow();
  });
});

describe("a language's patterns", () => {
  const russian: DateWords = {
    monthsWithDay: ENGLISH_DATE_WORDS.monthsWithDay,
    monthsAlone: ENGLISH_DATE_WORDS.monthsAlone,
    patterns: {
      ...SAME_PATTERNS,
      approximate: 'ок. {date}',
      earlyYear: '{y} г. н. э.',
      daysOfMonth: '{d1}–{d2} {M} {y}',
    },
  };

  it('puts every slot where the pattern says', () => {
    expect(formatDate(value('2021'), { words: russian, approximate: true })).toBe('ок. 2021');
    expect(formatDate(value('0850-03'), { words: russian })).toBe('Mar 850 г. н. э.');
    expect(formatRange(value('2020-12-01'), value('2020-12-02'), { words: russian, approximate: true })).toBe(
      'ок. 1–2 Dec 2020',
    );
  });

  it('leaves a slot without a value visible', () => {
    expect(fill('{d} {X}', { d: '3' })).toBe('3 {X}');
  });
});

describe('zones: a day stays its day, an instant moves', () => {
  const zones = ['America/Los_Angeles', 'Asia/Tokyo', 'UTC'];
  const saved = process.env['TZ'];
  afterEach(() => {
    process.env['TZ'] = saved;
  });

  it.each(zones)('a calendar day under TZ=%s', async (tz) => {
    process.env['TZ'] = tz;
    const ru = await loadDateWords('ru', SAME_PATTERNS);
    for (const setting of ['event', 'utc', 'local'] as const) {
      const zone = instantZone(setting);
      expect(formatDate(value('2021-02-03'), { zone })).toBe('3 Feb 2021');
      expect(formatDate(value('2021-01-01'), { zone, words: ru })).toBe('1 янв. 2021');
      expect(formatDate(value('2020-12'), { zone, words: ru })).toBe('дек. 2020');
      expect(formatRange(value('2020-12-31'), value('2021-01-01'), { zone })).toBe('31 Dec 2020 – 1 Jan 2021');
    }
  });

  it.each<[string, string, string]>([
    ['America/Los_Angeles', '3 Feb 2021, 12:30 UTC-08:00', '13 Jul 2021, 14:00 UTC-07:00'],
    ['Asia/Tokyo', '4 Feb 2021, 05:30 UTC+09:00', '14 Jul 2021, 06:00 UTC+09:00'],
  ])('an instant in event, utc and local modes under TZ=%s', (tz, winter, summer) => {
    process.env['TZ'] = tz;
    const instant = value('2021-02-03T23:30+03:00');
    expect(formatDate(instant, { zone: instantZone('event') })).toBe('3 Feb 2021, 23:30 UTC+03:00');
    expect(formatDate(instant, { zone: instantZone('utc') })).toBe('3 Feb 2021, 20:30 UTC');
    expect(formatDate(instant, { zone: instantZone('local') })).toBe(winter);
    // The viewer's offset is the one at that instant (summer time in Los Angeles).
    expect(formatDate(value('2021-07-13T21:00Z'), { zone: instantZone('local') })).toBe(summer);
  });

  it('writes one instant once when both ends name it in different offsets', () => {
    const a = value('2021-02-03T10:00Z');
    const b = value('2021-02-03T13:00+03:00');
    expect(formatRange(a, b, { zone: 'utc' })).toBe('3 Feb 2021, 10:00 UTC');
    expect(formatRange(a, b, { zone: 'event' })).toBe('3 Feb 2021, 10:00 UTC – 3 Feb 2021, 13:00 UTC+03:00');
  });
});

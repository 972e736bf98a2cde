import { afterEach, describe, expect, it } from 'vitest';
import { en } from '../../../src/lib/i18n/en';
import { patternsOf } from '../../../src/lib/i18n/date-locales';
import { i18n } from '../../../src/lib/i18n/i18n.svelte';
import { LOCALES } from '../../../src/lib/i18n/locales';
import { ENGLISH_DATE_WORDS, type DatePatterns } from '../../../src/lib/model/date-text';
import { parseIsoDate } from '../../../src/lib/model/dates';
import { dates } from '../../../src/lib/state/dates.svelte';
import { chooseTicks } from '../../../src/lib/views/timeline/ticks';

afterEach(async () => {
  await i18n.setLocale('en');
  dates.setZone('event');
});

/** The slots each pattern must keep: a translation that drops {y} would lose the year. */
const SLOTS: Record<keyof DatePatterns, string[]> = {
  day: ['d', 'M', 'y'],
  dayMonth: ['d', 'M'],
  month: ['M', 'y'],
  daysOfMonth: ['d1', 'd2', 'M', 'y'],
  range: ['from', 'to'],
  approximate: ['date'],
  earlyYear: ['y'],
  time: ['date', 'time', 'zone'],
};

const slotsOf = (pattern: string): string[] => [...pattern.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();

const value = (text: string) => {
  const parsed = parseIsoDate(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.value;
};

describe('date words of every language', () => {
  it('English: the catalogue holds the built-in patterns', () => {
    expect(patternsOf(en)).toEqual(ENGLISH_DATE_WORDS.patterns);
  });

  const languages = LOCALES.filter((l) => l.load);
  it.each(languages.map((l) => [l.code, l] as const))(
    '%s: each pattern keeps its slots, and a shown language writes its own month names',
    async (code, info) => {
      const catalogue = await info.load!();
      const patterns = patternsOf(catalogue);
      for (const [name, slots] of Object.entries(SLOTS)) {
        expect(slotsOf(patterns[name as keyof DatePatterns]), `${code} date.pattern.${name}`).toEqual(
          [...slots].sort(),
        );
      }
      expect(await i18n.setLocale(code)).toBe(true);
      const march = dates.value(value('2021-03-03'));
      expect(march).toMatch(/3/);
      expect(march).toMatch(/2021/);
      // Not the English abbreviation: the words came with the language, in the same switch.
      expect(march).not.toContain('Mar ');
      expect(dates.words.monthsWithDay).toHaveLength(12);
    },
  );

  it('Russian and French month names, and the precision phrase in the language', async () => {
    await i18n.setLocale('ru');
    expect(dates.event({ date: '2021-02-03', approximate: true })).toBe('ок. 3 февр. 2021');
    expect(dates.event({ date: '2021-03' })).toBe('март 2021');
    expect(dates.precision(value('2021-03'), false)).toBe('известен месяц');
    await i18n.setLocale('fr');
    expect(dates.event({ date: '2020-09-27', end: '2020-11-10' })).toBe('27 sept. – 10 nov. 2020');
    expect(dates.precision(value('2021-03'), true)).toBe('connue au mois près, approximative');
  });

  it('the zone setting moves an instant and leaves a day', async () => {
    await i18n.setLocale('ar');
    const instant = { date: '2021-02-03T23:30+03:00' };
    expect(dates.event(instant)).toBe('3 فبراير 2021، 23:30 \u2066UTC+03:00\u2069');
    dates.setZone('utc');
    expect(dates.event(instant)).toBe('3 فبراير 2021، 20:30 \u2066UTC\u2069');
    expect(dates.event({ date: '2021-02-03' })).toBe('3 فبراير 2021');
  });

  it('the axis writes Arabic labels isolated right to left, in a region that runs left to right', async () => {
    const domain = { start: Date.parse('2020-09-01T00:00Z'), end: Date.parse('2020-11-30T00:00Z') };
    expect(chooseTicks(domain, 1000, dates.words).ticks.map((t) => t.label)).toContain('6 Sep');
    await i18n.setLocale('ar');
    const axis = chooseTicks(domain, 1000, dates.words);
    expect(axis.ticks.map((t) => t.label)).toContain('\u20676 سبتمبر\u2069');
    expect(axis.context).toBe('\u2067سبتمبر 2020\u2069');
    await i18n.setLocale('ru');
    expect(chooseTicks(domain, 1000, dates.words).ticks.map((t) => t.label)).toContain('6 сент.');
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { chooseLocale, matchLocale } from '../../../src/lib/i18n/choose';
import { formatList, formatNumber, i18n, t, tm } from '../../../src/lib/i18n/i18n.svelte';
import { msg, verbatim } from '../../../src/lib/i18n/message';
import { pseudoText } from '../../../src/lib/i18n/pseudo';
import { LOCALES, type LocaleInfo } from '../../../src/lib/i18n/locales';

afterEach(async () => {
  await i18n.setLocale('en');
});

describe('choosing the language', () => {
  const locales: LocaleInfo[] = [
    { code: 'en', name: 'English', dir: 'ltr' },
    { code: 'ru', name: 'Русский', dir: 'ltr' },
    { code: 'ar', name: 'العربية', dir: 'rtl' },
    { code: 'en-XA', name: 'pseudo', dir: 'ltr', hidden: true },
  ];

  it('takes lang= first, then the stored choice, then the browser, then English', () => {
    expect(chooseLocale({ url: 'ar', stored: 'ru', browser: ['ru'] }, locales)).toBe('ar');
    expect(chooseLocale({ url: 'xx', stored: 'ru', browser: ['ar'] }, locales)).toBe('ru');
    expect(chooseLocale({ url: null, stored: null, browser: ['de-DE', 'ar-EG', 'ru'] }, locales)).toBe('ar');
    expect(chooseLocale({ browser: ['de', 'ja'] }, locales)).toBe('en');
  });

  it('matches a region tag by its language, the pseudo locale only exactly', () => {
    expect(matchLocale('ru-RU', locales)).toBe('ru');
    expect(matchLocale('EN-xa', locales)).toBe('en-XA');
    expect(chooseLocale({ browser: ['en-XA'] }, locales)).toBe('en');
    expect(matchLocale('', locales)).toBeNull();
  });

  it('lists each shipped language once, with a direction', () => {
    const codes = LOCALES.map((l) => l.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toContain('en');
  });
});

describe('messages', () => {
  it('fills slots and picks the English plural', () => {
    expect(t('header.events', { count: 1 })).toBe('1 event');
    expect(t('header.events', { count: 1234 })).toBe('1,234 events');
    expect(t('header.eventsOf', { shown: 5, count: 21 })).toBe('5 of 21 events');
  });

  it('keeps a $ in a parameter as it is', () => {
    expect(t('language.failed', { language: '$& $1', current: 'English' })).toContain('$& $1');
  });

  it('renders message values and data text', () => {
    expect(tm(msg('notice.more', { count: 2 }))).toBe('2 more notices not shown.');
    expect(tm(verbatim('Title as typed'))).toBe('Title as typed');
  });

  it('switches to the pseudo locale and back without reloading anything', async () => {
    expect(await i18n.setLocale('en-XA')).toBe(true);
    expect(i18n.locale).toBe('en-XA');
    expect(t('header.events', { count: 2 })).toBe(pseudoText('{count} events').replace('{count}', '2'));
    expect(t('header.share')).toMatch(/^⟦Šĥåŕé⟧$/);
    expect(await i18n.setLocale('en')).toBe(true);
    expect(t('header.share')).toBe('Share');
  });

  it('refuses a language it does not have', async () => {
    expect(await i18n.setLocale('xx')).toBe(false);
    expect(i18n.locale).toBe('en');
  });

  it('formats numbers and lists for the locale', () => {
    expect(formatNumber(1234567)).toBe('1,234,567');
    expect(formatList(['a', 'b', 'c'])).toBe('a, b, and c');
  });
});

describe('other languages', () => {
  it('counts events in Russian with the forms for 1, 2, 5 and 21', async () => {
    expect(await i18n.setLocale('ru')).toBe(true);
    expect(i18n.locale).toBe('ru');
    expect([1, 2, 5, 21].map((count) => t('header.events', { count }))).toEqual([
      '1 событие',
      '2 события',
      '5 событий',
      '21 событие',
    ]);
    // Grouped as Russian writes thousands (a no-break space), the plural still chosen by the number.
    expect(t('header.events', { count: 1234 })).toBe('1\u00a0234 события');
  });

  it('writes Arabic numbers in Arabic digits, right to left', async () => {
    expect(await i18n.setLocale('ar')).toBe(true);
    expect(i18n.dir).toBe('rtl');
    expect(formatNumber(1234)).toBe(new Intl.NumberFormat('ar').format(1234));
    expect(t('header.events', { count: 5 })).toContain(new Intl.NumberFormat('ar').format(5));
  });

  it('gives every plural message each form its language uses', async () => {
    const { en } = await import('../../../src/lib/i18n/en');
    const plurals = Object.entries(en)
      .filter(([, v]) => typeof v !== 'string')
      .map(([k]) => k);
    const missing: string[] = [];
    for (const locale of LOCALES.filter((l) => l.load)) {
      const catalogue = (await locale.load!()) as unknown as Record<string, Record<string, string>>;
      const forms = new Intl.PluralRules(locale.code).resolvedOptions().pluralCategories;
      for (const key of plurals) {
        // `other` stands in for a form a message does not need to tell apart (Arabic's `zero` → `other` is fine).
        const lacking = forms.filter((f) => f !== 'zero' && !(f in catalogue[key]!));
        if (lacking.length) missing.push(`${locale.code} ${key}: ${lacking.join(', ')}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('switching quickly', () => {
  it('shows the last language chosen when an earlier one is still loading', async () => {
    const first = i18n.setLocale('ru');
    const second = i18n.setLocale('fr');
    // Both settle (neither waits for ever), and the later choice is the one shown.
    const [, shown] = await Promise.all([first, second]);
    expect(shown).toBe(true);
    expect(i18n.locale).toBe('fr');
    expect(t('header.share')).not.toBe('Share');
  });
});

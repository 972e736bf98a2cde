import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../../src/lib/io/formats/html-text';
import { timelinejs } from '../../../src/lib/io/formats/timelinejs';
import { eventById, expectLoads, fixture, messages } from './helpers';

describe('htmlToText', () => {
  it.each([
    ['<b>bold</b><iframe src="https://evil.example">x</iframe>', 'bold'],
    ['<p>a</p><script>alert("</p>")</script><p>b</p>', 'a\n\nb'],
    ['<img src=x onerror=alert(1)>caption', 'caption'],
    ['a < b &amp;&amp; c &gt; d', 'a < b && c > d'],
    ['&lt;script&gt;alert(1)&lt;/script&gt;', '<script>alert(1)</script>'],
    ['&#8220;q&#8221; &#x41; &#39;s&#39; &quot;x&quot; &#0; &#xD800; &bogus;', '“q” A \'s\' "x" \ufffd \ufffd &bogus;'],
    ['<a title="a > b" href="x">link</a>', 'link'],
    ['<!-- hidden -->shown<style>p{}</style>', 'shown'],
    ['<SCRIPT>never closed', ''],
    ['line<br>break<br/>again', 'line\nbreak\nagain'],
  ])('%j → %j', (html, text) => {
    expect(htmlToText(html)).toBe(text);
  });
});

describe('TimelineJS JSON', () => {
  const result = timelinejs.parse(fixture('timelinejs.json'), 'timelinejs.json');

  it('counts slides and eras, refuses BCE dates and embedded media', () => {
    expect(timelinejs.detect(fixture('timelinejs.json'), 'timelinejs.json')).toBe(true);
    expect(result.rows).toEqual({ total: 6, imported: 5, skipped: 1 });
    expect(messages(result, 'error')).toEqual(['row 4: start_date: BCE dates are not supported; row skipped']);
    expect(result.problems.find((p) => p.row === 4)!.line).toBe(57);
    expect(messages(result, 'warning').slice(0, 2)).toEqual([
      'row 2: media is not an http(s) link; not imported (media are never embedded)',
      '1 date had a time of day but no time zone; only the day was kept (give a UTC offset to keep times)',
    ]);
  });

  it('takes the dataset title and description from the title slide, as text', () => {
    expect(result.dataset!.title).toBe('The Autumn War & its ceasefires');
    expect(result.dataset!.description).toBe('A timeline built in TimelineJS.');
  });

  it('turns HTML into text and drops script and iframe content', () => {
    const e = eventById(result, 'war-start');
    expect(e.title).toBe('War & peace');
    expect(e.summary).toBe('Fighting began at dawn.\n\nShelling “continued” <b>.');
    expect(e.summary).not.toContain('alert');
    expect(e.summary).not.toContain('inner');
    expect(e).toMatchObject({ date: '2020-09-27', end: '2020-11-10', category: 'fighting', location: null });
    expect(e.sources).toEqual([
      { publisher: 'AP', title: 'Shelling in Stepanakert', url: 'https://example.org/photo.jpg' },
    ]);
  });

  it('keeps each date at its precision and makes eras range events', () => {
    expect(eventById(result, 'talks-in-october-2').date).toBe('2020-10');
    expect(eventById(result, 'a-year-later-3').date).toBe('2021');
    expect(eventById(result, 'slide-5')).toMatchObject({
      date: '2020-10-10',
      title: 'A text-only slide about a humanitarian ceasefire.',
      category: 'event',
    });
    expect(eventById(result, 'era-second-karabakh-war-6')).toMatchObject({
      date: '2020-09-27',
      end: '2020-11-10',
      category: 'era',
    });
    expect(result.dataset!.categories.map((c) => c.id)).toEqual(['fighting', 'diplomacy', 'event', 'era']);
  });

  it('keeps times when given a UTC offset', () => {
    const timed = timelinejs.parse(fixture('timelinejs.json'), 't.json', { utcOffset: '+04:00' });
    expect(eventById(timed, 'slide-5').date).toBe('2020-10-10T08:05+04:00');
  });

  it('loads; slides without an http(s) media link cite the file and are flagged', () => {
    const warnings = expectLoads(result);
    expect(warnings).toHaveLength(4);
    expect(warnings[0]).toBe('"timelinejs.json" is not an http(s) link; it will be shown as plain text');
  });
});

describe('TimelineJS sheet CSV', () => {
  const result = timelinejs.parse(fixture('timelinejs-sheet.csv'), 'sheet.csv');

  it('reads the title row, events and an era; a bad month is an error with its row and line', () => {
    expect(timelinejs.detect(fixture('timelinejs-sheet.csv'), 'sheet.csv')).toBe(true);
    expect(result.rows).toEqual({ total: 4, imported: 3, skipped: 1 });
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([
      {
        severity: 'error',
        row: 4,
        line: 6,
        message: 'row 4: start_date: "1952-13" is not a calendar date (month 13); row skipped',
      },
    ]);
    expect(result.dataset!.title).toBe('Women in computing');
    expect(eventById(result, 'ada-lovelace-publishes-her-notes-2')).toMatchObject({
      date: '1843',
      category: 'pioneers',
      summary: 'Notes on the\nAnalytical Engine, with "Note G".',
      sources: [{ publisher: 'Science Museum', title: 'Ada', url: 'https://example.org/ada.jpg' }],
    });
    expect(eventById(result, 'eniac-unveiled-3').date).toBe('1946-02-15');
    expect(eventById(result, 'era-second-world-war-5')).toMatchObject({ date: '1940', end: '1945', category: 'era' });
    expectLoads(result);
  });
});

import { describe, expect, it } from 'vitest';
import { paragraphs, runs } from '../../../../src/lib/views/story/story-text';

describe('story text', () => {
  it('splits paragraphs at blank lines and keeps single line breaks inside one', () => {
    expect(paragraphs('One\nline two.\n\n\n  Three.\n \nFour')).toEqual([
      [{ text: 'One\nline two.' }],
      [{ text: 'Three.' }],
      [{ text: 'Four' }],
    ]);
  });

  it('makes links of written-out http(s) URLs only, leaving sentence punctuation outside', () => {
    expect(
      runs('See https://example.org/a?b=1. Or (http://x.org/y), then https://en.wikipedia.org/wiki/A_(b).'),
    ).toEqual([
      { text: 'See ' },
      { text: 'https://example.org/a?b=1', href: 'https://example.org/a?b=1' },
      { text: '. Or (' },
      { text: 'http://x.org/y', href: 'http://x.org/y' },
      { text: '), then ' },
      { text: 'https://en.wikipedia.org/wiki/A_(b)', href: 'https://en.wikipedia.org/wiki/A_(b)' },
      { text: '.' },
    ]);
  });

  it('keeps markup and other schemes as text', () => {
    const text = '<a href="javascript:alert(1)">x</a> javascript:alert(1) data:text/html,hi <b>https://ok.org</b>';
    const out = runs(text);
    expect(out.map((r) => r.text).join('')).toBe(text);
    expect(out.filter((r) => r.href).map((r) => r.href)).toEqual(['https://ok.org/']);
  });

  it('reads 100 KB of text into paragraphs without losing a character', () => {
    const para = 'word '.repeat(200).trim();
    const text = Array.from({ length: 100 }, () => para).join('\n\n');
    expect(text.length).toBeGreaterThan(100_000);
    const out = paragraphs(text);
    expect(out).toHaveLength(100);
    expect(out.every((p) => p.length === 1 && p[0]!.text === para)).toBe(true);
  });
});

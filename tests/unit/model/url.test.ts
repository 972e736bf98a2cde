import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isHttpUrl, safeHttpUrl } from '../../../src/lib/model/url';

describe('links from untrusted data', () => {
  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'java\tscript:alert(1)',
    '\u0000javascript:alert(1)',
    ' javascript:alert(1)',
    '&#106;avascript:alert(1)',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'blob:https://x/abc',
    '//evil.example/a',
    'https://ok.example/a b',
    'http://999.999.999.999/',
  ])('refuses %j', (text) => {
    expect(safeHttpUrl(text)).toBeNull();
    expect(isHttpUrl(text)).toBe(false);
  });

  it.each([
    'https://ok.example/a?q="><script>alert(1)</script>',
    'http://ccbsnews.info/en/news/detail/1764',
    'https://localhost:8080/x',
    'https://[::1]/',
  ])('accepts %j', (text) => {
    expect(safeHttpUrl(text)?.protocol).toMatch(/^https?:$/);
    expect(isHttpUrl(text)).toBe(true);
  });

  it('the fast check agrees with the URL parser on arbitrary input', () => {
    const urlish = fc.oneof(
      fc.webUrl({ withQueryParameters: true, withFragments: true }),
      fc.string().map((s) => `https://${s}`),
      fc.string().map((s) => `http://example.org/${s}`),
      fc.string(),
    );
    fc.assert(
      fc.property(urlish, (text) => {
        expect(isHttpUrl(text)).toBe(safeHttpUrl(text) !== null);
      }),
      { numRuns: 2000 },
    );
  }, 60_000);
});

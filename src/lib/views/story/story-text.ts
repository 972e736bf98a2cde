/**
 * A step's text as the panel shows it: paragraphs (split at blank lines) of plain text runs and
 * links. Nothing in the text is read as markup; a link is an http(s) URL written out that the URL
 * parser accepts (model/url.ts), with the punctuation that ends a sentence left outside it. Pure.
 */
import { safeHttpUrl } from '../../model/url';

export type Run = { text: string; href?: undefined } | { text: string; href: string };

/** Candidate URLs: a scheme, then anything up to white space or a character no bare URL ends a sentence with. */
const URL_LIKE = /https?:\/\/[^\s<>"'`]+/gi;
/** Trailing characters that belong to the sentence, not the address ("see https://x.org/a."). */
const TRAILING = /[.,;:!?)\]}»”’]+$/;

export function paragraphs(text: string): Run[][] {
  return text
    .split(/\n[ \t]*\n\s*/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map(runs);
}

export function runs(paragraph: string): Run[] {
  const out: Run[] = [];
  let at = 0;
  for (const match of paragraph.matchAll(URL_LIKE)) {
    let candidate = match[0];
    // A closing bracket stays when the address opened one: https://en.wikipedia.org/wiki/X_(Y)
    const trail = TRAILING.exec(candidate)?.[0] ?? '';
    if (trail) {
      const keepParen = trail.startsWith(')') && candidate.slice(0, -trail.length).includes('(');
      candidate = candidate.slice(0, candidate.length - trail.length + (keepParen ? 1 : 0));
    }
    const url = safeHttpUrl(candidate);
    if (!url) continue;
    if (match.index > at) out.push({ text: paragraph.slice(at, match.index) });
    out.push({ text: candidate, href: url.href });
    at = match.index + candidate.length;
  }
  if (at < paragraph.length) out.push({ text: paragraph.slice(at) });
  return out;
}

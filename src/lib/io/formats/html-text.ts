/**
 * HTML fields (TimelineJS headline and text) → plain text. Faultline renders no HTML from data
 * (security.md T1, T3), so markup is converted at ingest, not sanitised for display. This is a
 * small tokenizer rather than DOMParser or innerHTML so it stays pure and never instantiates
 * anything: tags are removed, script/style/iframe (and other embedding elements) lose their content
 * entirely, block tags become line breaks and a few entities are decoded. Decoding happens after the
 * tags are gone, so "&lt;b&gt;" comes out as the literal text "<b>", which the app shows as text.
 */

/** Elements whose content is never text a reader should see. */
const DROP_CONTENT = new Set([
  'script',
  'style',
  'iframe',
  'noscript',
  'template',
  'object',
  'embed',
  'svg',
  'math',
  'textarea',
  'title',
  'head',
  'frame',
  'frameset',
  'video',
  'audio',
]);
const BREAKS = new Set([
  'br',
  'p',
  'div',
  'li',
  'tr',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'section',
  'article',
  'ul',
  'ol',
  'table',
  'hr',
  'dt',
  'dd',
  'pre',
]);
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
const TAG_NAME = /<(\/?)([A-Za-z][A-Za-z0-9-]*)/y;

export function htmlToText(html: string): string {
  let out = '';
  let i = 0;
  const n = html.length;
  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      out += html.slice(i);
      break;
    }
    out += html.slice(i, lt);
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end < 0 ? n : end + 3;
      continue;
    }
    TAG_NAME.lastIndex = lt;
    const tag = TAG_NAME.exec(html);
    if (!tag) {
      // "<!DOCTYPE…>" and "<?…>" are markup; a lone "<" (as in "a < b") is text.
      const c = html[lt + 1];
      if (c === '!' || c === '?') i = tagEnd(html, lt + 2);
      else {
        out += '<';
        i = lt + 1;
      }
      continue;
    }
    const name = tag[2]!.toLowerCase();
    i = tagEnd(html, lt + tag[0].length);
    if (tag[1] !== '/' && DROP_CONTENT.has(name) && html[i - 2] !== '/') i = afterClosing(html, i, name);
    else if (BREAKS.has(name)) out += '\n';
  }
  return tidy(decodeEntities(out));
}

/** Index just past the '>' ending a tag, skipping quoted attribute values; the end when unclosed. */
function tagEnd(html: string, from: number): number {
  let quote = '';
  for (let i = from; i < html.length; i++) {
    const c = html[i]!;
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i + 1;
  }
  return html.length;
}

/** Index past "</name …>", or the end when it never closes (an unclosed script hides the rest). */
function afterClosing(html: string, from: number, name: string): number {
  const close = new RegExp(`</${name}(?=[\\s/>])`, 'gi');
  close.lastIndex = from;
  const m = close.exec(html);
  return m ? tagEnd(html, m.index + m[0].length) : html.length;
}

export function decodeEntities(text: string): string {
  return text.replace(/&(#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});/g, (whole, body: string) => {
    if (body[0] !== '#')
      return Object.prototype.hasOwnProperty.call(NAMED, body.toLowerCase()) ? NAMED[body.toLowerCase()]! : whole;
    const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    // NUL, surrogates and values past Unicode are not characters: the replacement character stands in.
    const valid = code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff);
    return valid ? String.fromCodePoint(code) : '\ufffd';
  });
}

/** Runs of spaces become one, lines are trimmed, at most one blank line in a row. */
function tidy(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\f\v\u00a0]+/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

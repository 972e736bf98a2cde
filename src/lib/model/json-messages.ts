/**
 * The wording of the JSON parser's problems: what a hand-editing mistake is called and how to
 * fix it, with pieces of the input quoted safely and cut short. Split from json.ts so the
 * parser file holds the parsing.
 */
import { CR, LF, SPACE, TAB } from './json-chars';

export function wordMessage(word: string): string {
  if (word === 'NaN' || word === 'Infinity' || word === 'undefined') return `${word} is not a JSON value`;
  const lower = word.toLowerCase();
  if (lower === 'true' || lower === 'false' || lower === 'null') {
    return `${quoteForMessage(word)} is not a JSON value; write ${lower} in lower case`;
  }
  if (lower === 'none' || lower === 'nil') return `${quoteForMessage(word)} is not a JSON value; use null`;
  return `unexpected word ${quoteForMessage(word)}; strings must be in double quotes`;
}

export function controlCharacterMessage(c: number): string {
  if (c === LF || c === CR) return 'line break inside a string: write \\n, or close the string with a double quote';
  if (c === TAB) return 'tab character inside a string: write \\t';
  return `control character ${unicodeName(c)} inside a string: write \\u${hex4(c)}`;
}

export function describeCharacter(text: string, at: number): string {
  const c = text.charCodeAt(at);
  if (c > SPACE && c < 0x7f) return `'${String.fromCharCode(c)}'`;
  return `character ${unicodeName(text.codePointAt(at) ?? c)}`;
}

function unicodeName(codePoint: number): string {
  return 'U+' + (codePoint > 0xffff ? codePoint.toString(16).toUpperCase() : hex4(codePoint));
}

function hex4(c: number): string {
  return c.toString(16).toUpperCase().padStart(4, '0');
}

/** Shows a few characters of source as typed, e.g. '\x'; JSON-quoted if any is not printable ASCII. */
export function quoteSource(s: string): string {
  return /^[\x20-\x7e]*$/.test(s) ? `'${s}'` : JSON.stringify(s);
}

/** Quotes a piece of the input for a message, cut short so a huge key cannot flood the report. */
export function quoteForMessage(s: string): string {
  return JSON.stringify(shorten(s));
}

export function shorten(s: string): string {
  return s.length > 40 ? s.slice(0, 40) + '…' : s;
}

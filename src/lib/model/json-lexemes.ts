/**
 * The JSON parser's reading of characters: digits, bare words (NaN, unquoted keys) and string
 * escapes: pure functions over a string and an offset, and the table of one-character escapes.
 */
import {
  BACKSLASH,
  DIGIT_0,
  DIGIT_9,
  DOLLAR,
  LOWER_U,
  MINUS,
  OPEN_BRACE,
  OPEN_BRACKET,
  QUOTE,
  SLASH,
  UNDERSCORE,
} from './json-chars';

/** Decoded value of each one-character escape, indexed by the character after the backslash. */
export const SIMPLE_ESCAPES: readonly (string | undefined)[] = (() => {
  const table: (string | undefined)[] = [];
  table[QUOTE] = '"';
  table[BACKSLASH] = '\\';
  table[SLASH] = '/';
  table[0x62] = '\b';
  table[0x66] = '\f';
  table[0x6e] = '\n';
  table[0x72] = '\r';
  table[0x74] = '\t';
  return table;
})();

/**
 * Decodes text[from, to), whose escapes scanString has already validated. Appending to a string
 * is fast in V8 (it builds a rope, flattened once on first use) and beats collecting parts.
 */
export function decodeEscapes(text: string, from: number, to: number): string {
  let decoded = '';
  let i = from;
  for (;;) {
    const backslash = text.indexOf('\\', i);
    if (backslash < 0 || backslash >= to) break;
    if (backslash > i) decoded += text.slice(i, backslash);
    const c = text.charCodeAt(backslash + 1);
    if (c === LOWER_U) {
      // Lone surrogates are kept, as JSON.parse keeps them; pairs recombine when appended.
      decoded += String.fromCharCode(hexQuad(text, backslash + 2));
      i = backslash + 6;
    } else {
      decoded += SIMPLE_ESCAPES[c] ?? '';
      i = backslash + 2;
    }
  }
  return i < to ? decoded + text.slice(i, to) : decoded;
}

/** Value of the four hex digits at `at`, already validated. */
function hexQuad(text: string, at: number): number {
  return (
    (hexValue(text.charCodeAt(at)) << 12) |
    (hexValue(text.charCodeAt(at + 1)) << 8) |
    (hexValue(text.charCodeAt(at + 2)) << 4) |
    hexValue(text.charCodeAt(at + 3))
  );
}

export function isDigit(c: number): boolean {
  return c >= DIGIT_0 && c <= DIGIT_9;
}

export function skipDigits(text: string, from: number): number {
  let i = from;
  while (isDigit(text.charCodeAt(i))) i++;
  return i;
}

/** Letters, digits, '_' and '$': what a bare word such as NaN or an unquoted key is made of. */
export function isWordChar(c: number): boolean {
  const lower = c | 0x20; // folds ASCII upper case onto lower case
  return (lower >= 0x61 && lower <= 0x7a) || isDigit(c) || c === UNDERSCORE || c === DOLLAR;
}

export function readWord(text: string, from: number): string {
  let end = from;
  while (end < text.length && isWordChar(text.charCodeAt(end))) end++;
  return text.slice(from, end);
}

/** Could `c` begin a value? Used to recognise a missing comma. */
export function startsValue(c: number): boolean {
  return c === QUOTE || c === OPEN_BRACE || c === OPEN_BRACKET || c === MINUS || isWordChar(c);
}

export function hexValue(c: number): number {
  if (isDigit(c)) return c - DIGIT_0;
  const lower = c | 0x20;
  return lower >= 0x61 && lower <= 0x66 ? lower - 0x61 + 10 : -1;
}

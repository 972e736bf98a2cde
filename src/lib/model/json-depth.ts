/**
 * A nesting check that scans the text without parsing it, for inputs too large for the strict
 * parser: it finds a depth bomb before anything recursive or allocating touches it.
 */
import type { JsonProblem } from './json-types';
import { pointerOf } from './json-position';

import { BACKSLASH, CLOSE_BRACE, CLOSE_BRACKET, COLON, COMMA, OPEN_BRACE, OPEN_BRACKET, QUOTE } from './json-chars';

/** What checkDepth remembers about one open container, enough to name its current member. */
interface DepthLevel {
  isArray: boolean;
  index: number;
  keyStart: number;
  keyEnd: number;
}

/** Linear scan (no parse) that reports the first place nesting exceeds maxDepth, ignoring brackets inside strings; null if fine. */
export function checkDepth(text: string, maxDepth: number): JsonProblem | null {
  const levels: DepthLevel[] = [];
  // The last string seen, so that a following ':' can make it the current key of its object.
  let stringStart = -1;
  let stringEnd = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      stringStart = i;
      i = skipStringForDepth(text, i);
      stringEnd = i;
    } else if (c === OPEN_BRACKET || c === OPEN_BRACE) {
      if (levels.length >= maxDepth) {
        return depthProblem(depthPointer(text, levels), i, maxDepth);
      }
      levels.push({ isArray: c === OPEN_BRACKET, index: 0, keyStart: -1, keyEnd: -1 });
    } else if (c === CLOSE_BRACKET || c === CLOSE_BRACE) {
      levels.pop();
    } else if (c === COMMA) {
      const top = levels[levels.length - 1];
      if (top?.isArray) top.index++;
    } else if (c === COLON) {
      const top = levels[levels.length - 1];
      if (top && !top.isArray) {
        top.keyStart = stringStart;
        top.keyEnd = stringEnd;
      }
    }
  }
  return null;
}

/** Index of the closing quote of the string opening at `open`, or the end of the text. */
function skipStringForDepth(text: string, open: number): number {
  let i = open + 1;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) return i;
    i += c === BACKSLASH ? 2 : 1;
  }
  return text.length;
}

/** Pointer of the innermost open container, the same one parseJson reports. */
function depthPointer(text: string, levels: DepthLevel[]): string {
  const tokens: Array<string | number> = [];
  // The innermost level's own member is not part of its pointer.
  for (let d = 0; d < levels.length - 1; d++) {
    const level = levels[d];
    if (!level) break;
    tokens.push(level.isArray ? level.index : rawKey(text, level.keyStart, level.keyEnd));
  }
  return pointerOf(tokens);
}

/** Decodes a key found by the depth scan; best effort, since the text has not been validated. */
function rawKey(text: string, open: number, close: number): string {
  if (open < 0) return '';
  const raw = text.slice(open + 1, close);
  if (raw.indexOf('\\') < 0) return raw;
  try {
    const decoded: unknown = JSON.parse(text.slice(open, close + 1));
    return typeof decoded === 'string' ? decoded : raw;
  } catch {
    return raw;
  }
}

export function depthProblem(pointer: string, offset: number, maxDepth: number): JsonProblem {
  return { pointer, offset, message: `nesting deeper than ${maxDepth} levels`, severity: 'error' };
}

/**
 * Where things are in a JSON text: offsets to line:column, RFC 6901 pointers, and the tree of
 * value offsets the parser records. Split from json.ts so the parser file holds only the parser.
 */
import type { TextPosition } from './json-types';
import { BOM, CR, LF } from './json-chars';

/** Builds a line-start index once; returns a fast offset -> position function (binary search). */
export function positionFinder(text: string): (offset: number) => TextPosition {
  const lineStarts = lineStartsOf(text);
  const lastLine = lineStarts.length - 1;
  return (offset: number): TextPosition => {
    const at = Number.isFinite(offset) ? Math.min(Math.max(Math.trunc(offset), 0), text.length) : 0;
    // Find the last line that starts at or before `at`.
    let low = 0;
    let high = lastLine;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((lineStarts[mid] ?? 0) <= at) low = mid;
      else high = mid - 1;
    }
    const start = lineStarts[low] ?? 0;
    // Math.max: offset 0 of a BOM-prefixed file is the invisible BOM; call it column 1.
    return { line: low + 1, column: Math.max(at - start, 0) + 1 };
  };
}

/**
 * Offsets where each line begins. CRLF, LF and a lone CR each end one line. The first line starts
 * after a BOM, because editors do not show it and columns should match what the person sees.
 */
function lineStartsOf(text: string): number[] {
  const starts = [text.charCodeAt(0) === BOM ? 1 : 0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === LF) {
      starts.push(i + 1);
    } else if (c === CR) {
      if (text.charCodeAt(i + 1) === LF) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

/** RFC 6901 pointer from tokens: pointerOf(['events', 3, 'a/b']) === '/events/3/a~1b'. */
export function pointerOf(tokens: ReadonlyArray<string | number>): string {
  let pointer = '';
  for (const token of tokens) pointer += '/' + escapePointerToken(String(token));
  return pointer;
}

function escapePointerToken(token: string): string {
  // Most keys contain neither character; skip the two regex passes for them.
  if (token.indexOf('~') < 0 && token.indexOf('/') < 0) return token;
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

/**
 * Where values start, as a tree mirroring the value: a scalar is just its offset; a container
 * also holds the positions of its members. A member's offset is that of its key's opening quote
 * in an object (the key is where a person looks) and of its value in an array.
 *
 * This replaces one Map keyed by pointer strings: building and hashing a pointer for every value
 * of a large file cost about as much as the rest of the parse. It is also independent of the
 * returned value, so callers may mutate that freely.
 */
export type PositionEntry = number | PositionNode;

export interface PositionNode {
  offset: number;
  members: PositionEntry[] | Map<string, PositionEntry>;
}

export function offsetOf(entry: PositionEntry): number {
  return typeof entry === 'number' ? entry : entry.offset;
}

/** Offset of the value at `pointer`, or of its deepest existing ancestor when it is missing. O(depth). */
export function locateIn(root: PositionEntry, pointer: string): number {
  let entry = root;
  if (pointer.startsWith('/')) {
    for (const token of pointer.slice(1).split('/')) {
      if (typeof entry === 'number') break; // a scalar has no members
      const name = unescapePointerToken(token);
      const members = entry.members;
      const next = Array.isArray(members)
        ? isArrayIndex(name)
          ? members[Number(name)]
          : undefined
        : members.get(name);
      if (next === undefined) break;
      entry = next;
    }
  }
  return offsetOf(entry);
}

function unescapePointerToken(token: string): string {
  if (token.indexOf('~') < 0) return token;
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

function isArrayIndex(token: string): boolean {
  return /^(?:0|[1-9][0-9]*)$/.test(token);
}

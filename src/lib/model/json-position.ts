/**
 * Where things are in a JSON text: offsets to line:column, and RFC 6901 pointers.
 * Split from json.ts so the parser file holds only the parser.
 */
import type { TextPosition } from './json';

const LF = 0x0a;
const CR = 0x0d;
const BOM = 0xfeff;


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

// The parser's result shapes, on their own so the parser's helpers can name them without importing the parser.

/** A place in the text. Both 1-based; column counts UTF-16 code units. */
export interface TextPosition {
  line: number;
  column: number;
}

export interface JsonProblem {
  /** RFC 6901 pointer of the value (warnings) or of the container being parsed (errors). */
  pointer: string;
  /** UTF-16 offset into the original text, BOM included. */
  offset: number;
  message: string;
  severity: 'error' | 'warning';
}

/**
 * A strict RFC 8259 JSON parser for untrusted dataset files.
 *
 * JSON.parse is fast but says little when it fails ("Unexpected token } in JSON at position
 * 5312"), accepts absurd nesting, lets duplicate keys pass silently and remembers nothing about
 * where a value came from. Faultline reports problems as `file:line:column /json/pointer: message`,
 * so this parser keeps the offset of every value, explains the common hand-editing mistakes
 * (trailing commas, comments, single quotes, NaN…) and enforces size limits.
 *
 * The module is pure: no DOM, Svelte or Node imports.
 */

export interface JsonLimits {
  /** Deepest allowed nesting of arrays and objects; the root container is level 1. */
  maxDepth: number;
  /** Longest allowed string (keys included), in UTF-16 code units after unescaping. */
  maxStringLength: number;
}

export const DEFAULT_JSON_LIMITS: JsonLimits = Object.freeze({ maxDepth: 32, maxStringLength: 1_000_000 });

export type JsonParseResult =
  | { ok: true; value: unknown; warnings: JsonProblem[]; locate: (pointer: string) => number }
  | { ok: false; error: JsonProblem };

// Character codes, named so the scanning code reads as grammar.

import {
  APOSTROPHE,
  BACKSLASH,
  BOM,
  CLOSE_BRACE,
  CLOSE_BRACKET,
  COLON,
  COMMA,
  CR,
  DIGIT_0,
  DIGIT_1,
  DIGIT_9,
  DOT,
  LF,
  LOWER_E,
  LOWER_U,
  MINUS,
  OPEN_BRACE,
  OPEN_BRACKET,
  PLUS,
  QUOTE,
  SLASH,
  SPACE,
  STAR,
  TAB,
  UPPER_E,
} from './json-chars';
import { checkDepth, depthProblem } from './json-depth';
import type { JsonProblem, TextPosition } from './json-types';

export type { JsonProblem, TextPosition } from './json-types';
import {
  controlCharacterMessage,
  describeCharacter,
  quoteForMessage,
  quoteSource,
  shorten,
  wordMessage,
} from './json-messages';
import { locateIn, offsetOf, pointerOf, positionFinder, type PositionEntry, type PositionNode } from './json-position';
import {
  decodeEscapes,
  hexValue,
  isDigit,
  isWordChar,
  readWord,
  SIMPLE_ESCAPES,
  skipDigits,
  startsValue,
} from './json-lexemes';

export { checkDepth, pointerOf, positionFinder };

/** The one key that ordinary assignment turns into a prototype change; Faultline drops it. */
const RESERVED_KEY = '__proto__';

// ---------------------------------------------------------------------------------------------
// Parser
// ---------------------------------------------------------------------------------------------

export function parseJson(text: string, limits?: Partial<JsonLimits>): JsonParseResult {
  if (typeof text !== 'string') {
    return { ok: false, error: { pointer: '', offset: 0, message: 'the input is not text', severity: 'error' } };
  }
  const parser = new Parser(text, {
    maxDepth: limitOr(limits?.maxDepth, DEFAULT_JSON_LIMITS.maxDepth),
    maxStringLength: limitOr(limits?.maxStringLength, DEFAULT_JSON_LIMITS.maxStringLength),
  });
  try {
    const value = parser.parseDocument();
    const positions = parser.positions;
    return { ok: true, value, warnings: parser.warnings, locate: (pointer) => locateIn(positions, pointer) };
  } catch (error) {
    // Only our own failures become results; anything else is a bug and should surface.
    if (error instanceof JsonFailure) return { ok: false, error: error.problem };
    throw error;
  }
}

/**
 * A limit as given, or the default when it is missing or NaN. Spreading the partial limits would
 * let an explicit `undefined` erase a default, and NaN would silently disable the check, since
 * every comparison with it is false.
 */
function limitOr(value: number | undefined, fallback: number): number {
  return value === undefined || Number.isNaN(value) ? fallback : value;
}

/** Thrown inside the parser to unwind to parseJson; never escapes it. */
class JsonFailure extends Error {
  constructor(readonly problem: JsonProblem) {
    super(problem.message);
  }
}

interface FrameBase {
  /** Offset of the opening bracket. */
  openOffset: number;
  /** Offset of the member being parsed (its key in an object). */
  memberOffset: number;
}

interface ArrayFrame extends FrameBase {
  kind: 'array';
  value: unknown[];
  members: PositionEntry[];
}

interface ObjectFrame extends FrameBase {
  kind: 'object';
  value: Record<string, unknown>;
  members: Map<string, PositionEntry>;
  /** Key of the member being parsed. */
  key: string;
  /** False when the member's value is to be dropped (`__proto__`). */
  keep: boolean;
}

type Frame = ArrayFrame | ObjectFrame;

/** Result of scanning a string without decoding it. */
interface StringScan {
  /** Offset of the closing quote. */
  end: number;
  /** Length after unescaping, in UTF-16 code units. */
  length: number;
  hasEscapes: boolean;
}

/**
 * Iterative parser: open containers live on an explicit stack instead of the JS call stack, so
 * no input can overflow it whatever maxDepth is, and the depth limit is a plain comparison.
 * Pointers are only built when a problem is reported, from the keys and indices on the stack.
 */
class Parser {
  readonly warnings: JsonProblem[] = [];
  /** Where every value starts, for locate(). */
  positions: PositionEntry = 0;
  private pos = 0;
  private readonly stack: Frame[] = [];
  private finder: ((offset: number) => TextPosition) | undefined;

  constructor(
    private readonly text: string,
    private readonly limits: JsonLimits,
  ) {}

  parseDocument(): unknown {
    if (this.code() === BOM) this.pos = 1;
    this.skipWhitespace();
    if (this.atEnd()) this.fail(0, 'the file is empty');
    this.positions = this.pos;
    const value = this.parseValue();
    this.skipWhitespace();
    if (!this.atEnd()) {
      this.rejectComment();
      this.fail(this.pos, 'unexpected content after the end of the JSON value');
    }
    return value;
  }

  /** Parses the value at `pos`, including everything nested in it, without recursion. */
  private parseValue(): unknown {
    const stack = this.stack;
    for (;;) {
      // At the start of a value: a scalar, an empty container, or the first member of a container.
      let value: unknown;
      const c = this.code();
      if (c === OPEN_BRACKET || c === OPEN_BRACE) {
        const frame = this.openContainer(c);
        if (!this.closeIfEmpty(frame)) {
          this.beginMember(frame, -1);
          continue;
        }
        stack.pop();
        value = frame.value;
      } else {
        value = this.parseScalar();
      }
      // The value is complete: store it, then close every container that ends right after it.
      for (;;) {
        const frame = stack[stack.length - 1];
        if (frame === undefined) return value;
        this.store(frame, value);
        const comma = this.endMember(frame);
        if (comma >= 0) {
          this.beginMember(frame, comma);
          break;
        }
        stack.pop();
        value = frame.value;
      }
    }
  }

  private openContainer(c: number): Frame {
    if (this.stack.length >= this.limits.maxDepth) {
      throw new JsonFailure(depthProblem(this.containerPointer(), this.pos, this.limits.maxDepth));
    }
    const openOffset = this.pos++;
    const frame: Frame =
      c === OPEN_BRACKET
        ? { kind: 'array', value: [], members: [], openOffset, memberOffset: openOffset }
        : { kind: 'object', value: {}, members: new Map(), openOffset, memberOffset: openOffset, key: '', keep: false };
    this.addPositionNode(frame.members);
    this.stack.push(frame);
    return frame;
  }

  /** The container being opened is a member of the top frame: give it a node for its own members. */
  private addPositionNode(members: PositionNode['members']): void {
    const parent = this.stack[this.stack.length - 1];
    if (parent === undefined) {
      this.positions = { offset: offsetOf(this.positions), members };
    } else if (parent.kind === 'array') {
      parent.members[parent.members.length - 1] = { offset: parent.memberOffset, members };
    } else {
      parent.members.set(parent.key, { offset: parent.memberOffset, members });
    }
  }

  /** Consumes the closing bracket of an empty container. */
  private closeIfEmpty(frame: Frame): boolean {
    this.skipWhitespace();
    if (this.code() !== closerOf(frame)) return false;
    this.pos++;
    return true;
  }

  /**
   * Positions `pos` at the value of the next member.
   * `comma` is the offset of the comma before this member, or -1 for the first member.
   */
  private beginMember(frame: Frame, comma: number): void {
    this.skipWhitespace();
    if (comma >= 0 && this.code() === closerOf(frame)) {
      this.fail(comma, `trailing comma before '${String.fromCharCode(closerOf(frame))}'`);
    }
    if (frame.kind === 'array') {
      frame.memberOffset = this.pos;
      frame.members.push(this.pos);
    } else {
      this.beginObjectMember(frame);
    }
  }

  /** Reads `"key":` and decides what happens to the value that follows. */
  private beginObjectMember(frame: ObjectFrame): void {
    if (this.code() !== QUOTE) this.rejectKey();
    const keyOffset = this.pos;
    const key = this.parseString();
    this.skipWhitespace();
    if (this.code() !== COLON) {
      this.rejectComment();
      this.rejectEnd();
      this.fail(this.pos, `missing ':' after the key ${quoteForMessage(key)}`);
    }
    this.pos++;
    this.skipWhitespace();

    // Set before warning: the warning's pointer is built from frame.key.
    frame.key = key;
    frame.keep = key !== RESERVED_KEY;
    frame.memberOffset = keyOffset;
    const earlier = frame.members.get(key);
    // Replacing the earlier entry matches the value: the last duplicate wins.
    frame.members.set(key, keyOffset);
    if (!frame.keep) {
      this.warn(keyOffset, `key "${RESERVED_KEY}" is reserved and ignored by Faultline`);
    } else if (earlier !== undefined) {
      const at = this.positionOf(offsetOf(earlier));
      this.warn(
        keyOffset,
        `duplicate key ${quoteForMessage(key)} (also at line ${at.line}, column ${at.column}); the last value is used`,
      );
    }
  }

  private store(frame: Frame, value: unknown): void {
    if (frame.kind === 'array') {
      frame.value.push(value);
    } else if (frame.keep) {
      setOwnProperty(frame.value, frame.key, value);
    }
  }

  /** After a member: consumes ',' (returns its offset) or the closing bracket (returns -1). */
  private endMember(frame: Frame): number {
    this.skipWhitespace();
    const c = this.code();
    if (c === COMMA) return this.pos++;
    if (c === closerOf(frame)) {
      this.pos++;
      return -1;
    }
    this.rejectComment();
    this.rejectEnd();
    const closer = String.fromCharCode(closerOf(frame));
    if (startsValue(c)) {
      const between = frame.kind === 'array' ? 'array elements' : 'object members';
      this.fail(this.pos, `missing comma between ${between}`);
    }
    this.fail(this.pos, `expected ',' or '${closer}' but found ${this.describeHere()}`);
  }

  // --- Scalars -----------------------------------------------------------------------------

  private parseScalar(): unknown {
    const c = this.code();
    if (c === QUOTE) return this.parseString();
    if (c === MINUS || isDigit(c)) return this.parseNumber();
    if (isWordChar(c)) return this.parseWord();
    this.rejectComment();
    this.rejectEnd();
    if (c === APOSTROPHE) this.fail(this.pos, 'strings must use double quotes');
    if (c === PLUS) this.fail(this.pos, "numbers cannot start with '+'");
    if (c === DOT) this.fail(this.pos, 'numbers must start with a digit (write 0.5, not .5)');
    this.fail(this.pos, `expected a value but found ${this.describeHere()}`);
  }

  /** true, false and null; anything else made of letters gets the most helpful rejection. */
  private parseWord(): boolean | null {
    const start = this.pos;
    const word = readWord(this.text, start);
    if (word === 'true' || word === 'false' || word === 'null') {
      this.pos = start + word.length;
      return word === 'true' ? true : word === 'false' ? false : null;
    }
    this.fail(start, wordMessage(word));
  }

  private parseNumber(): number {
    const text = this.text;
    const start = this.pos;
    let i = start;
    if (text.charCodeAt(i) === MINUS) i++;
    const first = text.charCodeAt(i);
    if (first === DIGIT_0) {
      i++;
      if (isDigit(text.charCodeAt(i))) this.fail(i - 1, 'numbers cannot have leading zeros');
    } else if (first >= DIGIT_1 && first <= DIGIT_9) {
      i = skipDigits(text, i + 1);
    } else {
      const word = readWord(text, i);
      this.fail(start, word === 'Infinity' ? '-Infinity is not a JSON value' : "expected a digit after '-'");
    }
    if (text.charCodeAt(i) === DOT) {
      if (!isDigit(text.charCodeAt(i + 1))) this.fail(i + 1, 'expected a digit after the decimal point');
      i = skipDigits(text, i + 1);
    }
    const e = text.charCodeAt(i);
    if (e === LOWER_E || e === UPPER_E) {
      i++;
      const sign = text.charCodeAt(i);
      if (sign === PLUS || sign === MINUS) i++;
      if (!isDigit(text.charCodeAt(i))) this.fail(i, 'expected a digit in the exponent');
      i = skipDigits(text, i);
    }
    this.pos = i;
    const literal = text.slice(start, i);
    // The grammar has been checked, so Number() and JSON.parse agree on every accepted literal.
    const value = Number(literal);
    if (!Number.isFinite(value)) {
      this.warn(start, `number ${shorten(literal)} is out of range`);
    }
    return value;
  }

  private parseString(): string {
    const open = this.pos;
    const scan = this.scanString(open);
    const max = this.limits.maxStringLength;
    if (scan.length > max) {
      this.fail(open, `string is ${scan.length} characters long, over the limit of ${max}`);
    }
    this.pos = scan.end + 1;
    // Most strings have no escapes: one slice, no intermediate pieces.
    return scan.hasEscapes ? decodeEscapes(this.text, open + 1, scan.end) : this.text.slice(open + 1, scan.end);
  }

  /** Validates the string opening at `open` and measures it, building nothing. */
  private scanString(open: number): StringScan {
    const text = this.text;
    let i = open + 1;
    let length = 0;
    let hasEscapes = false;
    for (;;) {
      if (i >= text.length) this.fail(open, 'unterminated string: the closing double quote is missing');
      const c = text.charCodeAt(i);
      if (c === QUOTE) return { end: i, length, hasEscapes };
      if (c === BACKSLASH) {
        i += this.escapeWidth(open, i);
        hasEscapes = true;
      } else if (c < SPACE) {
        this.fail(i, controlCharacterMessage(c));
      } else {
        i++;
      }
      length++;
    }
  }

  /** Number of characters taken by the valid escape at `at`; fails on an invalid one. */
  private escapeWidth(open: number, at: number): number {
    const text = this.text;
    if (at + 1 >= text.length) this.fail(open, 'unterminated string: the closing double quote is missing');
    const c = text.charCodeAt(at + 1);
    if (c === LOWER_U) {
      for (let k = 2; k < 6; k++) {
        if (at + k >= text.length) this.fail(open, 'unterminated string: the closing double quote is missing');
        if (hexValue(text.charCodeAt(at + k)) < 0) {
          this.fail(at, `invalid unicode escape ${quoteSource(text.slice(at, at + 6))}; \\u needs four hex digits`);
        }
      }
      return 6;
    }
    if (SIMPLE_ESCAPES[c] !== undefined) return 2;
    const shown = text.slice(at, at + 1 + (text.codePointAt(at + 1)! > 0xffff ? 2 : 1));
    this.fail(
      at,
      `invalid escape ${quoteSource(shown)} in string; valid escapes are \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX`,
    );
  }

  // --- Diagnostics -------------------------------------------------------------------------

  /** Fails if a comment starts here, the usual reason for a '/' where JSON expects something else. */
  private rejectComment(): void {
    if (this.code() === SLASH) {
      const next = this.text.charCodeAt(this.pos + 1);
      if (next === SLASH || next === STAR) this.fail(this.pos, 'comments are not allowed in JSON');
    }
  }

  /** Fails with "not closed" when the input stops inside a container. */
  private rejectEnd(): void {
    if (!this.atEnd()) return;
    const frame = this.stack[this.stack.length - 1];
    if (!frame) this.fail(this.pos, 'unexpected end of the file');
    const opened = this.positionOf(frame.openOffset);
    this.fail(
      this.pos,
      `unexpected end of the file: the ${frame.kind} opened at line ${opened.line}, column ${opened.column} is not closed`,
    );
  }

  /** Called where a key must start but no '"' is there. */
  private rejectKey(): never {
    const c = this.code();
    this.rejectComment();
    this.rejectEnd();
    if (c === APOSTROPHE) this.fail(this.pos, 'strings must use double quotes');
    if (isWordChar(c) || c === MINUS) this.fail(this.pos, 'object keys must be strings in double quotes');
    this.fail(this.pos, `expected a key in double quotes but found ${this.describeHere()}`);
  }

  private describeHere(): string {
    return describeCharacter(this.text, this.pos);
  }

  /** Pointer of the innermost open container: the place an error is reported. */
  private containerPointer(): string {
    return this.pointerThrough(this.stack.length - 1);
  }

  /** Pointer of the value being parsed: the place a warning is reported. */
  private valuePointer(): string {
    return this.pointerThrough(this.stack.length);
  }

  /** Pointer made of the current members of the outermost `depth` open containers. */
  private pointerThrough(depth: number): string {
    const tokens: Array<string | number> = [];
    for (let d = 0; d < depth; d++) {
      const frame = this.stack[d];
      if (frame) tokens.push(frame.kind === 'array' ? frame.value.length : frame.key);
    }
    return pointerOf(tokens);
  }

  private fail(offset: number, message: string): never {
    throw new JsonFailure({ pointer: this.containerPointer(), offset, message, severity: 'error' });
  }

  private warn(offset: number, message: string): void {
    this.warnings.push({ pointer: this.valuePointer(), offset, message, severity: 'warning' });
  }

  /** Built on first use: most documents never need a line number while parsing. */
  private positionOf(offset: number): TextPosition {
    this.finder ??= positionFinder(this.text);
    return this.finder(offset);
  }

  // --- Low-level scanning ------------------------------------------------------------------

  private code(): number {
    return this.text.charCodeAt(this.pos); // NaN past the end, which matches nothing
  }

  private atEnd(): boolean {
    return this.pos >= this.text.length;
  }

  private skipWhitespace(): void {
    const text = this.text;
    let i = this.pos;
    for (;;) {
      const c = text.charCodeAt(i);
      if (c !== SPACE && c !== LF && c !== CR && c !== TAB) break;
      i++;
    }
    this.pos = i;
  }
}

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/**
 * Makes `key` an own enumerable data property of a plain object, never touching a prototype.
 * Callers have already dropped `__proto__`.
 */
function setOwnProperty(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key in Object.prototype) {
    // "constructor", "toString"…: assignment could run a setter or, if Object.prototype is
    // frozen, throw. defineProperty always makes an own data property and, on a duplicate,
    // keeps the key's first position, as JSON.parse does.
    Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  } else {
    // Nothing on the prototype chain has this name, so assignment makes an own data property
    // too; it parses a whole file about 20% faster than defineProperty.
    target[key] = value;
  }
}

function closerOf(frame: Frame): number {
  return frame.kind === 'array' ? CLOSE_BRACKET : CLOSE_BRACE;
}

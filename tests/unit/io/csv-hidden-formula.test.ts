import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { neutralizeFormula, readCsv, restoreFormula, writeCsv } from '../../../src/lib/io/csv';

/** What a spreadsheet skips before it decides a cell is a formula. */
const HIDING = {
  space: ' ',
  'two spaces': '  ',
  NBSP: '\u00a0',
  VT: '\u000b',
  FF: '\u000c',
  BOM: '\ufeff',
  'zero-width space': '\u200b',
  'zero-width joiner': '\u200d',
  'word joiner': '\u2060',
  'right-to-left mark': '\u200f',
  'soft hyphen': '\u00ad',
  'ideographic space': '\u3000',
  'BOM then space': '\ufeff ',
} as const;
/** Formula triggers, including the full-width forms a spreadsheet folds to them and DDE's pipe. */
const TRIGGERS = ['=', '+', '-', '@', '|', '\uff1d', '\uff0b', '\uff0d', '\uff20'] as const;

const cases = Object.entries(HIDING).flatMap(([name, prefix]) =>
  TRIGGERS.map((trigger) => [`${name} + ${trigger}`, `${prefix}${trigger}1+1`] as const),
);

describe('formula triggers behind characters a spreadsheet skips', () => {
  it.each(cases)('neutralises %s', (_, cell) => {
    expect(neutralizeFormula(cell)).toBe(`'${cell}`);
    const back = readCsv(writeCsv([[cell, 'x']]), { delimiter: ',' }).records[0]!.fields;
    expect(back[0]).toBe(`'${cell}`);
    expect(restoreFormula(back[0]!)).toBe(cell);
  });

  it.each(TRIGGERS)('neutralises a leading %j', (trigger) => {
    expect(neutralizeFormula(`${trigger}cmd|' /C calc'!A0`)).toBe(`'${trigger}cmd|' /C calc'!A0`);
  });

  it('neutralises a hidden trigger after quotes already there, and undoes exactly one quote', () => {
    expect(neutralizeFormula("'\u00a0=x")).toBe("''\u00a0=x");
    expect(restoreFormula("''\u00a0=x")).toBe("'\u00a0=x");
  });

  it('neutralises a trigger behind control characters', () => {
    for (const hidden of ['\u0001', '\u0010', '\u0019', '\u001f', '\u007f', '\u0085'])
      expect(neutralizeFormula(`${hidden}=1`)).toBe(`'${hidden}=1`);
  });

  it('leaves ordinary text alone', () => {
    for (const text of ['Ganja', ' Ganja', '\u00a0Ganja', '5 km', 'a=b', 'x-ray', 'mail@example.org', '“quoted”', ''])
      expect(neutralizeFormula(text)).toBe(text);
  });

  it('stays reversible for any text built from quotes, skipped characters and triggers', () => {
    const piece = fc.constantFrom(
      "'",
      ...Object.values(HIDING),
      ...TRIGGERS,
      '\t',
      '\r',
      '\n',
      '\0',
      '\u0010',
      'a',
      'Z',
      '1',
      ' ',
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 8 }).map((parts) => parts.join('')),
        (text) => {
          expect(restoreFormula(neutralizeFormula(text))).toBe(text);
          expect(restoreFormula(text) === text || neutralizeFormula(restoreFormula(text)) === text).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  }, 60_000);
});

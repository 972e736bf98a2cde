import { describe, expect, it } from 'vitest';
import { readBytes } from '../../../src/lib/io/read-bytes';
import { LIMITS } from '../../../src/lib/model/limits';
import { generate } from '../../../scripts/synthetic';
import { toCsv } from '../../../src/lib/io/formats/export';
import { readJson } from '../../../src/lib/io/formats/json-input';

// Every format is read by one function, in the load worker for large files: an import larger than
// what is edited here crosses to the page as a pack (one buffer, no objects to copy or collect).

const bytes = (text: string): ArrayBuffer => new TextEncoder().encode(text).buffer as ArrayBuffer;

describe('readBytes', () => {
  it('an import up to the editable size arrives as objects, with its import report', () => {
    const d = generate(300, 2);
    const read = readBytes(bytes(toCsv(d.events, d.categories)), 'small.csv');
    expect(read.import?.rows).toEqual({ total: 300, imported: 300, skipped: 0 });
    expect(read.result.ok && read.result.kind).toBe('parts');
  });

  it('a larger import arrives as a verified pack holding every row', () => {
    const n = LIMITS.maxEditablePackEvents + 1;
    const d = generate(n, 2);
    const read = readBytes(bytes(toCsv(d.events, d.categories)), 'large.csv');
    expect(read.import?.rows).toEqual({ total: n, imported: n, skipped: 0 });
    expect(read.result.ok && read.result.kind).toBe('pack');
  }, 120_000);

  it('says what it cannot read, before reading: a file over the limit, in MB', () => {
    const read = readBytes(new ArrayBuffer(LIMITS.maxFileBytes + 1), 'huge.csv');
    expect(read.result.ok).toBe(false);
    expect(read.error).toBe('the file is 64.0 MB; the limit is 64 MB (larger datasets load as a pack: npm run pack)');
  });

  it("an importer's own size check speaks the same unit (it said the limit was 67.108864 MB)", () => {
    const read = readJson(' '.repeat(LIMITS.maxFileBytes + 1));
    expect(read.ok === false && read.message).toBe('the file is 64.0 MB; the limit is 64 MB');
  });
});

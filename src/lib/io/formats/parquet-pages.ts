/**
 * A pass over a Parquet file's page headers before any page is decoded. The footer says how many
 * values each column chunk holds and where it lies; every page header inside it must agree: its
 * value count within the chunk's, its sizes within the chunk's bytes and the decompression limit.
 * A header that lies (a flipped byte made one page claim two billion values, and the reader
 * filled an array that long for minutes) is refused here with the column and offset. Page headers
 * are Thrift compact structs; only the fields checked are kept, the rest are skipped by type.
 */
import type { FileMetaData } from 'hyparquet';

interface PageHeader {
  type: number;
  uncompressed: number;
  compressed: number;
  /** Values in a data page (v1 or v2) or entries in a dictionary page. */
  values: number;
  /** A v2 data page's definition and repetition level bytes (stored uncompressed, before the values). */
  levels: number;
  /** The header's own length in bytes. */
  length: number;
}

class Reader {
  offset: number;
  constructor(
    private readonly bytes: Uint8Array,
    start: number,
    private readonly end: number,
  ) {
    this.offset = start;
  }

  byte(): number {
    if (this.offset >= this.end) throw new Error('a page header runs past its column chunk');
    return this.bytes[this.offset++]!;
  }

  varint(): number {
    let result = 0;
    let shift = 0;
    for (;;) {
      const b = this.byte();
      // Beyond 2^53 nothing here is meaningful: lengths and counts that large are refused anyway.
      result += (b & 0x7f) * 2 ** shift;
      if (!(b & 0x80)) return result;
      shift += 7;
      if (shift > 63) throw new Error('a page header has a malformed number');
    }
  }

  zigzag(): number {
    const n = this.varint();
    return n % 2 === 0 ? n / 2 : -(n + 1) / 2;
  }

  skip(type: number, depth: number): void {
    if (depth > 16) throw new Error('a page header nests too deeply');
    switch (type) {
      case 1:
      case 2:
        return;
      case 3:
        this.byte();
        return;
      case 4:
      case 5:
      case 6:
        this.varint();
        return;
      case 7:
        this.advance(8);
        return;
      case 8:
        this.advance(this.varint());
        return;
      case 9:
      case 10: {
        const head = this.byte();
        const size = head >> 4 === 15 ? this.varint() : head >> 4;
        for (let i = 0; i < size; i++) this.skip(head & 0x0f, depth + 1);
        return;
      }
      case 11: {
        const size = this.varint();
        if (size === 0) return;
        const types = this.byte();
        for (let i = 0; i < size; i++) {
          this.skip(types >> 4, depth + 1);
          this.skip(types & 0x0f, depth + 1);
        }
        return;
      }
      case 12:
        this.struct(() => false, depth + 1);
        return;
      default:
        throw new Error(`a page header has an unknown field type ${type}`);
    }
  }

  advance(n: number): void {
    if (n < 0 || this.offset + n > this.end) throw new Error('a page header runs past its column chunk');
    this.offset += n;
  }

  /** Reads a struct's fields, handing each (id, type) to `field`, which reads it and returns true, or returns false to skip it. */
  struct(field: (id: number, type: number) => boolean, depth: number): void {
    let id = 0;
    for (;;) {
      const head = this.byte();
      const type = head & 0x0f;
      if (type === 0) return;
      const delta = head >> 4;
      id = delta ? id + delta : this.zigzag();
      if (!field(id, type)) this.skip(type, depth);
    }
  }
}

function readHeader(bytes: Uint8Array, start: number, end: number): PageHeader {
  const r = new Reader(bytes, start, end);
  const header: PageHeader = { type: -1, uncompressed: -1, compressed: -1, values: 0, levels: 0, length: 0 };
  r.struct((id, type) => {
    if (type === 5 && id >= 1 && id <= 3) {
      const v = r.zigzag();
      if (id === 1) header.type = v;
      else if (id === 2) header.uncompressed = v;
      else header.compressed = v;
      return true;
    }
    // data_page_header (5), dictionary_page_header (7), data_page_header_v2 (8): field 1 is num_values.
    if (type === 12 && (id === 5 || id === 7 || id === 8)) {
      r.struct((inner, innerType) => {
        if (inner === 1 && innerType === 5) {
          header.values = r.zigzag();
          return true;
        }
        if (id === 8 && (inner === 5 || inner === 6) && innerType === 5) {
          const n = r.zigzag();
          header.levels = n < 0 || header.levels < 0 ? -1 : header.levels + n;
          return true;
        }
        return false;
      }, 1);
      return true;
    }
    return false;
  }, 0);
  header.length = r.offset - start;
  return header;
}

/**
 * Null when every page header of the columns read agrees with the footer, else why not. `maxPageBytes`
 * bounds one page's decompressed size.
 */
export function checkPages(
  buffer: ArrayBuffer,
  metadata: FileMetaData,
  columns: readonly string[],
  maxPageBytes: number,
): string | null {
  const bytes = new Uint8Array(buffer);
  for (const group of metadata.row_groups) {
    for (const chunk of group.columns) {
      const meta = chunk.meta_data;
      if (!meta || !columns.includes(meta.path_in_schema[0]!)) continue;
      const name = meta.path_in_schema.join('.');
      const values = Number(meta.num_values);
      const start = Number(meta.dictionary_page_offset ?? meta.data_page_offset);
      const end = start + Number(meta.total_compressed_size);
      if (!(start >= 0 && end <= bytes.length && end >= start)) return `column ${name}: its pages lie outside the file`;
      let offset = start;
      let seen = 0;
      try {
        while (offset < end && seen < values) {
          const page = readHeader(bytes, offset, end);
          if (page.compressed < 0 || page.uncompressed < 0 || page.values < 0 || page.levels < 0)
            return `column ${name}: a page header at byte ${offset} has a negative size`;
          if (page.levels > page.compressed || page.levels > page.uncompressed)
            return `column ${name}: a page at byte ${offset} has ${page.levels.toLocaleString('en-GB')} bytes of levels in a page of ${page.compressed.toLocaleString('en-GB')}`;
          if (page.values > values)
            return `column ${name}: a page at byte ${offset} claims ${page.values.toLocaleString('en-GB')} values; its column chunk holds ${values.toLocaleString('en-GB')}`;
          if (page.uncompressed > maxPageBytes)
            return `column ${name}: a page at byte ${offset} decompresses to ${page.uncompressed.toLocaleString('en-GB')} bytes; the limit is ${maxPageBytes.toLocaleString('en-GB')}`;
          offset += page.length + page.compressed;
          if (offset > end) return `column ${name}: a page at byte ${offset} runs past its column chunk`;
          // Dictionary pages (type 2) hold entries, not the column's values.
          if (page.type !== 2) seen += page.values;
        }
      } catch (error) {
        return `column ${name}: ${(error as Error).message} (byte ${offset})`;
      }
    }
  }
  return null;
}

/**
 * Lists of rows cut from large buffers whose memory was written once ahead, in idle time.
 *
 * On the benchmark's machine (a 2-core VM), the first write to fresh memory costs ~4 ms per MB
 * in Chromium: each page faults, and every ArrayBuffer above about a megabyte is fresh memory.
 * A category toggle at a million events lists ~4 MB of rows and a brush step up to as many, so
 * faulting their pages took 10–20 ms of a click. Cut from memory already written, they do not.
 *
 * Memory is never handed out twice: a list stays valid for as long as anyone holds it (views
 * share the lists and memoise by them), and a chunk is freed once no list cut from it is held.
 */
export class RowArena {
  readonly #chunkRows: number;
  #chunk: Uint32Array<ArrayBuffer> | null = null;
  #used = 0;
  /** How far the current chunk's memory has been written ahead. */
  #written = 0;
  /** The next chunk, written ahead while the current one is in use. */
  #spare: Uint32Array<ArrayBuffer> | null = null;
  #spareWritten = 0;

  /** `chunkRows`: rows per chunk; a list longer than a quarter of that gets memory of its own. */
  constructor(chunkRows: number) {
    this.#chunkRows = chunkRows;
  }

  /** A list of n rows (zeros) in memory no other list uses. */
  take(n: number): Uint32Array<ArrayBuffer> {
    if (n > this.#chunkRows / 4) return new Uint32Array(n);
    if (!this.#chunk || this.#used + n > this.#chunk.length) {
      const spare = this.#spare;
      this.#chunk = spare ?? new Uint32Array(this.#chunkRows);
      this.#written = spare ? this.#spareWritten : 0;
      this.#spare = null;
      this.#spareWritten = 0;
      this.#used = 0;
    }
    const list = this.#chunk.subarray(this.#used, this.#used + n);
    this.#used += n;
    return list;
  }

  /**
   * Writes the next `rows` rows of memory the coming lists will use (the rest of the current
   * chunk, then a spare): idle work, a slice at a time. False once both are written.
   */
  writeAhead(rows: number): boolean {
    this.#chunk ??= new Uint32Array(this.#chunkRows);
    // Only memory past every list handed out: writing inside one would change it.
    const from = Math.max(this.#written, this.#used);
    if (from < this.#chunk.length) {
      this.#written = Math.min(this.#chunk.length, from + rows);
      this.#chunk.fill(0, from, this.#written);
      return true;
    }
    this.#spare ??= new Uint32Array(this.#chunkRows);
    if (this.#spareWritten < this.#spare.length) {
      const to = Math.min(this.#spare.length, this.#spareWritten + rows);
      this.#spare.fill(0, this.#spareWritten, to);
      this.#spareWritten = to;
      return this.#spareWritten < this.#spare.length;
    }
    return false;
  }
}

/**
 * A many-valued column (actors, tags) in compressed sparse rows: row r's codes are
 * codes[offsets[r]] … codes[offsets[r + 1] - 1]. Two typed arrays instead of one array per row.
 */
export interface MultiColumn {
  /** Distinct values, sorted; codes index into it. */
  readonly values: readonly string[];
  readonly offsets: Uint32Array;
  readonly codes: Uint32Array;
}

/** Builds the column for rows given by `get`, with codes in the sorted order of the values. */
export function buildMultiColumn(size: number, get: (row: number) => readonly string[] | undefined): MultiColumn {
  const offsets = new Uint32Array(size + 1);
  for (let r = 0; r < size; r++) offsets[r + 1] = offsets[r]! + (get(r)?.length ?? 0);
  // One pass with codes in order of first appearance, then a remap so codes follow sorted values.
  const codeOf = new Map<string, number>();
  const codes = new Uint32Array(offsets[size]!);
  let k = 0;
  for (let r = 0; r < size; r++) {
    for (const v of get(r) ?? []) {
      let code = codeOf.get(v);
      if (code === undefined) codeOf.set(v, (code = codeOf.size));
      codes[k++] = code;
    }
  }
  const firstSeen = [...codeOf.keys()];
  const order = firstSeen.map((_, i) => i).sort((a, b) => firstSeen[a]!.localeCompare(firstSeen[b]!, 'en'));
  const remap = new Uint32Array(order.length);
  order.forEach((old, sorted) => (remap[old] = sorted));
  for (let i = 0; i < codes.length; i++) codes[i] = remap[codes[i]!]!;
  return { values: order.map((i) => firstSeen[i]!), offsets, codes };
}

/** The codes of one row, without allocating. */
export function forEachCode(column: MultiColumn, row: number, fn: (code: number) => void): void {
  for (let k = column.offsets[row]!; k < column.offsets[row + 1]!; k++) fn(column.codes[k]!);
}

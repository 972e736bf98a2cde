/**
 * Parquet and Arrow IPC files told apart by their bytes (cheap: kept in the main bundle). Their
 * readers (columnar.ts) are loaded only when such a file is opened.
 */
export type ColumnarKind = 'parquet' | 'arrow';

const PAR1 = [0x50, 0x41, 0x52, 0x31];
const ARROW1 = [0x41, 0x52, 0x52, 0x4f, 0x57, 0x31];

/** "PAR1" at both ends: Parquet; "ARROW1" first: an Arrow IPC file (Feather v2); a continuation marker and a schema: an Arrow IPC stream. */
export function columnarKind(bytes: Uint8Array, name = ''): ColumnarKind | null {
  const n = bytes.length;
  if (n >= 12 && PAR1.every((b, i) => bytes[i] === b)) {
    // The footer may be missing from a cut file: the reader says so, as Parquet.
    return 'parquet';
  }
  if (n >= 8 && ARROW1.every((b, i) => bytes[i] === b)) return 'arrow';
  const stream = n >= 8 && bytes[0] === 0xff && bytes[1] === 0xff && bytes[2] === 0xff && bytes[3] === 0xff;
  if (stream && /\.(arrows?|ipc|feather)$/i.test(name)) return 'arrow';
  return null;
}

export const COLUMNAR_LABEL: Record<ColumnarKind, string> = { parquet: 'Parquet', arrow: 'Arrow IPC' };

/** Parquet and Arrow are decompressed as they are read: they go to the load worker whatever their size. */
export function isColumnar(head: Uint8Array, name: string): boolean {
  return columnarKind(head, name) !== null;
}

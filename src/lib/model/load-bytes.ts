import { loadDataset } from './dataset';
import { LIMITS } from './limits';
import { isPack } from './pack';
import { packDataset } from './pack-build';
import { verifyPack } from './pack-verify';
import type { Problem } from './problems';
import type { RejectedEvent } from './validate';

export type BytesResult =
  | { ok: true; pack: ArrayBuffer; rejected: RejectedEvent[]; problems: Problem[]; events: number }
  | { ok: false; problems: Problem[] };

const MB = 1024 * 1024;
const fail = (message: string): BytesResult => ({ ok: false, problems: [{ severity: 'error', pointer: '', message }] });

/**
 * Bytes of a file in, a verified pack out. A pack is checked and passed through as it is;
 * our JSON is parsed, validated and packed. The work the load worker does, kept pure so the
 * tests and the no-worker fallback run exactly the same code.
 */
export function loadBytes(buffer: ArrayBuffer, name: string): BytesResult {
  const bytes = new Uint8Array(buffer);
  if (isPack(bytes)) {
    if (buffer.byteLength > LIMITS.maxPackBytes) return fail(`the pack is ${(buffer.byteLength / MB).toFixed(0)} MB; the limit is ${LIMITS.maxPackBytes / MB} MB`);
    const check = verifyPack(buffer);
    if (!check.ok) return fail(`${name} is a damaged pack: ${check.message}`);
    return { ok: true, pack: buffer, rejected: [], problems: [], events: check.header.size };
  }
  if (buffer.byteLength > LIMITS.maxFileBytes) {
    return fail(`the file is ${(buffer.byteLength / MB).toFixed(1)} MB; the limit for JSON is ${LIMITS.maxFileBytes / MB} MB (larger datasets load as a pack: npm run pack)`);
  }
  const result = loadDataset(new TextDecoder('utf-8').decode(bytes), name);
  if (!result.ok) return { ok: false, problems: result.problems };
  const d = result.dataset;
  const pack = packDataset(d);
  return { ok: true, pack: pack.buffer as ArrayBuffer, rejected: [...d.rejected], problems: [...d.problems], events: d.columns.size };
}

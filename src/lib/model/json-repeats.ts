/**
 * Whether JSON text that the engine's parser accepted may repeat a key within one object (or use
 * the reserved "__proto__"). The engine keeps a repeated key's last value silently; our strict
 * parser warns with both positions but is several times slower, so large files are parsed by the
 * engine and read again by the strict parser only when this says there may be something to report.
 *
 * Counting, not tracking: every key ends with an unescaped quote followed by a colon, so the text
 * holds at least as many such endings as the parsed value holds keys, and more exactly when a key
 * repeats (the engine drops the earlier one). A string value that itself begins with a colon adds
 * an ending too: that can only send a file to the strict parser without need (slower, still
 * right), never let a repeat through.
 */

const KEY_END = /"\s*:/g;
const BACKSLASH = 0x5c;

export function hasRepeatedKey(text: string, value: unknown): boolean {
  if (text.includes('"__proto__"')) return true;
  const keys = keyCount(value);
  // Most writers put the colon right after the key; a search for that is several times faster
  // than the pattern, which is needed only when some key has space before its colon.
  const tight = tightKeyEndings(text);
  return (tight >= keys ? tight : keyEndings(text)) > keys;
}

function unescaped(text: string, quote: number): boolean {
  let backslashes = 0;
  while (text.charCodeAt(quote - 1 - backslashes) === BACKSLASH) backslashes++;
  return backslashes % 2 === 0;
}

function tightKeyEndings(text: string): number {
  let n = 0;
  for (let i = text.indexOf('":'); i >= 0; i = text.indexOf('":', i + 2)) if (unescaped(text, i)) n++;
  return n;
}

function keyEndings(text: string): number {
  let n = 0;
  KEY_END.lastIndex = 0;
  for (let m = KEY_END.exec(text); m !== null; m = KEY_END.exec(text)) if (unescaped(text, m.index)) n++;
  return n;
}

function keyCount(value: unknown): number {
  let n = 0;
  const stack: unknown[] = [value];
  while (stack.length) {
    const v = stack.pop();
    if (typeof v !== 'object' || v === null) continue;
    if (Array.isArray(v)) {
      for (const item of v) if (typeof item === 'object' && item !== null) stack.push(item);
      continue;
    }
    for (const key in v) {
      n++;
      const child = (v as Record<string, unknown>)[key];
      if (typeof child === 'object' && child !== null) stack.push(child);
    }
  }
  return n;
}

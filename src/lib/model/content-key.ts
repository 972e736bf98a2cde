/**
 * A short key for a dataset's content, so what is stored for a dataset (its draft of edits) is
 * found again for the same content and never for other content under the same name. The key is
 * of the UTF-8 bytes (a leading byte-order mark skipped), so the same JSON gives the same key
 * whether it was read as bytes (a file, a download) or as text (a paste, an import). Two 32-bit
 * multiplicative hashes over 4-byte words, 53 bits kept, and the length: not cryptographic (a
 * user's own drafts need no defence against forged collisions), and cheap enough for every load
 * (64 MB of bytes in 30–70 ms on the benchmark's machine; from text, encoding included, 110–200 ms).
 */

export function bytesKey(bytes: Uint8Array): string {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  // Words are read from a 4-byte boundary of the content itself, so the key does not depend on
  // where the content sits in its buffer (a copy when it does not start on one).
  const content = (bytes.byteOffset + bom) % 4 === 0 ? bytes.subarray(bom) : bytes.slice(bom);
  const length = content.length;
  let h1 = 0xdeadbeef ^ length;
  let h2 = 0x41c6ce57 ^ length;
  const words = new Uint32Array(content.buffer, content.byteOffset, length >>> 2);
  for (let i = 0; i < words.length; i++) {
    const c = words[i]!;
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  for (let i = words.length * 4; i < length; i++) {
    const c = content[i]!;
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const hash = 4294967296 * (2097151 & h2) + (h1 >>> 0);
  return `${length.toString(36)}-${hash.toString(36)}`;
}

export function textKey(text: string): string {
  return bytesKey(new TextEncoder().encode(text));
}

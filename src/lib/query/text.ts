/** Lower-case and strip accents so "Çavuşoğlu" matches "cavusoglu" and "Shusha" matches "SHUSHA". */
export function normalizeText(text: string): string {
  // Decomposing is the slow part; pure ASCII has no accents to strip.
  if (!/[^\u0000-\u007f]/.test(text)) return text.toLowerCase();
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/** Words of a query; an event matches when every word occurs somewhere in its text. */
export function queryWords(query: string): string[] {
  return normalizeText(query).split(/\s+/).filter(Boolean);
}

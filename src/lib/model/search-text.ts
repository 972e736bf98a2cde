import { LIMITS } from './limits';
import type { EventRecord } from './types';

/** Lower-case and strip accents so "Çavuşoğlu" matches "cavusoglu" and "Shusha" matches "SHUSHA". */
export function normalizeText(text: string): string {
  // Decomposing is the slow part; pure ASCII has no accents to strip.
  if (!/[^\u0000-\u007f]/.test(text)) return text.toLowerCase();
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/** What a text search looks at: title, summary, place, actors, tags and who published the sources. */
export function searchableText(e: EventRecord): string {
  let text = `${e.title}\n${e.summary}\n${e.location?.name ?? ''}`;
  for (const a of e.actors ?? []) text += `\n${a}`;
  for (const t of e.tags ?? []) text += `\n${t}`;
  for (const s of e.sources) text += `\n${s.publisher}\n${s.title}\n${s.author ?? ''}`;
  return normalizeText(text);
}

/** Search text cut to LIMITS.maxSearchLength, never between the halves of a surrogate pair. */
export function capSearchText(text: string): string {
  if (text.length <= LIMITS.maxSearchLength) return text;
  const end = /[\ud800-\udbff]/.test(text.charAt(LIMITS.maxSearchLength - 1))
    ? LIMITS.maxSearchLength - 1
    : LIMITS.maxSearchLength;
  return text.slice(0, end);
}

import { LIMITS } from './limits';
import { foldLetters } from './transliteration';
import type { EventRecord } from './types';

/** Combining accents, and Arabic's vowel marks. */
const MARKS = /[\u0300-\u036f\u064b-\u065f\u0670]/g;

/**
 * The search fold, applied alike to the text searched and to the query: lower case, accents
 * stripped, other scripts romanised (transliteration.ts). So "Çavuşoğlu" matches "cavusoglu",
 * "Shusha" matches "SHUSHA" and "Шуша", and "Gəncə" matches "Ganca". Folding folded text changes
 * nothing. Letters are romanised before decomposition (й is y, not и and a breve) and again
 * after it, for what decomposition brings out (Arabic presentation forms, say).
 */
export function normalizeText(text: string): string {
  // Decomposing is the slow part; pure ASCII has no accents to strip.
  if (!/[^\u0000-\u007f]/.test(text)) return text.toLowerCase();
  const decomposed = foldLetters(text.toLowerCase()).normalize('NFKD').replace(MARKS, '');
  return foldLetters(decomposed.toLowerCase());
}

/** What a text search looks at: title, summary, place and its aliases, actors, tags and who published the sources. */
export function searchableText(e: EventRecord): string {
  let text = `${e.title}\n${e.summary}\n${placeNames(e)}`;
  for (const a of e.actors ?? []) text += `\n${a}`;
  for (const t of e.tags ?? []) text += `\n${t}`;
  for (const s of e.sources) text += `\n${s.publisher}\n${s.title}\n${s.author ?? ''}`;
  return normalizeText(text);
}

/** The place's name and its other names (aliases), one a line: what a search finds a place by. */
export function placeNames(e: EventRecord): string {
  const place = e.location;
  if (!place) return '';
  return place.aliases?.length ? `${place.name}\n${place.aliases.join('\n')}` : place.name;
}

/** Search text cut to LIMITS.maxSearchLength, never between the halves of a surrogate pair. */
export function capSearchText(text: string): string {
  if (text.length <= LIMITS.maxSearchLength) return text;
  const end = /[\ud800-\udbff]/.test(text.charAt(LIMITS.maxSearchLength - 1))
    ? LIMITS.maxSearchLength - 1
    : LIMITS.maxSearchLength;
  return text.slice(0, end);
}

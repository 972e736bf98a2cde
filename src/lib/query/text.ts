import { normalizeText } from '../model/search-text';

export { normalizeText };

/** Words of a query; an event matches when every word occurs somewhere in its text. */
export function queryWords(query: string): string[] {
  return normalizeText(query).split(/\s+/).filter(Boolean);
}

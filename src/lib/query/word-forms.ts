/**
 * A query word's English forms. Search matches a word as a substring of the folded text, so
 * "strike" already finds "strikes"; the other way round needs the singular: "strikes" finds
 * "strike", "casualties" "casualty", "crashes" "crash", "Aliyev's" "Aliyev". A word is matched
 * as a `head` found anywhere in the text followed by one of its `tails`; a tail marked `wordEnd`
 * must end a word there, so "strikes" finds "strike" but not "striker", and a short stem does not
 * match inside longer words ("aras" finds "ara" alone, not "Karabakh").
 *
 * Only the query is looked at: the text is stored as it is, so packs need no stemmed copy. Limits:
 * English plurals ending in s, es and ies, and the possessive 's; no irregular plurals (men, mice),
 * words of fewer than 4 letters are left alone, and a few words that end in s but are no plural.
 */
export interface WordPattern {
  readonly head: string;
  readonly tails: readonly WordTail[];
}

export interface WordTail {
  readonly text: string;
  readonly wordEnd: boolean;
}

/** The plain word: its head alone, anywhere. */
const ANYWHERE: readonly WordTail[] = [{ text: '', wordEnd: false }];

/** Words that end in s but are no plural (a stem would find unrelated words: "news" → "new"). */
const NOT_PLURAL = new Set(['news', 'series', 'species', 'means', 'always', 'sometimes', 'perhaps', 'whereas', 'does']);

const tail = (text: string, wordEnd: boolean): WordTail => ({ text, wordEnd });

/** How one folded query word is matched. */
export function wordPattern(word: string): WordPattern {
  if (word.length < 4 || NOT_PLURAL.has(word)) return { head: word, tails: ANYWHERE };
  // Aliyev's → Aliyev
  if (/[a-z]'s$/.test(word)) return { head: word.slice(0, -2), tails: [tail("'s", false), tail('', true)] };
  // casualties → casualty
  if (word.length >= 5 && /[^aeiou]ies$/.test(word))
    return { head: word.slice(0, -3), tails: [tail('ies', false), tail('y', true)] };
  // crashes → crash, houses → house, boxes → box
  if (word.length >= 5 && /(?:s|x|z|ch|sh)es$/.test(word))
    return { head: word.slice(0, -2), tails: [tail('es', false), tail('e', true), tail('', true)] };
  // strikes → strike (not pass, status, crisis)
  if (/[a-hj-rtv-z]s$/.test(word)) return { head: word.slice(0, -1), tails: [tail('s', false), tail('', true)] };
  // casualty → casualties (strike → strikes needs nothing: a substring)
  if (/[^aeiou]y$/.test(word)) return { head: word.slice(0, -1), tails: [tail('y', false), tail('ies', false)] };
  return { head: word, tails: ANYWHERE };
}

/** Whether the pattern is the plain word (any occurrence matches). */
export function isPlain(p: WordPattern): boolean {
  return p.tails === ANYWHERE;
}

/**
 * Whether a word ends before this character code: an ASCII character that is no letter or digit,
 * or the end of the text (-1 or NaN). Any other character counts as part of a word, so strings
 * and UTF-8 bytes give the same answer.
 */
export function endsWord(code: number): boolean {
  if (!(code >= 0)) return true;
  if (code >= 0x80) return false;
  return !((code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a));
}

/** Whether one of the tails follows at `at` in the text. */
export function tailAt(text: string, at: number, tails: readonly WordTail[]): boolean {
  for (const t of tails) {
    if (text.startsWith(t.text, at) && (!t.wordEnd || endsWord(text.charCodeAt(at + t.text.length)))) return true;
  }
  return false;
}

/** Whether the (folded) text holds the word in one of its forms. */
export function holdsWord(text: string, p: WordPattern): boolean {
  if (isPlain(p)) return text.includes(p.head);
  for (let at = text.indexOf(p.head); at >= 0; at = text.indexOf(p.head, at + 1)) {
    if (tailAt(text, at + p.head.length, p.tails)) return true;
  }
  return false;
}

/**
 * Letters of the scripts this data is written in, romanised for search: Cyrillic (Russian and
 * Ukrainian; Belarusian, Serbian and Azerbaijani letters too), Armenian, Georgian, Arabic (with
 * Persian's extra letters), and the Latin letters that Unicode decomposition leaves whole
 * (Azerbaijani ə and ı, ß, ø, ł…). Our own table rather than a package: the search box folds its
 * text on the page, so the table ships in the first load (see DEVELOPMENT.md, "Search folding").
 *
 * One romanisation per letter, chosen so the English spelling of a place comes out where it can:
 * х → kh (Khankendi), ш → sh (Shusha), ə → a (Gəncə → ganca). A letter whose romanisation
 * differs by language takes the Russian one (г → g, и → i), and ё is e, as Russian text often
 * writes it. Lower case only: the fold lowers the text first.
 */

/** Consecutive letters from a first code point, one romanisation each: "." drops the letter, "_" keeps it. */
const RUNS: readonly (readonly [number, string])[] = [
  // а … я
  [0x430, 'a b v g d e zh z i y k l m n o p r s t u f kh ts ch sh shch . y . e yu ya'],
  // ѐ ё ђ ѓ є ѕ і ї ј љ њ ћ ќ ѝ ў џ
  [0x450, 'e e dj g ye dz i i j lj nj c k i u dz'],
  // ա … և (ու is u: see foldLetters)
  [0x561, 'a b g d e z e y t zh i l kh ts k h dz gh ch m y n sh o ch p j r s v t r ts v p k o f ev'],
  // ა … ჰ (Georgian's national romanisation, without its apostrophes)
  [0x10d0, 'a b g d e v z t i k l m n o p zh r s t u p k gh q sh ch ts dz ts ch kh j h'],
  // ء … ي
  [0x621, '. a a w i y a b h t th j h kh d dh r z s sh s d t z . gh _ _ _ _ _ . f q k l m n h w a y'],
];

/** Single letters: the letter, then its romanisation. */
const PAIRS =
  'ґg ғgh җzh қq ҝg ңng үu ұu ҳh ҷj ҹc һh әa өo ' + // Ukrainian ґ; Azerbaijani and Central Asian Cyrillic
  'پp چch ژzh کk گg یy ' + // Persian
  'əa ıi ßss æae øo œoe łl đd ðd þth ħh ŧt ŋng ' + // Latin letters that do not decompose
  '’\' ‘\' ʼ\' ‐- ‑- ‒- –- —- “" ”" «" »"'; // typography, so a possessive or a dash reads as ASCII

let table: Map<number, string> | null = null;

function buildTable(): Map<number, string> {
  const t = new Map<number, string>();
  for (const [first, letters] of RUNS) {
    letters.split(' ').forEach((roman, i) => {
      if (roman !== '_') t.set(first + i, roman === '.' ? '' : roman);
    });
  }
  for (const pair of PAIRS.split(' ')) t.set(pair.charCodeAt(0), pair.slice(1));
  return t;
}

/** ո followed by ւ: Armenian's u. */
const ARMENIAN_O = 0x578;
const ARMENIAN_YIWN = 0x582;

/** The text with every letter of the table romanised; other characters as they were. */
export function foldLetters(text: string): string {
  const t = (table ??= buildTable());
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    let roman = t.get(c);
    if (roman === undefined) continue;
    let next = i + 1;
    if (c === ARMENIAN_O && text.charCodeAt(next) === ARMENIAN_YIWN) {
      roman = 'u';
      next++;
    }
    out += text.slice(from, i) + roman;
    from = next;
    i = next - 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

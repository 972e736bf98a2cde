/**
 * The pseudo locale: every English message wrapped in ⟦…⟧, its letters accented and a third
 * longer, `{slots}` kept. A page in it shows at a glance (and to a browser test) which visible
 * words did not come from a catalogue, and whether the layout survives longer words.
 */
import type { Catalogue, PluralForms } from './types';

const ACCENTED: Record<string, string> = {
  a: 'å',
  b: 'ƀ',
  c: 'ç',
  d: 'ð',
  e: 'é',
  f: 'ƒ',
  g: 'ĝ',
  h: 'ĥ',
  i: 'î',
  j: 'ĵ',
  k: 'ķ',
  l: 'ļ',
  m: 'ɱ',
  n: 'ñ',
  o: 'ö',
  p: 'þ',
  q: 'ǫ',
  r: 'ŕ',
  s: 'š',
  t: 'ţ',
  u: 'û',
  v: 'ṽ',
  w: 'ŵ',
  x: 'ẋ',
  y: 'ý',
  z: 'ž',
  A: 'Å',
  B: 'Ɓ',
  C: 'Ç',
  D: 'Ð',
  E: 'É',
  F: 'Ƒ',
  G: 'Ĝ',
  H: 'Ĥ',
  I: 'Î',
  J: 'Ĵ',
  K: 'Ķ',
  L: 'Ļ',
  M: 'Ṁ',
  N: 'Ñ',
  O: 'Ö',
  P: 'Þ',
  Q: 'Ǫ',
  R: 'Ŕ',
  S: 'Š',
  T: 'Ţ',
  U: 'Û',
  V: 'Ṽ',
  W: 'Ŵ',
  X: 'Ẋ',
  Y: 'Ý',
  Z: 'Ž',
};

export const PSEUDO_OPEN = '⟦';
export const PSEUDO_CLOSE = '⟧';

/** One message in pseudo form; `{slot}` names stay as they are. */
export function pseudoText(text: string): string {
  let out = '';
  let inSlot = false;
  for (const ch of text) {
    if (ch === '{') inSlot = true;
    else if (ch === '}') inSlot = false;
    out += inSlot ? ch : (ACCENTED[ch] ?? ch);
  }
  return `${PSEUDO_OPEN}${out}${PSEUDO_CLOSE}`;
}

/** The pseudo catalogue, made from the English one (passed in: English is a chunk of its own). */
export function pseudoCatalogue(english: Catalogue): Catalogue {
  const out: Record<string, string | PluralForms> = {};
  for (const [key, value] of Object.entries(english) as [string, string | PluralForms][]) {
    if (typeof value === 'string') out[key] = pseudoText(value);
    else {
      const forms: Record<string, string> = {};
      for (const [form, text] of Object.entries(value)) forms[form] = pseudoText(text as string);
      out[key] = forms as unknown as PluralForms;
    }
  }
  return out as Catalogue;
}

/**
 * Which keys each translation lacks (or has that English does not), and which plural forms its
 * language needs and a message leaves out. `npm run check` already fails on a missing key; this
 * lists them all at once, with their English, for whoever translates:
 *   npx tsx scripts/i18n-missing.ts [code…]
 * With --english, it also lists messages still word for word in English (a placeholder someone
 * added so the type check passes; some are right as they are, such as "Zoom" in French), without
 * failing on them.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { en } from '../src/lib/i18n/en';

const dir = join(import.meta.dirname, '../src/lib/i18n');
/** A catalogue file is named by its locale code: xx.ts or xx-YY.ts (en.ts is the source). */
const codes = readdirSync(dir)
  .map((f) => /^([a-z]{2,3}(?:-[A-Za-z]{2,4})?)\.ts$/.exec(f)?.[1])
  .filter((c): c is string => !!c && c !== 'en');
const english = process.argv.includes('--english');
const wanted = process.argv.slice(2).filter((a) => a !== '--english');

/** Words in a message outside its {slots}: a message with none (a pattern, a URL) is not "in English". */
const hasWords = (text: string): boolean => /[A-Za-z]{3,}/.test(text.replace(/\{\w+\}|https?:\S+|Faultline/g, ''));

let problems = 0;
for (const code of wanted.length ? wanted : codes) {
  const catalogue = (await import(join(dir, `${code}.ts`))).default as Record<string, unknown>;
  const forms = new Intl.PluralRules(code).resolvedOptions().pluralCategories;
  const lines: string[] = [];
  for (const [key, english] of Object.entries(en)) {
    const value = catalogue[key];
    if (value === undefined) lines.push(`  missing ${key}: ${JSON.stringify(english)}`);
    else if (typeof english !== typeof value) lines.push(`  ${key}: plural in one, text in the other`);
    else if (typeof value === 'object' && value) {
      const lacking = forms.filter((f) => !(f in value));
      if (lacking.length) lines.push(`  ${key}: no ${lacking.join(', ')} form`);
    }
  }
  for (const key of Object.keys(catalogue)) if (!(key in en)) lines.push(`  extra ${key}`);
  const same: string[] = [];
  if (english) {
    for (const [key, text] of Object.entries(en)) {
      const value = catalogue[key];
      const pairs: [string, unknown][] =
        typeof text === 'string' ? [[text, value]] : Object.entries(text).map(([f, t]) => [t, (value as never)?.[f]]);
      if (pairs.some(([t, v]) => t === v && hasWords(t))) same.push(`  still English ${key}: ${JSON.stringify(text)}`);
    }
  }
  problems += lines.length;
  console.log(`${code}: ${lines.length ? `${lines.length} to do` : 'complete'}`);
  for (const line of [...lines, ...same]) console.log(line);
}
process.exitCode = problems ? 1 : 0;

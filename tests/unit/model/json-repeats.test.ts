import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/lib/model/dataset';
import { parseJson } from '../../../src/lib/model/json';
import { hasRepeatedKey } from '../../../src/lib/model/json-repeats';
import { generate } from '../../../scripts/synthetic';

// Above 4 MB the engine's JSON.parse reads datasets, and it keeps a repeated key's last value
// without a word: the validator said 0 warnings where a small file got "duplicate key".

/** JSON text whose objects may repeat a key (written by hand: JSON.stringify cannot). */
const withRepeats = fc.letrec<{ value: string }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom('1', 'null', '"a\\"b"', '"\\\\"', '"x"'),
    fc.array(tie('value'), { maxLength: 4 }).map((items) => `[${items.join(',')}]`),
    fc
      .array(fc.tuple(fc.constantFrom('a', 'b', 'c', 'a\\u0062', 'ab', '\\\\', '__proto__'), tie('value')), {
        maxLength: 4,
      })
      .map((members) => `{${members.map(([k, v]) => `"${k}":${v}`).join(',')}}`),
  ),
})).value;

describe('repeated keys in large files', () => {
  it('the fast check never misses what the strict parser warns about, and has no false alarm without a colon-led value', () => {
    fc.assert(
      fc.property(withRepeats, (text) => {
        const strict = parseJson(text, { maxDepth: 64 });
        expect(strict.ok).toBe(true);
        const warned = strict.ok && strict.warnings.some((w) => /duplicate key|reserved/.test(w.message));
        const found = hasRepeatedKey(text, JSON.parse(text));
        if (warned) expect(found).toBe(true);
        else if (!/"\s*:/.test(text.replace(/"[^"]*"\s*:/g, ''))) expect(found).toBe(false);
      }),
      { numRuns: 2000 },
    );
  }, 60_000);

  it('a dataset over 4 MB that repeats a key is warned about at its line, as a small one is', () => {
    const data = generate(12_000, 3);
    const text = JSON.stringify(data, null, 1);
    expect(text.length).toBeGreaterThan(4 * 1024 * 1024);
    const id = data.events[5000]!.id;
    const repeated = text.replace(`"id": "${id}",`, `"id": "${id}",\n"title": "first title",`);
    const result = loadDataset(repeated, 'big.json');
    expect(result.ok).toBe(true);
    const problems = result.ok ? result.dataset.problems : [];
    const warning = problems.find((p) => p.message.startsWith('duplicate key "title"'));
    expect(warning?.position?.line).toBe(repeated.slice(0, repeated.indexOf('"first title"')).split('\n').length + 1);
    // The last value is used, as the engine's parser would have.
    expect(result.ok && result.dataset.events.toArray().find((e) => e.id === id)?.title).toBe(data.events[5000]!.title);
  }, 60_000);
});

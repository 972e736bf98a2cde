/**
 * A region's kind beside its name (issue #23): "Shusha Municipality, Azerbaijan" in English, the
 * language's own word and pattern in the others, and the name alone where a language has no word.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { i18n } from '../../../src/lib/i18n/i18n.svelte';
import {
  regionLabel,
  regionNameParts,
  regionNameWithKind,
  type RegionAdmin1,
  type RegionTable,
} from '../../../src/lib/model/regions';
import { regionWording } from '../../../src/lib/state/region-kinds';
import { regionFixture } from '../model/region-fixture';

let table: RegionTable;
beforeAll(async () => {
  table = regionFixture().table;
  await i18n.setLocale('en');
});
afterEach(async () => {
  await i18n.setLocale('en');
});

/** The label of the region with this English name, as the details show it. */
function labelOf(name: string, names?: Parameters<typeof regionLabel>[3]): string {
  const a = table.admin1.find((r) => r.name === name)!;
  return regionLabel(table, a.country + 1, a.index + 1, names, regionWording());
}

const region = (kind: string): RegionAdmin1 => ({
  index: 0,
  id: 'X-1',
  name: 'Name',
  kind,
  country: 0,
});

describe('in English', () => {
  it('the details line says the kind: Shusha is a municipality of Azerbaijan', () => {
    expect(labelOf('Shusha')).toBe('Shusha Municipality, Azerbaijan');
    expect(labelOf('Yerevan')).toBe('Yerevan City, Armenia');
  });

  it('of "A|B" kinds the first; a region of no kind or one already named by it is its name alone', () => {
    const w = regionWording();
    expect(regionNameWithKind(region('Commune|Municipality'), 'Piran', w)).toBe('Piran Commune');
    expect(regionNameWithKind(region(''), 'Valletta', w)).toBe('Valletta');
    expect(regionNameWithKind(region('State'), 'Kebbi State', w)).toBe('Kebbi State');
    expect(regionNameWithKind(region('Republic'), 'Republic of Dagestan', w)).toBe('Republic of Dagestan');
  });

  it("a kind without a message is said in Natural Earth's own words", () => {
    expect(regionNameWithKind(region('Highly Urbanized City'), 'Cebu', regionWording())).toBe(
      'Cebu Highly Urbanized City',
    );
  });

  it('a country-precision label and a region named as its country are unchanged', () => {
    const shusha = table.admin1.find((r) => r.name === 'Shusha')!;
    expect(regionLabel(table, shusha.country + 1, 0, null, regionWording())).toBe('Azerbaijan');
    const somaliland = table.countries.find((c) => c.name === 'Somaliland')!;
    expect(regionLabel(table, somaliland.index + 1, somaliland.admin1[0]! + 1, null, regionWording())).toBe(
      'Somaliland',
    );
  });
});

describe('in other languages', () => {
  it('Russian says the kind in Russian, in brackets after the name', async () => {
    await i18n.setLocale('ru');
    const names = {
      language: 'ru',
      countries: table.countries.map((c) => (c.name === 'Azerbaijan' ? 'Азербайджан' : '')),
      admin1: table.admin1.map((a) => (a.name === 'Shusha' ? 'Шуша' : '')),
    };
    expect(labelOf('Shusha', names)).toBe('Шуша (муниципалитет), Азербайджан');
    // A name that already says a kind in Russian gets no second one.
    expect(regionNameWithKind(region('Region'), 'Херсонская область', regionWording())).toBe('Херсонская область');
  });

  it('a kind with no word in the language is the name alone, never an English word', async () => {
    await i18n.setLocale('ru');
    expect(regionNameWithKind(region('Highly Urbanized City'), 'Себу', regionWording())).toBe('Себу');
    await i18n.setLocale('ar');
    // Arabic leaves the compound kinds untranslated (empty), and puts the others first.
    expect(regionNameWithKind(region('Autonomous Republic'), 'ناخيتشيفان', regionWording())).toBe('ناخيتشيفان');
    expect(regionNameWithKind(region('Governorate'), 'حلب', regionWording())).toBe('محافظة حلب');
  });
});

describe('the parts a list shows', () => {
  it('the kind and the words around it are marked, the name not', () => {
    expect(regionNameParts('Shusha', 'Municipality', '{name} {kind}')).toEqual([
      { text: 'Shusha', kind: false },
      { text: ' Municipality', kind: true },
    ]);
    expect(regionNameParts('Шуша', 'муниципалитет', '{name} ({kind})')).toEqual([
      { text: 'Шуша', kind: false },
      { text: ' (муниципалитет)', kind: true },
    ]);
    expect(regionNameParts('حلب', 'محافظة', '{kind} {name}')).toEqual([
      { text: 'محافظة ', kind: true },
      { text: 'حلب', kind: false },
    ]);
    expect(regionNameParts('Shusha', '', '{name} {kind}')).toEqual([{ text: 'Shusha', kind: false }]);
  });
});

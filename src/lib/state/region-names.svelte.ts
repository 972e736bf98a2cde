/**
 * Country and region names in the interface language (model/regions.ts RegionNames), fetched
 * once per language the table has names in, on first ask; English (and any language the source
 * lacks) reads the table's own names. Its code and the names load only when asked for.
 */
import { i18n } from '../i18n/i18n.svelte';
import { regionLabel, type RegionNames, type RegionTable } from '../model/regions';
import { regionWording } from './region-kinds';

let names = $state.raw<RegionNames | null>(null);
let asked: string | null = null;

/** The names of the current language for this table, or null (English, not loaded yet, none). */
export function regionNamesFor(table: RegionTable): RegionNames | null {
  const lang = i18n.locale.split('-')[0]!;
  if (lang === 'en' || !table.languages.includes(lang)) return null;
  if (names?.language !== lang && asked !== lang) {
    asked = lang;
    void import('../io/region-assets')
      .then(({ regionAssets }) => regionAssets()?.names(lang))
      .then(
        (loaded) => {
          if (loaded) names = loaded;
        },
        () => {
          // No names in this language after all: the English ones stay.
        },
      );
  }
  return names?.language === lang ? names : null;
}

/** "Shusha Municipality, Azerbaijan" in the current language where it has the names (and the kind's word). */
export function regionText(table: RegionTable, country: number, admin1: number): string {
  return regionLabel(table, country, admin1, regionNamesFor(table), regionWording());
}

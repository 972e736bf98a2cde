/**
 * How the interface language says a region's kind ("Shusha Municipality", "Шуша (муниципалитет)"):
 * model/regions.ts RegionWording from the catalogue's `regionKind.*` messages. The kinds are
 * Natural Earth's English words (type_en); the commonest have a message (25 kinds, 3,833 of its
 * 4,596 regions; 372 have no kind). English says any kind, in Natural Earth's words where it has no
 * message; another language says only the kinds it translates, and the name alone for the rest,
 * never an English word amid its own.
 */
import { BASE_LOCALE } from '../i18n/locales';
import { i18n, t } from '../i18n/i18n.svelte';
import type { TextKey } from '../i18n/types';
import type { RegionWording } from '../model/regions';

/** Natural Earth's kind, lower case (it spells "Autonomous Region" both ways) → its message. */
const KIND_MESSAGES: Readonly<Record<string, TextKey>> = {
  province: 'regionKind.province',
  district: 'regionKind.district',
  region: 'regionKind.region',
  state: 'regionKind.state',
  county: 'regionKind.county',
  department: 'regionKind.department',
  commune: 'regionKind.commune',
  municipality: 'regionKind.municipality',
  prefecture: 'regionKind.prefecture',
  'metropolitan department': 'regionKind.metropolitanDepartment',
  'statistical region': 'regionKind.statisticalRegion',
  governorate: 'regionKind.governorate',
  parish: 'regionKind.parish',
  'unitary authority': 'regionKind.unitaryAuthority',
  'autonomous community': 'regionKind.autonomousCommunity',
  canton: 'regionKind.canton',
  'metropolitan borough': 'regionKind.metropolitanBorough',
  city: 'regionKind.city',
  'autonomous province': 'regionKind.autonomousProvince',
  republic: 'regionKind.republic',
  territory: 'regionKind.territory',
  voivodeship: 'regionKind.voivodeship',
  emirate: 'regionKind.emirate',
  'autonomous republic': 'regionKind.autonomousRepublic',
  'autonomous region': 'regionKind.autonomousRegion',
};

/** The current language's wording of region kinds (reads the live catalogue: call it where it re-renders). */
export function regionWording(): RegionWording {
  const english = i18n.locale === BASE_LOCALE;
  return {
    pattern: t('regionKind.pattern'),
    kind: (kind) => {
      const key = KIND_MESSAGES[kind.toLowerCase()];
      return key ? t(key) : english ? kind : '';
    },
    said: Object.values(KIND_MESSAGES)
      .map((key) => t(key))
      .filter(Boolean),
  };
}

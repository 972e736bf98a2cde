// Deterministic synthetic events in the Faultline format, shaped like real conflict data:
// clustered in time (bursts) and space (hotspots), with ranges, coarse dates, and events
// without a place. For load tests and benchmarks only; every event says it is synthetic.
import type { DatasetFile, EventRecord, LocationPrecision } from '../src/lib/model/types.ts';
import { buildDataset } from '../src/lib/model/dataset.ts';
import { LIMITS } from '../src/lib/model/limits.ts';
import { packDataset } from '../src/lib/model/pack-build.ts';
import { regionCodes, type RegionLookup } from '../src/lib/model/region-lookup.ts';
import { validateDataset } from '../src/lib/model/validate.ts';

/** mulberry32: small, fast, and the same sequence on every machine for a given seed. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const THEATRES = [
  { name: 'Caucasus', lat: 40.0, lon: 46.5, spread: 1.2, from: 2016, to: 2024, weight: 3 },
  { name: 'Eastern Europe', lat: 48.5, lon: 35.0, spread: 2.5, from: 2014, to: 2026, weight: 6 },
  { name: 'Levant', lat: 34.5, lon: 37.5, spread: 1.8, from: 2011, to: 2025, weight: 5 },
  { name: 'Sahel', lat: 14.5, lon: 0.5, spread: 3.5, from: 2012, to: 2026, weight: 4 },
  { name: 'Horn of Africa', lat: 4.5, lon: 45.0, spread: 2.5, from: 2006, to: 2026, weight: 4 },
  { name: 'Great Lakes', lat: -1.5, lon: 29.0, spread: 1.5, from: 1996, to: 2026, weight: 3 },
  { name: 'Andes', lat: 4.0, lon: -74.0, spread: 2.0, from: 1998, to: 2016, weight: 2 },
  { name: 'South Asia', lat: 33.5, lon: 70.0, spread: 2.2, from: 2001, to: 2021, weight: 3 },
];
const CATEGORIES = [
  { id: 'battle', label: 'Battle', color: '#b2182b' },
  { id: 'strike', label: 'Strike', color: '#d55e00' },
  { id: 'violence-civilians', label: 'Violence against civilians', color: '#7b3294' },
  { id: 'protest', label: 'Protest', color: '#b07a00' },
  { id: 'ceasefire', label: 'Ceasefire', color: '#009e73' },
  { id: 'agreement', label: 'Agreement', color: '#0072b2' },
  { id: 'meeting', label: 'Meeting', color: '#6a3d9a' },
  { id: 'statement', label: 'Statement', color: '#525252' },
];
const CATEGORY_WEIGHTS = [30, 25, 15, 14, 3, 2, 5, 6];
const ACTOR_KINDS = [
  'Government forces',
  'Rebel group',
  'Militia',
  'Police',
  'Protesters',
  'Civilians',
  'Foreign forces',
  'Ministry',
];
const PLACES = ['North', 'South', 'East', 'West', 'Central', 'Upper', 'Lower', 'New', 'Old', 'Port'];
const PLACE_ROOTS = ['abad', 'grad', 'ville', 'pur', 'kent', 'ova', 'ia', 'mar', 'ton', 'stan'];

function pick<T>(rnd: () => number, items: readonly T[], weights?: readonly number[]): T {
  if (!weights) return items[Math.floor(rnd() * items.length)]!;
  const total = weights.reduce((a, b) => a + b, 0);
  let r = rnd() * total;
  for (let i = 0; i < items.length; i++) {
    r -= weights[i]!;
    if (r < 0) return items[i]!;
  }
  return items[items.length - 1]!;
}

function gaussian(rnd: () => number): number {
  const u = Math.max(rnd(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rnd());
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
function isoDay(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

export function generate(count: number, seed: number): DatasetFile {
  const rnd = random(seed);
  // Its own sequence, so adding fatality figures left every other field as it was.
  const fatal = random(seed + 0x5eed);
  // Each theatre gets bursts of activity (offensives, protest waves) and hotspots (towns).
  const theatres = THEATRES.map((t, ti) => ({
    ...t,
    bursts: Array.from({ length: 6 + Math.floor(rnd() * 10) }, () => ({
      at: Date.UTC(t.from, 0, 1) + rnd() * (Date.UTC(t.to, 0, 1) - Date.UTC(t.from, 0, 1)),
      width: (5 + rnd() * 120) * 86_400_000,
      weight: 0.2 + rnd(),
    })),
    hotspots: Array.from({ length: 25 + Math.floor(rnd() * 40) }, (_, hi) => ({
      name: `${pick(rnd, PLACES)} ${t.name.split(' ')[0]!.slice(0, 4)}${pick(rnd, PLACE_ROOTS)} ${ti}-${hi}`,
      lat: t.lat + gaussian(rnd) * t.spread,
      lon: t.lon + gaussian(rnd) * t.spread * 1.3,
      weight: rnd() ** 2,
    })),
    actors: ACTOR_KINDS.map((k) => `${k} (${t.name})`),
  }));
  const events: EventRecord[] = [];
  for (let i = 0; i < count; i++) {
    const t = pick(
      rnd,
      theatres,
      theatres.map((x) => x.weight),
    );
    const burst = pick(
      rnd,
      t.bursts,
      t.bursts.map((b) => b.weight),
    );
    const start = Math.min(Date.UTC(2026, 10, 1), burst.at + gaussian(rnd) * burst.width);
    const day = isoDay(start);
    const roll = rnd();
    const precisionRoll = rnd();
    const date =
      precisionRoll < 0.04
        ? day.slice(0, 4)
        : precisionRoll < 0.12
          ? day.slice(0, 7)
          : precisionRoll < 0.15
            ? `${day}T${pad(Math.floor(rnd() * 24))}:${pad(Math.floor(rnd() * 60))}Z`
            : day;
    const category = pick(rnd, CATEGORIES, CATEGORY_WEIGHTS);
    const hotspot = pick(
      rnd,
      t.hotspots,
      t.hotspots.map((h) => h.weight),
    );
    const locRoll = rnd();
    const precision: LocationPrecision =
      locRoll < 0.45 ? 'site' : locRoll < 0.8 ? 'city' : locRoll < 0.95 ? 'region' : 'country';
    const jitter = precision === 'site' ? 0.05 : 0;
    const event: EventRecord = {
      id: `syn-${seed}-${i}`,
      title: `${category.label} near ${hotspot.name}`,
      summary: `Synthetic ${category.label.toLowerCase()} event in the ${t.name} theatre; not a real event.`,
      date,
      category: category.id,
      actors: [pick(rnd, t.actors), pick(rnd, t.actors)].filter((a, k, all) => all.indexOf(a) === k),
      tags: [t.name.toLowerCase().replace(/\s+/g, '-'), 'synthetic'],
      location:
        roll < 0.07
          ? null
          : {
              name: hotspot.name,
              lat: Math.max(-85, Math.min(85, +(hotspot.lat + gaussian(rnd) * jitter).toFixed(4))),
              lon: Math.max(-180, Math.min(180, +(hotspot.lon + gaussian(rnd) * jitter).toFixed(4))),
              precision,
            },
      sources: [
        {
          publisher: 'Faultline generator',
          title: `Synthetic record ${i}`,
          url: `https://example.org/synthetic/${seed}/${i}`,
        },
      ],
    };
    if (date.length === 10 && rnd() < 0.05) event.end = isoDay(start + (1 + rnd() * 120) * 86_400_000);
    if (rnd() < 0.03) event.approximate = true;
    const violent = category.id === 'battle' || category.id === 'strike' || category.id === 'violence-civilians';
    if (violent && fatal() < 0.6) {
      const min = Math.floor(fatal() ** 3 * 40);
      event.fatalities = fatal() < 0.3 ? { min, max: min + 1 + Math.floor(fatal() * 20) } : { min };
      if (fatal() < 0.5) event.fatalities.by = 'Synthetic monitor';
    }
    events.push(event);
  }
  return {
    $schema: '../faultline.schema.json',
    format: 'faultline/1',
    title: `Synthetic benchmark data: ${count.toLocaleString('en-GB')} events (seed ${seed}), not real events`,
    description:
      'Generated by npm run generate for load tests. Clustered in time and space like conflict data; every event is fictitious.',
    license: 'CC0',
    updated: '2026-01-01',
    categories: CATEGORIES,
    events,
  };
}

/**
 * The same events, validated like any file and packed: what `npm run generate -- --pack` writes;
 * with each event's region when given the lookup (scripts/regions-node.ts), as npm run pack does.
 */
export function generatePack(count: number, seed: number, regions: RegionLookup | null = null): Uint8Array {
  const result = validateDataset(generate(count, seed), LIMITS.maxPackEvents);
  const errors = result.problems.filter((p) => p.severity === 'error');
  if (errors.length) throw new Error(`generated data failed validation: ${errors[0]!.pointer} ${errors[0]!.message}`);
  const dataset = buildDataset(
    'synthetic',
    result.meta,
    result.accepted.map((a) => a.event),
  );
  return packDataset(dataset, regions ? regionCodes(regions, dataset.columns) : null);
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LabelKind, type LabelEntry } from '../../../../src/lib/views/map/basemap-format';
import {
  BoxGrid,
  candidateBoxes,
  compareLabels,
  discGrid,
  keepsClear,
  LABEL_STYLES,
  LabelLayout,
  overlaps,
  relocate,
  type Box,
  type LabelStyle,
  type PlacedLabel,
} from '../../../../src/lib/views/map/label-layout';

/** Widths without a canvas: 6 px a character. */
const measure = (text: string): number => text.length * 6;
const entry = (over: Partial<LabelEntry> & Pick<LabelEntry, 'name'>): LabelEntry => ({
  kind: LabelKind.Town,
  minZoom: 8,
  weight: 100,
  x: 128,
  y: 128,
  ...over,
});
const tile = (key: string, entries: LabelEntry[]) => ({ key, entries });

/** Every box a placed label takes (text, and its dot if drawn). */
const boxesOf = (p: PlacedLabel): Box[] => (p.dot ? [p.box, p.dot] : [p.box]);

describe('label priority', () => {
  const cases: [string, Partial<LabelEntry>, Partial<LabelEntry>][] = [
    ['a country before any place', { kind: LabelKind.Country, minZoom: 5 }, { kind: LabelKind.Capital, minZoom: 3 }],
    ['an earlier first zoom before a later one', { minZoom: 6 }, { minZoom: 7, weight: 999 }],
    [
      'a place before a region of the same first zoom',
      { kind: LabelKind.Town },
      { kind: LabelKind.Region, weight: 999 },
    ],
    ['a capital before a city', { kind: LabelKind.Capital, weight: 1 }, { kind: LabelKind.City, weight: 999 }],
    ['the larger of two towns', { weight: 200 }, { weight: 100 }],
  ];
  it.each(cases)('%s', (_, a, b) => {
    const first = entry({ name: 'A', ...a });
    const second = entry({ name: 'B', ...b });
    expect(compareLabels(first, second)).toBeLessThan(0);
    expect(compareLabels(second, first)).toBeGreaterThan(0);
  });

  it('is a total order: equal only for the same name at the same place', () => {
    expect(compareLabels(entry({ name: 'A' }), entry({ name: 'A' }))).toBe(0);
    expect(compareLabels(entry({ name: 'A' }), entry({ name: 'A', x: 129 }))).not.toBe(0);
  });
});

describe('candidate positions', () => {
  it('tries right, left, above and below of a dot; centres a name without one', () => {
    const town = LABEL_STYLES[LabelKind.Town];
    const [right, left, above, below] = candidateBoxes(100, 100, 30, town);
    expect(right![0]).toBeGreaterThan(100 + town.dot);
    expect(left![2]).toBeLessThan(100 - town.dot);
    expect(above![3]).toBeLessThan(100 - town.dot);
    expect(below![1]).toBeGreaterThan(100 + town.dot);
    const [centred, ...rest] = candidateBoxes(100, 100, 30, LABEL_STYLES[LabelKind.Region]);
    expect(rest).toEqual([]);
    expect((centred![0] + centred![2]) / 2).toBe(100);
    expect((centred![1] + centred![3]) / 2).toBe(100);
  });
});

describe('label layout', () => {
  it('places the first in priority order and moves or drops what would overlap it', () => {
    const layout = new LabelLayout(8, measure);
    // Two towns 1/256 of a world unit apart (1 px at zoom 8): the larger keeps its right side.
    const big = entry({ name: 'Bigtown', weight: 500, x: 128, y: 128 });
    const small = entry({ name: 'Smalltown', weight: 100, x: 128 + 1 / 256, y: 128 });
    expect(layout.add([tile('t', [small, big])])).toBe(true);
    expect(layout.placed.map((p) => p.entry.name)).toEqual(['Bigtown']);
  });

  it('takes another position when the first is taken', () => {
    const layout = new LabelLayout(8, measure);
    const a = entry({ name: 'Alpha', weight: 500, x: 128, y: 128 });
    // 10 px to the left: its right side would cover Alpha's dot, so it goes on its left.
    const b = entry({ name: 'Beta', weight: 100, x: 128 - 10 / 256, y: 128 });
    layout.add([tile('t', [a, b])]);
    expect(layout.placed.map((p) => p.entry.name)).toEqual(['Alpha', 'Beta']);
    const [alpha, beta] = layout.placed;
    expect(beta!.box[2]).toBeLessThan(beta!.dotX);
    expect(alpha!.box[0]).toBeGreaterThan(alpha!.dotX);
  });

  it('shows a name only from its first zoom, tries each name once, and lays out only the area asked', () => {
    const layout = new LabelLayout(8, measure);
    const later = entry({ name: 'Later', minZoom: 9 });
    const far = entry({ name: 'Far', x: 200, y: 200 });
    const near = entry({ name: 'Near', x: 128, y: 128 });
    const area: Box = [128 * 256 - 100, 128 * 256 - 100, 128 * 256 + 100, 128 * 256 + 100];
    layout.add([tile('t', [later, far, near])], area);
    expect(layout.placed.map((p) => p.entry.name)).toEqual(['Near']);
    // A pan brings the far one into the area; Near is not placed twice.
    expect(layout.add([tile('t', [later, far, near])], [0, 0, 256 * 256, 256 * 256])).toBe(true);
    expect(layout.placed.map((p) => p.entry.name)).toEqual(['Near', 'Far']);
    expect(layout.add([tile('t', [later, far, near])])).toBe(false);
  });

  const arbitraryEntries = fc.array(
    fc.record({
      kind: fc.constantFrom(...Object.values(LabelKind)),
      minZoom: fc.constantFrom(3, 5, 7, 8),
      weight: fc.integer({ min: 0, max: 240 }),
      // Crowded: within ±300 px of a point at zoom 8.
      x: fc.double({ min: 128 - 300 / 256, max: 128 + 300 / 256, noNaN: true }),
      y: fc.double({ min: 100 - 300 / 256, max: 100 + 300 / 256, noNaN: true }),
      name: fc.string({ minLength: 1, maxLength: 14 }),
    }),
    { maxLength: 120 },
  );

  it('never lets two placed names (or their dots) overlap, however crowded', () => {
    fc.assert(
      fc.property(arbitraryEntries, fc.integer({ min: 1, max: 4 }), (entries, batches) => {
        const layout = new LabelLayout(8, measure);
        // In several batches, as tiles arrive.
        const size = Math.ceil(entries.length / batches);
        for (let i = 0; i < entries.length; i += size) layout.add([tile(`t${i}`, entries.slice(i, i + size))]);
        const boxes = layout.placed.flatMap(boxesOf);
        for (let i = 0; i < boxes.length; i++)
          for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i]!, boxes[j]!)).toBe(false);
      }),
      { numRuns: 200 },
    );
  }, 60_000);

  it('drops a name only for names that come before it: every position it had was taken by one of them', () => {
    fc.assert(
      fc.property(arbitraryEntries, (entries) => {
        const layout = new LabelLayout(8, measure);
        layout.add([tile('t', entries)]);
        const placed = new Set(layout.placed.map((p) => p.entry));
        for (const e of entries) {
          if (placed.has(e) || e.minZoom > 8) continue;
          const style: LabelStyle = LABEL_STYLES[e.kind];
          const x = e.x * 256;
          const y = e.y * 256;
          const text = style.uppercase ? e.name.toLocaleUpperCase('en') : e.name;
          const r = style.dot + 1;
          const dot: Box | null = style.dot > 0 ? [x - r, y - r, x + r, y + r] : null;
          const blockedBy = (box: Box): boolean =>
            layout.placed.some((p) => compareLabels(p.entry, e) < 0 && boxesOf(p).some((b) => overlaps(b, box)));
          const blocked = (dot && blockedBy(dot)) || candidateBoxes(x, y, measure(text), style).every(blockedBy);
          expect(blocked, `${e.name} was dropped with room left`).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  }, 60_000);
});

describe('names and markers', () => {
  const layout = new LabelLayout(8, measure);
  const shushi = entry({ name: 'Shushi', x: 128, y: 128 });
  const other = entry({ name: 'Otherplace', weight: 1, x: 128 + 60 / 256, y: 128 + 30 / 256 });
  layout.add([tile('t', [shushi, other])]);
  const placed = layout.placed.find((p) => p.entry === shushi)!;

  it('keeps clear of discs that miss it, not of one over it', () => {
    expect(keepsClear(placed, discGrid([0, 0, 10]))).toBe(true);
    expect(keepsClear(placed, discGrid([128 * 256, 128 * 256, 12]))).toBe(false);
  });

  it('moves a covered name beside the markers on its place, clear of them and of every other name', () => {
    const discs = discGrid([128 * 256, 128 * 256, 12, 128 * 256 + 30, 128 * 256, 8]);
    const moved = relocate(placed, discs, layout, new BoxGrid())!;
    expect(moved).not.toBeNull();
    // A marker sits on the place: no dot.
    expect(moved.dot).toBe(false);
    expect(discs.hits(moved.box)).toBe(false);
    for (const p of layout.placed)
      if (p !== placed) for (const b of boxesOf(p)) expect(overlaps(b, moved.box)).toBe(false);
  });

  it('moves a name past a ring of markers around its place', () => {
    const ring: number[] = [128 * 256, 128 * 256, 10];
    for (let a = 0; a < 2 * Math.PI; a += Math.PI / 12)
      ring.push(128 * 256 + 40 * Math.cos(a), 128 * 256 + 40 * Math.sin(a), 30);
    const discs = discGrid(ring);
    const moved = relocate(placed, discs, layout, new BoxGrid())!;
    expect(discs.hits(moved.box)).toBe(false);
  });

  it('leaves a name out when markers cover the ground all around', () => {
    const field: number[] = [];
    for (let dx = -300; dx <= 300; dx += 20)
      for (let dy = -300; dy <= 300; dy += 20) field.push(128 * 256 + dx, 128 * 256 + dy, 12);
    expect(relocate(placed, discGrid(field), layout, new BoxGrid())).toBeNull();
  });

  it('never moves two names onto each other', () => {
    const taken = new BoxGrid();
    taken.add([128 * 256 - 400, 128 * 256 - 400, 128 * 256 + 400, 128 * 256 + 400]);
    expect(relocate(placed, discGrid([128 * 256, 128 * 256, 12]), layout, taken)).toBeNull();
  });
});

/**
 * Where the basemap's names go: greedy placement in priority order (countries, then by the zoom a
 * name is first shown, places before regions, capitals before cities before towns, larger first),
 * each name in the first of its candidate positions that meets no name placed before it, or left
 * out. Laid out once per zoom in world pixels and kept: a pan adds the names of tiles it brings,
 * never moves a placed one, and frames only draw what is placed. Markers are kept clear at draw
 * time (`clearOf`), so a brush step costs a filter of the placed names, not a new layout. Pure.
 */
import { LabelKind, type LabelEntry } from './basemap-format';
import type { LabelTileData } from './basemap-assets';

export interface LabelStyle {
  /** CSS font; the size is `size`. */
  font: string;
  size: number;
  /** Radius of the place's dot (0: none, the name is centred on its point). */
  dot: number;
  uppercase: boolean;
  /** CSS px between letters. */
  spacing: number;
}

const FAMILY = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
export const LABEL_STYLES: Record<LabelKind, LabelStyle> = {
  [LabelKind.Country]: { font: `600 11px ${FAMILY}`, size: 11, dot: 0, uppercase: true, spacing: 1.5 },
  [LabelKind.Region]: { font: `italic 400 11px ${FAMILY}`, size: 11, dot: 0, uppercase: false, spacing: 0 },
  [LabelKind.Capital]: { font: `700 13px ${FAMILY}`, size: 13, dot: 3.5, uppercase: false, spacing: 0 },
  [LabelKind.City]: { font: `600 12px ${FAMILY}`, size: 12, dot: 2.5, uppercase: false, spacing: 0 },
  [LabelKind.Town]: { font: `400 11px ${FAMILY}`, size: 11, dot: 2, uppercase: false, spacing: 0 },
};

/** Room around a name's text for its halo and a little air, CSS px. */
export const LABEL_PAD = 2;
/** Between a dot and its name. */
const GAP = 2;

/** The text a label shows (countries in capitals). */
export function labelText(entry: LabelEntry): string {
  return LABEL_STYLES[entry.kind].uppercase ? entry.name.toLocaleUpperCase('en') : entry.name;
}

/** Priority: negative when `a` is placed before `b`. A total order, so the layout is deterministic. */
export function compareLabels(a: LabelEntry, b: LabelEntry): number {
  const country = (e: LabelEntry): number => (e.kind === LabelKind.Country ? 0 : 1);
  const region = (e: LabelEntry): number => (e.kind === LabelKind.Region ? 1 : 0);
  return (
    country(a) - country(b) ||
    a.minZoom - b.minZoom ||
    region(a) - region(b) ||
    a.kind - b.kind ||
    b.weight - a.weight ||
    (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) ||
    a.x - b.x ||
    a.y - b.y
  );
}

/** A box: left, top, right, bottom. */
export type Box = [number, number, number, number];

export function overlaps(a: Box, b: Box): boolean {
  return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
}

/** Boxes by grid cell, to ask "does anything here overlap this box?" in a few comparisons. */
export class BoxGrid {
  readonly #cells = new Map<number, Box[]>();

  constructor(private readonly cell = 128) {}

  #each(box: Box, visit: (key: number) => boolean | void): void {
    const c = this.cell;
    for (let y = Math.floor(box[1] / c); y <= Math.floor(box[3] / c); y++)
      for (let x = Math.floor(box[0] / c); x <= Math.floor(box[2] / c); x++) if (visit(y * 1e7 + x)) return;
  }

  add(box: Box): void {
    this.#each(box, (key) => {
      const list = this.#cells.get(key);
      if (list) list.push(box);
      else this.#cells.set(key, [box]);
    });
  }

  /** Whether a box overlaps one added, other than those in `ignore`. */
  hits(box: Box, ignore: readonly Box[] = []): boolean {
    let hit = false;
    this.#each(
      box,
      (key) => (hit = this.#cells.get(key)?.some((b) => overlaps(b, box) && !ignore.includes(b)) ?? false),
    );
    return hit;
  }

  /** The boxes added that overlap a box. */
  query(box: Box): Box[] {
    const found = new Set<Box>();
    this.#each(box, (key) => {
      for (const b of this.#cells.get(key) ?? []) if (overlaps(b, box)) found.add(b);
    });
    return [...found];
  }
}

export interface PlacedLabel {
  entry: LabelEntry;
  text: string;
  /** The text's box, halo room included, in world pixels at the layout's zoom. */
  box: Box;
  /** The dot's centre and radius (radius 0: no dot), and its box as placed (null: no dot). */
  dotX: number;
  dotY: number;
  dotR: number;
  dot: Box | null;
}

/** The boxes a label may take, in order of preference: right of its dot, left, above, below; or centred. */
export function candidateBoxes(x: number, y: number, width: number, style: LabelStyle): Box[] {
  const w = width + 2 * LABEL_PAD;
  const h = style.size + 2 * LABEL_PAD;
  if (style.dot === 0) return [[x - w / 2, y - h / 2, x + w / 2, y + h / 2]];
  const r = style.dot + GAP;
  return [
    [x + r, y - h / 2, x + r + w, y + h / 2],
    [x - r - w, y - h / 2, x - r, y + h / 2],
    [x - w / 2, y - r - h, x + w / 2, y - r],
    [x - w / 2, y + r, x + w / 2, y + r + h],
  ];
}

/** One zoom's placed names. */
export class LabelLayout {
  readonly placed: PlacedLabel[] = [];
  readonly #grid = new BoxGrid();
  /** Names already laid out (placed or not): each is tried once per zoom. */
  readonly #tried = new WeakSet<LabelEntry>();

  constructor(
    readonly zoom: number,
    /** Width in CSS px of a label's text in its style. */
    private readonly measure: (text: string, style: LabelStyle) => number,
  ) {}

  /**
   * Lays out the names of `tiles` shown at this zoom whose anchor lies in `area` (world pixels
   * at this zoom; all when null) and that were not tried yet, all together in priority order.
   * Only a view's area is laid out, so a view costs what it shows, not what its tiles hold.
   * True if any was placed.
   */
  add(tiles: readonly LabelTileData[], area: Box | null = null): boolean {
    const scale = 2 ** this.zoom;
    const entries: LabelEntry[] = [];
    for (const tile of tiles) {
      for (const e of tile.entries) {
        if (e.minZoom > this.zoom + 1e-9 || this.#tried.has(e)) continue;
        if (area) {
          const x = e.x * scale;
          const y = e.y * scale;
          if (x < area[0] || x > area[2] || y < area[1] || y > area[3]) continue;
        }
        this.#tried.add(e);
        entries.push(e);
      }
    }
    entries.sort(compareLabels);
    const before = this.placed.length;
    for (const e of entries) this.#place(e);
    return this.placed.length > before;
  }

  #place(entry: LabelEntry): void {
    const style = LABEL_STYLES[entry.kind];
    const scale = 2 ** this.zoom;
    const x = entry.x * scale;
    const y = entry.y * scale;
    const text = labelText(entry);
    let dot: Box | null = null;
    if (style.dot > 0) {
      const r = style.dot + 1;
      dot = [x - r, y - r, x + r, y + r];
      if (this.#grid.hits(dot)) return;
    }
    for (const box of candidateBoxes(x, y, this.measure(text, style), style)) {
      if (this.#grid.hits(box)) continue;
      this.#grid.add(box);
      if (dot) this.#grid.add(dot);
      this.placed.push({ entry, text, box, dotX: x, dotY: y, dotR: style.dot, dot });
      return;
    }
  }

  /** Whether a box is clear of every placed name except `p`'s own boxes. */
  freeFor(box: Box, p: PlacedLabel): boolean {
    return !this.#grid.hits(box, p.dot ? [p.box, p.dot] : [p.box]);
  }
}

/** A grid of discs (x, y, radius, flattened; world pixels): the markers a name must keep clear of. */
export function discGrid(discs: ArrayLike<number>): BoxGrid {
  const grid = new BoxGrid(64);
  for (let i = 0; i + 2 < discs.length; i += 3) {
    const [x, y, r] = [discs[i]!, discs[i + 1]!, discs[i + 2]!];
    grid.add([x - r, y - r, x + r, y + r]);
  }
  return grid;
}

/** Whether a placed name and its dot keep clear of every disc in `discs` (markers stay readable). */
export function keepsClear(p: PlacedLabel, discs: BoxGrid): boolean {
  return !discs.hits(p.box) && !(p.dot && discs.hits(p.dot));
}

/** Where a name goes when markers cover it as placed. */
export interface Moved {
  box: Box;
  /** Whether its dot is still drawn (not when a marker sits on the place). */
  dot: boolean;
}

/**
 * A placed name that markers cover, moved to the first of its positions around the markers on
 * its place that meets no marker, no other placed name and nothing in `taken` (names moved
 * before it); null when none does (the name is left out). The names of the places the events
 * are at stay readable beside them instead of vanishing under them.
 */
export function relocate(p: PlacedLabel, discs: BoxGrid, layout: LabelLayout, taken: BoxGrid): Moved | null {
  const style = LABEL_STYLES[p.entry.kind];
  const dotCovered = p.dot !== null && discs.hits(p.dot);
  // The text keeps outside every disc over the place: a radius that clears the farthest edge.
  let reach = style.dot;
  const near: Box = p.dot ?? [p.dotX - 1, p.dotY - 1, p.dotX + 1, p.dotY + 1];
  for (const d of discs.query(near)) {
    const cx = (d[0] + d[2]) / 2;
    const cy = (d[1] + d[3]) / 2;
    reach = Math.max(reach, Math.hypot(cx - p.dotX, cy - p.dotY) + (d[2] - d[0]) / 2);
  }
  const width = p.box[2] - p.box[0] - 2 * LABEL_PAD;
  const candidates =
    style.dot === 0 && reach === 0
      ? []
      : candidateBoxes(p.dotX, p.dotY, width, { ...style, dot: Math.max(reach, style.dot) });
  for (const box of candidates) {
    if (discs.hits(box) || taken.hits(box) || !layout.freeFor(box, p)) continue;
    return { box, dot: p.dot !== null && !dotCovered };
  }
  return null;
}

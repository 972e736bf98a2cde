/**
 * Drawable shapes of countries and admin-1 regions, for choropleths: simplified rings in lon/lat,
 * per region index of the region table (model/regions.ts), arriving by file as views ask
 * (region-shape-plan.ts says which): one world file per level for low zooms, one file per
 * country from the pointer's fineFrom (~0.02° detail: a pixel at zoom 6; the borders drawn at
 * deeper zooms are the basemap's). Rings are filled even-odd: a hole is a ring inside a ring.
 */
import { regionAssets, type RegionAssets } from '../../io/region-assets';
import type { RegionRings, ShapesPart } from '../../model/region-format';
import type { RegionLevel, RegionPlaces, RegionTable } from '../../model/regions';
import type { ShapePart } from './region-shape-plan';

export type { RegionRings };

export class RegionShapes {
  /** Per region index: its rings from the world file, and from its country's fine file. */
  readonly #world: (RegionRings | undefined)[] = [];
  readonly #fine: (RegionRings | undefined)[] = [];
  readonly #have = new Set<ShapePart>();
  readonly #pending = new Set<ShapePart>();
  /** Called after a file's rings arrive (the layer repaints). */
  onchange: (() => void) | null = null;
  #disposed = false;

  constructor(
    private readonly assets: Pick<RegionAssets, 'shapePart'>,
    readonly table: RegionTable,
    /** The admin-1 regions' label points and boxes (both levels cull by them). */
    readonly places: RegionPlaces,
    readonly level: RegionLevel,
    /** The zoom from which the fine files are drawn (the pointer's). */
    readonly fineFrom: number,
  ) {}

  /** Asks for the parts not held or on their way; a part that failed is asked for again here. */
  want(parts: readonly ShapePart[]): void {
    for (const part of parts) {
      if (this.#have.has(part) || this.#pending.has(part)) continue;
      this.#pending.add(part);
      this.assets.shapePart(this.level, part).then(
        (got) => {
          this.#pending.delete(part);
          if (this.#disposed) return;
          this.#have.add(part);
          this.#keep(part === 'world' ? this.#world : this.#fine, got);
          this.onchange?.();
        },
        (error: unknown) => {
          this.#pending.delete(part);
          if (!this.#disposed)
            console.warn(`Faultline: region shapes (${String(part)}) not loaded; asked again on the next view`, error);
        },
      );
    }
  }

  /** Whether a part has arrived. */
  has(part: ShapePart): boolean {
    return this.#have.has(part);
  }

  /**
   * The rings to draw region `i` with: the detail asked for, else the other while it comes (a
   * zoom across fineFrom keeps what it drew), else undefined (not drawn yet).
   */
  ringsFor(i: number, fine: boolean): RegionRings | undefined {
    return fine ? (this.#fine[i] ?? this.#world[i]) : (this.#world[i] ?? this.#fine[i]);
  }

  dispose(): void {
    this.#disposed = true;
    this.onchange = null;
  }

  #keep(into: (RegionRings | undefined)[], got: ShapesPart): void {
    got.rings.forEach((rings, k) => {
      into[got.first + k] = rings;
    });
  }
}

/** The shapes of one level, none loaded yet; rejects when the pointer, the table or the places cannot be loaded. */
export async function loadRegionShapes(level: RegionLevel): Promise<RegionShapes> {
  const assets = regionAssets();
  if (!assets) throw new Error('no region assets here');
  const [pointer, table, places] = await Promise.all([assets.pointer(), assets.table(), assets.places()]);
  return new RegionShapes(assets, table, places, level, pointer.shapes.fineFrom);
}

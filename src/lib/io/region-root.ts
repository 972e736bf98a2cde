/**
 * Where the page's region assets are (beside the basemap), or null where there are none: the unit
 * tests say so (tests/setup.ts). Small on purpose: the page's first chunk holds this, and the
 * region code itself (region-assign.ts, region-assets.ts) loads when data does.
 */
let root: string | null | undefined;

/** The folder of regions.json as an absolute URL (a worker resolves relative URLs against its script). */
export function regionRoot(): string | null {
  if (root === undefined) {
    const base = typeof document !== 'undefined' ? document.baseURI : globalThis.location?.href;
    root = base ? new URL('basemap/', base).href : null;
  }
  return root;
}

/** Sets where the region assets are; null: there are none. */
export function setRegionRoot(value: string | null): void {
  root = value;
}

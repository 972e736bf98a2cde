// What clustering takes and gives, apart from how it is done, so the grid and its callers share them without a cycle.

export interface ClusterInput {
  /** Normalised Web Mercator per row (see projection.ts); NaN when unlocated. */
  x: Float64Array;
  y: Float64Array;
  /** Rows to cluster (the visible ones), ascending: clusterOf() finds a row by binary search. */
  rows: ArrayLike<number>;
  /** Category per row: a cluster whose members share one gets its colour. */
  category?: ArrayLike<number>;
  /** How many categories there are (every category value is below it); found from the rows when absent. */
  categories?: number;
  /** 256 * 2^zoom. */
  worldSize: number;
  /** The area to cluster, in world pixels: the cells it touches, whole; rows outside them are skipped. */
  left: number;
  top: number;
  width: number;
  height: number;
  /** Cell edge in pixels, rounded so that the world's width holds a whole number of cells. */
  cell: number;
  /** Neighbouring cells whose centroids are closer than this (px) become one cluster; 0: off. */
  merge?: number;
}

export interface Clusters {
  /** Number of clusters; a cluster of one is a plain marker. */
  readonly length: number;
  /** Position in world pixels: the exact point for one row, the members' centroid otherwise. */
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly count: Uint32Array;
  /** Members' category when they all share one, else -1. */
  readonly category: Int32Array;
  /** The one row of a cluster of one; -1 for larger clusters. */
  readonly single: Int32Array;
  /** The cluster a clustered row belongs to, or -1 when the row is not drawn. */
  clusterOf(row: number): number;
  /** The rows of cluster i, in the order they were given (built on first use). */
  members(i: number): Uint32Array;
  /**
   * Lists every cluster's members ahead of their first use (a hover asks for them), a slice of
   * rows at a time while `more()` allows; true while rows remain. At 1M that listing is a pass
   * over every visible row (11–24 ms), too long for a hover to wait for.
   */
  listMembers(more: () => boolean): boolean;
  /** Largest of cluster i's x and y spans, normalised: 0 when the members all sit on one spot. */
  spread(i: number): number;
}

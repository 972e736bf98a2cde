// Union-find over grid cells, for ClusterGrid (cluster-grid.ts).

/**
 * Joins neighbouring cells whose centroids are closer than `merge` pixels: plain grid cells
 * split a tight group that straddles a cell edge into discs drawn on top of each other.
 * Returns a union-find parent array over cells.
 */
export function mergeNeighbours(
  perCell: Int32Array,
  cx: Float64Array,
  cy: Float64Array,
  cols: number,
  rows: number,
  merge: number,
): Int32Array {
  const parent = new Int32Array(perCell.length);
  for (let c = 0; c < parent.length; c++) parent[c] = c;
  if (merge <= 0) return parent;
  const limit = merge * merge;
  for (let c = 0; c < perCell.length; c++) {
    if (!perCell[c]) continue;
    const col = c % cols;
    const ax = cx[c]!;
    const ay = cy[c]!;
    // Right, below-left, below, below-right: every adjacent pair is looked at once.
    for (const [dc, dr] of NEIGHBOURS) {
      if (col + dc < 0 || col + dc >= cols || Math.floor(c / cols) + dr >= rows) continue;
      const d = c + dr * cols + dc;
      if (!perCell[d]) continue;
      const dx = cx[d]! - ax;
      const dy = cy[d]! - ay;
      if (dx * dx + dy * dy < limit) parent[find(parent, d)] = find(parent, c);
    }
  }
  return parent;
}

const NEIGHBOURS = [
  [1, 0],
  [-1, 1],
  [0, 1],
  [1, 1],
] as const;

export function find(parent: Int32Array, c: number): number {
  while (parent[c] !== c) {
    parent[c] = parent[parent[c]!]!; // path halving keeps the trees flat
    c = parent[c]!;
  }
  return c;
}

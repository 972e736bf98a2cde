/**
 * The marker vocabulary as pure rules: which shape a category gets (a cue that survives colour
 * blindness and greyscale printing), how location precision and claim status change the look,
 * and how big clusters are. paint.ts turns these descriptions into canvas calls.
 */

export type Shape = 'circle' | 'square' | 'diamond' | 'triangle' | 'hexagon' | 'cross' | 'triangle-down' | 'star';

/** Cycled by category index, so category 8 is a circle again (its colour still differs). */
export const SHAPES: readonly Shape[] = [
  'circle',
  'square',
  'diamond',
  'triangle',
  'hexagon',
  'cross',
  'triangle-down',
  'star',
];

export function shapeFor(categoryIndex: number): Shape {
  return SHAPES[((categoryIndex % SHAPES.length) + SHAPES.length) % SHAPES.length]!;
}

export type Emphasis = 'normal' | 'hover' | 'selected';

export interface MarkerStyle {
  /** site: solid shape; city: ring; area (region, country): halo around a small centre mark. */
  kind: 'site' | 'city' | 'area';
  /** Radius of the shape itself, in CSS pixels. */
  radius: number;
  /** Opacity of the category colour inside the shape: 1 solid, low for a ring. */
  fillAlpha: number;
  /** Width of the shape's outline; a city ring is drawn thick in the category colour. */
  strokeWidth: number;
  /** Radius of the translucent uncertainty halo; 0 for none. Grows with coarseness. */
  halo: number;
  haloAlpha: number;
  /** Claimed or disputed events are outlined with dashes. */
  dashed: boolean;
}

/** Location precision codes from model/columns.ts: 0 none, 1 site, 2 city, 3 region, 4 country. */
const BY_PRECISION: Record<number, Omit<MarkerStyle, 'dashed'>> = {
  1: { kind: 'site', radius: 6, fillAlpha: 1, strokeWidth: 1.5, halo: 0, haloAlpha: 0 },
  2: { kind: 'city', radius: 6, fillAlpha: 0.25, strokeWidth: 3, halo: 0, haloAlpha: 0 },
  3: { kind: 'area', radius: 3.5, fillAlpha: 1, strokeWidth: 1, halo: 15, haloAlpha: 0.2 },
  4: { kind: 'area', radius: 3.5, fillAlpha: 1, strokeWidth: 1, halo: 24, haloAlpha: 0.14 },
};

/** Status codes from model/columns.ts: 0 confirmed, 1 claimed, 2 disputed. */
export function markerStyle(precision: number, status: number, emphasis: Emphasis = 'normal'): MarkerStyle {
  // An unknown code is drawn as a city: visible, but not claiming site accuracy.
  const base = BY_PRECISION[precision] ?? BY_PRECISION[2]!;
  const grow = emphasis === 'normal' ? 1 : 1.4;
  return { ...base, radius: base.radius * grow, halo: base.halo, dashed: status === 1 || status === 2 };
}

/** How far from the centre a pointer still counts as on the marker: the halo counts too. */
export function hitRadius(style: MarkerStyle): number {
  return Math.max(style.radius + style.strokeWidth / 2 + 3, style.halo, 8);
}

export const CLUSTER_CELL = 48;
/** Neighbouring cells closer than this merge: two smallest discs (r 13) would overlap. */
export const CLUSTER_MERGE = 28;

/** Disc radius grows with the log of the count and stays inside its 48-px cell. */
export function clusterRadius(count: number): number {
  return Math.min(24, 12 + 4 * Math.log10(Math.max(1, count)));
}

/** "7", "950", "1.2k", "12k", "1.3M": short enough for a disc. */
export function countLabel(count: number): string {
  if (count < 1000) return String(count);
  if (count < 10_000) return `${(Math.floor(count / 100) / 10).toString()}k`;
  if (count < 1_000_000) return `${Math.floor(count / 1000)}k`;
  return `${(Math.floor(count / 100_000) / 10).toString()}M`;
}

/** Black or white, whichever reads better on a #rrggbb fill (WCAG relative luminance). */
export function textColorOn(hex: string): '#000000' | '#ffffff' {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return '#ffffff';
  const [r, g, b] = [m[1]!, m[2]!, m[3]!].map((h) => {
    const c = parseInt(h, 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  // Contrast with white is (1.05)/(L+0.05), with black (L+0.05)/0.05; they cross at L ≈ 0.179.
  return luminance > 0.179 ? '#000000' : '#ffffff';
}

/** The subset of CanvasRenderingContext2D a shape needs, so tests can record the path. */
export interface PathSink {
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  arc(x: number, y: number, r: number, start: number, end: number): void;
  closePath(): void;
}

function polygon(sink: PathSink, x: number, y: number, r: number, sides: number, rotation: number): void {
  for (let i = 0; i < sides; i++) {
    const a = rotation + (i * 2 * Math.PI) / sides;
    const px = x + r * Math.cos(a);
    const py = y + r * Math.sin(a);
    if (i === 0) sink.moveTo(px, py);
    else sink.lineTo(px, py);
  }
  sink.closePath();
}

/** Adds one closed sub-path for the shape; sizes are tuned so every shape looks equally heavy. */
export function tracePath(sink: PathSink, shape: Shape, x: number, y: number, r: number): void {
  const up = -Math.PI / 2;
  switch (shape) {
    case 'circle':
      sink.moveTo(x + r, y);
      sink.arc(x, y, r, 0, 2 * Math.PI);
      sink.closePath();
      return;
    case 'square':
      return polygon(sink, x, y, r * 1.2, 4, Math.PI / 4);
    case 'diamond':
      return polygon(sink, x, y, r * 1.3, 4, 0);
    case 'triangle':
      return polygon(sink, x, y + r * 0.2, r * 1.4, 3, up);
    case 'triangle-down':
      return polygon(sink, x, y - r * 0.2, r * 1.4, 3, -up);
    case 'hexagon':
      return polygon(sink, x, y, r * 1.1, 6, 0);
    case 'cross': {
      const a = r * 1.15;
      const b = r * 0.42;
      const pts = [
        [-b, -a],
        [b, -a],
        [b, -b],
        [a, -b],
        [a, b],
        [b, b],
        [b, a],
        [-b, a],
        [-b, b],
        [-a, b],
        [-a, -b],
        [-b, -b],
      ];
      pts.forEach(([dx, dy], i) => (i === 0 ? sink.moveTo(x + dx!, y + dy!) : sink.lineTo(x + dx!, y + dy!)));
      sink.closePath();
      return;
    }
    case 'star':
      for (let i = 0; i < 10; i++) {
        const a = up + (i * Math.PI) / 5;
        const rr = i % 2 === 0 ? r * 1.45 : r * 0.62;
        if (i === 0) sink.moveTo(x + rr * Math.cos(a), y + rr * Math.sin(a));
        else sink.lineTo(x + rr * Math.cos(a), y + rr * Math.sin(a));
      }
      sink.closePath();
  }
}

/**
 * Cluster counts ("7", "1.2k", "3M") copied from a small glyph atlas instead of drawn with
 * fillText. In the app, each fillText cost ~0.2 ms (the canvas re-resolves its font when the page
 * has changed since the last frame, which a brush step always has): over ten discs, most of the
 * map's share of a brush frame. The atlas is drawn once per pixel ratio; a label is a few image
 * copies. Digits are the same width in most UI fonts, so nothing is lost without kerning.
 */
const CHARS = '0123456789.kM';
const FONT = '600 12px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
/** Room around each glyph for antialiasing, CSS px. */
const PAD = 2;
const ROW = 18;
export const LABEL_COLORS = ['#000000', '#ffffff'] as const;
export type LabelColor = (typeof LABEL_COLORS)[number];

interface Glyph {
  /** Left edge of the glyph's box in the atlas, CSS px. */
  at: number;
  advance: number;
}

export class CountLabels {
  #atlas: HTMLCanvasElement | null = null;
  #dpr = 0;
  #glyphs = new Map<string, Glyph>();

  /** Draws `text` centred on (x, y) in CSS px; ctx is scaled to the pixel ratio. */
  draw(ctx: CanvasRenderingContext2D, text: string, x: number, y: number, color: LabelColor, dpr: number): void {
    const atlas = this.#ready(dpr);
    if (!atlas) return;
    let width = 0;
    for (const ch of text) width += this.#glyphs.get(ch)?.advance ?? 0;
    const row = LABEL_COLORS.indexOf(color);
    let left = x - width / 2;
    for (const ch of text) {
      const g = this.#glyphs.get(ch);
      if (!g) continue;
      const w = g.advance + 2 * PAD;
      ctx.drawImage(atlas, g.at * dpr, row * ROW * dpr, w * dpr, ROW * dpr, left - PAD, y - ROW / 2, w, ROW);
      left += g.advance;
    }
  }

  #ready(dpr: number): HTMLCanvasElement | null {
    if (this.#atlas && this.#dpr === dpr) return this.#atlas;
    const canvas = document.createElement('canvas');
    const ctx = canvas.getContext('2d');
    if (!ctx) return null;
    ctx.font = FONT;
    this.#glyphs.clear();
    let at = 0;
    for (const ch of CHARS) {
      const advance = ctx.measureText(ch).width;
      this.#glyphs.set(ch, { at, advance });
      at += advance + 2 * PAD;
    }
    canvas.width = Math.ceil(at * dpr);
    canvas.height = Math.ceil(ROW * LABEL_COLORS.length * dpr);
    // Resizing reset the context: set it up again.
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.font = FONT;
    ctx.direction = 'ltr';
    ctx.textAlign = 'left';
    ctx.textBaseline = 'middle';
    LABEL_COLORS.forEach((color, row) => {
      ctx.fillStyle = color;
      for (const [ch, g] of this.#glyphs) ctx.fillText(ch, g.at + PAD, row * ROW + ROW / 2 + 0.5);
    });
    this.#atlas = canvas;
    this.#dpr = dpr;
    return canvas;
  }
}

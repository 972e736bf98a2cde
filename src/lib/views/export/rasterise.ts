/**
 * Paints what a piece of the page shows onto a 2D canvas, for the PNG export: canvases are
 * copied, SVG lines, paths, rects and text are redrawn from their computed styles, and HTML
 * text and backgrounds are drawn where the layout put them. Deliberately small: it knows the
 * few things our map and timeline are made of, not CSS at large. Text is always drawn with
 * fillText (never parsed as markup), and nothing is loaded from a URL, so the canvas cannot be
 * tainted by anything but a tainted source canvas (canvasToPng in export-image.ts checks).
 */

export interface PaintOptions {
  /** Page coordinates (client px) of the target canvas's (0, 0). */
  originX: number;
  originY: number;
  /** Elements whose subtrees are left out (controls, hidden text). */
  skip?: (el: Element) => boolean;
}

const SKIPPED_TAGS = new Set(['BUTTON', 'INPUT', 'SELECT', 'TEXTAREA', 'DIALOG', 'SCRIPT', 'STYLE']);

/** Paints the element's subtree (not its own background) onto ctx, clipped by the caller. */
export function paintSubtree(ctx: CanvasRenderingContext2D, root: Element, options: PaintOptions): void {
  for (const child of root.childNodes) paintNode(ctx, child, options);
}

function paintNode(ctx: CanvasRenderingContext2D, node: Node, o: PaintOptions): void {
  if (node.nodeType === Node.TEXT_NODE) {
    paintText(ctx, node as Text, o);
    return;
  }
  if (node.nodeType !== Node.ELEMENT_NODE) return;
  const el = node as Element;
  if (SKIPPED_TAGS.has(el.tagName) || el.classList.contains('visually-hidden') || o.skip?.(el)) return;
  const style = getComputedStyle(el);
  if (style.display === 'none' || style.visibility === 'hidden' || Number(style.opacity) === 0) return;
  if (el instanceof HTMLCanvasElement) {
    paintCanvas(ctx, el, o);
    return;
  }
  if (el instanceof SVGElement) {
    paintSvg(ctx, el, style, o);
    return;
  }
  paintBackground(ctx, el, style, o);
  for (const child of el.childNodes) paintNode(ctx, child, o);
}

export function paintCanvas(
  ctx: CanvasRenderingContext2D,
  canvas: HTMLCanvasElement,
  o: Pick<PaintOptions, 'originX' | 'originY'>,
): void {
  const r = canvas.getBoundingClientRect();
  if (canvas.width === 0 || canvas.height === 0 || r.width === 0 || r.height === 0) return;
  ctx.drawImage(canvas, r.left - o.originX, r.top - o.originY, r.width, r.height);
}

function visibleColor(color: string): boolean {
  return (
    color !== '' &&
    color !== 'transparent' &&
    color !== 'none' &&
    !/^rgba\(.*,\s*0\)$/.test(color) &&
    !/\/\s*0\)$/.test(color)
  );
}

function paintBackground(
  ctx: CanvasRenderingContext2D,
  el: Element,
  style: CSSStyleDeclaration,
  o: PaintOptions,
): void {
  if (!visibleColor(style.backgroundColor)) return;
  const r = el.getBoundingClientRect();
  if (r.width === 0 || r.height === 0) return;
  ctx.fillStyle = style.backgroundColor;
  ctx.fillRect(r.left - o.originX, r.top - o.originY, r.width, r.height);
}

function font(style: CSSStyleDeclaration): string {
  return `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
}

/** Word by word, each at its laid-out box, so wrapped and aligned text lands where it shows. */
function paintText(ctx: CanvasRenderingContext2D, node: Text, o: PaintOptions): void {
  const parent = node.parentElement;
  if (!parent || !node.data.trim()) return;
  const style = getComputedStyle(parent);
  const clip = parent.getBoundingClientRect();
  if (clip.width === 0 || clip.height === 0) return;
  ctx.save();
  ctx.beginPath();
  ctx.rect(clip.left - o.originX, clip.top - o.originY, clip.width, clip.height);
  ctx.clip();
  ctx.font = font(style);
  ctx.fillStyle = style.color;
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'left';
  const range = document.createRange();
  for (const match of node.data.matchAll(/\S+/g)) {
    range.setStart(node, match.index);
    range.setEnd(node, match.index + match[0].length);
    const r = range.getBoundingClientRect();
    if (r.width === 0) continue;
    ctx.fillText(match[0], r.left - o.originX, r.top + r.height / 2 - o.originY);
  }
  ctx.restore();
}

function number(value: string, fallback: number): number {
  const n = parseFloat(value);
  return Number.isFinite(n) ? n : fallback;
}

function paintSvg(ctx: CanvasRenderingContext2D, el: SVGElement, style: CSSStyleDeclaration, o: PaintOptions): void {
  const tag = el.tagName.toLowerCase();
  if (tag === 'svg' || tag === 'g') {
    for (const child of el.children) paintNode(ctx, child, o);
    return;
  }
  if (!(el instanceof SVGGraphicsElement)) return;
  const m = el.getScreenCTM();
  if (!m) return;
  ctx.save();
  ctx.translate(-o.originX, -o.originY);
  ctx.transform(m.a, m.b, m.c, m.d, m.e, m.f);
  ctx.globalAlpha = number(style.opacity, 1);
  if (tag === 'text') {
    const text = el.textContent?.trim();
    const t = el as SVGTextElement;
    if (text && visibleColor(style.fill)) {
      ctx.font = font(style);
      ctx.fillStyle = style.fill;
      ctx.globalAlpha *= number(style.fillOpacity, 1);
      ctx.textBaseline = 'alphabetic';
      ctx.textAlign = style.textAnchor === 'middle' ? 'center' : style.textAnchor === 'end' ? 'right' : 'left';
      ctx.fillText(text, t.x.baseVal[0]?.value ?? 0, t.y.baseVal[0]?.value ?? 0);
    }
    ctx.restore();
    return;
  }
  const path = new Path2D();
  if (el instanceof SVGLineElement) {
    path.moveTo(el.x1.baseVal.value, el.y1.baseVal.value);
    path.lineTo(el.x2.baseVal.value, el.y2.baseVal.value);
  } else if (el instanceof SVGRectElement) {
    path.rect(el.x.baseVal.value, el.y.baseVal.value, el.width.baseVal.value, el.height.baseVal.value);
  } else if (el instanceof SVGCircleElement) {
    path.arc(el.cx.baseVal.value, el.cy.baseVal.value, el.r.baseVal.value, 0, 2 * Math.PI);
  } else if (el instanceof SVGPathElement) {
    const d = el.getAttribute('d');
    if (d) path.addPath(new Path2D(d));
  } else {
    ctx.restore();
    return;
  }
  const alpha = ctx.globalAlpha;
  if (tag !== 'line' && visibleColor(style.fill)) {
    ctx.fillStyle = style.fill;
    ctx.globalAlpha = alpha * number(style.fillOpacity, 1);
    ctx.fill(path);
  }
  if (visibleColor(style.stroke)) {
    ctx.strokeStyle = style.stroke;
    ctx.globalAlpha = alpha * number(style.strokeOpacity, 1);
    ctx.lineWidth = number(style.strokeWidth, 1);
    const dash = style.strokeDasharray === 'none' ? [] : style.strokeDasharray.split(/[\s,]+/).map((v) => number(v, 0));
    ctx.setLineDash(dash);
    ctx.stroke(path);
  }
  ctx.restore();
}

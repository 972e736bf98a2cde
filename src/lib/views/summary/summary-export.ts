/**
 * The summary's downloads: the table as CSV, the chart as SVG and as PNG, each under the same
 * caption as the map and timeline exports (what is selected, over which time, whose data). The
 * SVG is the chart on screen with its computed colours written onto each shape, so it looks the
 * same in an editor that has none of our CSS; text is set as text, never parsed as markup.
 */
import { downloadBlob, fileSlug } from '../../io/download';
import type { BinSeries } from '../../query/summary';
import type { ViewDescription } from '../export/caption';
import { canvasToPng, wrapText } from '../export/export-image';
import { paintSubtree } from '../export/rasterise';
import type { Measure } from './chart-layout';
import { summaryCsv } from './summary-table';
import { t } from '../../i18n/i18n.svelte';

const SVG_NS = 'http://www.w3.org/2000/svg';
const PAD = 16;
/** Styles that decide how a shape or a label looks; copied from the computed style. */
const STYLED = ['fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-opacity', 'font-size', 'font-family'];

export function exportSummaryCsv(series: BinSeries, labels: readonly string[], title: string): void {
  const blob = new Blob([summaryCsv(series, labels)], { type: 'text/csv;charset=utf-8' });
  downloadBlob(blob, `${fileSlug(title)}-summary-${series.unit}s.csv`);
}

function captionLines(d: ViewDescription, measure: Measure, labels: readonly string[]): string[] {
  return [
    measure === 'events'
      ? t('summary.captionEvents', { title: d.title })
      : t('summary.captionFatalities', { title: d.title }),
    `${d.count} · ${d.window}`,
    d.filters,
    measure === 'events' ? t('summary.captionColours', { list: labels.join(', ') }) : t('summary.captionSolid'),
  ];
}

/** The chart as a standalone SVG document (text). */
export function chartSvgText(
  doc: Document,
  chart: SVGSVGElement,
  description: ViewDescription,
  measure: Measure,
  labels: readonly string[],
): string {
  const width = chart.width.baseVal.value;
  const height = chart.height.baseVal.value;
  const lines = captionLines(description, measure, labels);
  const lineHeight = 16;
  const top = PAD + lines.length * lineHeight + 6;
  const total = top + height + PAD + lineHeight;
  const style = getComputedStyle(doc.documentElement);
  const panel = style.getPropertyValue('--panel').trim() || '#ffffff';
  const text = style.getPropertyValue('--text').trim() || '#1b2430';
  const muted = style.getPropertyValue('--muted').trim() || '#55606e';
  const svg = doc.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('xmlns', SVG_NS);
  svg.setAttribute('width', String(width + 2 * PAD));
  svg.setAttribute('height', String(total));
  svg.setAttribute('viewBox', `0 0 ${width + 2 * PAD} ${total}`);
  svg.setAttribute('font-family', 'system-ui, sans-serif');
  const rect = doc.createElementNS(SVG_NS, 'rect');
  for (const [k, v] of [
    ['width', '100%'],
    ['height', '100%'],
    ['fill', panel],
  ])
    rect.setAttribute(k!, v!);
  svg.append(rect);
  const addText = (content: string, y: number, size: number, color: string, weight = '400'): void => {
    const t = doc.createElementNS(SVG_NS, 'text');
    t.setAttribute('x', String(PAD));
    t.setAttribute('y', String(y));
    t.setAttribute('font-size', String(size));
    t.setAttribute('font-weight', weight);
    t.setAttribute('fill', color);
    t.textContent = content;
    svg.append(t);
  };
  lines.forEach((line, i) =>
    addText(line, PAD + 12 + i * lineHeight, i === 0 ? 14 : 12, i === 0 ? text : muted, i ? '400' : '700'),
  );
  const g = doc.createElementNS(SVG_NS, 'g');
  g.setAttribute('transform', `translate(${PAD} ${top})`);
  for (const child of chart.children) g.append(inlineStyles(child, doc));
  svg.append(g);
  addText(description.attribution, total - PAD + 4, 11, muted);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(svg)}\n`;
}

/** A deep copy of a live SVG element with its computed look written as attributes. */
function inlineStyles(live: Element, doc: Document): Element {
  const copy = doc.createElementNS(SVG_NS, live.tagName.toLowerCase());
  for (const { name, value } of live.attributes)
    if (!name.startsWith('on') && name !== 'class') copy.setAttribute(name, value);
  const computed = getComputedStyle(live);
  for (const prop of STYLED) {
    const value = computed.getPropertyValue(prop);
    if (value) copy.setAttribute(prop, value);
  }
  for (const node of live.childNodes) {
    if (node.nodeType === Node.TEXT_NODE) copy.append(doc.createTextNode(node.textContent ?? ''));
    else if (node.nodeType === Node.ELEMENT_NODE) copy.append(inlineStyles(node as Element, doc));
  }
  return copy;
}

export function exportChartSvg(
  doc: Document,
  chart: SVGSVGElement,
  description: ViewDescription,
  measure: Measure,
  labels: readonly string[],
): void {
  const blob = new Blob([chartSvgText(doc, chart, description, measure, labels)], { type: 'image/svg+xml' });
  downloadBlob(blob, `${fileSlug(description.title)}-summary-chart.svg`);
}

/** The chart on a canvas under its caption, at the screen's pixel ratio (at most 2) for crisp text. */
export async function exportChartPng(
  doc: Document,
  chart: SVGSVGElement,
  description: ViewDescription,
  measure: Measure,
  labels: readonly string[],
): Promise<void> {
  const box = chart.getBoundingClientRect();
  const width = Math.ceil(Math.max(360, box.width)) + 2 * PAD;
  const canvas = doc.createElement('canvas');
  const measureCtx = canvas.getContext('2d')!;
  const family = getComputedStyle(doc.body).fontFamily || 'sans-serif';
  measureCtx.font = `400 12px ${family}`;
  const lines = captionLines(description, measure, labels).flatMap((l) => wrapText(measureCtx, l, width - 2 * PAD));
  const lineHeight = 17;
  const top = PAD + lines.length * lineHeight + 6;
  const height = Math.ceil(top + box.height + PAD + lineHeight);
  const scale = Math.min(2, Math.max(1, window.devicePixelRatio || 1));
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const ctx = canvas.getContext('2d')!;
  ctx.scale(scale, scale);
  const style = getComputedStyle(doc.documentElement);
  ctx.fillStyle = style.getPropertyValue('--panel').trim() || '#ffffff';
  ctx.fillRect(0, 0, width, height);
  ctx.textBaseline = 'top';
  lines.forEach((line, i) => {
    ctx.font = i === 0 ? `700 13px ${family}` : `400 12px ${family}`;
    ctx.fillStyle = style.getPropertyValue(i === 0 ? '--text' : '--muted').trim() || '#1b2430';
    ctx.fillText(line, PAD, PAD + i * lineHeight);
  });
  ctx.save();
  ctx.translate(PAD, top);
  ctx.beginPath();
  ctx.rect(0, 0, box.width, box.height);
  ctx.clip();
  paintSubtree(ctx, chart.parentElement ?? chart, { originX: box.left, originY: box.top });
  ctx.restore();
  ctx.font = `400 11px ${family}`;
  ctx.fillStyle = style.getPropertyValue('--muted').trim() || '#55606e';
  ctx.fillText(description.attribution, PAD, height - PAD - 2);
  downloadBlob(await canvasToPng(canvas), `${fileSlug(description.title)}-summary-chart.png`);
}

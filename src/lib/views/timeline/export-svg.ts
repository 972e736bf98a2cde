/**
 * "Download SVG": the timeline of the events shown, as a standalone vector file for reports.
 * It is laid out by the same pure code as the on-screen timeline (lanes.ts, frame.ts, ticks.ts)
 * over the time window, or over the shown events' span when there is none, on a light
 * background that prints well. Built with createElementNS, setAttribute and textContent only
 * and serialised by XMLSerializer: event text is never concatenated into markup.
 * Every mark carries a <title> (date and event title), which viewers show on hover.
 */
import type { Dataset } from '../../model/dataset';
import { dates } from '../../state/dates.svelte';
import { localName, t } from '../../i18n/i18n.svelte';
import type { QueryIndex } from '../../query/query-index';
import type { TimeWindow } from '../../query/filters';
import type { LaneMode } from '../../state/app-state.svelte';
import { layoutFrame } from './frame';
import { SHAPES, type Domain } from './geometry';
import { actorLanes, categoryLanes } from './lanes';
import { chooseTicks } from './ticks';
import type { ViewDescription } from '../export/caption';
import { downloadBlob, fileSlug } from '../../io/download';

const SVG_NS = 'http://www.w3.org/2000/svg';
const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif";
const COLORS = { background: '#ffffff', text: '#1b2430', muted: '#55606e', border: '#d5dbe3', stripe: '#f4f5f7' };
const PAD = 16;
const GUTTER = 170;
/** Lanes get at least this much room, and the plot at least MIN_PLOT_HEIGHT, so marks can stack. */
const LANE_HEIGHT = 24;
const MIN_PLOT_HEIGHT = 180;
const AXIS_HEIGHT = 22;
const MAX_ACTOR_LANES = 10;
/** Beyond this many marks the file gets unwieldy; the rest are left out, and the file says so. */
export const MAX_SVG_MARKS = 20_000;

export interface TimelineSvgInput {
  dataset: Dataset;
  index: QueryIndex;
  /** Rows shown, in time order. */
  visible: Uint32Array;
  visibleMask: Uint8Array;
  window: TimeWindow | null;
  laneMode: LaneMode;
  description: ViewDescription;
  /** Width of the whole picture in px. */
  width?: number;
}

type Attrs = Record<string, string | number>;

function node<K extends keyof SVGElementTagNameMap>(
  doc: Document,
  parent: Element,
  tag: K,
  attrs: Attrs = {},
  text?: string,
): SVGElementTagNameMap[K] {
  const el = doc.createElementNS(SVG_NS, tag) as SVGElementTagNameMap[K];
  for (const [key, value] of Object.entries(attrs)) el.setAttribute(key, String(value));
  if (text !== undefined) el.textContent = text;
  parent.append(el);
  return el;
}

/** The time range drawn: the window, else the shown events' span with a small margin. */
export function svgDomain(dataset: Dataset, visible: Uint32Array, window: TimeWindow | null): Domain {
  if (window) return { start: window.start, end: window.end };
  const { start, end } = dataset.columns;
  let lo = Infinity;
  let hi = -Infinity;
  for (const row of visible) {
    lo = Math.min(lo, start[row]!);
    hi = Math.max(hi, end[row]!);
  }
  if (!Number.isFinite(lo)) {
    for (let row = 0; row < dataset.columns.size; row++) {
      lo = Math.min(lo, start[row]!);
      hi = Math.max(hi, end[row]!);
    }
  }
  if (!Number.isFinite(lo)) return { start: 0, end: 86_400_000 };
  const margin = Math.max((hi - lo) * 0.03, 86_400_000);
  return { start: lo - margin, end: hi + margin };
}

/** Rough wrapping for caption lines (SVG text does not wrap): about 6.6 px per 12 px character. */
function wrap(text: string, width: number, px = 6.6): string[] {
  const max = Math.max(20, Math.floor(width / px));
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

function clipLabel(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function buildTimelineSvg(doc: Document, input: TimelineSvgInput): SVGSVGElement {
  const { dataset, index, visible, description } = input;
  const { columns, meta, events } = dataset;
  const width = Math.max(480, Math.round(input.width ?? 1000));
  const plotWidth = width - 2 * PAD - GUTTER;
  const view = svgDomain(dataset, visible, input.window);
  const layout =
    input.laneMode === 'actor'
      ? actorLanes(index.actors, visible, MAX_ACTOR_LANES)
      : categoryLanes(meta.categories, columns.category, visible);
  const laneCount = Math.max(1, layout.lanes.length);
  /** A lane's name in the interface's language, as the timeline shows it (LaneLabels.svelte). */
  const laneName = (lane: { key: string; label: string }): string => {
    if (lane.key === 'actor:*') return t('timeline.otherActors');
    if (lane.key.startsWith('actor:')) return lane.label;
    const category = meta.categories.find((c) => c.id === lane.key);
    return category ? localName(category.label, category.labels) : lane.label;
  };
  const lanesHeight = Math.max(MIN_PLOT_HEIGHT, laneCount * LANE_HEIGHT);
  const laneHeight = lanesHeight / laneCount;
  const frame = layoutFrame({
    columns,
    layout,
    visibleMask: input.visibleMask,
    view,
    width: plotWidth,
    height: lanesHeight,
    maxDuration: index.maxDuration,
  });
  const axis = chooseTicks(view, plotWidth, dates.words);

  const captionLines = [
    { text: description.title, size: 16, weight: 700, color: COLORS.text },
    ...wrap(`${description.count} · ${description.window}`, width - 2 * PAD).map((text) => ({
      text,
      size: 12,
      weight: 400,
      color: COLORS.text,
    })),
    ...wrap(description.filters, width - 2 * PAD).map((text) => ({ text, size: 12, weight: 400, color: COLORS.muted })),
  ];
  const captionHeight = captionLines.reduce((h, l) => h + l.size + 6, 0);
  const plotTop = PAD + captionHeight + 8;
  const footerTop = plotTop + lanesHeight + AXIS_HEIGHT + 12;
  const footerLines = wrap(description.attribution, width - 2 * PAD, 6);
  const height = footerTop + footerLines.length * 16 + PAD;

  const svg = doc.createElementNS(SVG_NS, 'svg');
  for (const [key, value] of Object.entries({
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    'font-family': FONT,
    role: 'img',
  })) {
    svg.setAttribute(key, String(value));
  }
  node(doc, svg, 'title', {}, `Timeline: ${description.title}`);
  node(
    doc,
    svg,
    'desc',
    {},
    `${description.count}; ${description.window}; ${description.filters}. ${description.attribution}`,
  );
  node(doc, svg, 'rect', { x: 0, y: 0, width, height, fill: COLORS.background });

  let y = PAD;
  for (const line of captionLines) {
    y += line.size;
    node(
      doc,
      svg,
      'text',
      { x: PAD, y, 'font-size': line.size, 'font-weight': line.weight, fill: line.color },
      line.text,
    );
    y += 6;
  }

  // Lanes: stripes across, labels in the gutter.
  const lanes = node(doc, svg, 'g', { class: 'lanes' });
  layout.lanes.forEach((lane, i) => {
    const top = plotTop + i * laneHeight;
    if (i % 2 === 1)
      node(doc, lanes, 'rect', { x: PAD + GUTTER, y: top, width: plotWidth, height: laneHeight, fill: COLORS.stripe });
    if (lane.color)
      node(doc, lanes, 'rect', { x: PAD, y: top + laneHeight / 2 - 5, width: 10, height: 10, rx: 2, fill: lane.color });
    node(
      doc,
      lanes,
      'text',
      { x: PAD + 16, y: top + laneHeight / 2 + 4, 'font-size': 11, fill: COLORS.text },
      clipLabel(laneName(lane), 24),
    );
  });
  if (layout.lanes.length === 0) {
    node(
      doc,
      lanes,
      'text',
      { x: PAD + GUTTER + 8, y: plotTop + laneHeight / 2 + 4, 'font-size': 12, fill: COLORS.muted },
      t('list.empty'),
    );
  }

  // Axis: grid lines through the lanes, labels below, the context (year, month) in the gutter.
  const axisGroup = node(doc, svg, 'g', { class: 'axis', 'font-size': 11 });
  const baseline = plotTop + lanesHeight;
  node(doc, axisGroup, 'line', {
    x1: PAD + GUTTER,
    x2: PAD + GUTTER + plotWidth,
    y1: baseline + 0.5,
    y2: baseline + 0.5,
    stroke: COLORS.border,
  });
  for (const tick of axis.ticks) {
    const x = PAD + GUTTER + ((tick.t - view.start) / (view.end - view.start)) * plotWidth;
    if (x < PAD + GUTTER || x > PAD + GUTTER + plotWidth) continue;
    node(doc, axisGroup, 'line', {
      x1: x,
      x2: x,
      y1: plotTop,
      y2: baseline + 4,
      stroke: tick.major ? COLORS.muted : COLORS.border,
      'stroke-opacity': 0.6,
    });
    if (x + 3 + tick.label.length * 7 <= PAD + GUTTER + plotWidth) {
      node(
        doc,
        axisGroup,
        'text',
        {
          x: x + 3,
          y: baseline + AXIS_HEIGHT - 6,
          fill: tick.major ? COLORS.text : COLORS.muted,
          'font-weight': tick.major ? 600 : 400,
        },
        tick.label,
      );
    }
  }
  if (axis.context)
    node(doc, axisGroup, 'text', { x: PAD, y: baseline + AXIS_HEIGHT - 6, fill: COLORS.muted }, axis.context);

  // Marks, clipped to the plot; each event a group with its title.
  const defs = node(doc, svg, 'defs');
  const clip = node(doc, defs, 'clipPath', { id: 'faultline-plot' });
  node(doc, clip, 'rect', { x: 0, y: 0, width: plotWidth, height: lanesHeight });
  const marks = node(doc, svg, 'g', {
    class: 'marks',
    transform: `translate(${PAD + GUTTER} ${plotTop})`,
    'clip-path': 'url(#faultline-plot)',
  });
  let drawn = 0;
  for (let j = 0; j < frame.count; j++) {
    if (frame.faint[j] || frame.x1[j]! < 0 || frame.x0[j]! > plotWidth) continue;
    if (drawn === MAX_SVG_MARKS) {
      node(doc, svg, 'desc', {}, t('timeline.svgMarks', { count: MAX_SVG_MARKS }));
      break;
    }
    drawn++;
    const row = frame.row[j]!;
    const event = events.at(row);
    const color = meta.categories[columns.category[row]!]?.color ?? COLORS.text;
    const g = node(doc, marks, 'g', { 'data-id': event.id });
    node(doc, g, 'title', {}, `${dates.event(event)}: ${event.title}`);
    const x0 = frame.x0[j]!;
    const x1 = frame.x1[j]!;
    const top = frame.y[j]!;
    const h = frame.h[j]!;
    const cy = top + h / 2;
    if (frame.fx0[j] !== x0) {
      node(doc, g, 'line', {
        x1: frame.fx0[j]!,
        x2: x0,
        y1: cy,
        y2: cy,
        stroke: color,
        'stroke-width': 2,
        'stroke-opacity': 0.45,
      });
      node(doc, g, 'line', {
        x1,
        x2: frame.fx1[j]!,
        y1: cy,
        y2: cy,
        stroke: color,
        'stroke-width': 2,
        'stroke-opacity': 0.45,
      });
    }
    const shape = SHAPES[frame.shape[j]!];
    if (shape === 'point') {
      const cx = (x0 + x1) / 2;
      const r = h / 2;
      node(doc, g, 'polygon', {
        points: `${cx},${cy - r} ${cx + r},${cy} ${cx},${cy + r} ${cx - r},${cy}`,
        fill: color,
        stroke: COLORS.background,
        'stroke-width': 1,
      });
    } else if (shape === 'range') {
      node(doc, g, 'rect', {
        x: x0,
        y: top,
        width: Math.max(1, x1 - x0),
        height: h,
        rx: 1.5,
        fill: color,
        'fill-opacity': 0.85,
      });
    } else {
      node(doc, g, 'rect', {
        x: x0,
        y: top,
        width: Math.max(1, x1 - x0),
        height: h,
        fill: color,
        'fill-opacity': 0.26,
        stroke: color,
        'stroke-dasharray': '3 2',
      });
    }
  }

  let fy = footerTop;
  for (const line of footerLines) {
    fy += 12;
    node(doc, svg, 'text', { x: PAD, y: fy, 'font-size': 11, fill: COLORS.muted }, line);
    fy += 4;
  }
  return svg;
}

export function timelineSvgText(doc: Document, input: TimelineSvgInput): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(buildTimelineSvg(doc, input))}\n`;
}

export function exportTimelineSvg(doc: Document, input: TimelineSvgInput): void {
  const text = timelineSvgText(doc, input);
  downloadBlob(
    new Blob([text], { type: 'image/svg+xml;charset=utf-8' }),
    `${fileSlug(input.description.title)}-timeline.svg`,
  );
}

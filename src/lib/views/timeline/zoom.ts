/**
 * The only d3-zoom importer. Two attachment factories:
 *  - zoomX(options) sets the behaviour up once and reports user gestures as domains;
 *  - zoomSync(view, span, width, height) moves d3's stored transform to match the component's
 *    domain when that changed elsewhere (keys, "zoom to window", pan to selection, resize).
 * The sync is its own attachment because Svelte re-runs an attachment when state read in it
 * changes: re-creating the behaviour mid-gesture would drop the drag, re-syncing is harmless.
 * The domain, not the transform, is the state (it survives resizes), so transforms are derived
 * from it with geometry.transformFor and never kept anywhere but on the node, where d3 wants it.
 */
import { zoom, zoomIdentity, zoomTransform, type D3ZoomEvent, type ZoomBehavior } from 'd3-zoom';
import { select } from 'd3-selection';
import type { Attachment } from 'svelte/attachments';
import { domainFor, MIN_DOMAIN_MS, transformFor, type Domain } from './geometry';

export interface ZoomOptions {
  /** The whole data span: what the identity transform shows. */
  span: () => Domain;
  width: () => number;
  /** A user wheel, pinch or drag produced this domain. */
  onzoom: (view: Domain) => void;
}

const behaviours = new WeakMap<Element, ZoomBehavior<HTMLElement, unknown>>();

export function zoomX(options: ZoomOptions): Attachment<HTMLElement> {
  return (node) => {
    const behaviour = zoom<HTMLElement, unknown>()
      // Only x and k are read: pinch and wheel change the time scale, drags pan along it.
      .on('zoom', (event: D3ZoomEvent<HTMLElement, unknown>) => {
        // Programmatic transforms (zoomSync) have no source event: the state already holds them.
        if (!event.sourceEvent) return;
        options.onzoom(domainFor(event.transform, options.span(), options.width()));
      });
    behaviours.set(node, behaviour);
    const selection = select(node).call(behaviour);
    // d3-zoom zooms on double-click; in a timeline a double-click is two selections, so it is off.
    selection.on('dblclick.zoom', null);
    return () => {
      selection.on('.zoom', null);
      behaviours.delete(node);
    };
  };
}

export function zoomSync(view: Domain, span: Domain, width: number, height: number): Attachment<HTMLElement> {
  return (node) => {
    const behaviour = behaviours.get(node);
    if (!behaviour || width <= 0) return;
    const maxK = Math.max(1, (span.end - span.start) / MIN_DOMAIN_MS);
    behaviour
      .extent([
        [0, 0],
        [width, height],
      ])
      .translateExtent([
        [0, -Infinity],
        [width, Infinity],
      ])
      .scaleExtent([1, maxK]);
    const want = transformFor(view, span, width);
    const have = zoomTransform(node);
    if (Math.abs(have.k - want.k) / want.k > 1e-9 || Math.abs(have.x - want.x) > 0.01) {
      behaviour.transform(select(node), zoomIdentity.translate(want.x, 0).scale(want.k));
    }
  };
}

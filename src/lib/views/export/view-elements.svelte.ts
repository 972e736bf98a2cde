import { getContext, setContext } from 'svelte';
import type { Attachment } from 'svelte/attachments';

/** One view's element while it is mounted, registered by an attachment on that element. */
export class ViewSlot {
  #element = $state.raw<HTMLElement | null>(null);

  get current(): HTMLElement | null {
    return this.#element;
  }

  readonly attach: Attachment<HTMLElement> = (element) => {
    this.#element = element;
    return () => {
      // A remount (a {#key} block, an outro) can register the new element before the old one leaves.
      if (this.#element === element) this.#element = null;
    };
  };
}

/**
 * The elements the views draw into, handed over by the views themselves: the PNG export paints
 * them and the SVG export takes the timeline's width from them. Without this the exports would
 * search the page for its structure, and a change of markup would break them silently. A view
 * that is not shown (an embed without a map) has no element here.
 */
export class ViewElements {
  /** The Leaflet container: its canvases are the map's picture. */
  readonly map = new ViewSlot();
  /** The map's legend (density, choropleth), drawn over the map in the PNG. */
  readonly mapLegend = new ViewSlot();
  /** The timeline view, toolbar included. */
  readonly timeline = new ViewSlot();
  /** The timeline's plot: where its picture starts, below the toolbar. */
  readonly timelinePlot = new ViewSlot();
}

const KEY = Symbol('faultline.view-elements');

export function setViewElements(elements: ViewElements): ViewElements {
  return setContext(KEY, elements);
}

/** Undefined for a view rendered on its own (a component test): it then registers nowhere. */
export function getViewElements(): ViewElements | undefined {
  return getContext<ViewElements | undefined>(KEY);
}

/**
 * "Print story": the step pictures first (step-images.ts, one step after another in the live
 * views), then the print preview (StoryPrint.svelte) mounted beside the app. While it is open the
 * page is marked (html.story-print), so print shows the preview alone, and the explorer is inert.
 * Closing it frees the pictures and gives focus back to where the print was asked for.
 */
import { mount, unmount } from 'svelte';
import type { Story } from '../../model/story';
import type { AppState } from '../../state/app-state.svelte';
import { renderStepImages, revoke, type PrintParts } from './step-images';
import StoryPrint from './StoryPrint.svelte';

const PAGE_CLASS = 'story-print';
/**
 * Steps printed at most: each is two pictures held as PNGs (a few hundred KB) and a pass of the
 * views; a story of a thousand steps is no print. The preview says how many were left out.
 */
export const MAX_PRINTED_STEPS = 100;
let openPreview: (() => void) | null = null;

export async function printStory(
  app: AppState,
  story: Story,
  parts: () => PrintParts,
  progress: (step: number) => void,
): Promise<void> {
  openPreview?.();
  const returnFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const omitted = Math.max(0, story.steps.length - MAX_PRINTED_STEPS);
  const printed = omitted ? { ...story, steps: story.steps.slice(0, MAX_PRINTED_STEPS) } : story;
  const images = await renderStepImages(app, printed, parts, progress);
  const root = document.getElementById('app');
  const host = document.createElement('div');
  host.className = 'story-print-host';
  document.body.append(host);
  document.documentElement.classList.add(PAGE_CLASS);
  if (root) root.inert = true;
  const close = (): void => {
    if (openPreview !== close) return;
    openPreview = null;
    void unmount(component);
    host.remove();
    document.documentElement.classList.remove(PAGE_CLASS);
    if (root) root.inert = false;
    for (const image of images) revoke(image);
    returnFocus?.focus();
  };
  const component = mount(StoryPrint, {
    target: host,
    props: { story: printed, omitted, dataset: app.dataset?.meta.title ?? '', images, onclose: close },
  });
  openPreview = close;
}

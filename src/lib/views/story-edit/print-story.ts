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
let openPreview: (() => void) | null = null;

export async function printStory(
  app: AppState,
  story: Story,
  parts: () => PrintParts,
  progress: (step: number) => void,
): Promise<void> {
  openPreview?.();
  const returnFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const images = await renderStepImages(app, story, parts, progress);
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
    props: { story, dataset: app.dataset?.meta.title ?? '', images, onclose: close },
  });
  openPreview = close;
}

import type { Component } from 'svelte';
import type { AppState } from '../../state/app-state.svelte';
import type { Editor } from '../../state/editor.svelte';
import { t } from '../../i18n/i18n.svelte';
import { LIMITS } from '../../model/limits';

/**
 * The story editor loads when a story is first opened for writing: few sessions write one, and the
 * initial load budget (scripts/size-budget.mjs) has no room for it. Its edits (state/story-edits.ts)
 * and the story reader it previews with (state/story.svelte.ts) come with it; the print preview is a
 * chunk of its own, loaded when a story is printed.
 */
let editor: Promise<Component<{ editor: Editor }>> | null = null;

export function loadStoryEditor(): Promise<Component<{ editor: Editor }>> {
  editor ??= import('./StoryEditor.svelte').then((m) => m.default);
  return editor;
}

/** "New story": an untitled story at the end of the dataset's stories, open in the editor. */
export async function startStory(app: AppState, edit: Editor): Promise<void> {
  const [{ addStory }] = await Promise.all([import('../../state/story-edits'), loadStoryEditor()]);
  const added = addStory(app.dataset?.meta.stories ?? [], t('storyEdit.untitled'));
  if (!added.ok) {
    app.notify(t('storyEdit.storyLimit', { count: LIMITS.maxStories }));
    return;
  }
  edit.draft.setStories(added.stories);
  edit.writeStory(added.id!);
}

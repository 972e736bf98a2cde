/**
 * Copy to the clipboard, or, where there is none (an insecure page, a sandbox, a refused
 * permission), select the field's text so the reader can copy it by hand. Returns the status
 * line that says which happened.
 */
import { t } from '../../i18n/i18n.svelte';

export async function copyText(
  text: string,
  field: HTMLInputElement | HTMLTextAreaElement | undefined,
): Promise<string> {
  try {
    if (!navigator.clipboard?.writeText) throw new Error('no clipboard');
    await navigator.clipboard.writeText(text);
    return t('share.copied');
  } catch {
    field?.focus();
    field?.select();
    return t('share.selected');
  }
}

/**
 * Messages as values: model, io and state build them (`msg('notice.x', { n })`) and views render
 * them (`tm`), so a notice already on screen follows a language switch. Pure.
 */
import type { Message, Params, PluralKey, Text, TextKey } from './types';

export function msg(key: PluralKey, params: Params & { readonly count: number }): Message;
export function msg(key: TextKey, params?: Params): Message;
export function msg(key: PluralKey | TextKey, params?: Params): Message {
  return (params ? { key, params } : { key }) as Message;
}

/** Text that is data (a file name, a title): shown as it is in every language. */
export function verbatim(text: string): Text {
  return { text };
}

/**
 * The shapes of a message catalogue. The English catalogue (en.ts) is the source of truth: its
 * keys are the only keys, and every other catalogue is typed `Catalogue`, so a key missing from
 * (or misspelt in) a translation, or a key the code asks for that English lacks, fails the type
 * check. Pure types: model, io and query may import them.
 */
import type { en } from './en';

/** A plural message: the forms Intl.PluralRules names; `other` is always there. `{count}` is the number. */
export interface PluralForms {
  zero?: string;
  one?: string;
  two?: string;
  few?: string;
  many?: string;
  other: string;
}

export type English = typeof en;
export type MessageKey = keyof English;
/** Keys whose English is a plural (asked with `{ count }`). */
export type PluralKey = { [K in MessageKey]: English[K] extends string ? never : K }[MessageKey];
/** Keys whose English is one string. */
export type TextKey = Exclude<MessageKey, PluralKey>;

/** A translation: every key, a plural where English has one (with the language's own forms). */
export type Catalogue = { [K in MessageKey]: English[K] extends string ? string : PluralForms };

/** Values for a message's `{name}` slots. Numbers are written in the locale's digits and grouping. */
export type Params = Readonly<Record<string, string | number>>;

/**
 * A message not yet rendered: what model, io and state hand to views (notices, problems), so the
 * words follow a later language switch. Render with `tm(message)`.
 */
export type Message =
  | { readonly key: TextKey; readonly params?: Params }
  | { readonly key: PluralKey; readonly params: Params & { readonly count: number } };

/** A message, or text that is data (a file name, an event title) shown as it is. */
export type Text = Message | { readonly text: string };

/** Where a claim comes from: an event's sources, and a story step's (story.ts). */
export interface Source {
  publisher: string;
  title: string;
  url: string;
  /** ISO date (any precision) of publication. */
  date?: string;
  author?: string;
  /** A short verbatim excerpt that supports the event. */
  quote?: string;
}

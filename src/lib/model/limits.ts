/**
 * Caps checked before expensive work, so hostile or accidental inputs fail fast with a clear
 * message instead of freezing the tab. JSON is for curated and hand-edited data; datasets in the
 * hundreds of thousands of events belong in the columnar pack format.
 */
export const LIMITS = {
  maxFileBytes: 64 * 1024 * 1024,
  maxEvents: 250_000,
  /** The packed form (npm run pack) is for large data: bytes and rows are held as typed arrays. */
  maxPackBytes: 1536 * 1024 * 1024,
  maxPackEvents: 2_000_000,
  maxDepth: 32,
  maxIdLength: 120,
  maxTitleLength: 300,
  maxSummaryLength: 20_000,
  maxTextLength: 2_000,
  maxQuoteLength: 4_000,
  maxListLength: 200,
  maxReportedProblems: 200,
} as const;

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
  /**
   * Packs up to this size are edited in the browser like JSON datasets. An edit rebuilds the
   * dataset from all its records; a large pack would be decoded whole (seconds, and its text as
   * objects), so large packs are edited at their JSON source and packed again.
   */
  maxEditablePackEvents: 50_000,
  maxDepth: 32,
  maxIdLength: 120,
  maxTitleLength: 300,
  maxSummaryLength: 20_000,
  maxTextLength: 2_000,
  maxQuoteLength: 4_000,
  maxListLength: 200,
  maxReportedProblems: 200,
  /**
   * Problems an import keeps (errors first: every skipped row's reason is kept before any
   * warning); the rest are counted. A million bad cells must not become a million messages.
   */
  maxImportProblems: 500,
  /** Files opened together (a timemap export is three); each is still held to its own format's limit. */
  maxImportFiles: 20,
  /** Their total size, checked from File.size before any is read. */
  maxImportTotalBytes: 1024 * 1024 * 1024,
  /**
   * Parquet and Arrow IPC files (columnar.ts). The file size is checked from File.size; the rest on
   * the footer (Parquet) or the message headers (Arrow), before any column is decoded. Above
   * maxEditablePackEvents rows the import becomes a pack, like any large import.
   */
  maxColumnarBytes: 1024 * 1024 * 1024,
  /**
   * Rows are built into events, validated and packed in the load worker: a million took 60 s on
   * the benchmark machine, half the worker's watchdog (LOAD_WATCHDOG_MS, 120 s). Larger data is
   * imported and packed once (npm run import, npm run pack) and opened as a pack.
   */
  maxColumnarRows: 1_000_000,
  maxColumnarColumns: 200,
  /** A Parquet footer (the schema and every row group's description), checked before it is parsed. */
  maxParquetFooterBytes: 16 * 1024 * 1024,
  /** Parquet row groups or Arrow record batches: each costs a pass of its own. */
  maxColumnarGroups: 10_000,
  /** What the Parquet columns read decompress to (their uncompressed sizes in the footer). */
  maxColumnarDecodedBytes: 2048 * 1024 * 1024,
  /**
   * Characters of search text (UTF-16 units, as an input's maxlength counts them), wherever it
   * comes from: the search box, q= and the host API. A pasted book (400,000 words) took a 3.5 s task.
   */
  maxSearchLength: 500,
  /**
   * Other names of one place (location.aliases): its names in the region's languages and its
   * former names are a handful; each is searched with every event at the place.
   */
  maxPlaceAliases: 20,
  maxPlaceAliasLength: 200,
  /**
   * Each category is a lane on the timeline, a row in the filter panel and a colour on the map;
   * past a few hundred it is no longer a way to group events (tags are). Also keeps the 16-bit
   * category column (columns.ts) far from wrapping.
   */
  maxCategories: 1_000,
  /** A category's label in other languages (`labels`): one per language the interface could ever have. */
  maxLabelLanguages: 50,
  /**
   * Stories (model/story.ts): each is a list in the Stories tab and its steps a progress bar of
   * buttons. 1,000 steps stay responsive (the panel draws one step; the bar is one button per step).
   */
  maxStories: 200,
  maxStorySteps: 1_000,
  /** A step's text: 200,000 characters (a long chapter) still lays out in one frame as plain paragraphs. */
  maxStoryTextLength: 200_000,
  /** Events a step marks on the map. */
  maxStoryHighlights: 1_000,
  /**
   * The place finder ("Go to place", the form's location name): a place name is short, and every
   * keystroke folds and matches the query against a shard of a few thousand places.
   */
  maxPlaceQueryLength: 100,
  maxPlaceQueryWords: 8,
  /** Suggestions listed; also how many of each rank a split shard's head keeps (model/gazetteer.ts). */
  maxPlaceResults: 8,
  /** The gazetteer's files are built with the app, but are read as any fetched file: checked first. */
  maxGazetteerShards: 20_000,
  maxGazetteerShardPlaces: 50_000,
  /**
   * Region ids (countries and admin-1 regions) one filter names from the embed's host API
   * (setFilters `regions`), checked before any is read or looked up. Ticking regions is a reader's
   * choice of a few places; a thousand already covers every region of the largest countries.
   */
  maxRegionFilter: 1_000,
} as const;

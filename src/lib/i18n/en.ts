/**
 * The English catalogue: the source of truth for every interface string. Keys are
 * `area.what`; a value is a string with `{slot}`s, or plural forms (`one`/`other`, `{count}` the
 * number). Other catalogues are typed `Catalogue` (types.ts), so they must have every key here.
 * Add a key beside its neighbours in the area; translators work from this file.
 */
export const en = {
  // The app's name (a brand: translators may keep it).
  'app.name': 'Faultline',

  // The explorer's regions (names for screen readers)
  'app.filters': 'Filters',
  'app.map': 'Map',
  'app.eventForm': 'Event form',
  'app.eventDetails': 'Event details',
  'app.timeline': 'Timeline',

  // Header
  'header.search': 'Search events',
  'header.searchLong': 'Search title, summary, place, sources',
  'header.searching': 'Searching…',
  'header.events': { one: '{count} event', other: '{count} events' },
  'header.eventsOf': { one: '{shown} of {count} event', other: '{shown} of {count} events' },
  'header.openFull': 'Open full view',
  'header.newTab': '(opens in a new tab)',
  'header.share': 'Share',
  'header.filters': 'Filters',
  'header.add': 'Add event',
  'header.data': 'Data',

  // The language menu
  'language.label': 'Language',
  'language.failed': 'The {language} interface could not be loaded; the page stays in {current}.',

  // Notices
  'notice.dismiss': 'Dismiss notice',
  'notice.more': { one: '{count} more notice not shown.', other: '{count} more notices not shown.' },

  // Dates. The patterns place the numbers and month names (from the language's dayjs locale) of
  // every date shown: {d} day, {M} month name, {y} year, {d1}–{d2} two days of one month,
  // {from}/{to} the two ends of a range, {date} a whole date, {time} 14:05, {zone} UTC+03:00.
  'date.pattern.day': '{d} {M} {y}',
  'date.pattern.dayMonth': '{d} {M}',
  'date.pattern.month': '{M} {y}',
  'date.pattern.daysOfMonth': '{d1}–{d2} {M} {y}',
  'date.pattern.range': '{from} – {to}',
  // A date known only roughly ("circa").
  'date.pattern.approximate': 'c. {date}',
  // Years 1–999, which would otherwise read as a short year ("AD 850").
  'date.pattern.earlyYear': 'AD {y}',
  'date.pattern.time': '{date}, {time} {zone}',
  // How precisely an event's date is known, after the date in its details.
  'date.known.year': 'known to the year',
  'date.known.month': 'known to the month',
  'date.known.day': 'known to the day',
  'date.known.time': 'time given',
  'date.known.approximate': '{precision}, approximate',

  // Where an event's time of day is read (tz= in the URL)
  'zone.label': 'Times:',
  'zone.event': 'as reported',
  'zone.utc': 'in UTC',
  'zone.local': 'in my time zone',

  // Finding a place by name: the map's "Go to place" box and the event form's location name
  'place.goTo': 'Go to place',
  'place.goToPlaceholder': 'City, region or country',
  'place.openGoTo': 'Go to a place on the map',
  'place.suggestions': 'Places',
  'place.kind.region': 'region',
  'place.kind.country': 'country',
  'place.none': 'No place found for “{text}”',
  'place.found': { one: '{count} place found', other: '{count} places found' },
  'place.tooLong': 'Type at most {max} characters to find a place',
  'place.failed': 'Places could not be loaded',
  'place.filled': 'Filled from {place}: check the name, coordinates and precision, then save.',
  'place.undo': 'Undo',
  // Stories: guided readings of a dataset's events (the Stories tab and the step panel)
  'story.tab': 'Stories',
  'story.region': 'Story',
  'story.steps': { one: '{count} step', other: '{count} steps' },
  'story.read': 'Read',
  'story.position': '{step} of {count}',
  'story.stepOf': 'Step {step} of {count}: {heading}',
  'story.progress': 'Go to step',
  'story.previous': 'Previous',
  'story.next': 'Next',
  'story.close': 'Close story',
  'story.back': 'Back to step {step}',
  'story.sources': 'Sources',
  'story.link': 'Link to this step',
  'story.missing': {
    one: 'An event this step shows is no longer in the data ({ids}); the step shows the rest.',
    other: '{count} events this step shows are no longer in the data ({ids}); the step shows the rest.',
  },
  'story.notFound': 'No story “{id}” in this dataset: showing all events.',
  'story.noStep': 'The story “{title}” has no step {step} (it has {count}): showing all events.',

  // Writing stories (the story editor, views/story-edit/)
  'app.storyEditor': 'Story editor',
  'storyEdit.newStory': 'New story',
  'storyEdit.untitled': 'Untitled story',
  'storyEdit.edit': 'Edit',
  'storyEdit.editLabel': 'Edit the story “{title}”',
  'storyEdit.heading': 'Write a story',
  'storyEdit.closeLabel': 'Close the story editor',
  'storyEdit.gone': 'This story is no longer in the data (undone or deleted).',
  'storyEdit.title': 'Title',
  'storyEdit.summary': 'Summary',
  'storyEdit.linkName': 'Link name: {id}',
  'storyEdit.needs': 'Readers can open the story once it has:',
  'storyEdit.needTitle': 'a title',
  'storyEdit.needSummary': 'a summary',
  'storyEdit.needHeading': 'a heading for step {step}',
  'storyEdit.needText': 'a text for step {step}',
  'storyEdit.steps': { one: '{count} step', other: '{count} steps' },
  'storyEdit.noSteps':
    'No steps yet. Set the map and timeline to what the first step should show (filters, time window, a selected event), then add a step from this view.',
  'storyEdit.reorderHint': 'Drag a step by its handle, or press Alt+Up or Alt+Down on it, to move it.',
  'storyEdit.dragLabel': 'Move step {step}: {heading}',
  'storyEdit.stepNumber': 'Step {step}:',
  'storyEdit.moveUp': 'Move step {step} up',
  'storyEdit.moveDown': 'Move step {step} down',
  'storyEdit.stepHeading': 'Heading',
  'storyEdit.stepText': 'Text',
  'storyEdit.textHint': 'Plain text: leave a blank line between paragraphs. Web addresses become links.',
  'storyEdit.shows': 'Shows:',
  'storyEdit.viewEvent': 'the event “{title}”',
  'storyEdit.viewMissingEvent': 'an event no longer in the data ({id})',
  'storyEdit.viewWindow': '{from} to {to}',
  'storyEdit.viewFilters': { one: '{count} filter', other: '{count} filters' },
  'storyEdit.viewMap': 'the map at zoom {zoom}',
  'storyEdit.viewFit': 'the map fitted to the events shown',
  'storyEdit.showView': 'Show this view',
  'storyEdit.useView': 'Use the current view',
  'storyEdit.viewKept': 'Step {step} now shows the current view.',
  'storyEdit.deleteStep': 'Delete step',
  'storyEdit.addStep': 'Add step from this view',
  'storyEdit.preview': 'Preview',
  'storyEdit.print': 'Print story…',
  'storyEdit.printing': 'Preparing the pictures of step {step} of {count}…',
  'storyEdit.deleteStory': 'Delete story',
  'storyEdit.deleteStoryAsk': 'Delete the story “{title}”? Undo brings it back.',
  'storyEdit.stepAdded': 'Step {step} added: {heading}.',
  'storyEdit.stepMoved': '{heading}: now step {position} of {count}.',
  'storyEdit.stepDeleted': 'Step deleted: {heading}. Undo brings it back.',
  'storyEdit.sources': 'Sources',
  'storyEdit.publisher': 'Publisher',
  'storyEdit.sourceTitle': 'Title',
  'storyEdit.url': 'Web address',
  'storyEdit.addSource': 'Add source',
  'storyEdit.remove': 'Remove',
  'storyEdit.removeSource': 'Remove source {n} of step {step}',
  'storyEdit.sourceNeedsPublisher': 'A source needs a publisher.',
  'storyEdit.sourceNeedsUrl': 'A source needs a web address starting with http:// or https://.',
  'storyEdit.sourceLimit': 'A step lists at most {count} sources.',
  'storyEdit.storyLimit': 'A dataset holds at most {count} stories.',
  'storyEdit.stepLimit': 'A story holds at most {count} steps.',
  'share.embedWhat': 'What to embed',
  'share.embedView': 'This view',
  'share.embedStory': 'The story “{title}”, from its first step',
  // The print preview of a story (one page per step)
  'storyPrint.title': 'Print: {title}',
  'storyPrint.print': 'Print',
  'storyPrint.close': 'Close',
  'storyPrint.hint': { one: 'One page: the step below.', other: 'One page per step: {count} pages.' },
  'storyPrint.stepOf': 'Step {step} of {count}',
  'storyPrint.mapAlt': 'The map at step {step}',
  'storyPrint.timelineAlt': 'The timeline at step {step}',
  'storyPrint.sources': 'Sources',

  // Words used in many places
  'common.cancel': 'Cancel',
  'common.close': 'Close',

  // Loading
  'loading.reading': 'Reading',
  'loading.loading': 'Loading',
  'loading.amount': '{loaded} MB',
  'loading.amountOf': '{loaded} of {total} MB',
  'loading.none': 'No events are loaded. Open a file or paste events from Data, or drop a file on the page.',
  'loading.kept': 'The data already shown is unchanged.',

  // Problems found in a dataset (the reports themselves are the validator's, in English)
  'problems.rejected': { one: '{count} event could not be shown;', other: '{count} events could not be shown;' },
  'problems.errors': { one: '{count} error', other: '{count} errors' },
  'problems.warnings': { one: '{count} warning', other: '{count} warnings' },
  'problems.summary': '{errors}, {warnings} in {name}',
  'problems.setAside': 'Set aside:',
  'problems.eventNumber': 'event #{index}',
  'problems.more': { one: 'and {count} more', other: 'and {count} more' },

  // The column beside the map
  'side.tabs': 'Events or summary',
  'side.events': 'Events',
  'side.summary': 'Summary',

  // The Share dialog
  'share.title': 'Share and embed',

  // Embed mode
  'embed.selectHint': 'Select an event on the timeline to see its details and sources.',
  'embed.selectHintMap': 'Select an event on the map or timeline to see its details and sources.',

  // Printing
  'print.label': 'Events shown',
  'print.noLocation': 'no location',
  'print.limit': {
    one: 'Only the first {shown} of {count} event are listed.',
    other: 'Only the first {shown} of {count} events are listed.',
  },

  // The filter panel
  'filters.clear': 'Clear all',
  'filters.close': 'Close filters',
  'filters.window': 'Time window',
  'filters.allDates': 'All dates',
  'filters.allDatesHint': 'All dates (brush the timeline overview to narrow)',
  'filters.inView': 'Only events in the map view',
  'filters.categories': 'Categories',
  'filters.actors': 'Actors',
  'filters.tags': 'Tags',

  'filters.showFewer': 'Show fewer',
  'filters.showAll': { one: 'Show all {count}', other: 'Show all {count}' },

  // Dropping files on the page
  'drop.title': 'Drop files to open them',
  'drop.formats':
    'Faultline JSON or CSV, GeoJSON, ACLED, UCDP, TimelineJS, timemap (its three files together), Parquet, Arrow',

  // The Data menu
  'data.none': 'No data loaded',
  'data.open': 'Open',
  'data.openFile': 'Open file…',
  'data.openHint':
    "Faultline JSON or CSV, GeoJSON, ACLED, UCDP, TimelineJS, timemap, Parquet or Arrow; pick several files to open them together (a timemap export's events, sources and associations), or drop files on the page.",
  'data.paste': 'Paste JSON…',
  'data.pasteLabel': 'Dataset JSON',
  'data.load': 'Load',
  'data.download': 'Download',
  'data.downloadHint': {
    one: 'The {count} event shown with the current filters:',
    other: 'The {count} events shown with the current filters:',
  },
  'data.writingParquet': 'Writing the Parquet file',
  'data.writingParquetCount': {
    one: 'Writing the Parquet file: {count} event',
    other: 'Writing the Parquet file: {count} events',
  },
  'data.downloadAll': 'Download whole dataset (JSON)',
  'data.wholeDataset': 'whole dataset',
  'data.writing': 'Writing the {format} file',
  'data.writingProgress': {
    one: 'Writing the {format} file: {percent} of {count} event',
    other: 'Writing the {format} file: {percent} of {count} events',
  },
  'data.parquetFailed': 'The Parquet file could not be written ({reason}); nothing was downloaded.',

  // The result of opening or importing a file
  'import.opened': 'Opened {name}.',
  'import.failed': '{name} could not be opened.',
  'import.readAs': 'Read as {format}.',
  'import.readAsRows': 'Read as {format}: {imported} of {total} rows imported, {skipped} skipped.',
  'import.datesSkipped': { one: '{count} row skipped for its date', other: '{count} rows skipped for their dates' },
  'import.dateFormat': 'Date format',
  'import.again': 'Import again with this format',
  'import.mapped': { one: 'Mapped fields ({count})', other: 'Mapped fields ({count})' },
  'import.dropped': { one: 'Dropped fields ({count})', other: 'Dropped fields ({count})' },

  // The event list
  'list.label': 'Events in time order',
  'list.empty': 'No events match the current filters.',

  // An event's status
  'status.confirmed': 'confirmed',
  'status.claimed': 'claimed',
  'status.disputed': 'disputed',

  // The details of an event
  'detail.back': 'Back to the list',
  'detail.close': 'Close details',
  'detail.when': 'When',
  'detail.isoWeek': 'ISO week {week}',
  'detail.where': 'Where',
  'detail.noLocation': 'No physical location',
  // Before a place's other names (its aliases): "Also known as: Khankendi, Xankəndi".
  'detail.aliases': 'Also known as:',
  'detail.category': 'Category',
  'detail.status': 'Status',
  'detail.claimedBy': 'claimed by {by}',
  'detail.disputedBy': 'disputed by {by}',
  'detail.fatalities': 'Fatalities',
  'detail.accordingTo': 'according to {by}',
  'detail.sources': { one: 'Sources ({count})', other: 'Sources ({count})' },
  'detail.related': 'Related events',
  'detail.permalink': 'Permalink to this event',
  'detail.edit': 'Edit',
  'detail.delete': 'Delete',

  // How precisely a place is known
  'precision.site': 'exact site',
  'precision.city': 'city',
  'precision.region': 'region',
  'precision.country': 'country',

  // A source of an event
  'source.by': 'by {author}',
  'source.unsafe': 'Link not shown: "{url}" is not an http(s) address.',

  // The event form
  'form.editTitle': 'Edit event',
  'form.close': 'Close the form without saving',
  'form.id': 'Id',
  'form.idHint': 'letters, digits, . _ : -',
  'form.title': 'Title',
  'form.summary': 'Summary',
  'form.date': 'Date',
  'form.dateHint': 'e.g. 2020-10-04',
  'form.end': 'End',
  'form.optional': 'optional',
  'form.approximate': 'Approximate date',
  'form.commaSeparated': 'comma-separated',
  'form.location': 'Location',
  'form.noLocation': 'No location',
  'form.name': 'Name',
  'form.lat': 'Lat',
  'form.lon': 'Lon',
  'form.picking': 'Click the map… (cancel)',
  'form.pick': 'Pick on map',
  'form.precision': 'Precision',
  'form.kind': 'Kind',
  'form.none': '(none)',
  'form.by': 'By',
  'form.note': 'Note',
  'form.related': 'Related ids',
  'form.ready': 'Ready to save',
  'form.problems': { one: '{count} problem to fix', other: '{count} problems to fix' },
  'form.fillIn': 'Fill in the event, then save',
  'form.save': 'Save',

  'form.sources': 'Sources',
  'form.publisher': 'Publisher',
  'form.url': 'URL',
  'form.author': 'Author',
  'form.quote': 'Quote',
  'form.removeSource': 'Remove source {n}',
  'form.addSource': 'Add source',
  'form.warning': 'Warning: ',

  // The draft of edits
  'draft.offer': {
    one: 'Restore draft of {count} edit from {when}?',
    other: 'Restore draft of {count} edits from {when}?',
  },
  'draft.restore': 'Restore',
  'draft.decline': 'Discard it',
  'draft.unavailable': 'Autosave unavailable: your edits are only in this tab — download the dataset to keep them.',
  'draft.download': 'Download dataset',
  'draft.conflict':
    "This dataset's draft was changed in another tab. Autosave here is paused so neither tab overwrites the other.",
  'draft.keep': "Keep this tab's edits",
  'draft.count': { one: 'Draft: {count} edit', other: 'Draft: {count} edits' },
  'draft.countDownloaded': { one: 'Draft: {count} edit (downloaded)', other: 'Draft: {count} edits (downloaded)' },
  'draft.none': 'No edits',
  'draft.undo': 'Undo',
  'draft.redo': 'Redo',
  'draft.writing': 'Writing the file…',
  'draft.discard': 'Discard draft',

  // Questions and notes of the editor
  'editor.readOnly': {
    one: 'This dataset is a pack of {count} event: edit its JSON source and run npm run pack again (an import this large: download it as JSON and open that).',
    other:
      'This dataset is a pack of {count} events: edit its JSON source and run npm run pack again (an import this large: download it as JSON and open that).',
  },
  'editor.replaceEdits': {
    one: 'You have {count} edit not yet downloaded. Open other data anyway? The draft stays in this browser for this dataset.',
    other:
      'You have {count} edits not yet downloaded. Open other data anyway? The draft stays in this browser for this dataset.',
  },
  'editor.replaceForm':
    'You have an event form open. Open other data anyway? The draft stays in this browser for this dataset.',
  'editor.openAnyway': 'Open anyway',
  'editor.discard': {
    one: 'Discard {count} edit? This cannot be undone.',
    other: 'Discard {count} edits? This cannot be undone.',
  },

  // Downloads
  'export.jsonFile': 'JSON file',
  'export.csvFile': 'CSV file',
  'export.geojsonFile': 'GeoJSON file',
  'export.datasetFile': 'dataset file',
  'export.fewerOrCsv': 'filter to fewer events, or choose CSV, which is about half the size',
  'export.fewer': 'filter to fewer events',
  'export.allAsCsv': 'with no filter set, the CSV download holds every event in about half the size',
  'export.failed': 'The {file} could not be written ({reason}); nothing was downloaded.',
  'export.tooBig': 'the browser could not hold {size} MB; {advice}',
  'export.leftOut': {
    one: '{count} event could not be read from the data and was left out of the file: {ids}.',
    other: '{count} events could not be read from the data and were left out of the file: {ids}.',
  },

  // The map
  'map.label': 'Event map: arrow keys pan, plus and minus zoom',
  'map.squareHint': 'in this square: click to zoom in',
  'map.fatalities': { one: '{count} fatality', other: '{count} fatalities' },
  'map.regionTip': '{place}: {what}',
  'map.regionHint': 'click to filter by this region',
  'map.onePlaceHint': 'at one place: click to list them',
  'map.zoomHint': 'click to zoom in',
  'map.chooser': 'Events at this place',
  'map.here': { one: '{count} event here', other: '{count} events here' },
  'map.unlocated': { one: '{count} event has no location', other: '{count} events have no location' },
  'map.more': { one: '{count} more: use the event list.', other: '{count} more: use the event list.' },
  'map.zoomGroup': 'Map zoom',
  'map.zoomIn': 'Zoom map in',
  'map.zoomInShort': 'Zoom in',
  'map.zoomOut': 'Zoom map out',
  'map.zoomOutShort': 'Zoom out',
  'map.fit': 'Zoom to filtered events',
  'map.deFacto': ', de facto borders',

  'map.namesFailed':
    'The map’s place names and region borders could not be loaded: it shows countries only. The events are all there.',
  'map.modeFailed': 'This map mode could not be loaded: the map shows nothing in its place until another is chosen.',
  'map.basemapFailed': 'The map’s basemap could not be loaded: the events are shown over a plain background.',
  'map.tilesFailed': 'Some map tiles could not be loaded from {host}.',

  // The timeline
  'timeline.lanes': 'Lanes',
  'timeline.actor': 'Actor',
  'timeline.zoom': 'Zoom',
  'timeline.zoomOutKey': 'Zoom out (−)',
  'timeline.zoomInKey': 'Zoom in (+)',
  'timeline.all': 'Show the whole period',
  'timeline.allShort': 'All',
  'timeline.toWindow': 'Zoom to the time window',
  'timeline.toWindowLong': 'Zoom the timeline to the time window',
  'timeline.windowShort': 'Window',
  'timeline.clearWindow': 'Clear window',
  'timeline.drag': 'Drag to filter by time',
  'timeline.label': 'Timeline of events, by category',
  'timeline.labelActor': 'Timeline of events, by actor',
  'timeline.laneTitle': { one: '{lane}: {count} event', other: '{lane}: {count} events' },
  'timeline.outside': 'Outside the current filters',

  // Playback
  'playback.options': 'Playback options',
  'playback.group': 'Playback',
  'playback.pause': 'Pause playback',
  'playback.play': 'Play through time',
  'playback.pauseShort': 'Pause',
  'playback.playLong': 'Play: step the time window through the events',
  'playback.ended': 'Playback ended at {window}.',
  'playback.byDay': 'By day',
  'playback.byWeek': 'By week',
  'playback.byMonth': 'By month',
  'playback.byYear': 'By year',
  'playback.sliding': 'Sliding',
  'playback.cumulative': 'Cumulative',
  'playback.step': 'Playback step',
  'playback.stepBy': 'Step by',
  'playback.window': 'Playback window',
  'playback.windowHint': 'Sliding: the window moves. Cumulative: it grows from the start of the data.',
  'playback.loopHint': 'Start again from the beginning at the end',
  'playback.loop': 'Loop',
  'playback.speed': 'Playback speed',
  'playback.speedHint': 'Steps per second',

  'timeline.otherActors': 'Other actors',

  'timeline.role': 'timeline',
  'timeline.announce': '{date}: {title}. {category}. Event {position} of {total}.',
  'timeline.dense': 'Too many events in view to draw one by one: bars show how many. Zoom in for single events.',
  'timeline.help':
    'Left and Right arrows move to the previous or next event and select it; Home and End go to the first and last. Plus and minus zoom, Enter selects the focused event, Escape clears the selection. Drag to pan, scroll or pinch to zoom. Time runs from left to right in every language.',

  'share.link': 'Link to this view',
  'share.copyLink': 'Copy link',
  'share.copied': 'Copied',
  'share.selected': 'Selected: press Ctrl+C (⌘C on a Mac) to copy',
  'share.preview': 'Preview',
  'share.previewOf': 'Preview: {title}',
  'share.embed': 'Embed on a web page',
  'share.size': 'Size',
  'share.fullWidth': 'Full width',
  'share.fixed': 'Fixed',
  'share.width': 'Width',
  'share.height': 'Height',
  'share.views': 'Views',
  'share.viewMap': 'Map',
  'share.viewTimeline': 'Timeline',
  'share.viewList': 'List',
  'share.viewDetails': 'Details',
  'share.viewSummary': 'Summary',
  'share.theme': 'Theme',
  'share.themeAuto': "Reader's setting",
  'share.themeLight': 'Light',
  'share.themeDark': 'Dark',
  'share.language': 'Language',
  'share.languageReader': "The reader's browser language",
  'share.frameTitle': 'Title (read by screen readers)',
  'share.origins': 'Host pages that may control the embed (optional)',
  'share.originsHint':
    'Origins (scheme and host), separated by commas: only pages on these sites may send the embed commands (origins=). Empty: any page that embeds it may.',
  'share.html': 'HTML to paste',
  'share.copyHtml': 'Copy HTML',
  'share.notRemembered': 'Your size and view choices are not remembered: this page cannot use browser storage.',

  // The origins field of the Share dialog
  'origins.refused': '"{entry}" {why}',
  'origins.none': 'No valid origin is left: as it stands, the embed would take commands from no page.',
  'origins.wildcard': 'has a wildcard: name each site, such as https://news.example.',
  'origins.notAddress': 'is not a web address: write it with its scheme, such as https://news.example.',
  'origins.notWeb': 'is not a web page’s origin: it must start with https:// (or http://).',
  'origins.user': 'has a user name or password: write only the scheme and host.',
  'origins.path': 'has a path, query or fragment: write only the scheme and host ({origin}).',
  'origins.notOrigin': 'is not written as an origin: write it exactly as {origin}.',

  'share.images': 'Images and print',
  'share.png': 'Download PNG (map + timeline)',
  'share.svg': 'Download SVG (timeline)',
  'share.print': 'Print…',
  'share.preparing': 'Preparing the {what}…',
  'share.downloaded': 'Downloaded the {what}.',

  // Captions of exports and prints
  'caption.data': 'Data: {title}',
  'caption.dataLicense': 'Data: {title} · {license}',
  'caption.search': 'Search “{text}”',
  'caption.categories': 'Categories: {list}',
  'caption.noCategories': 'Categories: none',
  'caption.actors': 'Actors: {list}',
  'caption.tags': 'Tags: {list}',
  'caption.noFilters': 'No filters',
};

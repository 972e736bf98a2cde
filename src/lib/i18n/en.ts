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

  // The details of an event
  // Before a place's other names (its aliases): "Also known as: Khankendi, Xankəndi".
  'detail.aliases': 'Also known as:',
};

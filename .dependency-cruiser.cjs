/**
 * The code's layers, enforced (npm run lint:layers, part of npm test). DEVELOPMENT.md explains them.
 *
 *   model  <-  query  <-  state / embed  <-  views  <-  App.svelte, main.ts
 *   io -> model
 *   i18n: beside model (every layer may use it; it uses model types only); model/query/io only its pure files
 *
 * A layer may import its own folder and the layers below it, never one above; no file cycles.
 */
const lib = '^src/lib/';

/** A rule that forbids `from` (a folder of src/lib) to import any of `to`. */
const upward = (from, to, why) => ({
  name: `${from}-not-${to.join('-')}`,
  severity: 'error',
  comment: why,
  from: { path: `${lib}${from}/` },
  to: { path: `${lib}(${to.join('|')})/` },
});

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A cycle ties files together so that neither can be read, tested or moved alone.',
      from: {},
      to: { circular: true },
    },
    upward(
      'model',
      ['query', 'io', 'state', 'embed', 'views'],
      'model is the bottom: types, dates, parse/validate, formats; it imports nothing of ours above it.',
    ),
    upward('query', ['io', 'state', 'embed', 'views'], 'query (indexes, filters, aggregates) depends on model only.'),
    upward(
      'io',
      ['query', 'state', 'embed', 'views'],
      'io turns bytes into model values and back; it depends on model only.',
    ),
    upward('state', ['embed', 'views'], 'state holds the app; views read it, never the other way.'),
    upward(
      'i18n',
      ['query', 'io', 'state', 'embed', 'views'],
      'i18n (message catalogues, the current language) knows nothing of the app: every layer may use it.',
    ),
    {
      name: 'i18n-model-types-only',
      severity: 'error',
      comment: 'i18n may name a model type (the date words it fills in), never run model code.',
      from: { path: `${lib}i18n/` },
      to: { path: `${lib}model/`, dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'live-language-above-io',
      severity: 'error',
      comment:
        'model, query and io build messages as values (i18n/message.ts, types.ts); only state and views render them with the live language (i18n.svelte.ts).',
      from: { path: `${lib}(model|query|io)/` },
      to: { path: `${lib}i18n/.*\\.svelte\\.ts$` },
    },
    upward('embed', ['views'], 'embed is the host protocol and its bridge to state; views use it, not the other way.'),
    {
      name: 'lib-not-app',
      severity: 'error',
      comment: 'App.svelte and main.ts compose the app; nothing in src/lib reaches up to them.',
      from: { path: lib },
      to: { path: '^src/(App\\.svelte|main\\.ts)$' },
    },
    {
      name: 'pure-below-state',
      severity: 'error',
      comment: 'model, query and io are plain TypeScript: no Svelte runtime, no DOM library.',
      from: { path: `${lib}(model|query|io)/` },
      to: { path: 'node_modules/(svelte|leaflet|leaflet\\.markercluster|d3-selection|d3-brush|d3-zoom)/' },
    },
    {
      name: 'leaflet-in-its-adapter',
      severity: 'error',
      comment: 'One adapter file per imperative library: a Leaflet upgrade touches one place.',
      from: { pathNot: '^src/lib/views/map/leaflet-adapter\\.ts$' },
      to: { path: 'node_modules/leaflet/' },
    },
    {
      name: 'd3-behaviours-in-their-adapters',
      severity: 'error',
      comment: 'd3-brush and d3-zoom are wrapped once each, in views/timeline/brush.ts and zoom.ts.',
      from: { pathNot: '^src/lib/views/timeline/(brush|zoom)\\.ts$' },
      to: { path: 'node_modules/d3-(brush|zoom)/' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment:
        'An import that resolves to nothing is a typo or a missing dependency. (geojson and topojson-specification are type-only, from @types/*.)',
      from: {},
      to: { couldNotResolve: true, pathNot: '^(geojson|topojson-specification)$' },
    },
    {
      name: 'not-to-dev-dependency',
      severity: 'error',
      comment: 'What ships to users must not depend on a package installed only for development.',
      from: { path: '^src/' },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types', 'svelte', 'browser'],
      extensions: ['.ts', '.js', '.svelte', '.mjs', '.json'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};

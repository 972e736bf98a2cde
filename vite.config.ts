/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { dataFiles } from './scripts/vite-data-plugin.ts';
import { securityHeadersPlugin } from './scripts/security-headers.ts';
import { basemapAssets } from './scripts/vite-basemap-plugin.ts';

export default defineConfig({
  // Relative base so dist/ works from any sub-path of any static host.
  base: './',
  plugins: [svelte(), dataFiles(), basemapAssets(), securityHeadersPlugin()],
  // The production CSP and companions (docs/security.md) come from securityHeadersPlugin, by path:
  // embed.html may be framed, the explorer may not. Dev relaxes only what Vite's HMR needs.
  // The load worker is a module (it shares the model code with the page).
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    sourcemap: false,
    // Two entries, one app: embed.html is the one other sites may frame.
    rollupOptions: { input: { main: 'index.html', embed: 'embed.html' } },
  },
  test: {
    environment: 'jsdom',
    include: ['tests/unit/**/*.test.ts', 'tests/component/**/*.test.ts'],
    setupFiles: ['tests/setup.ts'],
    // Limits that hold on a busy 2-core machine: a test fails for what it checks, not for being slow.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Calendar dates must not depend on the machine's zone: run under a non-UTC zone.
    env: { TZ: 'America/Los_Angeles' },
  },
  resolve: process.env.VITEST ? { conditions: ['browser'] } : undefined,
});

#!/usr/bin/env node
// Bundles each runtime with esbuild: the `pacewatch` CLI (plain Node), the Electron main process
// and its sandboxed preload, the renderer pages (popover, settings) and the dev:browser server.
// Native and binary-carrying packages stay external and load from node_modules at run time;
// nothing here needs the Electron binary.
import { build } from 'esbuild';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { watEsbuildPlugin } from './wat.mjs';

const nodeExternals = ['keytar', 'node-notifier', 'electron'];

/**
 * Node bundles drop comments and whitespace but keep their names (stack traces stay readable):
 * V8 keeps a script's whole source in memory, and one non-Latin-1 character in a comment would
 * store all of it two bytes per character, ~2 MB more in a long-lived `pacewatch watch`.
 * @type {import('esbuild').BuildOptions}
 */
const node = {
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: nodeExternals,
  minifyWhitespace: true,
  minifySyntax: true,
  // The logs reader's SIMD searches: WebAssembly text compiled with wabt, bundled as bytes.
  plugins: [watEsbuildPlugin()],
};

/** @type {import('esbuild').BuildOptions} */
const page = {
  platform: 'browser',
  format: 'iife',
  target: 'chrome120',
  minify: true,
  jsx: 'automatic',
  jsxImportSource: 'preact',
};

/** @type {import('esbuild').BuildOptions[]} */
const targets = [
  { ...node, entryPoints: ['electron/cli/main.ts'], outfile: 'dist/cli.cjs' },
  // The status line runs on every Claude Code prompt: its own small bundle (bin/pacewatch.cjs).
  // zod stays in node_modules there: only the occasional history append loads it.
  {
    ...node,
    entryPoints: ['electron/cli/statusline-main.ts'],
    outfile: 'dist/statusline.cjs',
    external: [...nodeExternals, 'zod'],
  },
  { ...node, entryPoints: ['electron/main/main.ts'], outfile: 'dist/main.cjs' },
  // A sandboxed preload may require only `electron`: everything else is bundled in.
  {
    ...node,
    entryPoints: ['electron/preload/preload.ts'],
    outfile: 'dist/preload.cjs',
    external: ['electron'],
  },
  { ...node, entryPoints: ['electron/dev-browser/main.ts'], outfile: 'dist/dev-browser.cjs' },
  // The logs source's scan worker, loaded next to whichever bundle runs the engine.
  {
    ...node,
    entryPoints: ['electron/core/sources/logs/scan-worker.ts'],
    outfile: 'dist/logs-worker.cjs',
  },
  { ...page, entryPoints: ['renderer/popover/main.tsx'], outfile: 'dist/renderer/popover.js' },
  { ...page, entryPoints: ['renderer/settings/main.tsx'], outfile: 'dist/renderer/settings.js' },
  { ...page, entryPoints: ['renderer/dev-bridge.ts'], outfile: 'dist/renderer/dev-bridge.js' },
];

await Promise.all(
  targets.map((options) =>
    build({
      bundle: true,
      sourcemap: 'linked',
      logLevel: 'warning',
      legalComments: 'none',
      ...options,
    }),
  ),
);

await mkdir('dist/renderer', { recursive: true });
// The app icon its notifications carry on Windows and Linux (electron/main/start-app.ts).
await copyFile('build/icons/256x256.png', 'dist/notification-icon.png');
await Promise.all(
  ['popover.html', 'settings.html', 'app.css', 'icon.svg'].map((name) =>
    copyFile(`renderer/${name}`, `dist/renderer/${name}`),
  ),
);

// `npm start` runs `electron dist`: the app's own package.json there names its entry, so the
// published package.json needs no `main` (npm would ship that file in the command's tarball) and
// electron-builder sets it for the packaged app (build.extraMetadata.main).
const pkg = JSON.parse(await readFile('package.json', 'utf8'));
await writeFile(
  'dist/package.json',
  `${JSON.stringify({ name: pkg.name, productName: pkg.productName, version: pkg.version, private: true, main: 'main.cjs' }, null, 2)}\n`,
);

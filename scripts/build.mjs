#!/usr/bin/env node
// Bundles each runtime with esbuild: the `headroom` CLI (plain Node). The Electron main,
// preload and renderer bundles are added next to it. Native and binary-carrying packages stay
// external and load from node_modules at run time.
import { build } from 'esbuild';

const nodeExternals = ['keytar', 'node-notifier', 'electron'];

/** @type {import('esbuild').BuildOptions[]} */
const targets = [
  {
    entryPoints: ['electron/cli/main.ts'],
    outfile: 'dist/cli.cjs',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: nodeExternals,
  },
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

import { defineConfig } from 'vitest/config';
import { watVitePlugin } from './scripts/wat.mjs';

export default defineConfig({
  // The logs reader imports its WebAssembly text (line-search.wat) compiled, as the bundles do.
  plugins: [watVitePlugin()],
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/bench/**', 'node_modules/**'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    env: { TZ: 'UTC' },
  },
});

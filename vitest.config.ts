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
    // expect.poll waits on something another process does (a page's request reaching a server,
    // a file written by a child): its 1 s default is too short on a loaded 2-core machine.
    expect: { poll: { timeout: 15_000 } },
    hookTimeout: 60_000,
    pool: 'forks',
    env: { TZ: 'UTC' },
  },
});

#!/usr/bin/env node
// `npm run dev:browser [-- --port N]`: builds, then serves the popover and settings pages to an
// ordinary browser, backed by the real engine (same environment as the app and the CLI:
// PACEWATCH_ANTHROPIC_URL, PACEWATCH_DATA_DIR, CLAUDE_CONFIG_DIR). It prints the URL to open.
import { spawn, spawnSync } from 'node:child_process';

const built = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);
const child = spawn(process.execPath, ['dist/dev-browser.cjs', ...process.argv.slice(2)], {
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('close', (code) => process.exit(code ?? 0));

#!/usr/bin/env node
// `npm start`: builds, fetches Electron's binary on first run (installs may skip it with
// ELECTRON_SKIP_BINARY_DOWNLOAD=1, as CI does), then launches the app.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const run = (args) => spawnSync(process.execPath, args, { stdio: 'inherit' }).status === 0;

if (!run(['scripts/build.mjs'])) process.exit(1);
const electronDir = dirname(require.resolve('electron/package.json'));
if (!existsSync(join(electronDir, 'path.txt'))) {
  process.stdout.write('Fetching the Electron binary (first run only)…\n');
  const env = { ...process.env };
  delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
  const fetched = spawnSync(process.execPath, [join(electronDir, 'install.js')], {
    stdio: 'inherit',
    env,
  });
  if (fetched.status !== 0) {
    process.stderr.write(
      'Could not fetch Electron. Check your connection and run `npm start` again.\n',
    );
    process.exit(1);
  }
}
const electron = require('electron');
// dist/ holds the app's own package.json (written by the build): its name, version and entry.
const child = spawn(electron, ['dist', ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('close', (code) => process.exit(code ?? 0));

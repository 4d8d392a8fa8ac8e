#!/usr/bin/env node
// Installs the reference ccusage (v20, native build) that the parity tests and the logs bench
// compare against, into test/bench/.work/ccusage — outside the project's dependencies, so neither
// `npm install` nor the published package carries a benchmark binary. Idempotent; prints the
// binary's path. The npm mirror CI uses carries only the linux-x64 build of this version.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CCUSAGE_PACKAGE, CCUSAGE_VERSION, ccusagePrefix, ccusagePath } from './ccusage-path.mjs';

const repo = fileURLToPath(new URL('..', import.meta.url));
const binary = ccusagePath(repo);
if (!existsSync(binary)) {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(
    npm,
    [
      'install',
      '--prefix',
      ccusagePrefix(repo),
      '--no-save',
      '--no-package-lock',
      '--prefer-offline',
      '--ignore-scripts',
      `${CCUSAGE_PACKAGE}@${CCUSAGE_VERSION}`,
    ],
    { stdio: ['ignore', 'inherit', 'inherit'] },
  );
  if (result.status !== 0 || !existsSync(binary)) {
    process.stderr.write(`Could not install ${CCUSAGE_PACKAGE}@${CCUSAGE_VERSION}.\n`);
    process.exit(1);
  }
}
process.stdout.write(`${binary}\n`);

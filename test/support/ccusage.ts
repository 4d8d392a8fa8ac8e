import { accessSync, chmodSync, constants, existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * ccusage v20's native binary (`@ccusage/ccusage-linux-x64`, an optional dependency: the npm
 * mirror CI uses carries no other platform's build). Locally elsewhere its tests skip with a loud
 * reason; under CI=true a missing binary fails the run.
 */
export function ccusageBinary(): { ready: true; path: string } | { ready: false; reason: string } {
  const path = join(
    import.meta.dirname,
    '..',
    '..',
    'node_modules',
    '@ccusage',
    'ccusage-linux-x64',
    'bin',
    'ccusage',
  );
  if (existsSync(path)) return { ready: true, path: executable(path) };
  const reason = `ccusage's native binary is not installed for ${process.platform}-${process.arch} (only @ccusage/ccusage-linux-x64 is a dependency)`;
  if (process.env.CI === 'true') throw new Error(`CI=true but ${reason}`);
  console.warn(`\n*** SKIPPING ccusage parity tests: ${reason} ***\n`);
  return { ready: false, reason };
}

/** The package ships the binary without its execute bit; ccusage's own wrapper sets it the same way. */
function executable(path: string): string {
  try {
    accessSync(path, constants.X_OK);
  } catch {
    chmodSync(path, 0o755);
  }
  return path;
}

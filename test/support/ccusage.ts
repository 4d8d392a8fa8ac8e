import { accessSync, chmodSync, constants, existsSync } from 'node:fs';
import { join } from 'node:path';
import { ccusagePath } from '../../scripts/ccusage-path.mjs';

/**
 * ccusage v20's native binary, installed outside the project's dependencies by
 * `node scripts/install-ccusage.mjs` (`.ci/run` does; the npm mirror CI uses carries only the
 * linux-x64 build). Where it is missing its tests skip with a loud reason; under CI=true a missing
 * binary fails the run.
 */
export function ccusageBinary(): { ready: true; path: string } | { ready: false; reason: string } {
  const path = ccusagePath(join(import.meta.dirname, '..', '..'));
  if (existsSync(path)) return { ready: true, path: executable(path) };
  const reason = `ccusage's native binary is not installed for ${process.platform}-${process.arch} (run \`node scripts/install-ccusage.mjs\`)`;
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

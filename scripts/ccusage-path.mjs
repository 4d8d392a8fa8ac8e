// Where the reference ccusage lives once scripts/install-ccusage.mjs has installed it: one place
// for the install script, the parity tests (test/support/ccusage.ts) and the logs bench.
import { join } from 'node:path';

/** The version every parity figure and benchmark ratio is measured against. */
export const CCUSAGE_VERSION = '20.0.24';

/** ccusage's native build for this machine (only linux-x64 is on the mirror CI uses). */
export const CCUSAGE_PACKAGE = `@ccusage/ccusage-${process.platform}-${process.arch}`;

/** The npm prefix the reference ccusage is installed under. */
export function ccusagePrefix(repo) {
  return join(repo, 'test', 'bench', '.work', 'ccusage');
}

/** The reference ccusage binary's path. */
export function ccusagePath(repo) {
  return join(ccusagePrefix(repo), 'node_modules', CCUSAGE_PACKAGE, 'bin', 'ccusage');
}

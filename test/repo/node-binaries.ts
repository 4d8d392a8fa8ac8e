import { execFileSync } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';

/** The major version a Node binary reports, or null when it does not run. */
function majorOf(binary: string): number | null {
  try {
    const version = execFileSync(binary, ['-p', 'process.versions.node'], { encoding: 'utf8' });
    return Number(version.split('.')[0]);
  } catch {
    return null;
  }
}

/**
 * A Node 20 binary, the oldest the published command supports: PACEWATCH_NODE20 (set by .ci/run,
 * which puts Node 22 first on PATH), else any `node` on PATH or in /usr/bin that is 20.x. Locally
 * without one the Node 20 runs skip with a loud reason; under CI=true a missing Node 20 fails.
 */
export function node20Binary(): string | null {
  const onPath = (process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, 'node'));
  const candidates = [
    process.env.PACEWATCH_NODE20,
    process.execPath,
    ...onPath,
    '/usr/bin/node',
    '/usr/local/bin/node',
  ].filter((path): path is string => path !== undefined && path !== '' && existsSync(path));
  const found = candidates.find((path) => majorOf(path) === 20);
  if (found !== undefined) return realpathSync(found);
  const reason = 'no Node 20 binary found (set PACEWATCH_NODE20 to one)';
  if (process.env.CI === 'true') throw new Error(`CI=true but ${reason}`);
  console.warn(`\n*** SKIPPING the installed command on Node 20: ${reason} ***\n`);
  return null;
}

/** npm's own script (npm-cli.js), to run with a chosen Node binary. */
export function npmCli(): string {
  const npm = realpathSync(
    execFileSync('sh', ['-c', 'command -v npm'], { encoding: 'utf8' }).trim(),
  );
  return npm.endsWith('.js') ? npm : join(dirname(npm), 'npm-cli.js');
}

import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/** The environment variables and platform facts paths depend on, so tests can pass their own. */
export interface PathEnv {
  readonly env: NodeJS.ProcessEnv;
  readonly platform: NodeJS.Platform;
  readonly home: string;
}

/** The running process's path environment. */
export function processPathEnv(): PathEnv {
  return { env: process.env, platform: process.platform, home: homedir() };
}

/**
 * Where settings, cache, history and the alert ledger live: `PACEWATCH_DATA_DIR`, else the
 * directory Electron's `app.getPath('userData')` gives for "Pacewatch", so the app and the CLI
 * share one cache, one ledger and one history by default.
 */
export function dataDir({ env, platform, home }: PathEnv): string {
  const override = env.PACEWATCH_DATA_DIR?.trim();
  if (override) return resolve(override);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Pacewatch');
  if (platform === 'win32')
    return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Pacewatch');
  return join(env.XDG_CONFIG_HOME?.trim() || join(home, '.config'), 'Pacewatch');
}

/**
 * Claude Code's config directories: every entry of `CLAUDE_CONFIG_DIR` (comma-separated) if set,
 * else `~/.claude` and `~/.config/claude`.
 */
export function claudeConfigDirs({ env, home }: PathEnv): string[] {
  const fromEnv = (env.CLAUDE_CONFIG_DIR ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0)
    .map((entry) => resolve(entry.replace(/^~(?=$|[\\/])/, home)));
  if (fromEnv.length > 0) return [...new Set(fromEnv)];
  return [join(home, '.claude'), join(home, '.config', 'claude')];
}

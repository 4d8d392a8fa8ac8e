import { join, resolve } from 'node:path';
import { z } from 'zod';
import type {
  FileProblem,
  HelperSetting,
  SettingsScope,
} from '../../../shared/domain/route/route-facts';
import { ROUTE_VARIABLES } from '../../../shared/domain/route/route-facts';
import { Secret } from '../../../shared/domain/secret';
import { displayPath } from './display-path';
import { readJsonFile } from './read-json-file';
import { describeValue } from './route-env';
import type { RawSighting } from './route-env';

/** Where Claude's settings files are; every input injectable for tests. */
export interface SettingsOptions {
  readonly home: string;
  /** The project directory Claude Code would run in. */
  readonly cwd: string;
  /** Claude Code's config directories (each holds a user `settings.json`). */
  readonly configDirs: readonly string[];
}

/** What the settings files set: `env` block entries, `apiKeyHelper`, and unusable files. */
export interface SettingsScan {
  readonly sightings: readonly RawSighting[];
  readonly helpers: readonly HelperSetting[];
  readonly problems: readonly FileProblem[];
}

const SettingsSchema = z.looseObject({
  apiKeyHelper: z.unknown().optional(),
  env: z.record(z.string(), z.unknown()).optional().catch(undefined),
});

/** The settings files, strongest first; a path seen twice (cwd = home) is read once. */
function settingsFiles({
  cwd,
  configDirs,
}: SettingsOptions): { path: string; scope: SettingsScope }[] {
  const files: { path: string; scope: SettingsScope }[] = [
    { path: resolve(cwd, '.claude', 'settings.local.json'), scope: 'local' },
    { path: resolve(cwd, '.claude', 'settings.json'), scope: 'project' },
    ...configDirs.map((dir) => ({ path: join(dir, 'settings.json'), scope: 'user' as const })),
  ];
  const seen = new Set<string>();
  return files.filter(({ path }) => !seen.has(path) && seen.add(path));
}

function envValue(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
}

/**
 * Reads `~/.claude/settings.json` (each config dir), `<cwd>/.claude/settings.json` and
 * `settings.local.json` for `apiKeyHelper` and the route variables of their `env` blocks.
 * A malformed file becomes a problem to report, not a crash.
 */
export async function readClaudeSettings(options: SettingsOptions): Promise<SettingsScan> {
  const sightings: RawSighting[] = [];
  const helpers: HelperSetting[] = [];
  const problems: FileProblem[] = [];
  for (const { path, scope } of settingsFiles(options)) {
    const read = await readJsonFile(path, options.home);
    if (read.kind === 'missing') continue;
    if (read.kind === 'problem') {
      problems.push(read.problem);
      continue;
    }
    const file = displayPath(path, options.home);
    const parsed = SettingsSchema.safeParse(read.value);
    if (!parsed.success) {
      problems.push({ file, kind: 'malformed' });
      continue;
    }
    const { apiKeyHelper, env = {} } = parsed.data;
    if (typeof apiKeyHelper === 'string' && apiKeyHelper.trim().length > 0)
      helpers.push({ file, scope });
    for (const variable of ROUTE_VARIABLES) {
      const value = envValue(env[variable]);
      if (value !== null) {
        sightings.push(
          describeValue(variable, new Secret(value), { kind: 'settings', file, scope }),
        );
      }
    }
  }
  return { sightings, helpers, problems };
}

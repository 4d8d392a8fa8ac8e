import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { claudeConfigDirs, type PathEnv } from '../../platform/paths';

/** Quotes a word for the shell Claude Code runs the command in. */
export function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** Claude Code's user settings: in the first config dir (`CLAUDE_CONFIG_DIR` or `~/.claude`). */
export function claudeSettingsPath(pathEnv: PathEnv): string {
  return join(claudeConfigDirs(pathEnv)[0] ?? join(pathEnv.home, '.claude'), 'settings.json');
}

/** What installing the status line would do to Claude Code's settings file. */
export type InstallPlan =
  | {
      readonly kind: 'write';
      readonly settings: Record<string, unknown>;
      readonly existed: boolean;
    }
  | { readonly kind: 'same' }
  | {
      readonly kind: 'replace';
      readonly settings: Record<string, unknown>;
      /** The status line configured now, as the user would recognise it. */
      readonly current: string;
    }
  | { readonly kind: 'invalid'; readonly reason: string };

/** The `statusLine` entry Claude Code runs: a command, no padding. */
export function statusLineEntry(command: string): Record<string, unknown> {
  return { type: 'command', command, padding: 0 };
}

function describe(entry: unknown): string {
  if (entry !== null && typeof entry === 'object' && 'command' in entry) {
    if (typeof entry.command === 'string') return entry.command;
  }
  return JSON.stringify(entry).slice(0, 120);
}

/**
 * Plans the merge of our `statusLine` into the settings text (null: no file yet): every other key
 * stays as it is; an existing, different status line is never replaced without the user's say.
 */
export function planInstall(text: string | null, command: string): InstallPlan {
  const entry = statusLineEntry(command);
  if (text === null || text.trim().length === 0) {
    return { kind: 'write', settings: { statusLine: entry }, existed: text !== null };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { kind: 'invalid', reason: 'it is not valid JSON' };
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    return { kind: 'invalid', reason: 'it does not hold a JSON object' };
  }
  const existing = json as Record<string, unknown>;
  const settings = { ...existing, statusLine: entry };
  const current = existing.statusLine;
  if (current === undefined || current === null) return { kind: 'write', settings, existed: true };
  if (describe(current) === command) return { kind: 'same' };
  return { kind: 'replace', settings, current: describe(current) };
}

/** Reads the settings file; null when there is none. */
export async function readSettingsText(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * Writes the merged settings atomically (the file's mode is kept), after copying the old file
 * to `<path>.pacewatch-backup-<time>`. Returns the backup's path, or null when there was no file.
 */
export async function writeSettings(
  path: string,
  settings: Record<string, unknown>,
  existed: boolean,
  now: number,
): Promise<string | null> {
  await mkdir(dirname(path), { recursive: true });
  let backup: string | null = null;
  if (existed) {
    backup = `${path}.pacewatch-backup-${new Date(now).toISOString().replace(/[:.]/g, '-')}`;
    await copyFile(path, backup);
  }
  await writeFileAtomic(path, `${JSON.stringify(settings, null, 2)}\n`);
  return backup;
}

import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { claudeConfigDirs, type PathEnv } from '../../platform/paths';

/** Quotes a word for the shell Claude Code runs the command in. */
export function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * `<node> <script> statusline` by absolute paths, so the command works whatever Claude Code's PATH.
 * The script defaults to this very `pacewatch` (the one running now).
 */
export function pacewatchCommand(script: string | undefined = process.argv[1]): string {
  const path = script === undefined ? 'pacewatch' : resolve(script);
  return `${shellWord(process.execPath)} ${shellWord(path)} statusline`;
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
async function readSettingsText(path: string): Promise<string | null> {
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
async function writeSettings(
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

/**
 * What installing did, for each surface (the terminal, the settings window) to say in its own
 * words: what was found in the settings file, what was written and where the old file went.
 */
export type InstallOutcome =
  /** The file could not be merged into; nothing was written. */
  | { readonly kind: 'invalid'; readonly reason: string }
  /** Our status line was already there; nothing was written. */
  | { readonly kind: 'same' }
  /** Another status line was there and the user did not say to replace it; nothing was written. */
  | { readonly kind: 'kept'; readonly current: string }
  | {
      readonly kind: 'written';
      /** The status line that was replaced; null when there was none. */
      readonly replaced: string | null;
      readonly settings: Record<string, unknown>;
      /** Where the old file was copied; null when there was no file. */
      readonly backup: string | null;
    };

/**
 * Installs Pacewatch's status line into the settings file at `path`: plans the merge, asks
 * `replace` (with the status line there now) before replacing another one, then writes with a
 * backup. The one place that decides, so `statusline --install` and the settings window agree.
 * I/O errors are thrown: each surface reports them its own way.
 */
export async function installStatusLineAt(
  path: string,
  command: string,
  options: {
    readonly replace: (current: string) => boolean | Promise<boolean>;
    readonly now: () => number;
  },
): Promise<InstallOutcome> {
  const plan = planInstall(await readSettingsText(path), command);
  if (plan.kind === 'invalid' || plan.kind === 'same') return plan;
  if (plan.kind === 'replace' && !(await options.replace(plan.current))) {
    return { kind: 'kept', current: plan.current };
  }
  const replaced = plan.kind === 'replace' ? plan.current : null;
  const existed = plan.kind === 'replace' || plan.existed;
  const backup = await writeSettings(path, plan.settings, existed, options.now());
  return { kind: 'written', replaced, settings: plan.settings, backup };
}

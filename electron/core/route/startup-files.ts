import { readFile, readdir } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import type { FileProblem } from '../../../shared/domain/route/route-facts';
import { Secret } from '../../../shared/domain/secret';
import { displayPath } from './display-path';
import { describeValue, isRouteVariable } from './route-env';
import type { RawSighting } from './route-env';
import { parseShellLine } from './shell-statements';

/** Where the startup files are; every input injectable for tests. */
export interface StartupFileOptions {
  readonly home: string;
  /** For `ZDOTDIR` and `XDG_CONFIG_HOME`. */
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** What the startup files set, with file and line, and the files that could not be read. */
export interface StartupFileScan {
  readonly sightings: readonly RawSighting[];
  readonly problems: readonly FileProblem[];
}

interface StartupFile {
  readonly path: string;
  readonly fish: boolean;
}

const MAX_FILE_BYTES = 1024 * 1024;

type ReadResult = { ok: true; text: string } | { ok: false; problem: FileProblem | null };

async function readText(path: string, home: string): Promise<ReadResult> {
  try {
    const text = await readFile(path, 'utf8');
    return { ok: true, text: text.length > MAX_FILE_BYTES ? text.slice(0, MAX_FILE_BYTES) : text };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    if (code === 'ENOENT' || code === 'ENOTDIR') return { ok: false, problem: null };
    return { ok: false, problem: { file: displayPath(path, home), kind: 'unreadable', code } };
  }
}

async function fishConfD(dir: string): Promise<StartupFile[]> {
  try {
    const names = await readdir(dir);
    return names
      .filter((name) => name.endsWith('.fish'))
      .sort()
      .map((name) => ({ path: join(dir, name), fish: true }));
  } catch {
    return [];
  }
}

/** The files a login or interactive shell reads, roughly in load order per shell. */
async function startupFiles({ home, env }: StartupFileOptions): Promise<StartupFile[]> {
  const zdot = env.ZDOTDIR?.trim() || home;
  const config = env.XDG_CONFIG_HOME?.trim() || join(home, '.config');
  const posix = [
    join(zdot, '.zshenv'),
    join(zdot, '.zprofile'),
    join(zdot, '.zshrc'),
    join(zdot, '.zlogin'),
    join(home, '.bash_profile'),
    join(home, '.bash_login'),
    join(home, '.profile'),
    join(home, '.bashrc'),
  ].map((path) => ({ path, fish: false }));
  const fish = [
    { path: join(config, 'fish', 'config.fish'), fish: true },
    ...(await fishConfD(join(config, 'fish', 'conf.d'))),
  ];
  return [...posix, ...fish];
}

/** A `source`d path Pacewatch can follow: literal, or under `~` / `$HOME`; else null. */
function sourcedPath(raw: string, dynamic: boolean, home: string): string | null {
  const expanded = raw.replace(/^(~|\$HOME|\$\{HOME\})(?=$|\/)/, home);
  if ((dynamic && expanded === raw) || /[$`*?[]/.test(expanded)) return null;
  return isAbsolute(expanded) ? expanded : join(home, expanded);
}

/** Sightings on one file's lines; `sources` are the files it sources. */
function scanText(
  text: string,
  file: StartupFile,
  home: string,
): { sightings: RawSighting[]; sources: string[] } {
  const sightings: RawSighting[] = [];
  const sources: string[] = [];
  const pending = new Map<string, RawSighting>();
  const shown = displayPath(file.path, home);
  text.split(/\r?\n/).forEach((line, index) => {
    const place = { kind: 'startup-file', file: shown, line: index + 1 } as const;
    for (const statement of parseShellLine(line, file.fish)) {
      if (statement.kind === 'assign') {
        const raw = describeValue(
          statement.name,
          new Secret(statement.value),
          place,
          statement.dynamic,
        );
        if (statement.exported) sightings.push(raw);
        else pending.set(statement.name, raw);
      } else if (statement.kind === 'export-names') {
        // `KEY=…` then `export KEY`: the assignment line is the one to delete.
        for (const name of statement.names) {
          const raw = pending.get(name);
          if (raw !== undefined) sightings.push(raw);
          pending.delete(name);
        }
      } else if (statement.kind === 'unset') {
        for (const name of statement.names)
          sightings.push({ sighting: { variable: name, place, state: 'unset' } });
      } else {
        const path = sourcedPath(statement.path, statement.dynamic, home);
        if (path !== null) sources.push(path);
      }
    }
  });
  return { sightings, sources };
}

/** fish's universal variables: `SETUVAR --export NAME:value`, values escaped as `\xHH`. */
function scanFishVariables(text: string, path: string, home: string): RawSighting[] {
  const file = displayPath(path, home);
  return text.split(/\r?\n/).flatMap((line, index) => {
    const match = /^SETUVAR\s+--export\s+([A-Za-z_][A-Za-z0-9_]*):(.*)$/.exec(line);
    const name = match?.[1] ?? '';
    if (match === null || !isRouteVariable(name)) return [];
    const value = (match[2] ?? '').replace(/\\x([0-9a-fA-F]{2})/g, (_, hex: string) =>
      String.fromCharCode(parseInt(hex, 16)),
    );
    return [
      describeValue(name, new Secret(value), { kind: 'startup-file', file, line: index + 1 }),
    ];
  });
}

/**
 * Scans the shell startup files (and files they `source`, one level deep, when the path is
 * simple) for the route variables, so evidence can say "exported in ~/.zshrc line 12".
 */
export async function scanStartupFiles(options: StartupFileOptions): Promise<StartupFileScan> {
  const { home } = options;
  const files = await startupFiles(options);
  const seen = new Set(files.map((file) => file.path));
  const sightings: RawSighting[] = [];
  const problems: FileProblem[] = [];
  for (const file of files) {
    const read = await readText(file.path, home);
    if (!read.ok) {
      if (read.problem !== null) problems.push(read.problem);
      continue;
    }
    const scan = scanText(read.text, file, home);
    sightings.push(...scan.sightings);
    for (const source of scan.sources.filter((path) => !seen.has(path))) {
      seen.add(source);
      const sourced = await readText(source, home);
      if (sourced.ok)
        sightings.push(
          ...scanText(sourced.text, { path: source, fish: file.fish }, home).sightings,
        );
      else if (sourced.problem !== null) problems.push(sourced.problem);
    }
  }
  const fishVariables = join(
    options.env.XDG_CONFIG_HOME?.trim() || join(home, '.config'),
    'fish',
    'fish_variables',
  );
  const universal = await readText(fishVariables, home);
  if (universal.ok) sightings.push(...scanFishVariables(universal.text, fishVariables, home));
  return { sightings, problems };
}

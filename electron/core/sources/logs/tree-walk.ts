import { readdirSync, statSync } from 'node:fs';
import { basename, join, normalize, relative, sep } from 'node:path';

/** A transcript file found under a `projects/` folder, with what its path says. */
export interface FoundFile {
  readonly path: string;
  /** From the path: the file name, or the parent session's folder for sub-agent files. */
  readonly sessionId: string;
  /** The project folder(s) under `projects/`. */
  readonly projectPath: string;
}

/** A folder of the tree and when its entries last changed. */
export interface FoundDir {
  readonly path: string;
  readonly mtimeMs: number;
}

/** What a walk found: files sorted by path (the order ccusage reads them in), folders, faults. */
export interface WalkResult {
  readonly files: FoundFile[];
  readonly dirs: FoundDir[];
  readonly unreadable: { readonly path: string; readonly error: string }[];
}

/**
 * The `projects/` folders of Claude config dirs that have one. An entry that is itself a
 * `projects/` folder is taken as is (ccusage accepts both).
 */
export function projectsDirs(configDirs: readonly string[]): string[] {
  const found: string[] = [];
  for (const dir of configDirs) {
    const candidates =
      basename(dir) === 'projects' ? [dir, join(dir, 'projects')] : [join(dir, 'projects')];
    const hit = candidates.find(isDirectory);
    if (hit !== undefined && !found.includes(hit)) found.push(hit);
  }
  return found;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Walks one folder and everything below it. */
export function walkDir(root: string, dir: string, into: WalkResult): void {
  for (const sub of listDir(root, dir, into)) walkDir(root, sub, into);
}

/**
 * Lists one folder: adds it and its transcripts to `into` and returns its sub-folders. Any
 * `*.jsonl` entry counts as a transcript, so one that cannot be read is reported, not skipped.
 */
export function listDir(root: string, dir: string, into: WalkResult): string[] {
  let mtimeMs: number;
  let entries;
  try {
    mtimeMs = statSync(dir).mtimeMs;
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // A folder removed between two looks is not a fault.
    if (code !== 'ENOENT') into.unreadable.push({ path: dir, error: code ?? String(error) });
    return [];
  }
  into.dirs.push({ path: dir, mtimeMs });
  const subs: string[] = [];
  // An entry name holds no separator: what path.join gives, normalising once per folder.
  const base = normalize(dir);
  const prefix = base.endsWith(sep) ? base : `${base}${sep}`;
  for (const entry of entries) {
    const path = `${prefix}${entry.name}`;
    if (entry.name.endsWith('.jsonl')) into.files.push({ path, ...sessionParts(root, path) });
    else if (entry.isDirectory()) subs.push(path);
  }
  return subs;
}

/**
 * The session and project a transcript path names, as ccusage v20 derives them:
 * `<project>/<session>.jsonl`, `<project>/<session>/subagents/<agent>.jsonl`, else the parent
 * folder is the session.
 */
export function sessionParts(
  root: string,
  path: string,
): { sessionId: string; projectPath: string } {
  const parts = relativeTo(root, path).split(sep);
  const last = parts[parts.length - 1] ?? '';
  const stem = last.endsWith('.jsonl') ? last.slice(0, -'.jsonl'.length) : '';
  if (parts.length === 2 && stem !== '') return { sessionId: stem, projectPath: parts[0] ?? '' };
  if (parts.length >= 4 && parts[parts.length - 2] === 'subagents') {
    const project = parts.slice(0, -3).join(sep);
    return {
      sessionId: parts[parts.length - 3] ?? '',
      projectPath: project === '' ? 'Unknown Project' : project,
    };
  }
  const project = parts.length > 2 ? parts.slice(0, -2).join(sep) : 'Unknown Project';
  return { sessionId: parts[Math.max(0, parts.length - 2)] ?? 'unknown', projectPath: project };
}

/** `path.relative(root, path)` for a normalised `path` inside `root`, without normalising again. */
function relativeTo(root: string, path: string): string {
  const prefix = root.endsWith(sep) ? root : `${root}${sep}`;
  return path.startsWith(prefix) ? path.slice(prefix.length) : relative(root, path);
}

import { lstatSync, statSync } from 'node:fs';
import { sep } from 'node:path';
import type { IndexedFile } from './index-schema';
import { listDir, walkDir, type FoundFile, type WalkResult } from './tree-walk';

/** A folder listed less than this long after its last change is listed again next time. */
const SETTLE_MS = 2000;

/** The reader's view of the tree between refreshes. */
export interface TreeState {
  /** Every file ever seen, by id (deleted ones too: their entries are retained). */
  readonly files: IndexedFile[];
  /** Live files by path. */
  readonly byPath: Map<string, number>;
  /** Folders by path, with the mtime when they were last listed (0: list again). */
  readonly dirs: Map<string, number>;
}

/** What changed since the last refresh. */
export interface TreeChanges {
  /** Ids of files to read from their offset (new files at 0), in path order. */
  readonly changed: number[];
  /** Ids of files that disappeared. */
  readonly deleted: number[];
  /** Folders that could not be listed. */
  readonly unreadableDirs: { path: string; error: string }[];
  /** Bytes to read per changed file id, and in all (to choose between threads and this one). */
  readonly pending: Map<number, number>;
  readonly pendingBytes: number;
  /** New files not in `pending` (their size was not looked up). */
  readonly unsized: number;
}

/**
 * Finds what changed with stat calls only: a folder whose mtime moved is listed again (new files,
 * new sub-folders), and a live file is read again only if its size, mtime or inode moved (or it
 * could not be read last time). An unchanged tree costs one stat per folder and per file.
 * `sizeNewFiles` false skips the stat of new files (a first read, where every file is new and
 * read whole anyway); they are counted in `unsized`.
 */
export function scanChanges(
  state: TreeState,
  roots: readonly string[],
  now: number,
  sizeNewFiles = true,
): TreeChanges {
  const found: WalkResult = { files: [], dirs: [], unreadable: [] };
  for (const root of roots) if (!state.dirs.has(root)) walkDir(root, root, found);
  for (const [dir, listedMtime] of [...state.dirs]) {
    const mtimeMs = statSync(dir, { throwIfNoEntry: false })?.mtimeMs;
    if (mtimeMs === undefined) {
      state.dirs.delete(dir);
      continue;
    }
    if (mtimeMs === listedMtime) continue;
    const root =
      roots.find((candidate) => dir === candidate || dir.startsWith(`${candidate}${sep}`)) ?? dir;
    for (const sub of listDir(root, dir, found))
      if (!state.dirs.has(sub)) walkDir(root, sub, found);
  }
  for (const dir of found.dirs)
    state.dirs.set(dir.path, now - dir.mtimeMs < SETTLE_MS ? 0 : dir.mtimeMs);
  const changed = new Set<number>();
  for (const file of found.files)
    if (!state.byPath.has(file.path)) changed.add(addFile(state, file));
  const deleted: number[] = [];
  const pending = new Map<number, number>();
  let unsized = 0;
  for (const id of state.byPath.values()) {
    const file = state.files[id] as IndexedFile;
    if (changed.has(id)) {
      // A new file: its size is only worth a stat when few are new (see `sizeNewFiles`).
      if (sizeNewFiles) pending.set(id, statSync(file.path, { throwIfNoEntry: false })?.size ?? 0);
      else unsized += 1;
      continue;
    }
    // One stat per file; lstat only to tell a deleted file from a dangling link.
    const stat = statSync(file.path, { throwIfNoEntry: false });
    if (stat === undefined && lstatSync(file.path, { throwIfNoEntry: false }) === undefined) {
      deleted.push(id);
      continue;
    }
    if (
      stat === undefined ||
      file.error !== null ||
      stat.size !== file.size ||
      stat.mtimeMs !== file.mtimeMs ||
      stat.ino !== file.ino
    ) {
      changed.add(id);
      pending.set(id, Math.max(0, (stat?.size ?? 0) - file.offset));
    }
  }
  for (const id of deleted) {
    const file = state.files[id] as IndexedFile;
    file.deleted = true;
    state.byPath.delete(file.path);
  }
  const order = [...changed].sort((a, b) =>
    compare((state.files[a] as IndexedFile).path, (state.files[b] as IndexedFile).path),
  );
  let pendingBytes = 0;
  for (const bytes of pending.values()) pendingBytes += bytes;
  return {
    changed: order,
    deleted,
    unreadableDirs: found.unreadable,
    pending,
    pendingBytes,
    unsized,
  };
}

function addFile(state: TreeState, file: FoundFile): number {
  const id = state.files.length;
  state.files.push({
    path: file.path,
    sessionId: file.sessionId,
    projectPath: file.projectPath,
    dev: 0,
    ino: 0,
    size: -1,
    mtimeMs: 0,
    offset: 0,
    head: 0,
    headLength: 0,
    tail: 0,
    tailLength: 0,
    malformed: 0,
    deleted: false,
    error: null,
  });
  state.byPath.set(file.path, id);
  return id;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

import { statSync } from 'node:fs';
import { dirname } from 'node:path';

// Node's file errors read "ENOTDIR: not a directory, open '…/cache/statusline.json'": what went
// wrong in the system's words, not what to do. Each one a user can meet in the data dir is a
// sentence here that names the path to fix and the way out (docs/RELIABILITY.md, defect 7).

const ELSEWHERE = "or set PACEWATCH_DATA_DIR to another folder for Pacewatch's data";

/** The deepest existing ancestor of `path` that is a file, not a folder; null if none. */
function fileInTheWay(path: string): string | null {
  for (let at = dirname(path); at !== dirname(at); at = dirname(at)) {
    try {
      return statSync(at).isDirectory() ? null : at;
    } catch {
      // Not there either: look one level up.
    }
  }
  return null;
}

/** A sentence for a file-system error (by its code and path), or null when it is not one. */
export function fileErrorSentence(error: unknown): string | null {
  const { code, path } = (error ?? {}) as { code?: unknown; path?: unknown };
  if (typeof code !== 'string' || typeof path !== 'string') return null;
  switch (code) {
    case 'ENOTDIR': {
      const file = fileInTheWay(path) ?? dirname(path);
      return `${file} is a file, not a folder: remove it, ${ELSEWHERE}.`;
    }
    case 'EISDIR':
      return `${path} is a folder, not a file: remove it, ${ELSEWHERE}.`;
    case 'EACCES':
    case 'EPERM':
      return `Pacewatch is not allowed to use ${path}: make it and its folder readable and writable by your user, ${ELSEWHERE}.`;
    case 'ENOSPC':
    case 'EDQUOT':
      return `The disk holding ${path} is full: free some space; Pacewatch keeps the last good figures meanwhile.`;
    case 'EROFS':
      return `${path} is on a read-only disk: set PACEWATCH_DATA_DIR to a folder you can write to.`;
    case 'ENAMETOOLONG':
      return `The path ${path} is too long for this system: set PACEWATCH_DATA_DIR to a shorter folder.`;
    case 'ELOOP':
      return `${path} goes through a loop of symbolic links: fix or remove the link, ${ELSEWHERE}.`;
    default:
      return null;
  }
}

/** What to tell a user about any error: the file sentence when it is one, else its message. */
export function errorSentence(error: unknown): string {
  return fileErrorSentence(error) ?? (error instanceof Error ? error.message : String(error));
}

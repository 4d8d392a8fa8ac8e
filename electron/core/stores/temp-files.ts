import { readdir, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';

// A process killed mid-write leaves its temp file behind: write-file-atomic's `<name>.json.<n>`
// (n a hash of pid, thread and count), the transcript index's `<key>.bin.<pid>.tmp`
// (index-file.ts) or a lock moved aside, `<lock>.dead-<pid>-<ms>`. Each start
// clears the ones no live writer can still own (docs/RELIABILITY.md, defect 9).

/** write-file-atomic's temp name for a JSON file: the name, a dot, a 32-bit number. */
const ATOMIC_TEMP = /\.json\.\d{1,10}$/;
/** Temps that name their writer: a lock moved aside (file-lock.ts), an index being written. */
const OWNED_TEMPS = [/\.dead-(\d+)-\d+$/, /\.bin\.(\d+)\.tmp$/];
/**
 * How old a temp file must be before it is removed. A writer holds one for the milliseconds of a
 * write and an fsync; ten minutes is past any live write, so no writer loses its file.
 */
export const TEMP_MAX_AGE_MS = 10 * 60_000;
/** The folders of a data dir that hold state files (data-layout.ts). */
const FOLDERS = ['.', 'cache', 'history', 'locks', 'logs-index'];

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the pid exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether a leftover can go: old enough, or its writer is named and dead. */
async function abandoned(path: string, name: string, now: number): Promise<boolean> {
  const owned = OWNED_TEMPS.map((pattern) => pattern.exec(name)).find((match) => match != null);
  if (!owned && !ATOMIC_TEMP.test(name)) return false;
  if (owned && !isAlive(Number(owned[1]))) return true;
  const { mtimeMs } = await stat(path);
  return now - mtimeMs > TEMP_MAX_AGE_MS;
}

/**
 * Removes the data dir's abandoned temp files. Never throws: a leftover that cannot be removed
 * now is tried again on the next start.
 */
export async function removeAbandonedTemps(dir: string, now: number): Promise<void> {
  for (const folder of FOLDERS) {
    const names = await readdir(join(dir, folder)).catch(() => [] as string[]);
    for (const name of names) {
      const path = join(dir, folder, name);
      try {
        if (!(await abandoned(path, name, now))) continue;
        await unlink(path);
      } catch {
        // Gone already (another process cleaned it), or not ours to remove: leave it.
      }
    }
  }
}

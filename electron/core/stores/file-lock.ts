import { readFileSync } from 'node:fs';
import { link, mkdir, open, readFile, rename, rm, stat, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname } from 'node:path';

// A machine-wide lock that knows its holder. The lock is a file `<path>.lock` created exclusively
// and holding who took it: pid, that process's start time and the host. A waiter that finds the
// holder dead (no such pid, or the pid now belongs to a process started later) takes the lock over
// at once, instead of waiting out a staleness age as a crash used to make the next run do.

/** Who holds a lock. */
interface Holder {
  readonly pid: number;
  /** The holder's start time as the kernel counts it (/proc/<pid>/stat), or null off Linux. */
  readonly started: string | null;
  readonly host: string;
}

/** A lock on another host (a shared data dir) is only taken over when untouched for this long. */
const FOREIGN_STALE_MS = 10 * 60_000;
const POLL_MS = 50;
/**
 * Earlier versions locked with a directory (proper-lockfile) refreshed every 15 s: one untouched
 * for 30 s is abandoned (its holder would have refreshed it).
 */
const LEGACY_STALE_MS = 30_000;

/** Thrown when a lock stayed held by a live process for the whole wait. */
export class LockBusyError extends Error {
  constructor(readonly path: string) {
    super(`another Pacewatch process is still working on ${path}`);
    this.name = 'LockBusyError';
  }
}

/** The kernel's start time of a process (field 22 of /proc/<pid>/stat), or null where unknown. */
function startTimeOf(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count from its closing one.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

const self: Holder = { pid: process.pid, started: startTimeOf(process.pid), host: hostname() };

function isAlive(holder: Holder): boolean {
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    // EPERM: the pid exists but belongs to someone else; it may be the holder.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  // The pid is alive, but a pid can be reused: the holder is alive only if it started then.
  return holder.started === null || startTimeOf(holder.pid) === holder.started;
}

function parseHolder(text: string): Holder | null {
  try {
    const value = JSON.parse(text) as Partial<Holder>;
    if (typeof value.pid !== 'number' || typeof value.host !== 'string') return null;
    return { pid: value.pid, started: value.started ?? null, host: value.host };
  } catch {
    return null;
  }
}

/** Whether the lock at `lockPath` (holding `text`, last written at `mtimeMs`) can be taken over. */
function isAbandoned(text: string, mtimeMs: number, now: number): boolean {
  const holder = parseHolder(text);
  // A holder we cannot read died while writing it (the file is created, then written).
  if (holder === null) return now - mtimeMs > 2_000;
  if (holder.host !== self.host) return now - mtimeMs > FOREIGN_STALE_MS;
  return !isAlive(holder);
}

async function tryAcquire(lockPath: string): Promise<boolean> {
  try {
    const handle = await open(lockPath, 'wx', 0o600);
    try {
      await handle.writeFile(JSON.stringify(self));
    } finally {
      await handle.close();
    }
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/**
 * Moves an abandoned lock out of the way. The lock is renamed aside first and only then checked
 * again, so two waiters that both saw a dead holder cannot remove each other's fresh lock: if
 * what was moved turns out to be a live holder's, it is linked back (link never overwrites).
 */
async function takeOver(lockPath: string, seen: string): Promise<void> {
  const aside = `${lockPath}.dead-${process.pid}-${Date.now()}`;
  try {
    await rename(lockPath, aside);
  } catch {
    return;
  }
  const moved = await readFile(aside, 'utf8').catch(() => '');
  if (moved !== seen) await link(aside, lockPath).catch(() => undefined);
  await unlink(aside).catch(() => undefined);
}

async function release(lockPath: string): Promise<void> {
  // Only our own lock is removed: after a long stall another process may have taken it over.
  const text = await readFile(lockPath, 'utf8').catch(() => null);
  const holder = text === null ? null : parseHolder(text);
  if (holder?.pid === self.pid && holder.host === self.host) {
    await unlink(lockPath).catch(() => undefined);
  }
}

/**
 * Runs `task` while holding a machine-wide lock on `path` (a `<path>.lock` file naming its
 * holder). Used so that one process at a time fetches a source or decides alerts. A lock whose
 * holder died is taken over at once; a live holder is waited for up to `waitMs`, then
 * `LockBusyError` is thrown for the caller to turn into a sentence.
 */
export async function withFileLock<T>(
  path: string,
  task: () => Promise<T>,
  waitMs = 60_000,
): Promise<T> {
  const lockPath = `${path}.lock`;
  await mkdir(dirname(lockPath), { recursive: true, mode: 0o700 });
  const deadline = Date.now() + waitMs;
  for (;;) {
    if (await tryAcquire(lockPath)) break;
    const info = await stat(lockPath).catch(() => null);
    const seen = info?.isFile() ? await readFile(lockPath, 'utf8').catch(() => null) : null;
    if (info?.isDirectory() && Date.now() - info.mtimeMs > LEGACY_STALE_MS) {
      await rm(lockPath, { recursive: true, force: true });
      continue;
    }
    if (seen !== null && info !== null && isAbandoned(seen, info.mtimeMs, Date.now())) {
      await takeOver(lockPath, seen);
      continue;
    }
    if (Date.now() >= deadline) throw new LockBusyError(path);
    // Released between our attempt and our look: try again at once.
    if (info === null) continue;
    await new Promise((resolve) => setTimeout(resolve, Math.min(POLL_MS, waitMs)));
  }
  try {
    return await task();
  } finally {
    await release(lockPath);
  }
}

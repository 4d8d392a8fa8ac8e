import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import lockfile from 'proper-lockfile';

/** How long a lock may be held without being refreshed before another process may take it. */
const STALE_MS = 30_000;

/**
 * Runs `task` while holding a machine-wide lock on `path` (a `<path>.lock` directory, refreshed
 * while held, taken over when its holder died). Used so that one process at a time fetches a
 * source or decides alerts. Waits up to `waitMs` for the lock; then throws, which is a bug or a
 * wedged peer, not an expected failure.
 */
export async function withFileLock<T>(
  path: string,
  task: () => Promise<T>,
  waitMs = 60_000,
): Promise<T> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const release = await lockfile.lock(path, {
    realpath: false,
    stale: STALE_MS,
    retries: {
      retries: Math.max(1, Math.ceil(waitMs / 100)),
      factor: 1,
      minTimeout: 100,
      maxTimeout: 100,
    },
    onCompromised: () => {
      // The lock went stale under us (a long stall): the task finishes; the next writer wins.
    },
  });
  try {
    return await task();
  } finally {
    await release().catch(() => undefined);
  }
}

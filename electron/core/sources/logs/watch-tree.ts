import { watch, type FSWatcher } from 'node:fs';

/** What to watch and what to run on a change. */
export interface WatchTreeOptions {
  readonly roots: readonly string[];
  readonly pollMs: number;
  /** Runs after file events (debounced) and every `pollMs`; never two at once. */
  readonly check: () => Promise<void>;
}

const DEBOUNCE_MS = 250;

/**
 * Watches `projects/` folders recursively and checks on every burst of events, with a periodic
 * check as the fallback for missed events, network file systems and watcher limits (EMFILE,
 * ENOSPC). Returns stop.
 */
export function watchTree(options: WatchTreeOptions): () => void {
  const watchers: FSWatcher[] = [];
  let debounce: NodeJS.Timeout | null = null;
  let running = false;
  let again = false;
  let stopped = false;
  const run = (): void => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    options
      .check()
      .catch(() => undefined) // a failed check is retried by the next event or poll
      .finally(() => {
        running = false;
        if (again) {
          again = false;
          run();
        }
      });
  };
  const onEvent = (): void => {
    if (debounce !== null) clearTimeout(debounce);
    debounce = setTimeout(run, DEBOUNCE_MS);
    debounce.unref();
  };
  for (const root of options.roots) {
    try {
      const watcher = watch(root, { recursive: true, persistent: false }, onEvent);
      watcher.on('error', () => {
        watcher.close();
      });
      watchers.push(watcher);
    } catch {
      // No watcher (missing folder, limits): the periodic check covers it.
    }
  }
  const poll = setInterval(run, options.pollMs);
  poll.unref();
  return () => {
    stopped = true;
    clearInterval(poll);
    if (debounce !== null) clearTimeout(debounce);
    for (const watcher of watchers) watcher.close();
  };
}

import { watch, type FSWatcher } from 'node:fs';

/** What to watch and what to run on a change. */
export interface WatchTreeOptions {
  readonly roots: readonly string[];
  readonly pollMs: number;
  /** Runs after file events (debounced) and every `pollMs`; never two at once. */
  readonly check: () => Promise<void>;
  /**
   * Where recursive watching is not native (Linux): the folders to watch one by one, asked again
   * after every check. Default: the roots alone.
   */
  readonly folders?: () => readonly string[];
  /** Whether the platform watches a tree natively (default: every platform but Linux). */
  readonly nativeRecursive?: boolean;
}

const DEBOUNCE_MS = 250;

/**
 * Watches `projects/` folders and checks on every burst of events, with a periodic check as the
 * fallback for missed events, network file systems and watcher limits (EMFILE, ENOSPC). Returns
 * stop.
 *
 * macOS and Windows watch a tree natively. On Linux, Node 20's recursive watch is a JavaScript
 * polyfill that walks the whole tree and keeps a watcher per file (~20 MB and steady CPU for a
 * large tree): there the given folders are watched one by one instead, each catching the files
 * written directly inside it.
 */
export function watchTree(options: WatchTreeOptions): () => void {
  const watchers = new Map<string, FSWatcher>();
  const native = options.nativeRecursive ?? process.platform !== 'linux';
  let debounce: NodeJS.Timeout | null = null;
  let running = false;
  let again = false;
  let stopped = false;
  const onEvent = (): void => {
    if (debounce !== null) clearTimeout(debounce);
    debounce = setTimeout(run, DEBOUNCE_MS);
    debounce.unref();
  };
  const sync = (): void => {
    if (stopped) return;
    const wanted = new Set(native ? options.roots : (options.folders?.() ?? options.roots));
    for (const [folder, watcher] of watchers) {
      if (wanted.has(folder)) continue;
      watcher.close();
      watchers.delete(folder);
    }
    for (const folder of wanted) {
      if (!watchers.has(folder)) open(folder, native, onEvent, watchers);
    }
  };
  function run(): void {
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
        sync();
        if (again) {
          again = false;
          run();
        }
      });
  }
  sync();
  const poll = setInterval(run, options.pollMs);
  poll.unref();
  return () => {
    stopped = true;
    clearInterval(poll);
    if (debounce !== null) clearTimeout(debounce);
    for (const watcher of watchers.values()) watcher.close();
    watchers.clear();
  };
}

function open(
  folder: string,
  recursive: boolean,
  onEvent: () => void,
  watchers: Map<string, FSWatcher>,
): void {
  try {
    const watcher = watch(folder, { recursive, persistent: false }, onEvent);
    watcher.on('error', () => {
      watcher.close();
      watchers.delete(folder);
    });
    watchers.set(folder, watcher);
  } catch {
    // No watcher (missing folder, limits): the periodic check covers it.
  }
}

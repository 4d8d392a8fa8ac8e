import type { PriceTable } from '../../../../shared/domain/logs/prices';
import type { PathEnv } from '../../platform/paths';
import { logsIndexPath, logsRoots } from './logs-paths';
import { createLogsReader, type LogsReader, type LogsReaderOptions } from './reader';
import { bundledWorkerScript } from './scan-pool';

/** A reader over this machine's transcripts, and where it reads and keeps its index. */
export interface OpenedReader {
  readonly reader: LogsReader;
  readonly roots: readonly string[];
  /** Where its index lives. */
  readonly indexPath: string;
}

/**
 * The reader the CLI and the app use: roots from `CLAUDE_CONFIG_DIR` (else `~/.claude` and
 * `~/.config/claude`), the index in the data dir, and the bundled worker thread for large scans.
 * The caller chooses the prices: a command awaits the day's refresh (`commandPrices`), the
 * long-lived monitor starts from disk and refreshes afterwards (`livePrices`).
 */
export function openLogsReader(
  env: PathEnv,
  options: Partial<
    Pick<
      LogsReaderOptions,
      'persistDelayMs' | 'pollMs' | 'threads' | 'clock' | 'readOnCallingThread'
    >
  > & { readonly prices: PriceTable },
): OpenedReader {
  const roots = logsRoots(env);
  const indexPath = logsIndexPath(env, roots);
  const reader = createLogsReader({
    roots,
    indexPath,
    workerScript: bundledWorkerScript(),
    ...options,
  });
  return { reader, roots, indexPath };
}

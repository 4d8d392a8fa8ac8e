import type { PathEnv } from '../../platform/paths';
import { logsIndexPath, logsRoots, pricesPath } from './logs-paths';
import { loadPriceTable } from './price-file';
import { createLogsReader, type LogsReader, type LogsReaderOptions } from './reader';
import { bundledWorkerScript } from './scan-pool';

/** A reader over this machine's transcripts, and what the composition found on the way. */
export interface OpenedReader {
  readonly reader: LogsReader;
  readonly roots: readonly string[];
  /** A sentence about an unusable `prices.json`, or null. */
  readonly priceProblem: string | null;
}

/**
 * The reader the CLI and the app use: roots from `CLAUDE_CONFIG_DIR` (else `~/.claude` and
 * `~/.config/claude`), the index in the data dir, prices with the user's updates, and the
 * bundled worker thread for large scans.
 */
export function openLogsReader(
  env: PathEnv,
  options: Partial<Pick<LogsReaderOptions, 'persistDelayMs' | 'pollMs' | 'threads' | 'clock'>> = {},
): OpenedReader {
  const roots = logsRoots(env);
  const prices = loadPriceTable(pricesPath(env));
  const reader = createLogsReader({
    roots,
    indexPath: logsIndexPath(env, roots),
    prices: prices.table,
    workerScript: bundledWorkerScript(),
    ...options,
  });
  return { reader, roots, priceProblem: prices.problem };
}

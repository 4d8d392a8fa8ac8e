import type { PriceRow } from '../../../../shared/domain/logs/prices';
import type { PathEnv } from '../../platform/paths';
import { logsIndexPath, logsRoots, pricesPath } from './logs-paths';
import { loadPriceTable } from './price-file';
import { createLogsReader, type LogsReader, type LogsReaderOptions } from './reader';
import { bundledWorkerScript } from './scan-pool';

/** A reader over this machine's transcripts, and what the composition found on the way. */
export interface OpenedReader {
  readonly reader: LogsReader;
  readonly roots: readonly string[];
  /** Where its index lives. */
  readonly indexPath: string;
  /** The price table's rows it uses (built-in, after the user's). */
  readonly priceRows: readonly PriceRow[];
  /** A sentence about an unusable `prices.json`, or null. */
  readonly priceProblem: string | null;
}

/**
 * The reader the CLI and the app use: roots from `CLAUDE_CONFIG_DIR` (else `~/.claude` and
 * `~/.config/claude`), the index in the data dir, prices with the user's updates, and the
 * bundled worker thread for large scans.
 */
export async function openLogsReader(
  env: PathEnv,
  options: Partial<
    Pick<
      LogsReaderOptions,
      'persistDelayMs' | 'pollMs' | 'threads' | 'clock' | 'readOnCallingThread'
    >
  > = {},
): Promise<OpenedReader> {
  const roots = logsRoots(env);
  const prices = await loadPriceTable(pricesPath(env));
  const indexPath = logsIndexPath(env, roots);
  const reader = createLogsReader({
    roots,
    indexPath,
    prices: prices.table,
    workerScript: bundledWorkerScript(),
    ...options,
  });
  return { reader, roots, indexPath, priceRows: prices.table.rows, priceProblem: prices.problem };
}

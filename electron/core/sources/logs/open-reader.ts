import {
  DEFAULT_PRICE_ROWS,
  createPriceTable,
  type PriceRow,
} from '../../../../shared/domain/logs/prices';
import type { PathEnv } from '../../platform/paths';
import { logsIndexPath, logsRoots } from './logs-paths';
import { pricesPath } from '../../prices/price-paths';
import { loadPriceTable } from '../../prices/price-file';
import { refreshedPrices, type PriceRefreshDeps } from '../../prices/price-refresh';
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
  /** A sentence when the daily price refresh could not run, or null. */
  readonly refreshNote: string | null;
}

/**
 * The reader the CLI and the app use: roots from `CLAUDE_CONFIG_DIR` (else `~/.claude` and
 * `~/.config/claude`), the index in the data dir, prices with the user's updates and, unless
 * `refresh` is null (offline), the daily refresh's, and the bundled worker thread for large scans.
 */
export async function openLogsReader(
  env: PathEnv,
  options: Partial<
    Pick<
      LogsReaderOptions,
      'persistDelayMs' | 'pollMs' | 'threads' | 'clock' | 'readOnCallingThread'
    >
  > & { readonly refresh?: PriceRefreshDeps | null } = {},
): Promise<OpenedReader> {
  const { refresh = null, ...readerOptions } = options;
  const roots = logsRoots(env);
  const refreshed =
    refresh === null
      ? { rows: [], note: null }
      : await refreshedPrices(refresh, createPriceTable(DEFAULT_PRICE_ROWS));
  const prices = await loadPriceTable(pricesPath(env), refreshed.rows);
  const indexPath = logsIndexPath(env, roots);
  const reader = createLogsReader({
    roots,
    indexPath,
    prices: prices.table,
    workerScript: bundledWorkerScript(),
    ...readerOptions,
  });
  return {
    reader,
    roots,
    indexPath,
    priceRows: prices.table.rows,
    priceProblem: prices.problem,
    refreshNote: refreshed.note,
  };
}

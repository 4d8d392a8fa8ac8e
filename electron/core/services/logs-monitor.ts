import { existsSync } from 'node:fs';
import type { LogsSummary } from '../../../shared/domain/logs-summary';
import type { PriceRow } from '../../../shared/domain/logs/prices';
import type { PathEnv } from '../platform/paths';
import type { ForkScript, Logger, Timers } from '../ports';
import { nodeForkScript } from '../adapters/node-fork';
import { livePrices, type LivePrices } from '../prices/live-prices';
import type { PriceRefreshChoice } from '../prices/price-refresh-setup';
import { firstReadInChild } from '../sources/logs/first-read';
import { openLogsReader } from '../sources/logs/open-reader';
import type { LogsReader } from '../sources/logs/reader';
import { bundledWorkerScript } from '../sources/logs/scan-pool';

/** How long the index may lag behind the tree: written at most once a minute, not per append. */
const PERSIST_DELAY_MS = 60_000;

/** The long-lived local-transcript reader behind the engine's `logs` estimate. */
export interface LogsMonitor {
  /** Reads the tree (the index first), then follows it; `onChange` runs after each new read. */
  start(onChange: () => void): Promise<void>;
  /** The estimate at `now`; null before the first read finished. */
  summary(now: number): LogsSummary | null;
  stop(): void;
}

/**
 * A monitor over this machine's transcripts (CLAUDE_CONFIG_DIR, else ~/.claude, ~/.config/claude).
 * `fork` starts the first read's child (Node's fork under the command, Electron's utilityProcess
 * in the app); `priceRefresh` says how the daily price refresh runs, if at all (asked at each
 * look); `timers` schedules its looks (unref'd Node timers by default).
 */
export function createLogsMonitor(
  pathEnv: PathEnv,
  logger: Logger,
  options: {
    readonly fork?: ForkScript | undefined;
    readonly priceRefresh?: () => PriceRefreshChoice;
    readonly timers?: Timers;
  } = {},
): LogsMonitor {
  let reader: LogsReader | null = null;
  let prices: LivePrices | null = null;
  let ready = false;
  let stopWatching: (() => void) | null = null;
  return {
    async start(onChange) {
      const live = livePrices({
        env: pathEnv,
        choose: options.priceRefresh ?? (() => ({ refresh: null, problem: null })),
        logger,
        ...(options.timers === undefined ? {} : { timers: options.timers }),
      });
      prices = live;
      // The prices on disk: the first estimate never waits for the network.
      const table = await live.load();
      const opened = openLogsReader(pathEnv, { persistDelayMs: PERSIST_DELAY_MS, prices: table });
      await firstRead(options.fork ?? nodeForkScript, opened.roots, opened.indexPath, table.rows);
      reader = opened.reader;
      await reader.refresh();
      ready = true;
      for (const notice of reader.problems().notices) logger.warn(notice.message);
      stopWatching = reader.watch(onChange);
      onChange();
      // Then the day's price list, in the background and daily; new prices reprice the estimate.
      live.follow(async (next) => {
        await opened.reader.setPrices(next);
        onChange();
      });
    },
    // Days in the machine's zone, read from Date: no Intl (its data costs this process ~8 MB).
    summary: (now) => (ready && reader !== null ? reader.summary(now, null) : null),
    stop() {
      prices?.stop();
      prices = null;
      stopWatching?.();
      reader?.close();
      reader = null;
      ready = false;
    },
  };
}

/**
 * Without an index yet, the whole tree is read in a child process that writes the index and
 * exits (see first-read.ts): this long-lived process then starts from the index, its memory that
 * of the estimate rather than of reading a gigabyte. Where that cannot run, it reads in-process.
 */
async function firstRead(
  fork: ForkScript,
  roots: readonly string[],
  indexPath: string,
  priceRows: readonly PriceRow[],
): Promise<void> {
  const script = bundledWorkerScript();
  if (roots.length === 0 || script === null || existsSync(indexPath)) return;
  await firstReadInChild(fork, script, { roots, indexPath, priceRows });
}

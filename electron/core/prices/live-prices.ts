import {
  DEFAULT_PRICE_ROWS,
  createPriceTable,
  type PriceTable,
} from '../../../shared/domain/logs/prices';
import type { PathEnv } from '../platform/paths';
import type { Logger, Timers } from '../ports';
import { cachedPrices, refreshedPrices } from './price-refresh';
import {
  NO_REFRESHED_ROWS,
  pricesWith,
  type ChosenPrices,
  type PriceRefreshChoice,
} from './price-refresh-setup';

/**
 * How often a long-lived process looks whether the day's refresh is due. The refresh itself asks
 * the network at most once a day (refreshedPrices decides from the cache's wall-clock time), so
 * an hourly look costs a small file read; it keeps the day honest across sleep (a sleeping
 * machine's timers stall) and picks up lists a `pacewatch report` fetched meanwhile.
 */
export const PRICE_CHECK_EVERY_MS = 3_600_000;

/** The prices of a long-lived reader (the app, `pacewatch watch`), kept current. */
export interface LivePrices {
  /** The table from what is on disk, without the network: the last refresh's rows, prices.json. */
  load(): Promise<PriceTable>;
  /**
   * Refreshes now, in the background, then looks again every PRICE_CHECK_EVERY_MS; `apply` gets
   * each table that differs from the last one (new rows, an edited prices.json, the setting).
   */
  follow(apply: (table: PriceTable) => Promise<void>): void;
  /** Stops looking; a refresh in flight is not applied. */
  stop(): void;
}

export interface LivePricesDeps {
  readonly env: PathEnv;
  /** Asked at each look, so a change of the setting applies without a restart. */
  readonly choose: () => PriceRefreshChoice;
  readonly logger: Logger;
  /** Default: Node's, unref'd (a pending look never keeps a process alive). */
  readonly timers?: Timers;
}

/** Node's timers, unref'd. */
export const unrefTimers: Timers = {
  setTimeout(callback, ms) {
    const handle = setTimeout(callback, ms);
    handle.unref();
    return () => {
      clearTimeout(handle);
    };
  },
};

export function livePrices(deps: LivePricesDeps): LivePrices {
  const timers = deps.timers ?? unrefTimers;
  let version: string | null = null;
  let stopped = false;
  let following = false;
  let cancel: (() => void) | null = null;
  // The problems logged last time: a failure that lasts is logged once, not every hour.
  let said = new Set<string>();
  // A call, not the variable: `stop()` may run during an await, which narrowing cannot see.
  const isStopped = () => stopped;

  function report(chosen: ChosenPrices): PriceTable {
    for (const line of chosen.problems) if (!said.has(line)) deps.logger.warn(line);
    said = new Set(chosen.problems);
    return chosen.table;
  }

  async function look(apply: (table: PriceTable) => Promise<void>): Promise<void> {
    const choice = deps.choose();
    const refreshed =
      choice.refresh === null
        ? NO_REFRESHED_ROWS
        : await refreshedPrices(choice.refresh, createPriceTable(DEFAULT_PRICE_ROWS));
    // Stopped while the network or the disk answered: nothing more is logged or applied.
    if (isStopped()) return;
    const table = report(await pricesWith(deps.env, refreshed, choice.problem));
    if (isStopped() || table.version === version) return;
    version = table.version;
    await apply(table);
  }

  function schedule(apply: (table: PriceTable) => Promise<void>): void {
    cancel = timers.setTimeout(() => {
      void run(apply);
    }, PRICE_CHECK_EVERY_MS);
  }

  async function run(apply: (table: PriceTable) => Promise<void>): Promise<void> {
    cancel = null;
    try {
      await look(apply);
    } catch (error) {
      deps.logger.warn(`Model prices could not be refreshed: ${(error as Error).message}`);
    }
    if (!stopped) schedule(apply);
  }

  return {
    async load() {
      const choice = deps.choose();
      const refreshed =
        choice.refresh === null ? NO_REFRESHED_ROWS : await cachedPrices(choice.refresh);
      const table = report(await pricesWith(deps.env, refreshed, choice.problem));
      version = table.version;
      return table;
    },
    follow(apply) {
      if (stopped || following) return;
      following = true;
      void run(apply);
    },
    stop() {
      stopped = true;
      cancel?.();
      cancel = null;
    },
  };
}

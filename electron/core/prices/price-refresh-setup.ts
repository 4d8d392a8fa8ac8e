import {
  DEFAULT_PRICE_ROWS,
  createPriceTable,
  type PriceTable,
} from '../../../shared/domain/logs/prices';
import { dataDir, type PathEnv } from '../platform/paths';
import type { Clock, Http } from '../ports';
import { dataLayout } from '../stores/data-layout';
import { readSettingsReadOnly } from '../stores/read-settings';
import { loadPriceTable } from './price-file';
import { pricesPath, refreshedPricesPath } from './price-paths';
import {
  MAX_PRICE_LIST_BYTES,
  PRICE_REFRESH_TIMEOUT_MS,
  priceListUrl,
  refreshedPrices,
  type PriceRefreshDeps,
  type RefreshedPrices,
} from './price-refresh';

/** The refresh a process runs, or null when it is off; `problem` says why a bad URL turned it off. */
export interface PriceRefreshChoice {
  readonly refresh: PriceRefreshDeps | null;
  readonly problem: string | null;
}

/** A price table, and the sentences about how it was made (to print or log). */
export interface ChosenPrices {
  readonly table: PriceTable;
  readonly problems: readonly string[];
}

/** No refreshed rows: the refresh is off. */
export const NO_REFRESHED_ROWS: RefreshedPrices = { rows: [], note: null };

/**
 * The refresh a process runs, or null when the setting `sources.logs.refreshPrices` or
 * `PACEWATCH_OFFLINE=1` turns it off; `problem` says why a bad `PACEWATCH_PRICES_URL` turned it
 * off. `httpFor` gets the list's origin: the app passes its own network (the system proxy).
 */
export function priceRefreshFor(
  env: PathEnv,
  setting: boolean,
  clock: Clock = { now: () => Date.now() },
  httpFor: (origin: string) => Http = lazyNodeHttp,
): PriceRefreshChoice {
  if (!setting) return { refresh: null, problem: null };
  const source = priceListUrl(env.env);
  if (!source.ok) return { refresh: null, problem: `${source.message} Prices are not refreshed.` };
  if (source.url === null) return { refresh: null, problem: null };
  return {
    refresh: {
      http: httpFor(new URL(source.url).origin),
      clock,
      url: source.url,
      cachePath: refreshedPricesPath(env),
      timeoutMs: PRICE_REFRESH_TIMEOUT_MS,
    },
    problem: null,
  };
}

/**
 * The prices of `report` and `advise`: a one-shot run wants today's, so the day's refresh is
 * awaited before reading, unless `--offline` or the setting turns it off.
 */
export async function commandPrices(env: PathEnv, offline: boolean): Promise<ChosenPrices> {
  // --offline: settings.json is not even read.
  const chosen = offline
    ? { refresh: null, problem: null }
    : priceRefreshFor(env, await refreshSetting(env));
  const refreshed =
    chosen.refresh === null
      ? NO_REFRESHED_ROWS
      : await refreshedPrices(chosen.refresh, createPriceTable(DEFAULT_PRICE_ROWS));
  return pricesWith(env, refreshed, chosen.problem);
}

/**
 * The table over refreshed rows and the user's `prices.json` (see loadPriceTable); its problems
 * in the order a user reads them: the setup's, the file's, then the refresh's note.
 */
export async function pricesWith(
  env: PathEnv,
  refreshed: RefreshedPrices,
  setupProblem: string | null = null,
): Promise<ChosenPrices> {
  const loaded = await loadPriceTable(pricesPath(env), refreshed.rows);
  return {
    table: loaded.table,
    problems: [setupProblem, loaded.problem, refreshed.note].filter((line) => line !== null),
  };
}

/**
 * Node's HTTP stack for the price list, loaded on the first request: most runs find the day's
 * list on disk and never ask the network, and loading `https` and its proxy agent costs a
 * command run ~20 ms.
 */
function lazyNodeHttp(origin: string): Http {
  let http: Promise<Http> | null = null;
  return {
    async request(req) {
      http ??= import('../adapters/node-http').then(({ createNodeHttp }) =>
        createNodeHttp({ allowedOrigins: [origin], maxBodyBytes: MAX_PRICE_LIST_BYTES }),
      );
      return (await http).request(req);
    },
  };
}

/** The setting as the command reads it from settings.json, read-only (`readSettingsReadOnly`). */
export async function refreshSetting(env: PathEnv): Promise<boolean> {
  const settings = await readSettingsReadOnly(dataLayout(dataDir(env)).settings);
  return settings.sources.logs.refreshPrices;
}

import { dataDir, type PathEnv } from '../platform/paths';
import type { Clock, Http } from '../ports';
import { dataLayout } from '../stores/data-layout';
import { readSettingsReadOnly } from '../stores/read-settings';
import { refreshedPricesPath } from './price-paths';
import {
  MAX_PRICE_LIST_BYTES,
  PRICE_REFRESH_TIMEOUT_MS,
  priceListUrl,
  type PriceRefreshDeps,
} from './price-refresh';

/** What turns the refresh off, besides `PACEWATCH_OFFLINE=1`. */
export interface RefreshChoice {
  /** `--offline`. */
  readonly offline: boolean;
  /** The setting `sources.logs.refreshPrices`. */
  readonly setting: boolean;
}

/**
 * The refresh a process runs, or null when `--offline`, the setting or `PACEWATCH_OFFLINE=1`
 * turns it off; `problem` says why a bad `PACEWATCH_PRICES_URL` turned it off.
 */
export function priceRefreshFor(
  env: PathEnv,
  choice: RefreshChoice,
  clock: Clock = { now: () => Date.now() },
  httpFor: (origin: string) => Http = lazyNodeHttp,
): { refresh: PriceRefreshDeps | null; problem: string | null } {
  if (choice.offline || !choice.setting) return { refresh: null, problem: null };
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

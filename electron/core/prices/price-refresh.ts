import { z } from 'zod';
import type { PriceRow, PriceTable } from '../../../shared/domain/logs/prices';
import { checkOverride } from '../platform/endpoints';
import type { Clock, Http } from '../ports';
import { jsonStore } from '../stores/json-store';
import { PRICE_CACHE_FORMAT } from '../stores/stored-formats';
import { litellmRows } from './litellm-prices';
import { priceRowsSchema, stripUndefined } from './price-schema';

/** LiteLLM's price list, the one ccusage reads (docs/PROTOCOLS.md "Price refresh"). */
export const DEFAULT_PRICES_URL =
  'https://raw.githubusercontent.com/BerriAI/litellm/main/model_prices_and_context_window.json';
/** The list is fetched at most this often, successful or not. */
export const REFRESH_EVERY_MS = 24 * 3_600_000;
/** The list is about 1.5 MB; an answer past this is cut off unread and not used. */
export const MAX_PRICE_LIST_BYTES = 8 * 1024 * 1024;
export const PRICE_REFRESH_TIMEOUT_MS = 15_000;

/** What one refresh needs. */
export interface PriceRefreshDeps {
  /** Allow-listed to the list's origin, body bounded by MAX_PRICE_LIST_BYTES. */
  readonly http: Http;
  readonly clock: Clock;
  readonly url: string;
  readonly cachePath: string;
  readonly timeoutMs: number;
}

const cacheSchema = z.object({
  url: z.string(),
  /** epoch ms of the last good answer; null before one. */
  fetchedAt: z.number().nullable(),
  /** epoch ms of the last attempt, good or not. */
  attemptedAt: z.number(),
  rows: priceRowsSchema,
});
type PriceCache = z.output<typeof cacheSchema>;

const emptyCache = (): PriceCache => ({ url: '', fetchedAt: null, attemptedAt: 0, rows: [] });

/**
 * Where the price list comes from: `PACEWATCH_PRICES_URL` (https, or http on this machine) or
 * LiteLLM's; null when `PACEWATCH_OFFLINE=1` turns the refresh off.
 */
export function priceListUrl(
  env: NodeJS.ProcessEnv,
): { ok: true; url: string | null } | { ok: false; message: string } {
  if (env.PACEWATCH_OFFLINE?.trim() === '1') return { ok: true, url: null };
  const raw = env.PACEWATCH_PRICES_URL?.trim();
  if (!raw) return { ok: true, url: DEFAULT_PRICES_URL };
  const checked = checkOverride('PACEWATCH_PRICES_URL', raw);
  return checked.ok ? { ok: true, url: checked.url } : checked;
}

/** The rows a refresh adds to the price table, and a sentence when it could not refresh. */
export interface RefreshedPrices {
  readonly rows: readonly PriceRow[];
  readonly note: string | null;
}

/**
 * The refreshed rows: from the cache in the data dir when it was tried less than a day ago,
 * else fetched, validated and cached. On any fault (no answer, an error status, a body too
 * large, not a price list) the last good rows stay, else none (the built-in table alone), and
 * the note says what happened and what to do.
 */
export async function refreshedPrices(
  deps: PriceRefreshDeps,
  builtIn: PriceTable,
): Promise<RefreshedPrices> {
  const { store, loaded, kept } = await openCache(deps);
  const cache = loaded.value;
  const now = deps.clock.now();
  const age = now - cache.attemptedAt;
  if (cache.url === deps.url && age >= 0 && age < REFRESH_EVERY_MS) {
    return { rows: kept, note: loaded.problem };
  }
  const fetched = await fetchRows(deps, builtIn);
  if (typeof fetched !== 'string') {
    const rows = stored(fetched);
    await store.save({ url: deps.url, fetchedAt: now, attemptedAt: now, rows });
    // The rows as the cache reads them back: the same table, hence the same price version, on
    // this run and the next (a version that changed would reprice the whole index).
    return { rows: stripUndefined(rows), note: null };
  }
  const fetchedAt = cache.url === deps.url ? cache.fetchedAt : null;
  await store.save({ url: deps.url, fetchedAt, attemptedAt: now, rows: stored(kept) });
  const using =
    fetchedAt === null || kept.length === 0
      ? 'the built-in prices are used'
      : `the prices refreshed on ${new Date(fetchedAt).toISOString().slice(0, 10)} and the built-in ones are used`;
  return {
    rows: kept,
    note: `could not refresh model prices from ${new URL(deps.url).host} (${fetched}): ${using}; Pacewatch tries again in a day (--offline skips it).`,
  };
}

/**
 * The rows the last refresh cached for this list, without asking the network, however old: a
 * long-lived process starts its estimate with these and refreshes afterwards (see live-prices.ts).
 */
export async function cachedPrices(
  deps: Pick<PriceRefreshDeps, 'url' | 'cachePath'>,
): Promise<RefreshedPrices> {
  const { loaded, kept } = await openCache(deps);
  return { rows: kept, note: loaded.problem };
}

/** The cache file, and its rows when they came from this list (another URL's do not count). */
async function openCache(deps: Pick<PriceRefreshDeps, 'url' | 'cachePath'>) {
  const store = jsonStore(deps.cachePath, cacheSchema, emptyCache, PRICE_CACHE_FORMAT);
  const loaded = await store.load();
  const kept = loaded.value.url === deps.url ? stripUndefined(loaded.value.rows) : [];
  return { store, loaded, kept };
}

/** Rows as the cache file holds them (plain arrays). */
function stored(rows: readonly PriceRow[]): PriceCache['rows'] {
  return rows.map((row) => ({ ...row, models: [...row.models] }));
}

/** The list's usable rows, or why there are none. */
async function fetchRows(
  deps: PriceRefreshDeps,
  builtIn: PriceTable,
): Promise<PriceRow[] | string> {
  const result = await deps.http.request({
    url: deps.url,
    headers: { Accept: 'application/json' },
    timeoutMs: deps.timeoutMs,
  });
  if (!result.ok) {
    const { failure } = result;
    return failure.kind === 'too-large'
      ? `the answer was too large, ${failure.message}`
      : failure.message;
  }
  if (result.response.status !== 200) return `the server answered ${result.response.status}`;
  const rows = litellmRows(result.response.body, builtIn);
  return typeof rows === 'string' ? `the answer is ${rows}` : rows;
}

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_PRICE_ROWS, createPriceTable } from '../../../../shared/domain/logs/prices';
import { createNodeHttp } from '../../../../electron/core/adapters/node-http';
import {
  REFRESH_EVERY_MS,
  cachedPrices,
  priceListUrl,
  refreshedPrices,
  type PriceRefreshDeps,
} from '../../../../electron/core/prices/price-refresh';
import { litellmEntry, startFakePriceList, type FakePriceList } from '../../../fakes/price-list';
import { useTempDir } from '../../../support/temp-dir';

const tempDir = useTempDir('pacewatch-price-refresh-');
const builtIn = createPriceTable(DEFAULT_PRICE_ROWS);
const T0 = Date.UTC(2026, 11, 5, 9, 0, 0);
const lists: FakePriceList[] = [];
afterEach(async () => {
  await Promise.all(lists.splice(0).map((list) => list.close()));
});

/** A LiteLLM-shaped list: one new Claude model, one the built-in table knows, and noise. */
const LIST = {
  sample_spec: { input_cost_per_token: 'price per token', litellm_provider: 'one of …' },
  'claude-opus-6': litellmEntry(6, 30, {
    cache_creation_input_token_cost: 7.5e-6,
    cache_creation_input_token_cost_above_1hr: 12e-6,
    cache_read_input_token_cost: 0.3e-6,
  }),
  'claude-opus-6-20261201': litellmEntry(6, 30),
  'claude-sonnet-6': litellmEntry(3, 15, {
    input_cost_per_token_above_200k_tokens: 6e-6,
    output_cost_per_token_above_200k_tokens: 22.5e-6,
  }),
  // Known to the built-in table: its dated rows stay authoritative.
  'claude-sonnet-5-5': litellmEntry(99, 99),
  // Another provider's copy, and entries that do not validate: skipped.
  'bedrock/anthropic.claude-opus-7': { ...litellmEntry(6, 30), litellm_provider: 'bedrock' },
  'claude-broken-1': litellmEntry(-1, 5),
  'claude-absurd-1': litellmEntry(5_000, 5),
  'gpt-9': { ...litellmEntry(1, 2), litellm_provider: 'openai' },
};

const OPUS_6 = {
  models: ['claude-opus-6'],
  price: {
    input: { perMillion: 6 },
    output: { perMillion: 30 },
    cacheWrite5m: { perMillion: 7.5 },
    cacheWrite1h: { perMillion: 12 },
    cacheRead: { perMillion: 0.3 },
    fastMultiplier: 1,
  },
};
const SONNET_6 = {
  models: ['claude-sonnet-6'],
  price: {
    input: { perMillion: 3, abovePerMillion: 6 },
    output: { perMillion: 15, abovePerMillion: 22.5 },
    cacheWrite5m: { perMillion: 3.75 },
    cacheWrite1h: { perMillion: 6 },
    cacheRead: { perMillion: 0.3 },
    fastMultiplier: 1,
  },
};

async function setup(): Promise<{
  list: FakePriceList;
  deps: (now: number, overrides?: Partial<PriceRefreshDeps>) => PriceRefreshDeps;
  cachePath: string;
}> {
  const list = await startFakePriceList();
  lists.push(list);
  const cachePath = join(tempDir(), 'prices-refreshed.json');
  const http = createNodeHttp({ allowedOrigins: [new URL(list.url).origin], maxBodyBytes: 64_000 });
  return {
    list,
    cachePath,
    deps: (now, overrides = {}) => ({
      http,
      clock: { now: () => now },
      url: list.url,
      cachePath,
      timeoutMs: 5_000,
      ...overrides,
    }),
  };
}

describe('daily price refresh against a loopback price list', () => {
  it('adds the Claude models the built-in table lacks, validated entry by entry, and caches them', async () => {
    const { list, deps, cachePath } = await setup();
    list.reply({ kind: 'json', body: LIST });
    expect(await refreshedPrices(deps(T0), builtIn)).toEqual({
      rows: [OPUS_6, SONNET_6],
      note: null,
    });
    expect(list.requests).toBe(1);
    expect(JSON.parse(readFileSync(cachePath, 'utf8'))).toMatchObject({
      url: list.url,
      fetchedAt: T0,
      attemptedAt: T0,
      rows: [OPUS_6, SONNET_6],
    });
  });

  it('asks at most once a day: fresh within 24 h from the cache, stale after', async () => {
    const { list, deps } = await setup();
    list.reply({ kind: 'json', body: LIST });
    await refreshedPrices(deps(T0), builtIn);
    list.reply({ kind: 'json', body: { 'claude-opus-6': litellmEntry(5, 25) } });
    const fresh = await refreshedPrices(deps(T0 + REFRESH_EVERY_MS - 1), builtIn);
    expect([list.requests, fresh.rows]).toEqual([1, [OPUS_6, SONNET_6]]);
    const stale = await refreshedPrices(deps(T0 + REFRESH_EVERY_MS), builtIn);
    expect(list.requests).toBe(2);
    expect(stale.rows.map((row) => [row.models[0], row.price.input.perMillion])).toEqual([
      ['claude-opus-6', 5],
    ]);
  });

  it('reads the cached rows without the network, however old, as the fetch returned them', async () => {
    const { list, deps } = await setup();
    expect(await cachedPrices(deps(T0))).toEqual({ rows: [], note: null });
    list.reply({ kind: 'json', body: LIST });
    const fetched = await refreshedPrices(deps(T0), builtIn);
    const cached = await cachedPrices(deps(T0 + 10 * REFRESH_EVERY_MS));
    expect([list.requests, cached]).toEqual([1, { rows: [OPUS_6, SONNET_6], note: null }]);
    // The same table either way, so a long-lived reader is not repriced for nothing.
    expect(createPriceTable(cached.rows).version).toBe(createPriceTable(fetched.rows).version);
    // Another list's rows are not this one's.
    expect(await cachedPrices(deps(T0, { url: `${list.url}?other` }))).toEqual({
      rows: [],
      note: null,
    });
  });

  it.each([
    [
      'malformed',
      { kind: 'raw', status: 200, body: '{"claude-opus-6": ' } as const,
      'the answer is not JSON',
    ],
    [
      'not a list',
      { kind: 'json', body: [1, 2] } as const,
      'the answer is not a JSON object of models',
    ],
    [
      'an error status',
      { kind: 'raw', status: 503, body: 'busy' } as const,
      'the server answered 503',
    ],
    [
      'oversized',
      { kind: 'raw', status: 200, body: `{"pad":"${'x'.repeat(70_000)}"}` } as const,
      'the answer was too large, over 64000 bytes',
    ],
  ])(
    'keeps the last good rows and says so when the answer is %s; tries again only a day later',
    async (_case, reply, reason) => {
      const { list, deps } = await setup();
      list.reply({ kind: 'json', body: LIST });
      await refreshedPrices(deps(T0), builtIn);
      list.reply(reply);
      const later = T0 + REFRESH_EVERY_MS;
      expect(await refreshedPrices(deps(later), builtIn)).toEqual({
        rows: [OPUS_6, SONNET_6],
        note: `could not refresh model prices from ${new URL(list.url).host} (${reason}): the prices refreshed on 2026-12-05 and the built-in ones are used; Pacewatch tries again in a day (--offline skips it).`,
      });
      expect(await refreshedPrices(deps(later + 60_000), builtIn)).toEqual({
        rows: [OPUS_6, SONNET_6],
        note: null,
      });
      expect(list.requests).toBe(2);
    },
  );

  it('falls back to the built-in table alone when the first try times out', async () => {
    const { list, deps } = await setup();
    list.reply({ kind: 'hang' });
    expect(await refreshedPrices(deps(T0, { timeoutMs: 200 }), builtIn)).toEqual({
      rows: [],
      note: `could not refresh model prices from ${new URL(list.url).host} (no answer within 200 ms): the built-in prices are used; Pacewatch tries again in a day (--offline skips it).`,
    });
  });

  it('falls back when nothing listens there', async () => {
    const { list, deps, cachePath } = await setup();
    const url = list.url;
    await list.close();
    lists.splice(lists.indexOf(list), 1);
    const result = await refreshedPrices(deps(T0, { url }), builtIn);
    expect(result.rows).toEqual([]);
    expect(result.note).toMatch(
      /^could not refresh model prices from 127\.0\.0\.1:\d+ \(.+\): the built-in prices are used; Pacewatch tries again in a day \(--offline skips it\)\.$/,
    );
    expect(existsSync(cachePath)).toBe(true);
  });

  it('reads where the list comes from: LiteLLM, an override, or nowhere when offline', () => {
    expect(priceListUrl({})).toEqual({
      ok: true,
      url: 'https://raw.githubusercontent.com/BerriAI/litellm/main/model_prices_and_context_window.json',
    });
    expect(priceListUrl({ PACEWATCH_PRICES_URL: 'http://127.0.0.1:9/p.json' })).toEqual({
      ok: true,
      url: 'http://127.0.0.1:9/p.json',
    });
    expect(priceListUrl({ PACEWATCH_OFFLINE: '1', PACEWATCH_PRICES_URL: 'x' })).toEqual({
      ok: true,
      url: null,
    });
    expect(priceListUrl({ PACEWATCH_PRICES_URL: 'http://prices.example/p.json' })).toEqual({
      ok: false,
      message:
        'PACEWATCH_PRICES_URL must be an https:// URL, or an http:// URL on this machine (127.0.0.1, ::1 or localhost); got http://prices.example. Fix it, or unset it.',
    });
  });
});

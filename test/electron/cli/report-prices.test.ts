import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { litellmEntry, startFakePriceList, type FakePriceList } from '../../fakes/price-list';
import { assistantText, transcript } from '../../fakes/transcripts/line-factory';
import { baseEnv, runCli } from '../../support/cli';
import { useTempDir } from '../../support/temp-dir';

const tempDir = useTempDir('pacewatch-report-prices-');
const lists: FakePriceList[] = [];
afterEach(async () => {
  await Promise.all(lists.splice(0).map((list) => list.close()));
});

interface Totals {
  totalCost: number;
  costIsLowerBound?: true;
  unpricedTokens?: Record<string, number>;
}

/** One Opus 6 response (a model only the refreshed list prices) and a loopback price list. */
async function machine(): Promise<{ env: NodeJS.ProcessEnv; data: string; list: FakePriceList }> {
  const root = tempDir();
  const projects = join(root, 'claude', 'projects', '-home-dev-api');
  mkdirSync(projects, { recursive: true });
  writeFileSync(
    join(projects, 's1.jsonl'),
    transcript(
      assistantText({
        messageId: 'msg_a',
        requestId: 'req_a',
        at: '2026-12-04T10:00:00.000Z',
        model: 'claude-opus-6',
        input: 1_000,
        output: 2_000,
      }),
    ),
  );
  const list = await startFakePriceList();
  lists.push(list);
  list.reply({ kind: 'json', body: { 'claude-opus-6': litellmEntry(6, 30) } });
  const data = join(root, 'data');
  const { PACEWATCH_OFFLINE: _offline, ...online } = baseEnv();
  return {
    env: {
      ...online,
      HOME: root,
      CLAUDE_CONFIG_DIR: join(root, 'claude'),
      PACEWATCH_DATA_DIR: data,
      PACEWATCH_PRICES_URL: list.url,
    },
    data,
    list,
  };
}

async function totals(args: string[], env: NodeJS.ProcessEnv): Promise<[Totals, string]> {
  const run = await runCli(['report', 'daily', '--json', ...args], { env });
  expect(run.code).toBe(0);
  const json = JSON.parse(run.stdout) as { totals: Totals };
  return [{ ...json.totals, totalCost: Math.round(json.totals.totalCost * 1e9) / 1e9 }, run.stderr];
}

describe('report prices with the daily refresh (loopback price list)', () => {
  it('prices a model only the refreshed list knows, and recomputes stored costs when the list changes', async () => {
    const { env, data, list } = await machine();
    // 1,000 × $6 + 2,000 × $30 per million.
    expect(await totals([], env)).toMatchObject([{ totalCost: 0.066 }, '']);
    expect(list.requests).toBe(1);
    // The same day: the cache answers, the list is not asked again.
    expect(await totals([], env)).toMatchObject([{ totalCost: 0.066 }, '']);
    expect(list.requests).toBe(1);
    // A day later (the cache's last try moved back) the list has a new price.
    const cachePath = join(data, 'prices-refreshed.json');
    const cache = JSON.parse(readFileSync(cachePath, 'utf8')) as Record<string, unknown>;
    writeFileSync(cachePath, JSON.stringify({ ...cache, attemptedAt: 0 }));
    list.reply({ kind: 'json', body: { 'claude-opus-6': litellmEntry(5, 25) } });
    expect(await totals([], env)).toMatchObject([{ totalCost: 0.055 }, '']);
    expect(list.requests).toBe(2);
  });

  it('--offline and the setting leave the list alone: the model is unpriced, the cost a lower bound', async () => {
    const { env, data, list } = await machine();
    const unpriced = {
      totalCost: 0,
      costIsLowerBound: true,
      unpricedTokens: { 'claude-opus-6': 3_000 },
    };
    expect((await totals(['--offline'], env))[0]).toEqual(expect.objectContaining(unpriced));
    mkdirSync(data, { recursive: true });
    writeFileSync(
      join(data, 'settings.json'),
      JSON.stringify({ sources: { logs: { refreshPrices: false } } }),
    );
    expect((await totals([], env))[0]).toEqual(expect.objectContaining(unpriced));
    expect(list.requests).toBe(0);
  });

  it('reads the setting without touching a damaged settings.json, and refreshes as by default', async () => {
    const { env, data, list } = await machine();
    mkdirSync(data, { recursive: true });
    writeFileSync(join(data, 'settings.json'), '{ "sources": ');
    expect((await totals([], env))[0]).toMatchObject({ totalCost: 0.066 });
    expect(list.requests).toBe(1);
    expect(readFileSync(join(data, 'settings.json'), 'utf8')).toBe('{ "sources": ');
  });

  it('says why the refresh failed and falls back to the built-in prices', async () => {
    const { env, list } = await machine();
    list.reply({ kind: 'raw', status: 200, body: '<html>rate limited</html>' });
    const [sums, stderr] = await totals([], env);
    expect(sums).toEqual(expect.objectContaining({ totalCost: 0, costIsLowerBound: true }));
    expect(stderr.split('\n')[0]).toBe(
      `pacewatch: could not refresh model prices from ${new URL(list.url).host} (the answer is not JSON): the built-in prices are used; Pacewatch tries again in a day (--offline skips it).`,
    );
  });
});

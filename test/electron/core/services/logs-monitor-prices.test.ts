import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Http } from '../../../../electron/core/ports';
import { PRICE_CHECK_EVERY_MS } from '../../../../electron/core/prices/live-prices';
import { refreshedPricesPath } from '../../../../electron/core/prices/price-paths';
import { REFRESH_EVERY_MS } from '../../../../electron/core/prices/price-refresh';
import { priceRefreshFor } from '../../../../electron/core/prices/price-refresh-setup';
import { createLogsMonitor } from '../../../../electron/core/services/logs-monitor';
import { PRICE_CACHE_FORMAT } from '../../../../electron/core/stores/stored-formats';
import { litellmEntry } from '../../../fakes/price-list';
import { assistantText, transcript } from '../../../fakes/transcripts/line-factory';
import { fakeTimers } from '../../../support/fake-timers';
import { recordingLogger } from '../../../support/recording-logger';
import { useTempDir } from '../../../support/temp-dir';

const tempDir = useTempDir('pacewatch-monitor-prices-');
/** Never contacted: every request goes to the fake Http below. */
const LIST_URL = 'http://127.0.0.1:9/model_prices.json';

/** A machine with one Opus 6 response (a model only the refreshed list prices) ten minutes ago. */
function machine(now: number) {
  const root = tempDir();
  const project = join(root, 'claude', 'projects', '-home-dev-api');
  mkdirSync(project, { recursive: true });
  writeFileSync(
    join(project, 's1.jsonl'),
    transcript(
      assistantText({
        messageId: 'msg_a',
        requestId: 'req_a',
        at: new Date(now - 10 * 60_000).toISOString(),
        model: 'claude-opus-6',
        input: 1_000,
        output: 2_000,
      }),
    ),
  );
  const env = {
    CLAUDE_CONFIG_DIR: join(root, 'claude'),
    PACEWATCH_DATA_DIR: join(root, 'data'),
    PACEWATCH_PRICES_URL: LIST_URL,
  };
  return { env, platform: process.platform, home: root };
}

/** An Http that answers what `answer` says (or never), counting the requests. */
function fakeListHttp(answer: () => Promise<unknown>): Http & { urls: string[] } {
  const urls: string[] = [];
  return {
    urls,
    async request(req) {
      urls.push(req.url);
      const body = JSON.stringify(await answer());
      return { ok: true, response: { status: 200, header: () => null, body } };
    },
  };
}

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`not within 5 s: ${what}`);
}

describe('the long-lived monitor and the daily price refresh', () => {
  it('gives its first estimate with the prices on disk while the list never answers', async () => {
    const now = Date.now();
    const pathEnv = machine(now);
    // Yesterday's list, on disk and due again: $6 in, $30 out per million for Opus 6.
    mkdirSync(pathEnv.env.PACEWATCH_DATA_DIR, { recursive: true });
    writeFileSync(
      refreshedPricesPath(pathEnv),
      JSON.stringify({
        version: PRICE_CACHE_FORMAT.current,
        url: LIST_URL,
        fetchedAt: now - REFRESH_EVERY_MS,
        attemptedAt: now - REFRESH_EVERY_MS,
        rows: [
          {
            models: ['claude-opus-6'],
            price: {
              input: { perMillion: 6 },
              output: { perMillion: 30 },
              cacheWrite5m: { perMillion: 7.5 },
              cacheWrite1h: { perMillion: 12 },
              cacheRead: { perMillion: 0.6 },
              fastMultiplier: 1,
            },
          },
        ],
      }),
    );
    const hanging = fakeListHttp(() => new Promise(() => {}));
    const logger = recordingLogger();
    const monitor = createLogsMonitor(pathEnv, logger, {
      priceRefresh: () => priceRefreshFor(pathEnv, true, { now: () => now }, () => hanging),
      timers: fakeTimers(),
    });
    let changes = 0;
    await monitor.start(() => (changes += 1));
    // 1,000 × $6 + 2,000 × $30 per million; the list was asked, and has not answered.
    expect(monitor.summary(now)?.today.costUsd).toBeCloseTo(0.066, 10);
    expect(changes).toBe(1);
    await until(() => hanging.urls.length === 1, 'the background refresh asks the list');
    expect(hanging.urls).toEqual([LIST_URL]);
    expect(logger.lines).toEqual([]);
    monitor.stop();
  });

  it('reprices the estimate when the list answers, and again when a day later it changed', async () => {
    const now = Date.now();
    let clock = now;
    const pathEnv = machine(now);
    let list: unknown = { 'claude-opus-6': litellmEntry(6, 30) };
    const http = fakeListHttp(() => Promise.resolve(list));
    const origins: string[] = [];
    const timers = fakeTimers();
    const monitor = createLogsMonitor(pathEnv, recordingLogger(), {
      priceRefresh: () =>
        priceRefreshFor(pathEnv, true, { now: () => clock }, (origin) => {
          origins.push(origin);
          return http;
        }),
      timers,
    });
    const costs: number[] = [];
    await monitor.start(() => costs.push(monitor.summary(now)?.today.costUsd ?? NaN));
    // First with the built-in table (Opus 6 unpriced), then with the list's prices.
    await until(() => costs.length === 2, 'the refreshed prices reach the estimate');
    expect(costs[0]).toBe(0);
    expect(costs[1]).toBeCloseTo(0.066, 10);
    expect(http.urls).toEqual([LIST_URL]);
    expect(timers.delays).toEqual([PRICE_CHECK_EVERY_MS]);

    // An hour later the day's list is still fresh: no request, nothing changes.
    clock = now + PRICE_CHECK_EVERY_MS;
    timers.fire();
    await until(() => timers.delays.length === 2, 'the next look is scheduled');
    expect(http.urls).toEqual([LIST_URL]);
    expect(costs.length).toBe(2);

    // A day after the first try the list is asked again; its new price reprices what was read.
    list = { 'claude-opus-6': litellmEntry(5, 25) };
    clock = now + REFRESH_EVERY_MS;
    timers.fire();
    await until(() => costs.length === 3, 'the next day’s prices reach the estimate');
    expect(costs[2]).toBeCloseTo(0.055, 10);
    expect(http.urls).toEqual([LIST_URL, LIST_URL]);
    // The choice is made at each look (start, first refresh, an hour, a day): the setting applies.
    expect(origins).toEqual(Array.from({ length: 4 }, () => 'http://127.0.0.1:9'));

    monitor.stop();
    expect(timers.pending()).toBe(0);
  });
});

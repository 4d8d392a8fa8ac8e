import { afterEach, describe, expect, it } from 'vitest';
import { createNodeHttp } from '../../electron/core/adapters/node-http';
import { createUsageRefresher } from '../../electron/core/services/usage-refresher';
import type { ClaudeCredentialReader } from '../../electron/core/sources/oauth/claude-credentials';
import { EXPIRED_MESSAGE } from '../../electron/core/sources/oauth/messages';
import { createOAuthSource } from '../../electron/core/sources/oauth/oauth-source';
import { dataLayout } from '../../electron/core/stores/data-layout';
import { pollPolicy } from '../../shared/domain/poll-policy';
import { Secret } from '../../shared/domain/secret';
import { FAKE_OAUTH_TOKEN, startFakeAnthropic, type FakeAnthropic } from '../fakes/anthropic-api';
import { useTempDir } from '../support/temp-dir';

// Defect 10 of the fault audit: a forward clock jump past the token's expiry halted polling for
// good, even after the clock came back, until the credential file changed. The expiry is judged
// on this machine's clock, so the halt it causes now re-arms when the clock comes back.

const MIN = 60_000;
const T0 = Date.UTC(2026, 11, 5, 9, 0, 0);
const EXPIRES_AT = T0 + 60 * MIN;
const tempDir = useTempDir('pacewatch-clock-');
const apis: FakeAnthropic[] = [];
afterEach(async () => {
  await Promise.all(apis.splice(0).map((api) => api.close()));
});

/** A login that expires at EXPIRES_AT and never changes on disk. */
const login: ClaudeCredentialReader = {
  stamp: () => Promise.resolve('/home/u/.claude/.credentials.json:1700000000000:400'),
  read: () =>
    Promise.resolve({
      ok: true,
      credential: {
        token: new Secret(FAKE_OAUTH_TOKEN),
        expiresAt: EXPIRES_AT,
        subscriptionType: 'max',
        rateLimitTier: null,
        scopes: ['user:profile'],
        origin: 'a credentials file',
      },
    }),
};

/** One process of Pacewatch: its own source (nothing in memory), the shared data dir, a fake clock. */
function processAt(dir: string, api: FakeAnthropic, clock: { now: () => number }) {
  const http = createNodeHttp({ allowedOrigins: [api.url] });
  const source = createOAuthSource({
    http,
    baseUrl: api.url,
    clock,
    timeoutMs: 10_000,
    credentials: login,
  });
  const refresher = createUsageRefresher({
    layout: dataLayout(dir),
    clock,
    random: () => 0.5,
    policyFor: () => pollPolicy(5 * MIN, true),
    lockWaitMs: 10_000,
  });
  return { source, refresher };
}

const DAY = 24 * 60 * MIN;
// A day ahead: the halting attempt then lies in the future of the clock that came back.
const FAR = { startAt: T0 + 10 * MIN, jumpTo: T0 + DAY, backTo: T0 + 16 * MIN };
// Seconds past the expiry: the halting attempt is then no later than a minute after the clock that
// came back, so nothing looks "in the future" and only the expiry itself can re-arm polling.
const NEAR = { startAt: T0 + 50 * MIN, jumpTo: EXPIRES_AT + 30_000, backTo: EXPIRES_AT - 12_000 };

describe('a clock that jumps past the token expiry and comes back', () => {
  it.each([
    ['a day ahead, one long-running process (the app, watch)', FAR, true],
    ['a day ahead, a new process each time (status)', FAR, false],
    ['seconds past the expiry, one long-running process', NEAR, true],
    ['seconds past the expiry, a new process each time', NEAR, false],
  ])('polls again once the clock is back: %s', async (_name, times, sameProcess) => {
    const api = await startFakeAnthropic();
    apis.push(api);
    const dir = tempDir();
    let now = times.startAt;
    const clock = { now: () => now };
    let current = processAt(dir, api, clock);
    const tick = async () => {
      if (!sameProcess) current = processAt(dir, api, clock);
      return current.refresher.refresh(current.source, { manual: false });
    };

    expect(await tick()).toMatchObject({ fetched: true, record: { error: null } });
    expect(api.requests).toHaveLength(1);

    // The clock jumps past the expiry: the token reads as expired, polling halts, and nothing is
    // sent however often the engine looks.
    now = times.jumpTo;
    const halted = await tick();
    expect(halted.record.error).toMatchObject({ kind: 'auth', message: EXPIRED_MESSAGE });
    now += 10_000;
    expect(await tick()).toMatchObject({ fetched: false, skipped: 'halted' });
    expect(api.requests).toHaveLength(1);

    // The clock comes back (NTP), before the expiry: the next poll goes out and succeeds.
    now = times.backTo;
    const back = await tick();
    expect(back).toMatchObject({ fetched: true, skipped: null, record: { error: null } });
    expect(api.requests).toHaveLength(2);
  });
});

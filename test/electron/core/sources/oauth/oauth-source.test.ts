import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createNodeHttp } from '../../../../../electron/core/adapters/node-http';
import type {
  ClaudeCredentialRead,
  ClaudeCredentialReader,
} from '../../../../../electron/core/sources/oauth/claude-credentials';
import {
  CLAUDE_CODE_USER_AGENT,
  createOAuthSource,
} from '../../../../../electron/core/sources/oauth/oauth-source';
import type { FetchOutcome, UsageSource } from '../../../../../electron/core/sources/usage-source';
import { Secret } from '../../../../../shared/domain/secret';
import {
  FAKE_OAUTH_TOKEN,
  startFakeAnthropic,
  type FakeAnthropic,
  type FakeReply,
} from '../../../../fakes/anthropic-api';
import {
  cloudflareChallengeHtml,
  expiredTokenError,
  fullUsageBody,
  invalidTokenError,
  overloadedError,
  rateLimitError,
  scopeError,
  serverError,
} from '../../../../fakes/usage-bodies';
import { EXPECTED_USAGE } from '../usage-response/expected-usage';

const NOW = Date.UTC(2026, 6, 3, 0, 0, 0);
const clock = { now: () => NOW };

/** A credential reader the test steers: its stamp, its answer, and how often it was read. */
function scriptedCredentials(token = FAKE_OAUTH_TOKEN, expiresAt: number | null = NOW + 3_600_000) {
  const state = {
    stamp: 'file:1' as string | null,
    reads: 0,
    answer: {
      ok: true,
      credential: {
        token: new Secret(token),
        expiresAt,
        subscriptionType: 'max',
        rateLimitTier: 'default_claude_max_5x',
        scopes: ['user:inference', 'user:profile'],
        origin: '/home/ada/.claude/.credentials.json',
      },
    } as ClaudeCredentialRead,
  };
  const reader: ClaudeCredentialReader = {
    read: () => {
      state.reads++;
      return Promise.resolve(state.answer);
    },
    stamp: () => Promise.resolve(state.stamp),
  };
  return { state, reader };
}

let fake: FakeAnthropic;
let host: string;
beforeEach(async () => {
  fake = await startFakeAnthropic();
  host = new URL(fake.url).host;
});
afterEach(async () => {
  await fake.close();
});

function source(
  reader: ClaudeCredentialReader,
  timeoutMs = 2_000,
  baseUrl = fake.url,
): UsageSource {
  const http = createNodeHttp({ allowedOrigins: [fake.url] });
  return createOAuthSource({ http, credentials: reader, baseUrl, clock, timeoutMs });
}

async function fetchWith(reply: FakeReply, timeoutMs = 2_000): Promise<FetchOutcome> {
  fake.respond(reply);
  return source(scriptedCredentials().reader, timeoutMs).fetch();
}

const failed = (kind: string, message: string, retryAfterMs: number | null = null) => ({
  ok: false,
  error: { kind, message },
  retryAfterMs,
});

describe('the oauth source against a fake API', () => {
  it.each(EXPECTED_USAGE)('turns $name into a snapshot', async ({ body, windows, extraUsage }) => {
    expect(await fetchWith({ body })).toEqual({
      ok: true,
      snapshot: { source: 'oauth', fetchedAt: NOW, windows, extraUsage },
    });
  });

  it('sends the headers the real endpoint requires, and nothing else of note', async () => {
    await fetchWith({});
    expect(fake.requests).toHaveLength(1);
    const [request] = fake.requests;
    expect(request?.method).toBe('GET');
    expect(request?.path).toBe('/api/oauth/usage');
    // The grants ride on the same request: one call, never a second one for banked resets.
    expect(request?.query).toBe('cedar_ember=1');
    expect(request?.headers).toMatchObject({
      authorization: `Bearer ${FAKE_OAUTH_TOKEN}`,
      'anthropic-beta': 'oauth-2025-04-20',
      accept: 'application/json',
      // Claude Code's own form: the endpoint sends banked resets only to it.
      'user-agent': 'claude-cli/2.1.322 (external, cli)',
    });
    expect(CLAUDE_CODE_USER_AGENT).toBe('claude-cli/2.1.322 (external, cli)');
  });

  const EXPIRED =
    'Your Claude Code sign-in has expired. Run `claude` once to renew it; Pacewatch picks it up by itself.';

  it('reports an expired token (401)', async () => {
    expect(await fetchWith({ status: 401, body: expiredTokenError() })).toEqual(
      failed('auth', EXPIRED),
    );
  });

  it('reports a rejected token (401)', async () => {
    expect(await fetchWith({ status: 401, body: invalidTokenError() })).toEqual(
      failed(
        'auth',
        "Anthropic rejected Claude Code's sign-in. Run `claude`, then /login, to sign in again.",
      ),
    );
  });

  it('reports a token without the user:profile scope (403)', async () => {
    expect(await fetchWith({ status: 403, body: scopeError() })).toEqual(
      failed(
        'forbidden',
        'This Claude Code token can run Claude but cannot read usage: tokens from `claude setup-token` or CLAUDE_CODE_OAUTH_TOKEN lack the user:profile scope. Sign in with `claude` (/login) so Pacewatch can read usage.',
      ),
    );
  });

  const RATE =
    'Anthropic is rate-limiting usage requests. Pacewatch waits and retries by itself; nothing to do.';

  it('passes on Retry-After 300 with a 429', async () => {
    const reply = { status: 429, headers: { 'Retry-After': '300' }, body: rateLimitError() };
    expect(await fetchWith(reply)).toEqual(failed('rate-limited', RATE, 300_000));
  });

  it('passes on Retry-After 0 with a 429', async () => {
    const reply = { status: 429, headers: { 'Retry-After': '0' }, body: rateLimitError() };
    expect(await fetchWith(reply)).toEqual(failed('rate-limited', RATE, 0));
  });

  it('reports a server error (500) and an overloaded API (529)', async () => {
    expect(await fetchWith({ status: 500, body: serverError() })).toEqual(
      failed(
        'server',
        "Anthropic's API answered with an error (HTTP 500). Pacewatch retries by itself.",
      ),
    );
    expect(await fetchWith({ status: 529, body: overloadedError() })).toEqual(
      failed('server', "Anthropic's API is overloaded (HTTP 529). Pacewatch retries by itself."),
    );
  });

  it('treats a Cloudflare page (HTML 403) as a passing network problem, not an auth failure', async () => {
    expect(await fetchWith({ status: 403, body: cloudflareChallengeHtml() })).toEqual(
      failed(
        'network',
        `${host} answered with a web page instead of usage figures (HTTP 403), likely a Cloudflare check or a proxy. Pacewatch retries by itself; if this persists, check your proxy or VPN.`,
      ),
    );
  });

  it('reports truncated JSON as a parse error', async () => {
    expect(await fetchWith({ body: fullUsageBody(), truncateAt: 120 })).toEqual(
      failed(
        'parse',
        "Anthropic's usage answer was not in the expected form (truncated JSON). Pacewatch keeps the last good figures; run `pacewatch status --refresh` to try again, and update Pacewatch if this persists.",
      ),
    );
  });

  it('reports HTML with a 200 as a parse error', async () => {
    const outcome = await fetchWith({ body: cloudflareChallengeHtml() });
    expect(outcome.ok || outcome.error.kind).toBe('parse');
    expect(outcome.ok || outcome.error.message).toContain('(an HTML page instead of JSON)');
  });

  it('gives up on a server that never answers within the time limit', async () => {
    const started = performance.now();
    const outcome = await fetchWith({ hang: true }, 300);
    const elapsed = performance.now() - started;
    expect(outcome).toEqual(
      failed(
        'network',
        `Could not reach ${host} (no answer within 0.3 s). Check your connection; Pacewatch retries by itself.`,
      ),
    );
    expect(elapsed).toBeGreaterThanOrEqual(290);
    expect(elapsed).toBeLessThan(1_500);
  });

  it('waits for a slow server that still answers in time', async () => {
    const outcome = await fetchWith({ delayMs: 250 }, 1_000);
    expect(outcome.ok).toBe(true);
  });

  it('reports a refused connection', async () => {
    const closed = await startFakeAnthropic();
    await closed.close();
    const http = createNodeHttp({ allowedOrigins: [closed.url] });
    const oauth = createOAuthSource({
      http,
      credentials: scriptedCredentials().reader,
      baseUrl: closed.url,
      clock,
      timeoutMs: 2_000,
    });
    expect(await oauth.fetch()).toEqual(
      failed(
        'network',
        `Could not reach ${new URL(closed.url).host} (connection refused). Check your connection; Pacewatch retries by itself.`,
      ),
    );
  });

  it('never puts the token in a message, whatever went wrong', async () => {
    const replies: FakeReply[] = [
      {
        status: 401,
        body: { type: 'error', error: { type: 'x', message: `bad ${FAKE_OAUTH_TOKEN}` } },
      },
      { status: 403, body: `<html>${FAKE_OAUTH_TOKEN}</html>` },
      { status: 500, body: FAKE_OAUTH_TOKEN },
      { status: 200, body: `"${FAKE_OAUTH_TOKEN}"` },
      { status: 200, body: `{"five_hour": "${FAKE_OAUTH_TOKEN}` },
      { status: 200, body: { five_hour: { utilization: FAKE_OAUTH_TOKEN } } },
    ];
    for (const reply of replies) {
      const outcome = await fetchWith(reply);
      expect(outcome.ok).toBe(false);
      expect(JSON.stringify(outcome)).not.toContain('sk-ant');
    }
  });
});

describe('the oauth source and the credential', () => {
  it('answers "not signed in" without a request', async () => {
    const { state, reader } = scriptedCredentials();
    state.answer = { ok: false, kind: 'no-credentials', message: 'Claude Code is not signed in.' };
    expect(await source(reader).fetch()).toEqual(
      failed('no-credentials', 'Claude Code is not signed in.'),
    );
    expect(fake.requests).toHaveLength(0);
  });

  it('says the sign-in expired, without a request, once expiresAt has passed', async () => {
    const { reader } = scriptedCredentials(FAKE_OAUTH_TOKEN, NOW);
    expect(await source(reader).fetch()).toEqual(
      failed(
        'auth',
        'Your Claude Code sign-in has expired. Run `claude` once to renew it; Pacewatch picks it up by itself.',
      ),
    );
    expect(fake.requests).toHaveLength(0);
  });

  it('keeps the credential in memory while its stamp stays the same', async () => {
    const { state, reader } = scriptedCredentials();
    const oauth = source(reader);
    for (let i = 0; i < 3; i++) expect((await oauth.fetch()).ok).toBe(true);
    expect(state.reads).toBe(1);
    expect(fake.requests).toHaveLength(3);
  });

  it('reads the credential again when its stamp changes, and uses the new token', async () => {
    const { state, reader } = scriptedCredentials('sk-ant-oat01-test-old');
    fake.respond((req) =>
      req.headers.authorization === 'Bearer sk-ant-oat01-test-old'
        ? { status: 401, body: invalidTokenError() }
        : {},
    );
    const oauth = source(reader);
    expect((await oauth.fetch()).ok).toBe(false);
    state.answer = {
      ok: true,
      credential: {
        ...(state.answer.ok ? state.answer.credential : never()),
        token: new Secret(FAKE_OAUTH_TOKEN),
      },
    };
    state.stamp = 'file:2';
    expect((await oauth.fetch()).ok).toBe(true);
    expect(state.reads).toBe(2);
    expect(fake.requests.map((r) => r.headers.authorization)).toEqual([
      'Bearer sk-ant-oat01-test-old',
      `Bearer ${FAKE_OAUTH_TOKEN}`,
    ]);
  });

  it('reads the credential again after a 401, even with the same stamp', async () => {
    const { state, reader } = scriptedCredentials();
    fake.respond((_req, index) => (index === 0 ? { status: 401, body: expiredTokenError() } : {}));
    const oauth = source(reader);
    expect((await oauth.fetch()).ok).toBe(false);
    expect((await oauth.fetch()).ok).toBe(true);
    expect((await oauth.fetch()).ok).toBe(true);
    expect(state.reads).toBe(2);
  });

  it('does not cache a failed read', async () => {
    const { state, reader } = scriptedCredentials();
    const answer = state.answer;
    state.answer = { ok: false, kind: 'no-credentials', message: 'Not signed in.' };
    state.stamp = null;
    const oauth = source(reader);
    expect((await oauth.fetch()).ok).toBe(false);
    state.answer = answer;
    expect((await oauth.fetch()).ok).toBe(true);
    expect(state.reads).toBe(2);
  });

  it("delegates credentialStamp to the reader and has the id 'oauth'", async () => {
    const { state, reader } = scriptedCredentials();
    const oauth = source(reader);
    expect(oauth.id).toBe('oauth');
    state.stamp = '/home/ada/.claude/.credentials.json:1700000000000:412';
    expect(await oauth.credentialStamp()).toBe(
      '/home/ada/.claude/.credentials.json:1700000000000:412',
    );
  });

  it('ends as a network failure when the caller aborts', async () => {
    fake.respond({ hang: true });
    const oauth = source(scriptedCredentials().reader);
    const controller = new AbortController();
    setTimeout(() => {
      controller.abort();
    }, 50);
    expect(await oauth.fetch(controller.signal)).toEqual(
      failed(
        'network',
        `Could not reach ${host} (the request was cancelled). Check your connection; Pacewatch retries by itself.`,
      ),
    );
  });
});

describe('the fake API', () => {
  it('answers 429 to a request without a Claude Code user agent, like the real one', async () => {
    const http = createNodeHttp({ allowedOrigins: [fake.url] });
    const result = await http.request({
      url: `${fake.url}/api/oauth/usage`,
      headers: {
        Authorization: `Bearer ${FAKE_OAUTH_TOKEN}`,
        'anthropic-beta': 'oauth-2025-04-20',
      },
      timeoutMs: 2_000,
    });
    expect(result.ok && result.response.status).toBe(429);
  });

  it('answers 401 to a wrong token or a missing beta flag', async () => {
    const http = createNodeHttp({ allowedOrigins: [fake.url] });
    const ask = async (headers: Record<string, string>) => {
      const result = await http.request({
        url: `${fake.url}/api/oauth/usage`,
        headers,
        timeoutMs: 2_000,
      });
      return result.ok ? result.response.status : null;
    };
    const ua = { 'User-Agent': CLAUDE_CODE_USER_AGENT };
    expect(
      await ask({
        ...ua,
        Authorization: 'Bearer sk-ant-oat01-test-wrong',
        'anthropic-beta': 'oauth-2025-04-20',
      }),
    ).toBe(401);
    expect(await ask({ ...ua, Authorization: `Bearer ${FAKE_OAUTH_TOKEN}` })).toBe(401);
  });

  it('closes promptly with a request still hanging', async () => {
    fake.respond({ hang: true });
    const pending = source(scriptedCredentials().reader, 10_000).fetch();
    while (fake.requests.length === 0) await new Promise((r) => setTimeout(r, 10));
    const started = performance.now();
    await fake.close();
    expect(performance.now() - started).toBeLessThan(500);
    expect((await pending).ok).toBe(false);
    fake = await startFakeAnthropic();
  });
});

function never(): never {
  throw new Error('unreachable');
}

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createNodeHttp } from '../../../../../electron/core/adapters/node-http';
import {
  NO_CHAT_ORG_MESSAGE,
  NO_SESSION_KEY_MESSAGE,
  SESSION_EXPIRED_MESSAGE,
} from '../../../../../electron/core/sources/web/messages';
import { createWebSource } from '../../../../../electron/core/sources/web/web-source';
import type { FetchOutcome } from '../../../../../electron/core/sources/usage-source';
import { Secret } from '../../../../../shared/domain/secret';
import {
  startFakeAnthropic,
  type FakeAnthropic,
  type FakeReply,
} from '../../../../fakes/anthropic-api';
import {
  FAKE_CHAT_ORG,
  FAKE_SESSION_KEY,
  installFakeClaudeAi,
  type FakeClaudeAi,
} from '../../../../fakes/claude-ai';
import {
  cloudflareChallengeHtml,
  fullUsageBody,
  overloadedError,
  rateLimitError,
  serverError,
} from '../../../../fakes/usage-bodies';
import { EXPECTED_USAGE } from '../usage-response/expected-usage';

const NOW = Date.UTC(2026, 6, 3, 0, 0, 0);
const clock = { now: () => NOW };
const FULL = EXPECTED_USAGE[0];

let api: FakeAnthropic;
let claude: FakeClaudeAi;
let host: string;
beforeEach(async () => {
  api = await startFakeAnthropic();
  claude = installFakeClaudeAi(api);
  host = new URL(api.url).host;
});
afterEach(async () => {
  await api.close();
});

/** A credential service stand-in: the stored key (or a locked keychain) and its stamp. */
/** `locked` stands for a keychain that cannot be read. */
function storedKey(key: string | null = FAKE_SESSION_KEY) {
  const state = { key, stamp: 'stored:1' as string | null };
  return {
    state,
    credentials: {
      read: () =>
        state.key === 'locked'
          ? Promise.reject(new Error('keychain locked'))
          : Promise.resolve(state.key === null ? null : new Secret(state.key)),
      stamp: () => Promise.resolve(state.stamp),
    },
  };
}

function webSource(credentials = storedKey().credentials, timeoutMs = 2_000) {
  const http = createNodeHttp({ allowedOrigins: [api.url] });
  return createWebSource({ http, credentials, baseUrl: api.url, clock, timeoutMs });
}

const failed = (kind: string, message: string, retryAfterMs: number | null = null) => ({
  ok: false,
  error: { kind, message },
  retryAfterMs,
});

const paths = () => claude.requests().map((req) => req.path);

describe('the web source against a fake claude.ai', () => {
  it('reads usage, the spend limit and prepaid credits of the organisation with chat', async () => {
    expect(await webSource().fetch()).toEqual({
      ok: true,
      snapshot: {
        source: 'web',
        fetchedAt: NOW,
        windows: FULL?.windows,
        extraUsage: { enabled: true, used: 12.34, limit: 50, currency: 'USD', utilization: 24.68 },
        prepaidCredits: { amount: 100, currency: 'USD' },
      },
    });
    expect(paths()).toEqual([
      '/api/organizations',
      `/api/organizations/${FAKE_CHAT_ORG}/usage`,
      `/api/organizations/${FAKE_CHAT_ORG}/overage_spend_limit`,
      `/api/organizations/${FAKE_CHAT_ORG}/prepaid/credits`,
    ]);
    for (const req of claude.requests()) {
      expect(req.headers.cookie).toBe(`sessionKey=${FAKE_SESSION_KEY}`);
      expect(req.headers.accept).toBe('application/json');
    }
  });

  it('remembers the organisation for the same key, and looks again when the key changes', async () => {
    const { state, credentials } = storedKey();
    const web = webSource(credentials);
    await web.fetch();
    await web.fetch();
    expect(paths().filter((path) => path === '/api/organizations')).toHaveLength(1);
    state.stamp = 'stored:2';
    await web.fetch();
    expect(paths().filter((path) => path === '/api/organizations')).toHaveLength(2);
  });

  it('asks nothing without a stored key, and says how to store one', async () => {
    expect(await webSource(storedKey(null).credentials).fetch()).toEqual(
      failed('no-credentials', NO_SESSION_KEY_MESSAGE),
    );
    expect(NO_SESSION_KEY_MESSAGE).toContain('`pacewatch credentials set web`');
    expect(api.requests).toHaveLength(0);
  });

  it('says the keychain is locked when the key cannot be read', async () => {
    const outcome = await webSource(storedKey('locked').credentials).fetch();
    expect(outcome).toEqual(
      failed(
        'no-credentials',
        'Pacewatch could not read its claude.ai session key. The system keychain is locked or unavailable: unlock it, or install a Secret Service such as gnome-keyring.',
      ),
    );
  });

  it('reports an expired session as an auth error that says how to get a new key', async () => {
    const outcome = await webSource(storedKey('sk-ant-sid01-test-expired').credentials).fetch();
    expect(outcome).toEqual(failed('auth', SESSION_EXPIRED_MESSAGE));
    expect(SESSION_EXPIRED_MESSAGE).toBe(
      "Your claude.ai session has expired or was signed out. Sign in to claude.ai in a browser, copy the value of its sessionKey cookie (developer tools → Application → Cookies), and store it with `pacewatch credentials set web` or in Pacewatch's settings.",
    );
  });

  it('looks the organisation up again after the usage call says the session is invalid', async () => {
    const web = webSource();
    await web.fetch();
    claude.usage({
      status: 403,
      body: { error: { details: { error_code: 'account_session_invalid' } } },
    });
    expect((await web.fetch()).ok).toBe(false);
    claude.usage({ body: fullUsageBody() });
    expect((await web.fetch()).ok).toBe(true);
    expect(paths().filter((path) => path === '/api/organizations')).toHaveLength(2);
  });

  it('says so when the session has no organisation with chat', async () => {
    claude.organizations({ body: [{ uuid: 'org-api', capabilities: ['api'] }] });
    expect(await webSource().fetch()).toEqual(failed('forbidden', NO_CHAT_ORG_MESSAGE));
  });

  const CHALLENGE = () =>
    `${host} answered with a web page instead of usage figures (HTTP 403), likely a Cloudflare check. Pacewatch keeps the last figures and retries by itself; if this persists, open claude.ai in your browser once.`;

  it('treats a Cloudflare challenge (HTML 403) as passing, not as an expired session', async () => {
    claude.organizations({ status: 403, body: cloudflareChallengeHtml() });
    expect(await webSource().fetch()).toEqual(failed('network', CHALLENGE()));
    installFakeClaudeAi(api).usage({
      status: 403,
      body: cloudflareChallengeHtml(),
      headers: { 'retry-after': '120' },
    });
    expect(await webSource().fetch()).toEqual(failed('network', CHALLENGE(), 120_000));
  });

  const faults: { name: string; reply: FakeReply; expected: ReturnType<typeof failed> }[] = [
    {
      name: '429 with Retry-After',
      reply: { status: 429, headers: { 'retry-after': '300' }, body: rateLimitError() },
      expected: failed(
        'rate-limited',
        'claude.ai is rate-limiting usage requests. Pacewatch waits and retries by itself; nothing to do.',
        300_000,
      ),
    },
    {
      name: '500',
      reply: { status: 500, body: serverError() },
      expected: failed(
        'server',
        'claude.ai answered with an error (HTTP 500). Pacewatch retries by itself.',
      ),
    },
    {
      name: '529',
      reply: { status: 529, body: overloadedError() },
      expected: failed(
        'server',
        'claude.ai answered with an error (HTTP 529). Pacewatch retries by itself.',
      ),
    },
    {
      name: 'truncated usage JSON',
      reply: { body: fullUsageBody(), truncateAt: 60 },
      expected: failed(
        'parse',
        "claude.ai's usage answer was not in the expected form (truncated JSON). Pacewatch keeps the last good figures; run `pacewatch status --source web --refresh` to try again, and update Pacewatch if this persists.",
      ),
    },
    {
      name: 'an error object with a 200',
      reply: { body: { error: 'nope' } },
      expected: failed(
        'parse',
        "claude.ai's usage answer was not in the expected form (no usage fields). Pacewatch keeps the last good figures; run `pacewatch status --source web --refresh` to try again, and update Pacewatch if this persists.",
      ),
    },
  ];

  it.each(faults)('reports $name from the usage endpoint', async ({ reply, expected }) => {
    claude.usage(reply);
    expect(await webSource().fetch()).toEqual(expected);
  });

  it.each([
    { name: 'not a list', body: { organizations: [] }, problem: 'no list of organisations' },
    { name: 'HTML with a 200', body: '<html>hi</html>', problem: 'an HTML page instead of JSON' },
    { name: 'truncated', body: '[{"uuid":"org-1","capa', problem: 'truncated JSON' },
  ])('reports an organisation list that is $name as a parse error', async ({ body, problem }) => {
    claude.organizations({ body });
    const outcome = await webSource().fetch();
    expect(outcome.ok || outcome.error).toEqual({
      kind: 'parse',
      message: `claude.ai's usage answer was not in the expected form (${problem}). Pacewatch keeps the last good figures; run \`pacewatch status --source web --refresh\` to try again, and update Pacewatch if this persists.`,
    });
  });

  it('gives up on a server that never answers within the time limit', async () => {
    claude.organizations({ hang: true });
    const started = performance.now();
    expect(await webSource(storedKey().credentials, 300).fetch()).toEqual(
      failed(
        'network',
        `Could not reach ${host} (no answer within 0.3 s). Check your connection; Pacewatch retries by itself.`,
      ),
    );
    expect(performance.now() - started).toBeLessThan(1_500);
  });

  it('keeps the usage when the spend-limit and credit endpoints fail or answer nonsense', async () => {
    claude.overage({ status: 404, body: { error: 'not found' } });
    claude.prepaid({ body: { amount: 'lots' } });
    const outcome = await webSource().fetch();
    expect(outcome).toEqual({
      ok: true,
      snapshot: {
        source: 'web',
        fetchedAt: NOW,
        windows: FULL?.windows,
        extraUsage: FULL?.extraUsage,
      },
    });
    claude.overage({ hang: true });
    claude.prepaid({ body: '<html></html>' });
    const slow = await webSource(storedKey().credentials, 300).fetch();
    expect(slow.ok && slow.snapshot.extraUsage).toEqual(FULL?.extraUsage);
  });

  it('never puts the session key in an outcome, whatever claude.ai answers', async () => {
    const echo = (status: number, text: string): FakeReply => ({ status, body: text });
    const replies: FakeReply[] = [
      echo(401, JSON.stringify({ error: { message: `bad ${FAKE_SESSION_KEY}` } })),
      echo(403, `<html>${FAKE_SESSION_KEY}</html>`),
      echo(500, FAKE_SESSION_KEY),
      echo(200, `{"five_hour": "${FAKE_SESSION_KEY}`),
      echo(200, JSON.stringify({ five_hour: { utilization: FAKE_SESSION_KEY } })),
    ];
    const outcomes: FetchOutcome[] = [];
    for (const reply of replies) {
      claude.usage(reply);
      outcomes.push(await webSource().fetch());
    }
    expect(outcomes.every((outcome) => !outcome.ok)).toBe(true);
    expect(JSON.stringify(outcomes)).not.toContain('sk-ant-sid');
  });

  it("has the id 'web' and the credential service's stamp", async () => {
    const { state, credentials } = storedKey();
    const web = webSource(credentials);
    expect(web.id).toBe('web');
    expect(web.passive).toBeUndefined();
    state.stamp = 'stored:1700000000000';
    expect(await web.credentialStamp()).toBe('stored:1700000000000');
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createNodeHttp } from '../../../../../electron/core/adapters/node-http';
import { createAdminSource } from '../../../../../electron/core/sources/admin/admin-source';
import { NO_ADMIN_KEY_MESSAGE } from '../../../../../electron/core/sources/admin/messages';
import type { FetchOutcome } from '../../../../../electron/core/sources/usage-source';
import { Secret } from '../../../../../shared/domain/secret';
import {
  FAKE_ADMIN_KEY,
  costRow,
  installFakeAdminApi,
  reportPage,
  type FakeAdminApi,
} from '../../../../fakes/admin-api';
import {
  startFakeAnthropic,
  type FakeAnthropic,
  type FakeReply,
} from '../../../../fakes/anthropic-api';
import {
  apiError,
  cloudflareChallengeHtml,
  overloadedError,
  rateLimitError,
  serverError,
} from '../../../../fakes/usage-bodies';

const NOW = Date.UTC(2026, 10, 21, 9, 0, 0);

let api: FakeAnthropic;
let admin: FakeAdminApi;
let host: string;
beforeEach(async () => {
  api = await startFakeAnthropic();
  admin = installFakeAdminApi(api);
  host = new URL(api.url).host;
});
afterEach(async () => {
  await api.close();
});

function adminSource(
  options: { key?: string | null; budget?: number | null; timeoutMs?: number; now?: number } = {},
) {
  const key = options.key === undefined ? FAKE_ADMIN_KEY : options.key;
  const credentials = {
    read: () => Promise.resolve(key === null ? null : new Secret(key)),
    stamp: () => Promise.resolve('stored:1'),
  };
  return createAdminSource({
    http: createNodeHttp({ allowedOrigins: [api.url] }),
    credentials,
    baseUrl: api.url,
    clock: { now: () => options.now ?? NOW },
    timeoutMs: options.timeoutMs ?? 2_000,
    budget: () => (options.budget === undefined ? 200 : options.budget),
  });
}

const failed = (kind: string, message: string, retryAfterMs: number | null = null) => ({
  ok: false,
  error: { kind, message },
  retryAfterMs,
});

const SPEND = {
  amount: 169.1675,
  currency: 'USD',
  since: Date.UTC(2026, 10, 1),
  models: [
    {
      model: 'claude-opus-4-5',
      cost: 123.455,
      inputTokens: 100_000,
      outputTokens: 20_000,
      cacheCreationTokens: 250,
      cacheReadTokens: 1_000,
    },
    {
      model: 'claude-sonnet-4-5',
      cost: 43.2125,
      inputTokens: 50_000,
      outputTokens: 5_000,
      cacheCreationTokens: 250,
      cacheReadTokens: 1_000,
    },
  ],
  toolCosts: [{ kind: 'web_search', cost: 2.5 }],
};

describe('the admin source against a fake Admin API', () => {
  it('sums the month-to-date cost over every page, in dollars, against the budget', async () => {
    expect(await adminSource().fetch()).toEqual({
      ok: true,
      snapshot: {
        source: 'admin',
        fetchedAt: NOW,
        windows: [
          {
            id: 'monthly_budget',
            label: 'Month · $200 budget',
            utilization: 84.58,
            resetsAt: Date.UTC(2026, 11, 1),
            money: { used: 169.1675, limit: 200, currency: 'USD' },
          },
        ],
        extraUsage: null,
        spend: SPEND,
      },
    });
  });

  it('asks for this UTC month in daily buckets and follows next_page', async () => {
    await adminSource().fetch();
    const requests = admin.requests();
    expect(requests.map((req) => req.path)).toEqual([
      '/v1/organizations/cost_report',
      '/v1/organizations/cost_report',
      '/v1/organizations/usage_report/messages',
    ]);
    const queries = requests.map((req) => Object.fromEntries(new URLSearchParams(req.query)));
    const range = {
      starting_at: '2026-11-01T00:00:00.000Z',
      ending_at: '2026-11-22T00:00:00.000Z',
      bucket_width: '1d',
      limit: '31',
    };
    expect(queries).toEqual([
      { ...range, 'group_by[]': 'description' },
      { ...range, 'group_by[]': 'description', page: 'page_2' },
      { ...range, 'group_by[]': 'model' },
    ]);
    for (const req of requests) {
      expect(req.headers['x-api-key']).toBe(FAKE_ADMIN_KEY);
      expect(req.headers['anthropic-version']).toBe('2023-06-01');
    }
  });

  it('still reports the spend without a budget, and no window', async () => {
    const outcome = await adminSource({ budget: null }).fetch();
    expect(outcome.ok && outcome.snapshot.windows).toEqual([]);
    expect(outcome.ok && outcome.snapshot.spend).toEqual(SPEND);
  });

  it('names models from cost descriptions when rows carry no model, matches them to dated token rows, and keeps web search apart', async () => {
    const described = (amount: string, description: string, costType = 'tokens') => ({
      amount,
      currency: 'USD',
      cost_type: costType,
      description,
      model: null,
      token_type: null,
    });
    admin.costs({
      body: reportPage([
        [
          described('15000', 'Claude Opus 5.5 Usage - Input Tokens'),
          described('4800', 'Claude Opus 5.5 Usage - Output Tokens'),
          described('120.5', 'Claude 3.5 Haiku Usage - Input Tokens'),
          described('75', 'Web Search Usage', 'web_search'),
          described('30', 'Code Execution Usage', 'code_execution'),
        ],
      ]),
    });
    admin.tokens({
      body: reportPage([
        [
          {
            model: 'claude-opus-5-5-20260922',
            uncached_input_tokens: 3_000_000,
            output_tokens: 240_000,
            cache_read_input_tokens: 0,
            cache_creation: null,
          },
        ],
      ]),
    });
    const outcome = await adminSource({ budget: null }).fetch();
    expect(outcome.ok && outcome.snapshot.spend).toEqual({
      amount: 200.255,
      currency: 'USD',
      since: Date.UTC(2026, 10, 1),
      models: [
        {
          model: 'claude-opus-5-5',
          cost: 198,
          inputTokens: 3_000_000,
          outputTokens: 240_000,
          cacheCreationTokens: 0,
          cacheReadTokens: 0,
        },
        {
          model: 'claude-3-5-haiku',
          cost: 1.205,
          inputTokens: 0,
          outputTokens: 0,
          cacheCreationTokens: 0,
          cacheReadTokens: 0,
        },
      ],
      toolCosts: [
        { kind: 'web_search', cost: 0.75 },
        { kind: 'code_execution', cost: 0.3 },
      ],
    });
  });

  it('names a budget with cents as such, and resets a December month in January', async () => {
    const outcome = await adminSource({
      budget: 150.5,
      now: Date.UTC(2026, 11, 31, 23, 0),
    }).fetch();
    const window = outcome.ok ? outcome.snapshot.windows[0] : undefined;
    expect(window?.label).toBe('Month · $150.50 budget');
    expect(window?.resetsAt).toBe(Date.UTC(2027, 0, 1));
    expect(new URLSearchParams(admin.requests()[0]?.query).get('ending_at')).toBe(
      '2027-01-01T00:00:00.000Z',
    );
  });

  it('keeps the spend when the token report fails', async () => {
    admin.tokens({ status: 500, body: serverError() });
    const outcome = await adminSource().fetch();
    expect(outcome.ok && outcome.snapshot.spend?.amount).toBe(169.1675);
    expect(
      outcome.ok && outcome.snapshot.spend?.models.map((m) => [m.model, m.inputTokens]),
    ).toEqual([
      ['claude-opus-4-5', 0],
      ['claude-sonnet-4-5', 0],
    ]);
  });

  it('asks nothing without a stored key, and says how to store one', async () => {
    expect(await adminSource({ key: null }).fetch()).toEqual(
      failed('no-credentials', NO_ADMIN_KEY_MESSAGE),
    );
    expect(NO_ADMIN_KEY_MESSAGE).toContain('`pacewatch credentials set admin`');
    expect(api.requests).toHaveLength(0);
  });

  const PARSE = (problem: string) =>
    `Anthropic's cost report was not in the expected form (${problem}). Pacewatch keeps the last good figures; run \`pacewatch status --source admin --refresh\` to try again, and update Pacewatch if this persists.`;

  const faults: { name: string; reply: FakeReply; expected: ReturnType<typeof failed> }[] = [
    {
      name: '403 permission error',
      reply: { status: 403, body: apiError('permission_error', 'not allowed') },
      expected: failed(
        'forbidden',
        "This Admin API key may not read your organisation's cost report (HTTP 403). Use an Admin key made by an organisation admin (Console → Settings → Admin keys); individual accounts have no Admin API.",
      ),
    },
    {
      name: '429 with Retry-After',
      reply: { status: 429, headers: { 'retry-after': '60' }, body: rateLimitError() },
      expected: failed(
        'rate-limited',
        "Anthropic's Admin API is rate-limiting requests. Pacewatch waits and retries by itself; nothing to do.",
        60_000,
      ),
    },
    {
      name: '500',
      reply: { status: 500, body: serverError() },
      expected: failed(
        'server',
        "Anthropic's Admin API answered with an error (HTTP 500). Pacewatch retries by itself.",
      ),
    },
    {
      name: '529',
      reply: { status: 529, body: overloadedError() },
      expected: failed(
        'server',
        "Anthropic's Admin API is overloaded (HTTP 529). Pacewatch retries by itself.",
      ),
    },
    {
      name: 'an HTML 403 page',
      reply: { status: 403, body: cloudflareChallengeHtml() },
      expected: failed(
        'network',
        'HOST answered with a web page instead of a cost report (HTTP 403), likely a proxy. Pacewatch retries by itself; if this persists, check your proxy or VPN.',
      ),
    },
    {
      name: 'truncated JSON',
      reply: { body: reportPage([[costRow('1', 'm')]]), truncateAt: 30 },
      expected: failed('parse', PARSE('truncated JSON')),
    },
    {
      name: 'an amount that is not a decimal',
      reply: { body: reportPage([[costRow('12,50', 'm')]]) },
      expected: failed('parse', PARSE('a result row of an unexpected shape')),
    },
    {
      name: 'a body without buckets',
      reply: { body: { items: [] } },
      expected: failed('parse', PARSE('no list of time buckets')),
    },
    {
      name: 'more pages announced without a token',
      reply: { body: { data: [], has_more: true, next_page: null } },
      expected: failed('parse', PARSE('more pages announced without a page token')),
    },
    {
      name: 'pages that never end',
      reply: { body: reportPage([[costRow('1', 'm')]], 'page_again') },
      expected: failed('parse', PARSE('more than 12 pages')),
    },
  ];

  it.each(faults)('reports $name from the cost report', async ({ reply, expected }) => {
    admin.costs(reply);
    const outcome = await adminSource().fetch();
    expect(JSON.parse(JSON.stringify(outcome).replaceAll(host, 'HOST'))).toEqual(expected);
  });

  it('reports a rejected key (401) with how to make a new one', async () => {
    expect(await adminSource({ key: 'sk-ant-admin01-test-revoked' }).fetch()).toEqual(
      failed(
        'auth',
        "Anthropic rejected the stored Admin API key (it may have been revoked). Create an Admin API key in the Anthropic Console (Settings → Admin keys) and store it with `pacewatch credentials set admin` or in Pacewatch's settings.",
      ),
    );
  });

  it('gives up on a server that never answers within the time limit', async () => {
    admin.costs({ hang: true });
    const started = performance.now();
    expect(await adminSource({ timeoutMs: 300 }).fetch()).toEqual(
      failed(
        'network',
        `Could not reach ${host} (no answer within 0.3 s). Check your connection; Pacewatch retries by itself.`,
      ),
    );
    expect(performance.now() - started).toBeLessThan(1_500);
  });

  it('never puts the key in an outcome, whatever the API answers', async () => {
    const replies: FakeReply[] = [
      { status: 401, body: apiError('authentication_error', `bad key ${FAKE_ADMIN_KEY}`) },
      { status: 403, body: `<html>${FAKE_ADMIN_KEY}</html>` },
      { status: 500, body: FAKE_ADMIN_KEY },
      { status: 200, body: `{"data": "${FAKE_ADMIN_KEY}` },
      { status: 200, body: reportPage([[costRow(FAKE_ADMIN_KEY, 'm')]]) },
    ];
    const outcomes: FetchOutcome[] = [];
    for (const reply of replies) {
      admin.costs(reply);
      outcomes.push(await adminSource().fetch());
    }
    expect(outcomes.every((outcome) => !outcome.ok)).toBe(true);
    expect(JSON.stringify(outcomes)).not.toContain('sk-ant-admin');
  });
});

import type { FakeAnthropic, FakeReply, FakeReplyScript, RecordedRequest } from './anthropic-api';
import { apiError } from './usage-bodies';

// The Admin API's report endpoints (docs/PROTOCOLS.md "Admin API") as routes on the loopback fake. It
// checks the key and version headers like the real API, then answers with the scripted pages.

/** The Admin API key the fake accepts unless told otherwise; obviously fake. */
export const FAKE_ADMIN_KEY = 'sk-ant-admin01-test-key-abc';

/** One report page: buckets of rows, and the next page's token when there is one. */
export function reportPage(buckets: readonly object[][], nextPage: string | null = null): object {
  return {
    data: buckets.map((results, day) => ({
      starting_at: `2026-11-${String(day + 1).padStart(2, '0')}T00:00:00Z`,
      ending_at: `2026-11-${String(day + 2).padStart(2, '0')}T00:00:00Z`,
      results,
    })),
    has_more: nextPage !== null,
    next_page: nextPage,
  };
}

/** A cost row; `amount` is cents as a decimal string, as the API sends it. */
export function costRow(amount: string, model: string | null, costType = 'tokens'): object {
  return {
    amount,
    currency: 'USD',
    model,
    cost_type: costType,
    description: 'fake',
    token_type: null,
  };
}

/** A token row of `usage_report/messages`. */
export function tokenRow(model: string, input: number, output: number): object {
  return {
    model,
    uncached_input_tokens: input,
    output_tokens: output,
    cache_read_input_tokens: 1000,
    cache_creation: { ephemeral_5m_input_tokens: 200, ephemeral_1h_input_tokens: 50 },
    server_tool_use: { web_search_requests: 0 },
  };
}

/**
 * The default cost report, in two pages: $123.455 Opus + $2.50 web search on page 1 (two days),
 * $43.2125 Sonnet on page 2, $169.1675 in all.
 */
export function costPages(req: RecordedRequest): FakeReply {
  if (new URLSearchParams(req.query).get('page') === 'page_2') {
    return { body: reportPage([[costRow('4321.25', 'claude-sonnet-4-5')]]) };
  }
  return {
    body: reportPage(
      [
        [costRow('12000.5', 'claude-opus-4-5')],
        [costRow('345', 'claude-opus-4-5'), costRow('250', null, 'web_search')],
      ],
      'page_2',
    ),
  };
}

/** The default token report: one page, two models. */
export function tokenPages(): FakeReply {
  return {
    body: reportPage([
      [tokenRow('claude-opus-4-5', 100_000, 20_000), tokenRow('claude-sonnet-4-5', 50_000, 5_000)],
    ]),
  };
}

/** Scripts the two report endpoints on a fake. */
export interface FakeAdminApi {
  costs(reply: FakeReplyScript): void;
  tokens(reply: FakeReplyScript): void;
  /** The requests that reached the report paths, in order. */
  requests(): RecordedRequest[];
}

/** Adds the Admin API's report routes to `api`, each checking the key and version first. */
export function installFakeAdminApi(
  api: FakeAnthropic,
  options: { key?: string } = {},
): FakeAdminApi {
  const key = options.key ?? FAKE_ADMIN_KEY;
  const install = (path: string, script: FakeReplyScript) => {
    api.route(path, (req, index): FakeReply => {
      if (req.headers['x-api-key'] !== key) {
        return { status: 401, body: apiError('authentication_error', 'invalid x-api-key') };
      }
      if (req.headers['anthropic-version'] === undefined) {
        return {
          status: 400,
          body: apiError('invalid_request_error', 'anthropic-version: header is required'),
        };
      }
      return typeof script === 'function' ? script(req, index) : script;
    });
  };
  install('/v1/organizations/cost_report', costPages);
  install('/v1/organizations/usage_report/messages', tokenPages);
  return {
    costs: (reply) => {
      install('/v1/organizations/cost_report', reply);
    },
    tokens: (reply) => {
      install('/v1/organizations/usage_report/messages', reply);
    },
    requests: () => api.requests.filter((req) => req.path.startsWith('/v1/organizations/')),
  };
}

import { describe, expect, it } from 'vitest';
import type { HttpResponse } from '../../../../electron/core/ports';
import {
  classifyFailure,
  classifyResponse,
  parseRetryAfter,
} from '../../../../electron/core/sources/http-errors';
import { oauthMessages } from '../../../../electron/core/sources/oauth/messages';
import {
  cloudflareChallengeHtml,
  expiredTokenError,
  invalidTokenError,
  overloadedError,
  rateLimitError,
  scopeError,
  serverError,
  sessionInvalidError,
} from '../../../fakes/usage-bodies';

const NOW = Date.UTC(2026, 6, 3, 0, 0, 0);
const messages = oauthMessages('api.anthropic.com', 15_000);

function response(
  status: number,
  body: string | object,
  headers: Record<string, string> = {},
): HttpResponse {
  const lower = new Map(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  return {
    status,
    body: typeof body === 'string' ? body : JSON.stringify(body),
    header: (name) => lower.get(name.toLowerCase()) ?? null,
  };
}

const EXPIRED =
  'Your Claude Code sign-in has expired. Run `claude` once to renew it; Pacewatch picks it up by itself.';
const INVALID =
  "Anthropic rejected Claude Code's sign-in. Run `claude`, then /login, to sign in again.";
const SCOPE =
  'This Claude Code token can run Claude but cannot read usage: tokens from `claude setup-token` or CLAUDE_CODE_OAUTH_TOKEN lack the user:profile scope. Sign in with `claude` (/login) so Pacewatch can read usage.';
const RATE =
  'Anthropic is rate-limiting usage requests. Pacewatch waits and retries by itself; nothing to do.';
const CHALLENGE =
  'api.anthropic.com answered with a web page instead of usage figures (HTTP 403), likely a Cloudflare check or a proxy. Pacewatch retries by itself; if this persists, check your proxy or VPN.';

describe('classifyResponse', () => {
  const rows: Array<[string, HttpResponse, string, string, number | null]> = [
    ['401 expired', response(401, expiredTokenError()), 'auth', EXPIRED, null],
    ['401 invalid', response(401, invalidTokenError()), 'auth', INVALID, null],
    [
      '401 with a plain-text body saying expired',
      response(401, 'token expired'),
      'auth',
      EXPIRED,
      null,
    ],
    ['401 with an empty body', response(401, ''), 'auth', INVALID, null],
    ['403 scope', response(403, scopeError()), 'forbidden', SCOPE, null],
    ['403 account_session_invalid', response(403, sessionInvalidError()), 'auth', EXPIRED, null],
    ['403 Cloudflare HTML', response(403, cloudflareChallengeHtml()), 'network', CHALLENGE, null],
    [
      '403 Cloudflare HTML with Retry-After',
      response(403, cloudflareChallengeHtml(), { 'Retry-After': '30' }),
      'network',
      CHALLENGE,
      30_000,
    ],
    [
      '429 Retry-After 300',
      response(429, rateLimitError(), { 'Retry-After': '300' }),
      'rate-limited',
      RATE,
      300_000,
    ],
    [
      '429 Retry-After 0',
      response(429, rateLimitError(), { 'retry-after': '0' }),
      'rate-limited',
      RATE,
      0,
    ],
    [
      '429 Retry-After as an HTTP date',
      response(429, rateLimitError(), { 'Retry-After': 'Fri, 03 Jul 2026 00:02:30 GMT' }),
      'rate-limited',
      RATE,
      150_000,
    ],
    [
      '429 Retry-After garbage',
      response(429, rateLimitError(), { 'Retry-After': 'soon' }),
      'rate-limited',
      RATE,
      null,
    ],
    ['429 without Retry-After', response(429, rateLimitError()), 'rate-limited', RATE, null],
    [
      '500',
      response(500, serverError()),
      'server',
      "Anthropic's API answered with an error (HTTP 500). Pacewatch retries by itself.",
      null,
    ],
    [
      '503 with Retry-After',
      response(503, 'Service Unavailable', { 'Retry-After': '120' }),
      'server',
      "Anthropic's API answered with an error (HTTP 503). Pacewatch retries by itself.",
      120_000,
    ],
    [
      '529 overloaded',
      response(529, overloadedError()),
      'server',
      "Anthropic's API is overloaded (HTTP 529). Pacewatch retries by itself.",
      null,
    ],
    [
      '302 (a redirect is never followed)',
      response(302, '', { Location: 'https://example.com/' }),
      'server',
      "Anthropic's API gave an unexpected answer (HTTP 302). Pacewatch retries by itself; update Pacewatch if this persists.",
      null,
    ],
    [
      '404',
      response(404, { type: 'error', error: { type: 'not_found_error', message: 'Not found' } }),
      'server',
      "Anthropic's API gave an unexpected answer (HTTP 404). Pacewatch retries by itself; update Pacewatch if this persists.",
      null,
    ],
  ];

  it.each(rows)('%s', (_name, res, kind, message, retryAfterMs) => {
    expect(classifyResponse(res, NOW, messages)).toEqual({
      error: { kind, message },
      retryAfterMs,
    });
  });

  it('never repeats the response body in its message', () => {
    const body = JSON.stringify({
      type: 'error',
      error: { type: 'authentication_error', message: 'bad token sk-ant-oat01-test-token-abc' },
    });
    const { error } = classifyResponse(response(401, body), NOW, messages);
    expect(error.message).not.toContain('sk-ant');
    expect(error.message).not.toContain('bad token');
  });
});

describe('classifyFailure', () => {
  it('words a timeout with the host and the real time limit', () => {
    expect(
      classifyFailure({ kind: 'timeout', message: 'no answer within 15000 ms' }, messages),
    ).toEqual({
      error: {
        kind: 'network',
        message:
          'Could not reach api.anthropic.com (no answer within 15 s). Check your connection; Pacewatch retries by itself.',
      },
      retryAfterMs: null,
    });
    expect(
      classifyFailure({ kind: 'timeout', message: '' }, oauthMessages('127.0.0.1:4010', 300)).error
        .message,
    ).toBe(
      'Could not reach 127.0.0.1:4010 (no answer within 0.3 s). Check your connection; Pacewatch retries by itself.',
    );
  });

  it("passes on the adapter's short reason for a failed connection", () => {
    expect(classifyFailure({ kind: 'network', message: 'connection refused' }, messages)).toEqual({
      error: {
        kind: 'network',
        message:
          'Could not reach api.anthropic.com (connection refused). Check your connection; Pacewatch retries by itself.',
      },
      retryAfterMs: null,
    });
  });

  it('says a blocked request is a setup problem', () => {
    expect(
      classifyFailure(
        { kind: 'blocked', message: 'https://x.test is not an allowed endpoint' },
        messages,
      ),
    ).toEqual({
      error: {
        kind: 'network',
        message:
          'Pacewatch did not contact api.anthropic.com: it is not one of the allowed endpoints. Check PACEWATCH_ANTHROPIC_URL.',
      },
      retryAfterMs: null,
    });
  });
});

describe('parseRetryAfter', () => {
  const cases: Array<[string | null, number | null]> = [
    ['300', 300_000],
    ['0', 0],
    [' 7 ', 7_000],
    ['Fri, 03 Jul 2026 00:05:00 GMT', 300_000],
    ['Thu, 02 Jul 2026 23:00:00 GMT', 0],
    ['-5', null],
    ['1.5', null],
    ['soon', null],
    ['2026-07-03T00:05:00Z', null],
    ['', null],
    [null, null],
  ];
  it.each(cases)('reads %j as %j ms', (value, expected) => {
    expect(parseRetryAfter(value, NOW)).toBe(expected);
  });
});

import type { UsageErrorKind } from '../../../shared/domain/usage-error';
import type { HttpFailure, HttpResponse } from '../ports';

/**
 * The sentences one HTTP source uses for each situation, so every source words its own
 * ("Claude Code's sign-in…", "your claude.ai session…"). Each says what happened and what to
 * do, or that Pacewatch retries by itself; none quotes a secret or a response body.
 */
export interface SourceMessages {
  /** 401 saying the credential expired, or a claude.ai session that is no longer valid. */
  expired(): string;
  /** 401 for any other reason: the credential was rejected. */
  invalid(): string;
  /** 403 from the API itself: the credential works but may not read usage. */
  forbidden(): string;
  /** 403 "Invalid authorization for organization": seen from VPN exits and unusual locations. */
  location(): string;
  /** "We are unable to serve your request": the service is not offered where the request came from. */
  region(): string;
  /** 401 "OAuth authentication is currently not allowed for this organization": an org policy. */
  orgPolicy(): string;
  /** 403 with an empty body: refused without a reason, which says nothing about scopes. */
  refusedWithoutReason(status: number): string;
  /** 429. */
  rateLimited(): string;
  /** 5xx, 529, or any status the source does not expect. */
  server(status: number): string;
  /** A web page (Cloudflare check, proxy) where the API should have answered. */
  challenge(status: number): string;
  /** No answer within the request's time limit. */
  timeout(): string;
  /** The connection failed; `detail` is the adapter's short reason ("connection refused"). */
  unreachable(detail: string): string;
  /** The URL is not one of the configured endpoints: a setup problem, not a network one. */
  blocked(): string;
  /** An answer past the adapter's size limit; `size` is "over 1 MB". */
  tooLarge(size: string): string;
  /** A 2xx whose body is not a usage body; `problem` is a few words ("truncated JSON"). */
  parse(problem: string): string;
}

/** An error kind with its sentence, and the server's Retry-After in ms from now, if any. */
export interface Classified {
  readonly error: { readonly kind: UsageErrorKind; readonly message: string };
  readonly retryAfterMs: number | null;
}

/**
 * `Retry-After` as ms from `now`: delta-seconds ("300") or an HTTP-date. A date in the past
 * is 0 (retry now); anything else is null.
 */
export function parseRetryAfter(value: string | null, now: number): number | null {
  const text = value?.trim();
  if (!text) return null;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // An HTTP-date always names a weekday and GMT; Date.parse alone accepts far looser text.
  if (!/^[A-Za-z]{3},? .*\bGMT$/.test(text)) return null;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - now);
}

interface ErrorBody {
  readonly type: string | null;
  readonly code: string | null;
  readonly message: string;
}

/** The `{"error":{"type","message","details":{"error_code"}}}` fields, when the body is JSON. */
function readErrorBody(body: string): ErrorBody | null {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return null;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
  const error = (value as { error?: unknown }).error;
  const inner =
    error !== null && typeof error === 'object' ? (error as Record<string, unknown>) : {};
  const details = inner.details;
  const code =
    details !== null && typeof details === 'object'
      ? (details as Record<string, unknown>).error_code
      : undefined;
  return {
    type: typeof inner.type === 'string' ? inner.type : null,
    code: typeof code === 'string' ? code : null,
    message: typeof inner.message === 'string' ? inner.message : '',
  };
}

/** The server's own reason, matched on its words wherever it put them (JSON message or page). */
function serverReason(
  response: HttpResponse,
  body: ErrorBody | null,
): 'location' | 'region' | null {
  const text = body?.message ?? response.body;
  if (/invalid authorization for organization/i.test(text)) return 'location';
  if (/unable to serve your request/i.test(text)) return 'region';
  return null;
}

function classify403(response: HttpResponse, now: number, messages: SourceMessages): Classified {
  const body = readErrorBody(response.body);
  const reason = serverReason(response, body);
  // Location and region blocks end when the user's network changes: keep retrying at backoff.
  if (reason !== null) {
    return { error: { kind: 'network', message: messages[reason]() }, retryAfterMs: null };
  }
  if (response.body.trim() === '') {
    return {
      error: { kind: 'server', message: messages.refusedWithoutReason(response.status) },
      retryAfterMs: parseRetryAfter(response.header('retry-after'), now),
    };
  }
  if (!body) {
    // Cloudflare's "Just a moment…" or a proxy's page: the request never reached the API.
    return {
      error: { kind: 'network', message: messages.challenge(response.status) },
      retryAfterMs: parseRetryAfter(response.header('retry-after'), now),
    };
  }
  if (body.code === 'account_session_invalid') {
    return { error: { kind: 'auth', message: messages.expired() }, retryAfterMs: null };
  }
  return { error: { kind: 'forbidden', message: messages.forbidden() }, retryAfterMs: null };
}

/** Maps a non-2xx response to an error kind and the source's sentence for it. */
export function classifyResponse(
  response: HttpResponse,
  now: number,
  messages: SourceMessages,
): Classified {
  const { status } = response;
  if (status === 401) {
    const text = readErrorBody(response.body)?.message ?? response.body;
    if (/not allowed for this organi[sz]ation/i.test(text)) {
      return { error: { kind: 'forbidden', message: messages.orgPolicy() }, retryAfterMs: null };
    }
    const expired = /expired/i.test(text);
    const message = expired ? messages.expired() : messages.invalid();
    return { error: { kind: 'auth', message }, retryAfterMs: null };
  }
  if (status === 403) return classify403(response, now, messages);
  const retryAfterMs = parseRetryAfter(response.header('retry-after'), now);
  if (status === 429) {
    return { error: { kind: 'rate-limited', message: messages.rateLimited() }, retryAfterMs };
  }
  return {
    error: { kind: 'server', message: messages.server(status) },
    retryAfterMs: status >= 500 ? retryAfterMs : null,
  };
}

/** Maps a request that got no response to an error kind and the source's sentence for it. */
export function classifyFailure(failure: HttpFailure, messages: SourceMessages): Classified {
  // The server did answer: not a connection problem, and retried like a server error.
  if (failure.kind === 'too-large') {
    return {
      error: { kind: 'server', message: messages.tooLarge(failure.message) },
      retryAfterMs: null,
    };
  }
  const message =
    failure.kind === 'timeout'
      ? messages.timeout()
      : failure.kind === 'blocked'
        ? messages.blocked()
        : messages.unreachable(failure.message);
  return { error: { kind: 'network', message }, retryAfterMs: null };
}

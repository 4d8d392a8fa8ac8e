// Usage and error bodies as Anthropic sends them (docs/PROTOCOLS.md "OAuth usage"), one factory per
// documented shape, for parser tables, source tests and the fake API. Each call returns a fresh
// object, so a test may change it freely.

/** Session reset with microseconds and `+00:00`, as the real endpoint sends it. */
export const SESSION_RESET_MICRO = '2026-07-03T00:30:00.282668+00:00';
/** Week reset with microseconds and `+00:00`. */
export const WEEK_RESET_MICRO = '2026-07-08T09:00:00.282694+00:00';
/** Session reset with milliseconds and `Z`. */
export const SESSION_RESET_MILLI = '2026-07-03T00:30:00.282Z';
/** Week reset with milliseconds and `Z`. */
export const WEEK_RESET_MILLI = '2026-07-08T09:00:00.282Z';

/** The API's error envelope. */
export function apiError(type: string, message: string): object {
  return { type: 'error', error: { type, message }, request_id: 'req_fake_0001' };
}

/** Extra usage as the wire sends it (cents): $3.25 of $20.50. */
export function extraUsageWire(): object {
  return {
    is_enabled: true,
    monthly_limit: 2050,
    used_credits: 325,
    utilization: 15.85,
    currency: 'USD',
    decimal_places: 2,
  };
}

/** The example body in docs/PROTOCOLS.md: session, week, extra usage and a limits[] list with Opus. */
export function fullUsageBody(): Record<string, unknown> {
  return {
    five_hour: { utilization: 11.0, resets_at: SESSION_RESET_MICRO },
    seven_day: { utilization: 9.0, resets_at: WEEK_RESET_MICRO },
    seven_day_opus: null,
    seven_day_sonnet: null,
    seven_day_oauth_apps: null,
    extra_usage: extraUsageWire(),
    limits: [
      {
        kind: 'session',
        group: 'session',
        percent: 11,
        severity: 'normal',
        resets_at: SESSION_RESET_MICRO,
        scope: null,
        is_active: true,
      },
      { kind: 'weekly_all', group: 'weekly', percent: 9, resets_at: WEEK_RESET_MICRO, scope: null },
      {
        kind: 'weekly_scoped',
        group: 'weekly',
        percent: 5,
        resets_at: WEEK_RESET_MICRO,
        scope: { model: { id: null, display_name: 'Opus' }, surface: null },
      },
    ],
  };
}

/** An older answer: the Opus week only in the legacy `seven_day_opus` field, no limits[]. */
export function legacyOpusBody(): Record<string, unknown> {
  return {
    five_hour: { utilization: 42.5, resets_at: SESSION_RESET_MILLI },
    seven_day: { utilization: 61, resets_at: WEEK_RESET_MILLI },
    seven_day_opus: { utilization: 73, resets_at: WEEK_RESET_MILLI },
    seven_day_sonnet: null,
    extra_usage: null,
  };
}

/** Model-scoped weeks only in limits[] (Opus, and a multi-word name with no reset time). */
export function scopedLimitsBody(): Record<string, unknown> {
  return {
    five_hour: { utilization: 42.5, resets_at: SESSION_RESET_MILLI },
    seven_day: { utilization: 61, resets_at: WEEK_RESET_MILLI },
    seven_day_opus: null,
    limits: [
      {
        kind: 'weekly_scoped',
        percent: 73,
        resets_at: WEEK_RESET_MILLI,
        scope: { model: { id: null, display_name: 'Opus' } },
      },
      {
        kind: 'weekly_scoped',
        percent: 12.25,
        resets_at: null,
        scope: { model: { id: null, display_name: 'Sonnet 4.5' } },
      },
    ],
  };
}

/** The Opus week in both places with different figures: limits[] (5) wins over legacy (40). */
export function bothScopedBody(): Record<string, unknown> {
  return {
    five_hour: { utilization: 11, resets_at: SESSION_RESET_MILLI },
    seven_day: { utilization: 9, resets_at: WEEK_RESET_MILLI },
    seven_day_opus: { utilization: 40, resets_at: SESSION_RESET_MILLI },
    limits: [
      {
        kind: 'weekly_scoped',
        percent: 5,
        resets_at: WEEK_RESET_MILLI,
        scope: { model: { display_name: 'Opus' } },
      },
    ],
  };
}

/** Session and week only in limits[], with entries Pacewatch must skip. */
export function limitsOnlyBody(): Record<string, unknown> {
  return {
    five_hour: null,
    limits: [
      { kind: 'weekly_scoped', percent: 5, resets_at: WEEK_RESET_MILLI, scope: null },
      { kind: 'session', percent: 20, resets_at: SESSION_RESET_MILLI },
      { kind: 'weekly_all', percent: 30, resets_at: WEEK_RESET_MILLI },
      { kind: 'weekly_scoped', percent: 'high', scope: { model: { display_name: 'Opus' } } },
      { kind: 'weekly_scoped', percent: null, scope: { model: { display_name: 'Haiku' } } },
      'not an object',
      { percent: 50 },
      { kind: 'daily_experimental', percent: 99, resets_at: SESSION_RESET_MILLI },
    ],
  };
}

/** Enterprise / credit-based account: no windows, only a spend limit. */
export function enterpriseBody(): Record<string, unknown> {
  return {
    five_hour: null,
    seven_day: null,
    extra_usage: {
      is_enabled: true,
      monthly_limit: 50000,
      used_credits: 12345,
      utilization: 24.69,
      currency: 'usd',
    },
  };
}

/** Reset times with microseconds and `+00:00`. */
export function microsecondTimesBody(): Record<string, unknown> {
  return {
    five_hour: { utilization: 11, resets_at: SESSION_RESET_MICRO },
    seven_day: { utilization: 9, resets_at: WEEK_RESET_MICRO },
  };
}

/** Reset times with milliseconds and `Z`. */
export function millisecondTimesBody(): Record<string, unknown> {
  return {
    five_hour: { utilization: 11, resets_at: SESSION_RESET_MILLI },
    seven_day: { utilization: 9, resets_at: WEEK_RESET_MILLI },
  };
}

/** Keys Pacewatch does not use, at every level, and a reset time it cannot read. */
export function unknownKeysBody(): Record<string, unknown> {
  return {
    five_hour: { utilization: 11, resets_at: 'soon', window_kind: 'rolling' },
    seven_day: { utilization: 9, resets_at: WEEK_RESET_MILLI },
    seven_day_oauth_apps: { utilization: 80, resets_at: WEEK_RESET_MILLI },
    seven_day_cowork: { utilization: 70, resets_at: WEEK_RESET_MILLI },
    seven_day_omelette: { utilization: 60, resets_at: WEEK_RESET_MILLI },
    spend: { amount: 1 },
    member_dashboard_available: true,
  };
}

/** Extra usage switched off while the server still reports its utilization; no cap. */
export function extraDisabledBody(): Record<string, unknown> {
  return {
    five_hour: { utilization: 11, resets_at: SESSION_RESET_MILLI },
    seven_day: { utilization: 9, resets_at: WEEK_RESET_MILLI },
    extra_usage: {
      is_enabled: false,
      monthly_limit: 0,
      used_credits: 0,
      utilization: 12.5,
      currency: 'USD',
      decimal_places: 2,
    },
  };
}

/** Extra usage in a currency without minor units (`decimal_places: 0`). */
export function extraYenBody(): Record<string, unknown> {
  return {
    five_hour: { utilization: 11, resets_at: SESSION_RESET_MILLI },
    extra_usage: {
      is_enabled: true,
      monthly_limit: 3000,
      used_credits: 500,
      utilization: 16.67,
      currency: 'JPY',
      decimal_places: 0,
    },
  };
}

/** An account without extra usage: the block is there, all null. */
export function noExtraUsageBody(): Record<string, unknown> {
  return {
    five_hour: { utilization: 11, resets_at: SESSION_RESET_MILLI },
    extra_usage: {
      is_enabled: false,
      monthly_limit: null,
      used_credits: null,
      utilization: null,
      currency: null,
    },
  };
}

/** 401: the access token expired. */
export function expiredTokenError(): object {
  return apiError(
    'authentication_error',
    'OAuth token has expired. Please obtain a new token or refresh your existing token.',
  );
}

/** 401: the token is not valid. */
export function invalidTokenError(): object {
  return apiError('authentication_error', 'Invalid bearer token');
}

/** 403: an inference-only token (`claude setup-token`, CLAUDE_CODE_OAUTH_TOKEN). */
export function scopeError(): object {
  return apiError('permission_error', 'OAuth token does not meet scope requirement user:profile');
}

/** 403 from claude.ai when the session key expired (the `web` source). */
export function sessionInvalidError(): object {
  return {
    type: 'error',
    error: {
      type: 'permission_error',
      message: 'Invalid authorization',
      details: { error_code: 'account_session_invalid' },
    },
  };
}

/** 429. */
export function rateLimitError(): object {
  return { error: { message: 'Rate limited. Please try again later.', type: 'rate_limit_error' } };
}

/** 500. */
export function serverError(): object {
  return apiError('api_error', 'Internal server error');
}

/** 529. */
export function overloadedError(): object {
  return apiError('overloaded_error', 'Overloaded');
}

/** Cloudflare's challenge page, served with 403 in front of the API. */
export function cloudflareChallengeHtml(): string {
  return [
    '<!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title>',
    '<meta http-equiv="Content-Type" content="text/html; charset=UTF-8"></head>',
    '<body><div class="main-wrapper" role="main"><h1>Checking your browser</h1>',
    '<noscript>Enable JavaScript and cookies to continue</noscript></div></body></html>',
  ].join('');
}

/** A Fable reset time, in the future of the fixtures' clock. */
export const GRANT_END = '2026-07-09T16:00:00.000Z';

/**
 * December 2026's answer on an Ultra account: no session window, numeric strings, the Fable
 * week both as `seven_day_overage_included` and as a `limits[]` entry, routines, Claude
 * Design, a promotional credit and dollar fields (docs/PROTOCOLS.md "New windows").
 */
export function ultraBody(): Record<string, unknown> {
  return {
    five_hour: null,
    seven_day: { utilization: '53.5', resets_at: WEEK_RESET_MICRO },
    seven_day_overage_included: {
      utilization: 40,
      resets_at: WEEK_RESET_MICRO,
      limit_dollars: null,
      used_dollars: null,
    },
    seven_day_routines: { utilization: '7', resets_at: WEEK_RESET_MICRO },
    seven_day_design: { utilization: 2.5, resets_at: null },
    cinder_cove: {
      utilization: 30,
      resets_at: GRANT_END,
      limit_dollars: 1000,
      used_dollars: 300,
      remaining_dollars: 700,
    },
    tangelo: null,
    extra_usage: null,
    limits: [
      {
        kind: 'weekly_all',
        group: 'weekly',
        percent: '53.5',
        severity: 'warning',
        resets_at: WEEK_RESET_MICRO,
        scope: null,
        is_active: true,
      },
      {
        kind: 'weekly_scoped',
        group: 'weekly',
        percent: 41,
        severity: 'normal',
        resets_at: WEEK_RESET_MICRO,
        scope: { model: { id: null, display_name: 'Fable' }, surface: 'Claude Code' },
        is_active: false,
      },
    ],
  };
}

/** Money only in `spend` (extra_usage null), with the amount objects the server sends. */
export function spendOnlyBody(): Record<string, unknown> {
  return {
    five_hour: { utilization: 11, resets_at: SESSION_RESET_MILLI },
    seven_day: { utilization: 9, resets_at: WEEK_RESET_MILLI },
    extra_usage: null,
    spend: {
      used: { amount_minor: 4100, currency: 'USD', exponent: 2 },
      limit: { amount_minor: 10000, currency: 'USD', exponent: 2 },
      percent: 41,
      severity: 'normal',
    },
  };
}

/** An enterprise block: no is_enabled, $41 spent, utilization as a string, no cap. */
export function enterpriseSpendingBody(): Record<string, unknown> {
  return {
    five_hour: null,
    seven_day: null,
    extra_usage: {
      monthly_limit: null,
      used_credits: 4100,
      utilization: '12.5',
      currency: 'usd',
      decimal_places: 2,
    },
  };
}

/** Extra usage turned off by the server because the credits ran out. */
export function outOfCreditsBody(): Record<string, unknown> {
  return {
    five_hour: { utilization: 100, resets_at: SESSION_RESET_MILLI },
    seven_day: { utilization: 9, resets_at: WEEK_RESET_MILLI },
    extra_usage: {
      is_enabled: false,
      monthly_limit: 5000,
      used_credits: 5000,
      utilization: 100,
      currency: 'USD',
      decimal_places: 2,
      disabled_reason: 'out_of_credits',
    },
  };
}

/** One banked-reset grant as `?cedar_ember=1` sends it; fields may be overridden. */
export function grantWire(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'grant_fake_01',
    label: 'Launch reset',
    resets_total: 2,
    resets_left: 1,
    starts_at: '2026-06-09T16:00:00Z',
    ends_at: GRANT_END,
    clears: ['five_hour', 'seven_day', 'seven_day_overage_included'],
    paused: false,
    usable_now: true,
    use_requires_limit: true,
    ...overrides,
  };
}

/** A usage body with a `cedar_ember` block holding `grants` (default: one grant). */
export function bankedResetsBody(grants: unknown[] = [grantWire()]): Record<string, unknown> {
  return {
    ...fullUsageBody(),
    cedar_ember: {
      eligible: true,
      ineligible_reason: null,
      at_limit: false,
      exhausted: [],
      next_grant_id: 'grant_fake_01',
      grants,
    },
  };
}

/** claude.ai's 403 from a VPN exit or an unusual location. */
export function orgAuthorizationError(): object {
  return apiError('permission_error', 'Invalid authorization for organization');
}

/** The region block, as a JSON error. */
export function regionError(): object {
  return apiError('permission_error', 'We are unable to serve your request');
}

/** The usage endpoint's 401 for an organisation whose policy forbids OAuth. */
export function orgPolicyError(): object {
  return apiError(
    'authentication_error',
    'OAuth authentication is currently not allowed for this organization.',
  );
}

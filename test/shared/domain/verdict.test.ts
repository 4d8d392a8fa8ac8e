import { describe, expect, it } from 'vitest';
import type { WindowProjection } from '../../../shared/domain/projection';
import type { SourceView } from '../../../shared/domain/source-view';
import type { ShownWindow, UsageOverview } from '../../../shared/domain/usage-overview';
import {
  DEFAULT_VERDICT_SETTINGS,
  bindingWindow,
  verdict,
  windowNames,
  type BindingCandidate,
  type VerdictSettings,
} from '../../../shared/domain/verdict';
import { DAY, HOUR, MINUTE, sourceView as baseSourceView, t, windowView } from './factories';

const NOW = t('2026-11-21T09:00');

function projection(windowId: string, overrides: Partial<WindowProjection> = {}): WindowProjection {
  return {
    windowId,
    status: 'safe',
    ratePerHour: 1,
    projectedFullAt: null,
    lockoutAt: null,
    blockedMs: null,
    note: null,
    ...overrides,
  };
}

const atRisk = (windowId: string, lockoutAt: number, resetsAt: number) =>
  projection(windowId, {
    status: 'at-risk',
    ratePerHour: 10,
    projectedFullAt: lockoutAt,
    lockoutAt,
    blockedMs: resetsAt - lockoutAt,
  });

const insufficient = (windowId: string) =>
  projection(windowId, {
    status: 'insufficient-data',
    ratePerHour: null,
    note: 'Not enough readings yet to project: 1 in the last 48 h, need 3.',
  });

/** A merged window from the oauth source, fetched a minute ago. */
function shown(overrides: Partial<ShownWindow> = {}): ShownWindow {
  const id = overrides.id ?? 'five_hour';
  return {
    ...windowView(NOW, { projection: projection(id) }),
    source: 'oauth',
    fetchedAt: NOW - MINUTE,
    stale: false,
    ...overrides,
  };
}

const session = (overrides: Partial<ShownWindow> = {}) => shown(overrides);
const week = (overrides: Partial<ShownWindow> = {}) =>
  shown({
    id: 'seven_day',
    label: 'Week',
    resetsAt: NOW + 3 * DAY,
    projection: projection('seven_day'),
    ...overrides,
  });
const scoped = (name: string, overrides: Partial<ShownWindow> = {}) => {
  const id = `seven_day_${name.toLowerCase().replace(/[^a-z0-9]+/g, '_')}`;
  return shown({
    id,
    label: `Week · ${name}`,
    resetsAt: NOW + 3 * DAY,
    projection: projection(id),
    ...overrides,
  });
};

function overview(
  windows: readonly ShownWindow[],
  sources: readonly SourceView[] = [baseSourceView(NOW)],
  extraUsage: UsageOverview['extraUsage'] = null,
): UsageOverview {
  return { windows, sources, extraUsage };
}

const settings = (overrides: Partial<VerdictSettings> = {}): VerdictSettings => ({
  ...DEFAULT_VERDICT_SETTINGS,
  ...overrides,
});

describe('the verdict for one window', () => {
  it.each([
    {
      case: 'normal below the first threshold',
      window: session({ utilization: 42 }),
      level: 'normal',
      headline: 'S 42%',
      lockoutAt: null,
      lockoutSoon: false,
    },
    {
      case: 'warning from the first threshold',
      window: session({ utilization: 50 }),
      level: 'warning',
      headline: 'S 50%',
      lockoutAt: null,
      lockoutSoon: false,
    },
    {
      case: 'still warning just under the last threshold; the headline rounds down',
      window: session({ utilization: 89.9 }),
      level: 'warning',
      headline: 'S 89%',
      lockoutAt: null,
      lockoutSoon: false,
    },
    {
      case: 'critical from the last threshold',
      window: session({ utilization: 90 }),
      level: 'critical',
      headline: 'S 90%',
      lockoutAt: null,
      lockoutSoon: false,
    },
    {
      case: 'critical with a lockout projected within the lead time',
      window: session({
        utilization: 30,
        projection: atRisk('five_hour', NOW + 29 * MINUTE, NOW + 2 * HOUR + 13 * MINUTE),
      }),
      level: 'critical',
      headline: 'S 30%',
      lockoutAt: NOW + 29 * MINUTE,
      lockoutSoon: true,
    },
    {
      case: 'a lockout 2.5 days away is not critical',
      window: week({
        utilization: 73,
        resetsAt: NOW + 4 * DAY,
        projection: atRisk('seven_day', NOW + 2.5 * DAY, NOW + 4 * DAY),
      }),
      level: 'warning',
      headline: 'W 73%',
      lockoutAt: NOW + 2.5 * DAY,
      lockoutSoon: false,
    },
    {
      case: 'locked at 100 %',
      window: session({
        utilization: 100,
        projection: projection('five_hour', {
          status: 'locked',
          lockoutAt: NOW - 20 * MINUTE,
          projectedFullAt: NOW - 20 * MINUTE,
          blockedMs: 2 * HOUR + 33 * MINUTE,
        }),
      }),
      level: 'locked',
      headline: 'S 100%',
      lockoutAt: NOW - 20 * MINUTE,
      lockoutSoon: false,
    },
    {
      case: 'stale figures are stale, whatever their level',
      window: session({ utilization: 95, stale: true }),
      level: 'stale',
      headline: 'S 95%',
      lockoutAt: null,
      lockoutSoon: false,
    },
    {
      case: 'a stale window at 100 % is still locked',
      window: session({ utilization: 100, stale: true }),
      level: 'locked',
      headline: 'S 100%',
      lockoutAt: null,
      lockoutSoon: false,
    },
    {
      case: 'a budget at 100 % is critical, not locked: it does not stop Claude',
      window: shown({
        id: 'monthly_budget',
        label: 'Month · $200 budget',
        utilization: 100,
        resetsAt: NOW + 9 * DAY,
        money: { used: 200, limit: 200, currency: 'USD' },
        projection: projection('monthly_budget'),
      }),
      level: 'critical',
      headline: '$ 100%',
      lockoutAt: null,
      lockoutSoon: false,
    },
    {
      case: 'a model-scoped week is named by its model, without "Claude"',
      window: scoped('Claude Opus 4.8', { utilization: 73.9 }),
      level: 'warning',
      headline: 'Opus 73%',
      lockoutAt: null,
      lockoutSoon: false,
    },
  ])('$case', ({ window, level, headline, lockoutAt, lockoutSoon }) => {
    const [only] = verdict({
      overview: overview([window]),
      settings: DEFAULT_VERDICT_SETTINGS,
      now: NOW,
    }).windows;
    expect(only).toMatchObject({ level, headline, lockoutAt, lockoutSoon });
  });

  it.each([
    {
      case: 'its own thresholds replace the general ones',
      overrides: { windowThresholds: { five_hour: [30, 60] } },
      level: 'critical',
    },
    {
      case: 'another window’s thresholds do not apply',
      overrides: { windowThresholds: { seven_day: [30, 60] } },
      level: 'warning',
    },
    {
      case: 'with no thresholds at all it stays normal',
      overrides: { thresholds: [] },
      level: 'normal',
    },
    {
      case: 'thresholds are sorted before use',
      overrides: { thresholds: [90, 50, 75] },
      level: 'warning',
    },
  ])('per-window thresholds: $case', ({ overrides, level }) => {
    const [only] = verdict({
      overview: overview([session({ utilization: 60 })]),
      settings: settings(overrides),
      now: NOW,
    }).windows;
    expect(only?.level).toBe(level);
  });

  it('turns off the lead time at 0: a lockout in 5 minutes is then judged by its figure', () => {
    const [only] = verdict({
      overview: overview([
        session({ utilization: 60, projection: atRisk('five_hour', NOW + 5 * MINUTE, NOW + HOUR) }),
      ]),
      settings: settings({ lockoutLeadMinutes: 0 }),
      now: NOW,
    }).windows;
    expect(only).toMatchObject({
      level: 'warning',
      lockoutSoon: false,
      lockoutAt: NOW + 5 * MINUTE,
    });
  });

  it('reads a window whose reset time has passed as reset: 0 %, no reset time, never binding', () => {
    const result = verdict({
      overview: overview([
        session({
          utilization: 99,
          resetsAt: NOW - HOUR,
          projection: atRisk('five_hour', NOW - 2 * HOUR, NOW - HOUR),
        }),
        week({ utilization: 40 }),
      ]),
      settings: DEFAULT_VERDICT_SETTINGS,
      now: NOW,
    });
    expect(result.windows[0]).toEqual({
      id: 'five_hour',
      label: 'Session',
      short: 'S',
      headline: 'S 0%',
      source: 'oauth',
      fetchedAt: NOW - MINUTE,
      stale: false,
      utilization: 0,
      resetsAt: null,
      resetAt: NOW - HOUR,
      resetNote: 'reset at 08:00 — new figures with the next poll',
      level: 'normal',
      binding: false,
      thresholds: [50, 75, 90],
      lockoutAt: null,
      blockedMs: null,
      lockoutSoon: false,
      money: false,
    });
    expect(result.binding).toBe('seven_day');
    expect(result.level).toBe('normal');
  });

  it('counts a reset time equal to now as passed', () => {
    const [only] = verdict({
      overview: overview([session({ utilization: 80, resetsAt: NOW })]),
      settings: DEFAULT_VERDICT_SETTINGS,
      now: NOW,
    }).windows;
    expect(only).toMatchObject({ utilization: 0, resetsAt: null, resetAt: NOW, level: 'normal' });
  });

  it('lists the session first, then the week, model-scoped weeks and budgets', () => {
    const result = verdict({
      overview: overview([
        shown({
          id: 'monthly_budget',
          label: 'Month · budget',
          money: { used: 1, limit: 200, currency: 'USD' },
          projection: projection('monthly_budget'),
        }),
        scoped('Opus'),
        week(),
        session(),
      ]),
      settings: DEFAULT_VERDICT_SETTINGS,
      now: NOW,
    });
    expect(result.windows.map((window) => window.id)).toEqual([
      'five_hour',
      'seven_day',
      'seven_day_opus',
      'monthly_budget',
    ]);
  });
});

describe('the binding window', () => {
  const candidate = (overrides: Partial<BindingCandidate> & { id: string }): BindingCandidate => ({
    utilization: 0,
    resetsAt: NOW + DAY,
    resetAt: null,
    money: false,
    lockoutAt: null,
    projectedFullAt: null,
    ...overrides,
  });

  it.each([
    {
      rule: '1. the server’s flag wins over a fuller window',
      candidates: [
        candidate({ id: 'five_hour', utilization: 11, active: true }),
        candidate({ id: 'seven_day', utilization: 73 }),
      ],
      binding: 'five_hour',
    },
    {
      rule: '1. the server’s flag wins over a locked window',
      candidates: [
        candidate({ id: 'five_hour', utilization: 100 }),
        candidate({ id: 'seven_day', utilization: 73, active: true }),
      ],
      binding: 'seven_day',
    },
    {
      rule: '1. of several flagged windows, the fullest',
      candidates: [
        candidate({ id: 'five_hour', utilization: 20, active: true }),
        candidate({ id: 'seven_day', utilization: 30, active: true }),
      ],
      binding: 'seven_day',
    },
    {
      rule: '1. a flag of false is no flag: the rules below decide',
      candidates: [
        candidate({ id: 'five_hour', utilization: 20, active: false }),
        candidate({ id: 'seven_day', utilization: 30, active: false }),
      ],
      binding: 'seven_day',
    },
    {
      rule: '2. of two locked windows, the one that resets last',
      candidates: [
        candidate({ id: 'five_hour', utilization: 100, resetsAt: NOW + HOUR }),
        candidate({ id: 'seven_day', utilization: 100, resetsAt: NOW + 2 * DAY }),
      ],
      binding: 'seven_day',
    },
    {
      rule: '2. a locked window with no reset time is the longest wait',
      candidates: [
        candidate({ id: 'seven_day', utilization: 100, resetsAt: NOW + 2 * DAY }),
        candidate({ id: 'seven_day_opus', utilization: 100, resetsAt: null }),
      ],
      binding: 'seven_day_opus',
    },
    {
      rule: '2. a locked window wins over one projected to lock',
      candidates: [
        candidate({ id: 'five_hour', utilization: 90, lockoutAt: NOW + MINUTE }),
        candidate({ id: 'seven_day', utilization: 100 }),
      ],
      binding: 'seven_day',
    },
    {
      rule: '3. the window projected to lock first, over a fuller one',
      candidates: [
        candidate({ id: 'five_hour', utilization: 42, lockoutAt: NOW + 3 * HOUR }),
        candidate({ id: 'seven_day', utilization: 73, lockoutAt: NOW + 2 * DAY }),
        candidate({ id: 'seven_day_opus', utilization: 80 }),
      ],
      binding: 'five_hour',
    },
    {
      rule: '3. a window with no reset time counts by when it reaches 100 %',
      candidates: [
        candidate({
          id: 'seven_day_fable',
          utilization: 96,
          resetsAt: null,
          projectedFullAt: NOW + HOUR,
        }),
        candidate({ id: 'seven_day_opus', utilization: 73, lockoutAt: NOW + 6 * HOUR }),
      ],
      binding: 'seven_day_fable',
    },
    {
      rule: '3. a projection past the reset does not count for a window that has a reset time',
      candidates: [
        candidate({ id: 'five_hour', utilization: 80, projectedFullAt: NOW + HOUR }),
        candidate({ id: 'seven_day', utilization: 30, lockoutAt: NOW + 2 * DAY }),
      ],
      binding: 'seven_day',
    },
    {
      rule: '4. without projections, the fullest: a scoped week at 96 % with no reset time',
      candidates: [
        candidate({ id: 'seven_day_opus', utilization: 73 }),
        candidate({ id: 'seven_day_fable', utilization: 96, resetsAt: null }),
      ],
      binding: 'seven_day_fable',
    },
    {
      rule: '4. of equally full windows, the earlier reset',
      candidates: [
        candidate({ id: 'seven_day', utilization: 50, resetsAt: NOW + 2 * DAY }),
        candidate({ id: 'five_hour', utilization: 50, resetsAt: NOW + HOUR }),
      ],
      binding: 'five_hour',
    },
    {
      rule: '4. of equally full windows, an unknown reset last',
      candidates: [
        candidate({ id: 'seven_day_opus', utilization: 50, resetsAt: null }),
        candidate({ id: 'seven_day', utilization: 50, resetsAt: NOW + 2 * DAY }),
      ],
      binding: 'seven_day',
    },
    {
      rule: 'a window that has reset never binds, however full it was',
      candidates: [
        candidate({
          id: 'five_hour',
          utilization: 0,
          resetsAt: null,
          resetAt: NOW - HOUR,
          active: true,
        }),
        candidate({ id: 'seven_day', utilization: 40 }),
      ],
      binding: 'seven_day',
    },
    {
      rule: 'a budget never binds',
      candidates: [
        candidate({ id: 'monthly_budget', utilization: 95, money: true, lockoutAt: NOW + HOUR }),
        candidate({ id: 'five_hour', utilization: 10 }),
      ],
      binding: 'five_hour',
    },
    {
      rule: 'nothing binds when every window has reset',
      candidates: [candidate({ id: 'five_hour', resetsAt: null, resetAt: NOW - MINUTE })],
      binding: null,
    },
    { rule: 'nothing binds without windows', candidates: [], binding: null },
  ])('$rule', ({ candidates, binding }) => {
    expect(bindingWindow(candidates)).toBe(binding);
  });

  it('takes the flag from the merged window the parser carried it on', () => {
    const result = verdict({
      overview: overview([session({ utilization: 11, active: true }), week({ utilization: 73 })]),
      settings: DEFAULT_VERDICT_SETTINGS,
      now: NOW,
    });
    expect(result.binding).toBe('five_hour');
    expect(result.windows.map((window) => window.binding)).toEqual([true, false]);
  });

  it('makes a scoped week at 96 % with no reset time binding over the Opus week at 73 %', () => {
    const result = verdict({
      overview: overview([
        scoped('Opus', { utilization: 73, projection: insufficient('seven_day_opus') }),
        scoped('Fable', {
          utilization: 96,
          resetsAt: null,
          projection: insufficient('seven_day_fable'),
        }),
      ]),
      settings: DEFAULT_VERDICT_SETTINGS,
      now: NOW,
    });
    expect(result).toMatchObject({
      binding: 'seven_day_fable',
      level: 'critical',
      headline: 'Fable 96%',
    });
  });
});

describe('the overall verdict', () => {
  const signedOut = baseSourceView(NOW, {
    error: {
      kind: 'auth',
      message: 'Your Claude Code sign-in has expired. Run `claude` to sign in again.',
      retryAt: null,
    },
  });
  const offline = baseSourceView(NOW, {
    error: {
      kind: 'network',
      message: 'Cannot reach api.anthropic.com. Check your connection.',
      retryAt: NOW + MINUTE,
    },
  });

  it.each([
    {
      case: 'before the first look: stale, reading',
      overview: null,
      level: 'stale',
      binding: null,
      headline: '',
      message: 'Reading your Claude usage…',
    },
    {
      case: 'no figures and signed out',
      overview: overview([], [signedOut]),
      level: 'signed-out',
      binding: null,
      headline: '',
      message: 'Your Claude Code sign-in has expired. Run `claude` to sign in again.',
    },
    {
      case: 'no figures and a failing source',
      overview: overview([], [offline]),
      level: 'error',
      binding: null,
      headline: '',
      message: 'Cannot reach api.anthropic.com. Check your connection.',
    },
    {
      case: 'no figures and nothing wrong',
      overview: overview([], []),
      level: 'stale',
      binding: null,
      headline: '',
      message: 'No usage figures yet.',
    },
    {
      case: 'a spend-limit account at 91 % of its cap',
      overview: overview([], [baseSourceView(NOW)], {
        enabled: true,
        used: 455,
        limit: 500,
        currency: 'USD',
        utilization: 91,
        source: 'oauth',
      }),
      level: 'critical',
      binding: null,
      headline: '',
      message: null,
    },
    {
      case: 'the binding window and a more severe one: both in the headline, the worse level',
      overview: overview([
        session({
          utilization: 42,
          projection: atRisk('five_hour', NOW + 3 * HOUR, NOW + 4 * HOUR),
        }),
        week({ utilization: 91 }),
      ]),
      level: 'critical',
      binding: 'five_hour',
      headline: 'S 42% · W 91%',
      message: null,
    },
    {
      case: 'the binding window is the most severe: its headline alone',
      overview: overview([session({ utilization: 42 }), week({ utilization: 73 })]),
      level: 'warning',
      binding: 'seven_day',
      headline: 'W 73%',
      message: null,
    },
    {
      case: 'a locked window locks the glance',
      overview: overview([session({ utilization: 100 }), week({ utilization: 50 })]),
      level: 'locked',
      binding: 'five_hour',
      headline: 'S 100%',
      message: null,
    },
    {
      case: 'the binding window’s source signed out',
      overview: overview([session({ utilization: 42, stale: true })], [signedOut]),
      level: 'signed-out',
      binding: 'five_hour',
      headline: 'S 42%',
      message: 'Your Claude Code sign-in has expired. Run `claude` to sign in again.',
    },
    {
      case: 'every window stale',
      overview: overview(
        [session({ utilization: 42, stale: true }), week({ utilization: 95, stale: true })],
        [offline],
      ),
      level: 'stale',
      binding: 'seven_day',
      headline: 'W 95%',
      message: null,
    },
    {
      case: 'a fresh window decides over a stale one',
      overview: overview([
        session({ utilization: 55 }),
        week({ utilization: 95, stale: true, source: 'web' }),
      ]),
      level: 'warning',
      binding: 'seven_day',
      headline: 'W 95% · S 55%',
      message: null,
    },
  ])('$case', ({ overview: merged, level, binding, headline, message }) => {
    const result = verdict({ overview: merged, settings: DEFAULT_VERDICT_SETTINGS, now: NOW });
    expect({
      level: result.level,
      binding: result.binding,
      headline: result.headline,
      message: result.message,
    }).toEqual({ level, binding, headline, message });
  });

  it('grades extra usage with the general thresholds, and 100 % of its cap as locked', () => {
    const extra = (utilization: number | null) =>
      verdict({
        overview: overview([session()], [baseSourceView(NOW)], {
          enabled: true,
          used: 1,
          limit: 20,
          currency: 'USD',
          utilization,
          source: 'oauth',
        }),
        settings: DEFAULT_VERDICT_SETTINGS,
        now: NOW,
      }).extraUsage;
    expect([extra(null), extra(10), extra(60), extra(91), extra(100)]).toEqual([
      { utilization: null, level: 'normal' },
      { utilization: 10, level: 'normal' },
      { utilization: 60, level: 'warning' },
      { utilization: 91, level: 'critical' },
      { utilization: 100, level: 'locked' },
    ]);
  });
});

describe('window names', () => {
  it.each([
    ['five_hour', 'Session', 'S', null],
    ['seven_day', 'Week', 'W', null],
    ['monthly_budget', 'Month · $200 budget', '$', null],
    ['seven_day_opus', 'Week · Opus', 'Opus', 'Opus'],
    ['seven_day_claude_opus_4_8', 'Week · Claude Opus 4.8', 'Opus', 'Opus 4.8'],
    ['seven_day_sonnet_4_5', 'Week · Sonnet 4.5', 'Sonnet', 'Sonnet 4.5'],
    [
      'seven_day_x',
      'Week · Claude Opus 4.8 Extended Thinking Preview',
      'Opus',
      'Opus 4.8 Extended…',
    ],
  ])('%s "%s" → %s, %s', (id, label, short, scope) => {
    expect(windowNames(id, label)).toEqual({ short, scope });
  });
});

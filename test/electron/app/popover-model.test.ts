import { emptyTokenCounts, type LogsSummary } from '../../../shared/domain/logs-summary';
import { describe, expect, it } from 'vitest';
import { buildPopoverModel, type PopoverInput } from '../../../electron/app/popover-model';
import type { EngineState } from '../../../electron/core/services/engine';
import { defaultSettings, type Settings } from '../../../shared/domain/settings';
import { assessViews } from '../../../shared/domain/verdict';
import type { BankedReset } from '../../../shared/domain/snapshot';
import type { SourceView, WindowView } from '../../../shared/domain/source-view';
import type { UsageError } from '../../../shared/domain/usage-error';
import {
  DAY,
  HOUR,
  MINUTE,
  sourceView as baseSourceView,
  t,
  windowView as baseWindowView,
} from '../../shared/domain/factories';

const NOW = t('2026-11-21T09:00');

const windowView = (overrides: Partial<WindowView> = {}): WindowView =>
  baseWindowView(NOW, {
    resetsAt: NOW + 2 * HOUR,
    pace: { usedPct: 42, elapsedPct: 60, deltaPct: -18, sentence: '18 points under an even pace' },
    chart: { recent: [{ at: NOW - MINUTE, utilization: 42 }], week: [], resets: [] },
    ...overrides,
  });
const sourceView = (overrides: Partial<SourceView> = {}): SourceView =>
  baseSourceView(NOW, { windows: [windowView()], ...overrides });

function input(
  views: readonly SourceView[] | null,
  overrides: Partial<PopoverInput> = {},
): PopoverInput {
  const settings = overrides.settings ?? defaultSettings();
  return {
    state: views === null ? null : engineState(views, settings),
    settings,
    route: 'Max subscription',
    notices: [],
    now: NOW,
    ...overrides,
  };
}

/** The engine's state over these views: merged and judged as the engine does once per tick. */
function engineState(
  views: readonly SourceView[],
  settings: Settings = defaultSettings(),
  logs: LogsSummary | null = null,
  failure: string | null = null,
): EngineState {
  return {
    updatedAt: NOW,
    views,
    ...assessViews(views, settings.alerts, NOW, failure),
    logs,
    problems: [],
    failure: failure === null ? null : { message: failure, since: NOW },
  };
}

const failure = (
  kind: UsageError['kind'],
  message: string,
  retryAt: number | null = null,
): UsageError => ({ kind, message, retryAt });

describe('the popover model', () => {
  it('shows the local estimate only when Claude Code was used in the last 30 days', () => {
    const tokens = (total: number) => ({ ...emptyTokenCounts(), output: total, total });
    const logs = (total: number): LogsSummary => ({
      computedAt: NOW,
      activeBlock: null,
      today: { tokens: tokens(0), costUsd: 0, unpricedTokens: {} },
      last30Days: { tokens: tokens(total), costUsd: total / 1_000, unpricedTokens: {} },
      problems: { malformedLines: 0, unreadableFiles: [] },
    });
    const withLogs = (summary: LogsSummary) =>
      buildPopoverModel(input([], { state: engineState([], defaultSettings(), summary) }));
    expect(withLogs(logs(0)).logs).toBeNull();
    expect(withLogs(logs(1_500)).logs).toEqual(logs(1_500));
  });

  it('before the first look: loading, no cards, no banners', () => {
    const model = buildPopoverModel(input(null));
    expect(model).toMatchObject({
      phase: 'loading',
      cards: [],
      banners: [],
      updated: { fetchedAt: null, stale: false },
    });
  });

  it('puts the session first, then the week, model weeks and budgets, and marks the binding one', () => {
    const windows = [
      windowView({
        id: 'monthly_budget',
        label: 'Month · budget',
        money: { used: 10, limit: 200, currency: 'USD' },
      }),
      windowView({ id: 'seven_day_opus', label: 'Week · Opus', utilization: 73 }),
      windowView({ id: 'seven_day', label: 'Week', utilization: 61 }),
      windowView(),
    ];
    const model = buildPopoverModel(input([sourceView({ windows })]));
    expect(model.cards.map((card) => [card.id, card.binding])).toEqual([
      ['five_hour', false],
      ['seven_day', false],
      ['seven_day_opus', true],
      ['monthly_budget', false],
    ]);
    expect(model.cards[3]?.money).toEqual({ used: 10, limit: 200, currency: 'USD' });
    expect(model.cards[0]).toMatchObject({
      source: 'oauth',
      fetchedAt: NOW - MINUTE,
      pace: { elapsedPct: 60, sentence: '18 points under an even pace' },
    });
    expect(model.banners).toEqual([]);
    expect(model.updated).toEqual({ fetchedAt: NOW - MINUTE, stale: false });
  });

  it('signed out: says how to sign in, or which credential to paste instead, with the command to copy and a settings button', () => {
    const model = buildPopoverModel(
      input([
        sourceView({
          fetchedAt: null,
          windows: [],
          error: failure('no-credentials', 'Claude Code is not signed in on this machine.'),
        }),
      ]),
    );
    expect(model.banners).toEqual([
      {
        kind: 'signed-out',
        title: 'Not signed in',
        message:
          'Claude Code is not signed in on this machine. Or paste a claude.ai session key in Settings.',
        source: 'oauth',
        retryAt: null,
        until: null,
        actions: ['copy-claude', 'settings'],
      },
    ]);
  });

  it('rate-limited: carries the retry time, and offers no button (a refresh could not go out)', () => {
    const model = buildPopoverModel(
      input([
        sourceView({
          stale: true,
          error: failure(
            'rate-limited',
            'Anthropic is rate-limiting usage requests.',
            NOW + 10 * MINUTE,
          ),
        }),
      ]),
    );
    expect(model.banners.map((b) => [b.kind, b.title, b.retryAt, b.actions])).toEqual([
      ['rate-limited', 'Rate-limited by Anthropic', NOW + 10 * MINUTE, []],
    ]);
    expect(model.updated.stale).toBe(true);
  });

  it('an error over earlier figures: one error banner, the cards marked stale', () => {
    const model = buildPopoverModel(
      input([
        sourceView({
          stale: true,
          error: failure(
            'server',
            "Anthropic's API answered with an error (HTTP 500).",
            NOW + 5 * MINUTE,
          ),
        }),
      ]),
    );
    expect(model.banners.map((b) => [b.kind, b.title, b.actions])).toEqual([
      ['error', 'The service had a problem', ['refresh']],
    ]);
    expect(model.cards.map((card) => card.stale)).toEqual([true]);
  });

  it('stale without an error: a stale banner with a refresh button', () => {
    const model = buildPopoverModel(
      input([sourceView({ stale: true, fetchedAt: NOW - 3 * HOUR })]),
    );
    expect(model.banners.map((b) => [b.kind, b.actions])).toEqual([['stale', ['refresh']]]);
    expect(model.updated).toEqual({ fetchedAt: NOW - 3 * HOUR, stale: true });
  });

  it('locked: names the limit and when it lifts', () => {
    const model = buildPopoverModel(
      input([sourceView({ windows: [windowView({ utilization: 100 })] })]),
    );
    expect(model.banners.map((b) => [b.kind, b.title, b.until])).toEqual([
      ['locked', 'Session limit reached', NOW + 2 * HOUR],
    ]);
  });

  it('locked with extra usage on and under its cap: says requests continue, billed to extra usage', () => {
    const extra = { enabled: true, used: 3.25, limit: 20.5, currency: 'USD', utilization: 15.85 };
    const locked = (extraUsage: typeof extra) =>
      buildPopoverModel(
        input([sourceView({ windows: [windowView({ utilization: 100 })], extraUsage })]),
      ).banners.map((b) => [b.kind, b.message]);
    expect(locked(extra)).toEqual([
      [
        'locked',
        'Extra usage is on: requests continue, billed to extra usage, until this limit resets.',
      ],
    ]);
    expect(locked({ ...extra, used: 20.5, utilization: 100 })).toEqual([
      [
        'locked',
        'Claude will not take new requests until this limit resets. Extra usage has reached its monthly cap. Pacewatch tells you when it does.',
      ],
    ]);
  });

  it('the buttons that fix each sign-in problem: copy `claude`, check again, or the status line', () => {
    const actions = (source: 'oauth' | 'web', kind: UsageError['kind']) =>
      buildPopoverModel(
        input([sourceView({ source, fetchedAt: null, windows: [], error: failure(kind, 'x') })]),
      ).banners.map((b) => b.actions);
    expect(actions('oauth', 'auth')).toEqual([['copy-claude', 'refresh']]);
    expect(actions('oauth', 'forbidden')).toEqual([['copy-claude', 'statusline']]);
    expect(actions('web', 'auth')).toEqual([['settings']]);
    expect(actions('oauth', 'network')).toEqual([['refresh']]);
  });

  it('a spend-limit account: the enterprise banner and the spend', () => {
    const extra = { enabled: true, used: 123.45, limit: 500, currency: 'USD', utilization: 24.69 };
    const model = buildPopoverModel(input([sourceView({ windows: [], extraUsage: extra })]));
    expect(model.banners.map((b) => b.kind)).toEqual(['enterprise']);
    // The verdict grades it: 24.69 % is under the first threshold.
    expect(model.extraUsage).toEqual({ ...extra, source: 'oauth', level: 'normal' });
    expect(model.updated.fetchedAt).toBe(NOW - MINUTE);
  });

  it('no data: says to turn a source on when none that polls is on, else that none has answered yet', () => {
    const silentStatusLine = sourceView({ source: 'statusline', fetchedAt: null, windows: [] });
    expect(buildPopoverModel(input([])).banners.map((b) => [b.title, b.actions])).toEqual([
      ['No usage source is on', ['settings']],
    ]);
    expect(buildPopoverModel(input([silentStatusLine])).banners.map((b) => b.title)).toEqual([
      'No usage source is on',
    ]);
    expect(
      buildPopoverModel(
        input([sourceView({ fetchedAt: null, windows: [] }), silentStatusLine]),
      ).banners.map((b) => [b.title, b.actions]),
    ).toEqual([['No figures yet', ['refresh']]]);
  });

  it('names the source in a banner when several sources report (a silent one does not count)', () => {
    const web = sourceView({
      source: 'web',
      stale: true,
      error: failure('auth', 'Your claude.ai session has expired.'),
    });
    const silent = sourceView({ source: 'statusline', fetchedAt: null, windows: [] });
    expect(
      buildPopoverModel(input([sourceView(), web, silent])).banners.map((b) => b.title),
    ).toEqual(['claude.ai session: Sign-in needs renewing']);
    expect(buildPopoverModel(input([web, silent])).banners.map((b) => b.title)).toEqual([
      'Sign-in needs renewing',
    ]);
  });

  it('shows month-to-date spend when no budget card shows it, and the freshest credit balance', () => {
    const spend = { amount: 143.2, currency: 'USD', since: NOW - 20 * 24 * HOUR, models: [] };
    const admin = sourceView({ source: 'admin', windows: [], spend });
    const web = sourceView({ source: 'web', prepaidCredits: { amount: 25, currency: 'USD' } });
    const model = buildPopoverModel(input([sourceView(), admin, web]));
    expect(model.spend).toEqual({
      amount: 143.2,
      currency: 'USD',
      since: spend.since,
      source: 'admin',
    });
    expect(model.prepaidCredits).toEqual({ amount: 25, currency: 'USD', source: 'web' });
    const budget = windowView({
      id: 'monthly_budget',
      label: 'Month · budget',
      money: { used: 143.2, limit: 200, currency: 'USD' },
    });
    expect(
      buildPopoverModel(input([sourceView({ source: 'admin', windows: [budget], spend })])).spend,
    ).toBeNull();
  });

  it('carries the route, notices, a future snooze and the thresholds that colour the cards', () => {
    const settings = {
      ...defaultSettings(),
      snoozeUntil: NOW + HOUR,
      alerts: { ...defaultSettings().alerts, thresholds: [60, 80] },
    };
    const model = buildPopoverModel(
      input([sourceView()], {
        settings,
        notices: ['Using PACEWATCH_ANTHROPIC_URL=http://127.0.0.1:1'],
      }),
    );
    expect(model).toMatchObject({
      route: 'Max subscription',
      notices: ['Using PACEWATCH_ANTHROPIC_URL=http://127.0.0.1:1'],
      snoozedUntil: NOW + HOUR,
      warnAt: 60,
      criticalAt: 80,
    });
    const past = buildPopoverModel(
      input([sourceView()], { settings: { ...settings, snoozeUntil: NOW - 1 } }),
    );
    expect(past.snoozedUntil).toBeNull();
  });

  it('a failed poll: the last good cards, one error banner with the sentence and a refresh button', () => {
    const message =
      'Pacewatch could not update your usage (boom); the figures shown are the last good ones.';
    const views = [sourceView({ stale: true, windows: [windowView()] })];
    const model = buildPopoverModel(
      input(views, {
        state: engineState(views, defaultSettings(), null, message),
      }),
    );
    expect(model.phase).toBe('ready');
    expect(model.cards.map((card) => [card.id, card.stale])).toEqual([['five_hour', true]]);
    expect(model.banners).toEqual([
      {
        kind: 'error',
        title: 'Pacewatch could not update',
        message,
        source: null,
        retryAt: null,
        until: null,
        actions: ['refresh'],
      },
    ]);
  });
});

describe('the popover cards carry the verdict', () => {
  const atRisk = (windowId: string, lockoutAt: number, resetsAt: number) => ({
    windowId,
    status: 'at-risk' as const,
    ratePerHour: 5,
    projectedFullAt: lockoutAt,
    lockoutAt,
    blockedMs: resetsAt - lockoutAt,
    note: null,
  });

  it('a lockout 2.5 days away is a warning, not critical; one in 20 minutes is critical', () => {
    const week = windowView({
      id: 'seven_day',
      label: 'Week',
      utilization: 73,
      resetsAt: NOW + 4 * 24 * HOUR,
      projection: atRisk('seven_day', NOW + 60 * HOUR, NOW + 4 * 24 * HOUR),
    });
    const session = windowView({
      utilization: 30,
      projection: atRisk('five_hour', NOW + 20 * MINUTE, NOW + 2 * HOUR),
    });
    const model = buildPopoverModel(input([sourceView({ windows: [week, session] })]));
    expect(
      model.cards.map((card) => [
        card.id,
        card.headline,
        card.level,
        card.lockoutSoon,
        card.binding,
      ]),
    ).toEqual([
      ['five_hour', 'S 30%', 'critical', true, true],
      ['seven_day', 'W 73%', 'warning', false, false],
    ]);
    expect(model.glance).toEqual({ level: 'critical', binding: 'five_hour', headline: 'S 30%' });
  });

  it('applies a window’s own thresholds', () => {
    const settings = {
      ...defaultSettings(),
      alerts: { ...defaultSettings().alerts, windowThresholds: { five_hour: [20, 40] } },
    };
    const model = buildPopoverModel(input([sourceView()], { settings }));
    expect(model.cards[0]).toMatchObject({ level: 'critical', thresholds: [20, 40] });
  });

  it('shows a window whose reset time has passed as reset: 0 %, no reset time, no projection', () => {
    const session = windowView({
      utilization: 97,
      resetsAt: NOW - 30 * MINUTE,
      projection: atRisk('five_hour', NOW - HOUR, NOW - 30 * MINUTE),
    });
    const model = buildPopoverModel(input([sourceView({ windows: [session] })]));
    expect(model.cards[0]).toMatchObject({
      utilization: 0,
      resetsAt: null,
      resetAt: NOW - 30 * MINUTE,
      level: 'normal',
      binding: false,
      headline: 'S 0%',
      projection: { status: 'safe', lockoutAt: null, blockedMs: null, note: null },
      pace: null,
    });
    expect(model.banners).toEqual([]);
  });
});

describe('banked resets in the popover model', () => {
  const grant = (overrides: Partial<BankedReset> = {}): BankedReset => ({
    id: 'grant-1',
    label: 'Launch reset',
    left: 1,
    total: 2,
    startsAt: NOW - 2 * DAY,
    endsAt: NOW + 3 * DAY,
    clears: ['five_hour', 'seven_day'],
    usableNow: true,
    paused: false,
    ...overrides,
  });

  it('carries the live grants, soonest expiry first, and no advice while nothing is locked', () => {
    const spent = grant({ id: 'spent', left: 0 });
    const expired = grant({ id: 'expired', endsAt: NOW - MINUTE });
    const later = grant({ id: 'later', endsAt: null });
    const soon = grant({ id: 'soon', endsAt: NOW + HOUR });
    const model = buildPopoverModel(
      input([sourceView({ bankedResets: [later, spent, expired, grant(), soon] })]),
    );
    expect(model.banked.resets.map((reset) => reset.id)).toEqual(['soon', 'grant-1', 'later']);
    expect(model.banked.advice).toBeNull();
  });

  it('advises spending one when it would clear a window the user is locked out of', () => {
    const locked = windowView({
      id: 'seven_day',
      label: 'Week',
      utilization: 100,
      resetsAt: NOW + 2 * DAY + 4 * HOUR,
    });
    const model = buildPopoverModel(
      input([sourceView({ windows: [windowView(), locked], bankedResets: [grant()] })]),
    );
    expect(model.banked.advice).toBe(
      'A reset would clear your week now; you are locked for 2 d 4 h otherwise. Run /limit-reset in Claude Code to use one.',
    );
  });

  it('is empty without grants, and before the first look at the sources', () => {
    expect(buildPopoverModel(input([sourceView()])).banked).toEqual({ resets: [], advice: null });
    expect(buildPopoverModel(input(null)).banked).toEqual({ resets: [], advice: null });
  });
});

import { describe, expect, it } from 'vitest';
import type { TrayTitleChoice } from '../../../shared/domain/settings';
import type { SourceView, WindowView } from '../../../shared/domain/source-view';
import { trayView, type TrayInput } from '../../../shared/domain/tray-view';
import type { UsageError } from '../../../shared/domain/usage-error';
import {
  DEFAULT_VERDICT_SETTINGS,
  assessViews,
  verdict,
  type VerdictSettings,
} from '../../../shared/domain/verdict';
import {
  HOUR,
  MINUTE,
  sourceView as baseSourceView,
  t,
  windowView as baseWindowView,
} from './factories';

const NOW = t('2026-11-21T09:00');

const windowView = (overrides: Partial<WindowView> = {}) => baseWindowView(NOW, overrides);
const sourceView = (overrides: Partial<SourceView> = {}) =>
  baseSourceView(NOW, { windows: [windowView()], ...overrides });

/** The tray's input as the engine hands it over: the views merged and judged once. */
function input(
  views: readonly SourceView[] | null,
  settings: Partial<VerdictSettings> = {},
  show: TrayTitleChoice = 'binding',
  failure: string | null = null,
): TrayInput {
  const judged = { ...DEFAULT_VERDICT_SETTINGS, ...settings };
  if (views === null) {
    return {
      verdict: verdict({ overview: null, settings: judged, now: NOW }),
      overview: null,
      show,
      now: NOW,
    };
  }
  return { ...assessViews(views, judged, NOW, failure), show, now: NOW };
}

const error = (kind: UsageError['kind'], message: string): UsageError => ({
  kind,
  message,
  retryAt: null,
});

describe('the tray view', () => {
  it.each([
    {
      case: 'normal below the first threshold',
      views: [sourceView()],
      title: 'S 42%',
      level: 3,
      state: 'normal',
      tooltip: 'Pacewatch\nSession 42% · resets in 2 h 13 m (11:13)',
    },
    {
      case: 'warning from the first threshold',
      views: [sourceView({ windows: [windowView({ utilization: 50 })] })],
      title: 'S 50%',
      level: 4,
      state: 'warning',
      tooltip: 'Pacewatch\nSession 50% · resets in 2 h 13 m (11:13)',
    },
    {
      case: 'critical from the last threshold',
      views: [sourceView({ windows: [windowView({ utilization: 91.6 })] })],
      // Rounded down, as every surface does: "100%" only ever means the limit is reached.
      title: 'S 91%',
      level: 7,
      state: 'critical',
      tooltip: 'Pacewatch\nSession 91% · resets in 2 h 13 m (11:13)',
    },
    {
      case: 'critical when a lockout is projected within the lead time',
      views: [
        sourceView({
          windows: [
            windowView({
              utilization: 60,
              projection: {
                windowId: 'five_hour',
                status: 'at-risk',
                ratePerHour: 80,
                projectedFullAt: NOW + 29 * MINUTE,
                lockoutAt: NOW + 29 * MINUTE,
                blockedMs: HOUR,
                note: null,
              },
            }),
          ],
        }),
      ],
      title: 'S 60%',
      level: 5,
      state: 'critical',
      tooltip: 'Pacewatch\nSession 60% · locks ~09:29 · resets in 2 h 13 m (11:13)',
    },
    {
      case: 'locked at 100% until the reset',
      views: [sourceView({ windows: [windowView({ utilization: 100 })] })],
      title: 'S 100%',
      level: 8,
      state: 'locked',
      tooltip: 'Pacewatch\nSession 100% · limit reached · resets in 2 h 13 m (11:13)',
    },
    {
      case: 'stale figures keep their number, with their age',
      views: [sourceView({ stale: true, fetchedAt: NOW - 3 * HOUR })],
      title: 'S 42%',
      level: 3,
      state: 'stale',
      tooltip: 'Pacewatch · stale, updated 3 h ago\nSession 42% · resets in 2 h 13 m (11:13)',
    },
    {
      case: 'an error with nothing to show',
      views: [
        sourceView({
          fetchedAt: null,
          windows: [],
          error: error(
            'network',
            'Could not reach api.anthropic.com (connection refused). Check your connection; Pacewatch retries by itself.',
          ),
        }),
      ],
      title: '',
      level: 0,
      state: 'error',
      tooltip: 'Pacewatch: Could not reach api.anthropic.com (connection refused).',
    },
    {
      case: 'signed out, with nothing to show',
      views: [
        sourceView({
          fetchedAt: null,
          windows: [],
          error: error(
            'no-credentials',
            'Claude Code is not signed in on this machine. Run `claude` and sign in.',
          ),
        }),
      ],
      title: '',
      level: 0,
      state: 'signed-out',
      tooltip: 'Pacewatch: Claude Code is not signed in on this machine.',
    },
    {
      case: 'signed out (sign-in expired) while the last figures are still shown',
      views: [
        sourceView({ stale: true, error: error('auth', 'Your Claude Code sign-in has expired.') }),
      ],
      title: 'S 42%',
      level: 3,
      state: 'signed-out',
      tooltip: 'Pacewatch · sign in again to update\nSession 42% · resets in 2 h 13 m (11:13)',
    },
    {
      case: 'a spend-limit account: the spend as the figure',
      views: [
        sourceView({
          windows: [],
          extraUsage: {
            enabled: true,
            used: 123.45,
            limit: 500,
            currency: 'USD',
            utilization: 24.69,
          },
        }),
      ],
      // Rounded down, and named: "$" is the spend against its cap.
      title: '$ 24%',
      level: 2,
      state: 'normal',
      tooltip: 'Pacewatch: $123.45 of $500.00 spent this month',
    },
    {
      case: 'API billing without a budget: the month’s spend in the tooltip',
      views: [
        sourceView({
          source: 'admin',
          windows: [],
          spend: { amount: 143.2, currency: 'USD', since: NOW - 20 * 24 * HOUR, models: [] },
        }),
      ],
      title: '',
      level: 0,
      state: 'normal',
      tooltip: 'Pacewatch: $143.20 API spend this month',
    },
    {
      case: 'no figures yet',
      views: [sourceView({ fetchedAt: null, windows: [] })],
      title: '',
      level: 0,
      state: 'stale',
      tooltip: 'Pacewatch: No usage figures yet.',
    },
    {
      case: 'before the first look',
      views: null,
      title: '',
      level: 0,
      state: 'stale',
      tooltip: 'Pacewatch: Reading your Claude usage…',
    },
  ])('$case', ({ views, title, level, state, tooltip }) => {
    expect(trayView(input(views))).toEqual({ title, level, state, tooltip });
  });

  it('uses a window’s own thresholds when it has them', () => {
    const views = [sourceView({ windows: [windowView({ utilization: 60 })] })];
    expect(trayView(input(views, { windowThresholds: { five_hour: [80] } })).state).toBe('normal');
    expect(trayView(input(views, { windowThresholds: { five_hour: [30, 55] } })).state).toBe(
      'critical',
    );
    expect(trayView(input(views, { thresholds: [] })).state).toBe('normal');
  });

  it('shows the binding window, not the fullest', () => {
    const week = windowView({
      id: 'seven_day',
      label: 'Week',
      utilization: 70,
      resetsAt: NOW + 50 * HOUR,
    });
    const session = windowView({ utilization: 100 });
    expect(trayView(input([sourceView({ windows: [week, session] })])).title).toBe('S 100%');
  });
});

describe('the tray title and tooltip name what they show', () => {
  const session = windowView({ utilization: 42 });
  const week = windowView({
    id: 'seven_day',
    label: 'Week',
    utilization: 73,
    resetsAt: NOW + 50 * HOUR,
    projection: {
      windowId: 'seven_day',
      status: 'at-risk',
      ratePerHour: 0.5,
      projectedFullAt: NOW + 46 * HOUR,
      lockoutAt: NOW + 46 * HOUR,
      blockedMs: 4 * HOUR,
      note: null,
    },
  });
  const opus = windowView({
    id: 'seven_day_claude_opus_4_8',
    label: 'Week · Claude Opus 4.8',
    utilization: 12,
    resetsAt: NOW + 50 * HOUR,
  });
  const views = [sourceView({ windows: [opus, week, session] })];

  it.each([
    ['binding', 'W 73%', 6],
    ['session', 'S 42%', 3],
    ['week', 'W 73%', 6],
    ['both', 'S 42% · W 73%', 3],
  ] as const)('%s → "%s"', (show, title, level) => {
    expect(trayView(input(views, {}, show))).toMatchObject({ title, level });
  });

  it('lists every window on its own line; a lockout 2 days away is only a warning', () => {
    expect(trayView(input(views))).toEqual({
      title: 'W 73%',
      level: 6,
      state: 'warning',
      tooltip: [
        'Pacewatch',
        'Session 42% · resets in 2 h 13 m (11:13)',
        'Week 73% · locks ~Mon 07:00 · resets Mon 11:00 (in 2 d 2 h)',
        'Week · Claude Opus 4.8 12% · resets Mon 11:00 (in 2 d 2 h)',
      ].join('\n'),
    });
  });

  it('falls back to the headline when the chosen window is not reported', () => {
    const onlyWeek = [sourceView({ windows: [week] })];
    expect(trayView(input(onlyWeek, {}, 'session')).title).toBe('W 73%');
  });

  it('says a window whose reset time has passed has reset, and shows the other', () => {
    const passed = windowView({ utilization: 99, resetsAt: NOW - 60_000 * 60 });
    const view = trayView(input([sourceView({ windows: [passed, week] })], {}, 'both'));
    expect(view).toEqual({
      title: 'S 0% · W 73%',
      level: 0,
      state: 'warning',
      tooltip: [
        'Pacewatch',
        'Session 0% · reset at 08:00 — new figures with the next poll',
        'Week 73% · locks ~Mon 07:00 · resets Mon 11:00 (in 2 d 2 h)',
      ].join('\n'),
    });
  });

  it('shows the error state while the engine cannot update, keeping the last good figure', () => {
    const views = [sourceView({ stale: true, windows: [windowView()] })];
    const failure =
      'Pacewatch could not update your usage (boom); the figures shown are the last good ones.';
    expect(trayView(input(views, {}, 'binding', failure))).toEqual({
      title: 'S 42%',
      level: 3,
      state: 'error',
      tooltip:
        'Pacewatch · could not update · open Pacewatch for details\nSession 42% · resets in 2 h 13 m (11:13)',
    });
    expect(trayView(input([], {}, 'binding', failure))).toEqual({
      title: '',
      level: 0,
      state: 'error',
      tooltip: 'Pacewatch: could not update · open Pacewatch for details',
    });
  });
});

import { describe, expect, it } from 'vitest';
import type { SourceView, WindowView } from '../../../shared/domain/source-view';
import { trayView, type TrayInput } from '../../../shared/domain/tray-view';
import type { UsageError } from '../../../shared/domain/usage-error';
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

function input(views: readonly SourceView[] | null, overrides: Partial<TrayInput> = {}): TrayInput {
  return {
    views,
    thresholds: [50, 75, 90],
    windowThresholds: {},
    lockoutLeadMinutes: 30,
    now: NOW,
    ...overrides,
  };
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
      title: '42%',
      level: 3,
      state: 'normal',
      tooltip: 'Pacewatch: Session 42% · resets in 2 h 13 m (11:13)',
    },
    {
      case: 'warning from the first threshold',
      views: [sourceView({ windows: [windowView({ utilization: 50 })] })],
      title: '50%',
      level: 4,
      state: 'warning',
      tooltip: 'Pacewatch: Session 50% · resets in 2 h 13 m (11:13)',
    },
    {
      case: 'critical from the last threshold',
      views: [sourceView({ windows: [windowView({ utilization: 91.6 })] })],
      title: '92%',
      level: 7,
      state: 'critical',
      tooltip: 'Pacewatch: Session 92% · resets in 2 h 13 m (11:13)',
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
      title: '60%',
      level: 5,
      state: 'critical',
      tooltip: 'Pacewatch: Session 60% · resets in 2 h 13 m (11:13)',
    },
    {
      case: 'locked at 100% until the reset',
      views: [sourceView({ windows: [windowView({ utilization: 100 })] })],
      title: '100%',
      level: 8,
      state: 'locked',
      tooltip: 'Pacewatch: Session limit reached · resets in 2 h 13 m (11:13)',
    },
    {
      case: 'stale figures keep their number, with their age',
      views: [sourceView({ stale: true, fetchedAt: NOW - 3 * HOUR })],
      title: '42%',
      level: 3,
      state: 'stale',
      tooltip: 'Pacewatch: Session 42% · resets in 2 h 13 m (11:13) · stale, updated 3 h ago',
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
      title: '42%',
      level: 3,
      state: 'signed-out',
      tooltip: 'Pacewatch: Session 42% · resets in 2 h 13 m (11:13) · sign in again to update',
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
      title: '25%',
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
      tooltip: 'Pacewatch: no usage figures yet.',
    },
    {
      case: 'before the first look',
      views: null,
      title: '',
      level: 0,
      state: 'stale',
      tooltip: 'Pacewatch: reading your Claude usage…',
    },
  ])('$case', ({ views, title, level, state, tooltip }) => {
    expect(trayView(input(views))).toEqual({ title, level, state, tooltip });
  });

  it('uses a window’s own thresholds when it has them', () => {
    const views = [sourceView({ windows: [windowView({ utilization: 60 })] })];
    expect(trayView(input(views, { windowThresholds: { five_hour: [80] } })).state).toBe('normal');
    expect(trayView(input(views, { thresholds: [] })).state).toBe('normal');
  });

  it('shows the binding window, not the fullest', () => {
    const week = windowView({
      id: 'seven_day',
      label: 'Week',
      utilization: 70,
      binding: false,
      resetsAt: NOW + 50 * HOUR,
    });
    const session = windowView({ utilization: 100 });
    expect(trayView(input([sourceView({ windows: [week, session] })])).title).toBe('100%');
  });

  it('shows the error state while the engine cannot update, keeping the last good figure', () => {
    const views = [sourceView({ stale: true, windows: [windowView()] })];
    expect(trayView(input(views, { failed: true }))).toEqual({
      title: '42%',
      level: 3,
      state: 'error',
      tooltip: 'Pacewatch: could not update (last good figure 42%) · open Pacewatch for details',
    });
    expect(trayView(input([], { failed: true }))).toEqual({
      title: '',
      level: 0,
      state: 'error',
      tooltip: 'Pacewatch: could not update · open Pacewatch for details',
    });
  });
});

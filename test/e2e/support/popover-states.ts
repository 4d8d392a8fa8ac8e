// Every popover state a user can meet, built by main's own model builder from engine views, so
// the pages are tested on exactly what main would send them.
import { buildPopoverModel } from '../../../electron/app/popover-model';
import {
  EXPIRED_MESSAGE,
  NO_CREDENTIALS_MESSAGE,
  oauthMessages,
} from '../../../electron/core/sources/oauth/messages';
import type { WindowChart } from '../../../shared/domain/history-chart';
import type { UsageSample } from '../../../shared/domain/projection';
import { defaultSettings } from '../../../shared/domain/settings';
import { DEFAULT_VERDICT_SETTINGS, assessViews } from '../../../shared/domain/verdict';
import type { ExtraUsage } from '../../../shared/domain/snapshot';
import type { SourceView, WindowView } from '../../../shared/domain/source-view';
import type { UsageError } from '../../../shared/domain/usage-error';
import type { PopoverModel } from '../../../shared/ipc/popover-model';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The states the look test walks through, in order. */
export const POPOVER_STATES = [
  'normal',
  'warning',
  'critical',
  'locked',
  'locked-extra-usage',
  'stale',
  'error',
  'rate-limited',
  'signed-out',
  'first-run',
  'expired',
  'inference-only',
] as const;

/** One of them. */
export type PopoverState = (typeof POPOVER_STATES)[number];

/**
 * Session readings over 7 days: work hours push each 5-hour period up to `peak`, then it resets;
 * the last period climbs to `current`. The resets fall on the hour.
 */
export function sessionChart(
  now: number,
  current: number,
  resetsAt: number,
  peak = 70,
): WindowChart {
  const week: UsageSample[] = [];
  const resets: number[] = [];
  for (let end = resetsAt - 5 * HOUR; end > now - 7 * DAY; end -= 5 * HOUR) {
    const hourOfDay = new Date(end).getUTCHours();
    if (hourOfDay < 7 || hourOfDay > 22) continue;
    resets.unshift(end);
    for (let i = 0; i < 10; i++)
      week.push({ at: end - 5 * HOUR + (i + 1) * 30 * MINUTE, utilization: (peak * (i + 1)) / 10 });
  }
  const start = resetsAt - 5 * HOUR;
  const recentPoints = Math.max(2, Math.floor((now - start) / (10 * MINUTE)));
  const current5h = Array.from({ length: recentPoints }, (_, i) => ({
    at: start + ((i + 1) * (now - start)) / recentPoints,
    utilization: (current * (i + 1)) / recentPoints,
  }));
  week.push(...current5h);
  week.sort((a, b) => a.at - b.at);
  return {
    recent: week.filter((s) => s.at >= now - 5 * HOUR),
    week,
    resets: resets.filter((at) => at <= now),
  };
}

/** A weekly window's readings: a steady climb to `current` since the week began. */
export function weekChart(now: number, current: number, resetsAt: number): WindowChart {
  const start = resetsAt - 7 * DAY;
  const points = Math.max(2, Math.floor((now - start) / HOUR));
  const week = Array.from({ length: points }, (_, i) => ({
    at: start + ((i + 1) * (now - start)) / points,
    utilization: (current * (i + 1)) / points,
  }));
  return {
    recent: week.filter((s) => s.at >= now - 5 * HOUR),
    week: week.filter((s) => s.at >= now - 7 * DAY),
    resets: start >= now - 7 * DAY ? [start] : [],
  };
}

function window(now: number, overrides: Partial<WindowView> & { id: string }): WindowView {
  const resetsAt = overrides.resetsAt ?? now + 2 * HOUR + 13 * MINUTE;
  const utilization = overrides.utilization ?? 42;
  const session = overrides.id === 'five_hour';
  const length = session ? 5 * HOUR : 7 * DAY;
  const elapsedPct = Math.round((100 * (length - (resetsAt - now))) / length);
  const delta = Math.round(utilization - elapsedPct);
  return {
    label: 'Session',
    utilization,
    resetsAt,
    projection: {
      windowId: overrides.id,
      status: 'safe',
      ratePerHour: session ? 6 : 0.4,
      projectedFullAt: null,
      lockoutAt: null,
      blockedMs: null,
      note: null,
    },
    pace: {
      usedPct: utilization,
      elapsedPct,
      deltaPct: delta,
      sentence:
        delta >= 0
          ? `${delta} points ahead of an even pace`
          : `${-delta} points under an even pace`,
    },
    chart: session
      ? sessionChart(now, utilization, resetsAt)
      : weekChart(now, utilization, resetsAt),
    ...overrides,
  };
}

function oauth(now: number, overrides: Partial<SourceView>): SourceView {
  return {
    source: 'oauth',
    fetchedAt: now - 2 * MINUTE,
    stale: false,
    error: null,
    windows: [],
    extraUsage: null,
    spend: null,
    prepaidCredits: null,
    promoCredit: null,
    bankedResets: [],
    ...overrides,
  };
}

const WEEK_RESET = 3 * DAY + 4 * HOUR;
const failure = (kind: UsageError['kind'], message: string, retryAt: number | null = null) => ({
  kind,
  message,
  retryAt,
});
const extra = (used: number, limit: number): ExtraUsage => ({
  enabled: true,
  used,
  limit,
  currency: 'USD',
  utilization: (100 * used) / limit,
});

/** Three windows: the session (binding), the week and the Opus week, as the live service sends. */
function windows(
  now: number,
  figures: { session: number; week: number; opus: number },
  session: Partial<WindowView> = {},
): WindowView[] {
  return [
    window(now, { id: 'five_hour', utilization: figures.session, ...session }),
    window(now, {
      id: 'seven_day',
      label: 'Week',
      utilization: figures.week,
      resetsAt: now + WEEK_RESET,
    }),
    window(now, {
      id: 'seven_day_opus',
      label: 'Week · Opus',
      utilization: figures.opus,
      resetsAt: now + WEEK_RESET,
    }),
  ];
}

function views(state: PopoverState, now: number): SourceView[] {
  const messages = oauthMessages('api.anthropic.com', 15_000);
  switch (state) {
    case 'normal':
      return [
        oauth(now, {
          windows: windows(now, { session: 42, week: 18, opus: 4 }),
          extraUsage: extra(3.25, 20.5),
        }),
      ];
    case 'warning':
      return [oauth(now, { windows: windows(now, { session: 64, week: 57, opus: 12 }) })];
    case 'critical':
      return [
        oauth(now, {
          windows: windows(
            now,
            { session: 93, week: 71, opus: 22 },
            {
              projection: {
                windowId: 'five_hour',
                status: 'at-risk',
                ratePerHour: 10.5,
                projectedFullAt: now + 40 * MINUTE,
                lockoutAt: now + 40 * MINUTE,
                blockedMs: HOUR + 33 * MINUTE,
                note: null,
              },
            },
          ),
        }),
      ];
    case 'locked':
    case 'locked-extra-usage':
      return [
        oauth(now, {
          windows: windows(
            now,
            { session: 100, week: 76, opus: 31 },
            {
              projection: {
                windowId: 'five_hour',
                status: 'locked',
                ratePerHour: null,
                projectedFullAt: null,
                lockoutAt: now - 20 * MINUTE,
                blockedMs: 2 * HOUR + 33 * MINUTE,
                note: null,
              },
            },
          ),
          extraUsage: state === 'locked' ? null : extra(18.66, 20.5),
        }),
      ];
    case 'stale':
      return [
        oauth(now, {
          fetchedAt: now - 3 * HOUR,
          stale: true,
          windows: windows(now, { session: 35, week: 52, opus: 9 }),
        }),
      ];
    case 'error':
      return [
        oauth(now, {
          fetchedAt: null,
          error: failure('server', messages.server(500), now + 4 * MINUTE),
        }),
      ];
    case 'rate-limited':
      return [
        oauth(now, {
          stale: true,
          fetchedAt: now - 40 * MINUTE,
          windows: windows(now, { session: 48, week: 33, opus: 7 }),
          error: failure('rate-limited', messages.rateLimited(), now + 9 * MINUTE),
        }),
      ];
    case 'signed-out':
      return [
        oauth(now, { fetchedAt: null, error: failure('no-credentials', NO_CREDENTIALS_MESSAGE) }),
      ];
    case 'first-run':
      // Nothing read yet, nothing failed: the first poll has not answered.
      return [oauth(now, { fetchedAt: null })];
    case 'expired':
      return [oauth(now, { fetchedAt: null, error: failure('auth', EXPIRED_MESSAGE) })];
    case 'inference-only':
      return [oauth(now, { fetchedAt: null, error: failure('forbidden', messages.forbidden()) })];
  }
}

/** The popover model main would send in `state` at `now`. */
export function popoverState(state: PopoverState, now: number): PopoverModel {
  return buildPopoverModel({
    state: {
      updatedAt: now,
      views: views(state, now),
      logs: null,
      problems: [],
      failure: null,
      ...assessViews(views(state, now), DEFAULT_VERDICT_SETTINGS, now),
    },
    settings: defaultSettings(),
    route: 'Max subscription',
    notices: [],
    now,
  });
}

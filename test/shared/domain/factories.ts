import type { Snapshot, SourceId, UsageWindow } from '../../../shared/domain/snapshot';
import type { SourceView, WindowView } from '../../../shared/domain/source-view';

/** Epoch ms of a UTC wall time like "2026-11-21T09:00" (the tests run with TZ=UTC). */
export function t(text: string): number {
  const ms = Date.parse(`${text}Z`);
  if (Number.isNaN(ms)) throw new Error(`bad test time ${text}`);
  return ms;
}

export const SECOND = 1_000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** A session window unless told otherwise. */
export function usageWindow(overrides: Partial<UsageWindow> = {}): UsageWindow {
  return { id: 'five_hour', label: 'Session', utilization: 0, resetsAt: null, ...overrides };
}

/** A weekly window. */
export function weekWindow(overrides: Partial<UsageWindow> = {}): UsageWindow {
  return usageWindow({ id: 'seven_day', label: 'Week', ...overrides });
}

/** A snapshot of the oauth source unless told otherwise. */
export function snapshot(
  fetchedAt: number,
  windows: readonly UsageWindow[],
  source: SourceId = 'oauth',
): Snapshot {
  return { source, fetchedAt, windows, extraUsage: null };
}

/** A session window as surfaces receive it: 42 %, safe, resetting in 2 h 13 m. */
export function windowView(now: number, overrides: Partial<WindowView> = {}): WindowView {
  return {
    id: 'five_hour',
    label: 'Session',
    utilization: 42,
    resetsAt: now + 2 * HOUR + 13 * MINUTE,
    projection: {
      windowId: 'five_hour',
      status: 'safe',
      ratePerHour: 1,
      projectedFullAt: null,
      lockoutAt: null,
      blockedMs: null,
      note: null,
    },
    pace: null,
    chart: { recent: [], week: [], resets: [] },
    ...overrides,
  };
}

/** The oauth source fetched a minute ago with one session window. */
export function sourceView(now: number, overrides: Partial<SourceView> = {}): SourceView {
  return {
    source: 'oauth',
    fetchedAt: now - MINUTE,
    stale: false,
    error: null,
    windows: [windowView(now)],
    extraUsage: null,
    spend: null,
    prepaidCredits: null,
    promoCredit: null,
    bankedResets: [],
    ...overrides,
  };
}

import type { Snapshot, SourceId, UsageWindow } from '../../../shared/domain/snapshot';

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

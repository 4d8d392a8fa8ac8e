import { sparkline, type History } from './history';
import { periodKey } from './period';
import type { UsageSample } from './projection';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The two spans a window's history chart shows. */
export const CHART_SPANS = { recent: 5 * HOUR, week: 7 * DAY } as const;

/** How many readings each span keeps at most (the highest per equal time slice). */
export const CHART_POINTS = { recent: 60, week: 168 } as const;

/** What a window's history chart draws: recent readings, the week's, and when it reset. */
export interface WindowChart {
  /** Readings of the last 5 hours, oldest first. */
  readonly recent: readonly UsageSample[];
  /** Readings of the last 7 days, oldest first. */
  readonly week: readonly UsageSample[];
  /** The window's resets within the last 7 days (epoch ms), oldest first. */
  readonly resets: readonly number[];
}

/**
 * A window's chart from its history: the last 5 hours and 7 days of readings, and each reset in
 * those 7 days, known from the reset times the server gave with the readings (one per period).
 */
export function windowChart(history: History, windowId: string, now: number): WindowChart {
  const from = now - CHART_SPANS.week;
  const resets = new Map<string, number>();
  for (const [at, , resetsAt] of history.series[windowId] ?? []) {
    const key = periodKey(resetsAt);
    if (key === null || resetsAt === null || at < from - CHART_SPANS.week) continue;
    if (resetsAt < from || resetsAt > now || resets.has(key)) continue;
    resets.set(key, resetsAt);
  }
  return {
    recent: sparkline(history, windowId, now, CHART_SPANS.recent, CHART_POINTS.recent),
    week: sparkline(history, windowId, now, CHART_SPANS.week, CHART_POINTS.week),
    resets: [...resets.values()].sort((a, b) => a - b),
  };
}

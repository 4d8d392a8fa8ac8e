import { limitHits } from '../../../shared/domain/history';
import type { SourceId } from '../../../shared/domain/snapshot';
import type { DataLayout } from '../stores/data-layout';
import { historyStore } from '../stores/history-store';
import { readable } from '../stores/readable';

/** The sources whose history records the server's own percentages. */
const ENFORCED: readonly SourceId[] = ['oauth', 'web', 'statusline'];
const DAY_MS = 86_400_000;

/** Limit hits counted from Pacewatch's usage history, and how far back that history reaches. */
export interface RecentLimitHits {
  readonly hits: number;
  /** Whole days the history covers within the span (at least 1). */
  readonly days: number;
  /** The highest session (`five_hour`) and week (`seven_day`) percentages read in the span. */
  readonly peakSessionPercent: number | null;
  readonly peakWeekPercent: number | null;
}

function peakOf(
  points: readonly (readonly [number, number, number | null])[] | undefined,
  from: number,
  current: number | null,
): number | null {
  let peak = current;
  for (const [at, utilization] of points ?? []) {
    if (at >= from) peak = Math.max(peak ?? 0, utilization);
  }
  return peak;
}

/**
 * How many limit periods reached 100 % in the last `spanMs`, from the usage history Pacewatch
 * keeps; null when no history exists yet (nothing is known, which is not the same as zero).
 * Sources see the same limits, so the largest count among them is the answer, not their sum.
 */
export async function recentLimitHits(
  layout: DataLayout,
  now: number,
  spanMs: number,
): Promise<RecentLimitHits | null> {
  let hits: number | null = null;
  let earliest = now;
  let peakSessionPercent: number | null = null;
  let peakWeekPercent: number | null = null;
  for (const source of ENFORCED) {
    const path = layout.history(source);
    if (!(await readable(path))) continue;
    const history = (await historyStore(layout, source).load()).value;
    hits = Math.max(hits ?? 0, limitHits(history, now, spanMs));
    peakSessionPercent = peakOf(history.series.five_hour, now - spanMs, peakSessionPercent);
    peakWeekPercent = peakOf(history.series.seven_day, now - spanMs, peakWeekPercent);
    for (const points of Object.values(history.series)) {
      const first = points.find(([at]) => at >= now - spanMs);
      if (first !== undefined) earliest = Math.min(earliest, first[0]);
    }
  }
  if (hits === null) return null;
  return {
    hits,
    days: Math.max(1, Math.ceil((now - earliest) / DAY_MS)),
    peakSessionPercent,
    peakWeekPercent,
  };
}

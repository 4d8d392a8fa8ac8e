import type { History, HistoryPoint } from './history';
import type { Schema, SchemaResult } from './schema';
import { BUDGET_SHARE_MAX, validEpochMs, validUtilization } from './valid';

/** A reading every surface can show: real times, a believable share (money windows included). */
function isShowable(point: unknown): point is HistoryPoint {
  if (!Array.isArray(point) || point.length !== 3) return false;
  const [at, utilization, resetsAt] = point as unknown[];
  return (
    validEpochMs(at) !== null &&
    validUtilization(utilization, BUDGET_SHARE_MAX) === utilization &&
    (resetsAt === null || validEpochMs(resetsAt) !== null)
  );
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const refused = (message: string): SchemaResult<History> => ({
  success: false,
  error: { issues: [{ message }] },
});

/**
 * The shape of a persisted history file: `{ version: 1, series: { <window id>: [point, …] } }`.
 * A reading no surface could show (written by an older version, or damaged) is left out on load;
 * the rest of the series stays. Checked by hand, not with zod: the status line appends to the
 * history, and loading zod would cost it more than the rest of its work.
 */
export const historySchema: Schema<History> = {
  safeParse(data) {
    if (!isObject(data) || data.version !== 1) return refused('version: expected 1');
    const { series } = data;
    if (!isObject(series)) return refused('series: expected an object');
    const kept: [string, HistoryPoint[]][] = [];
    for (const [id, points] of Object.entries(series)) {
      if (!Array.isArray(points)) return refused(`series.${id}: expected an array`);
      kept.push([id, points.filter(isShowable)]);
    }
    // fromEntries defines each id as its own property, `__proto__` included.
    return { success: true, data: { version: 1, series: Object.fromEntries(kept) } };
  },
};

import { z } from 'zod';
import type { History, HistoryPoint } from './history';
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

/**
 * The shape of a persisted history file. A reading no surface could show (written by an older
 * version, or damaged) is left out on load; the rest of the series stays.
 */
export const historySchema: z.ZodType<History> = z.object({
  version: z.literal(1),
  series: z.record(
    z.string(),
    z.array(z.unknown()).transform((points) => points.filter(isShowable)),
  ),
});

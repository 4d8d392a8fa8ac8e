import { periodKey } from './period';
import type { UsageSample } from './projection';
import { windowDurationMs, type Snapshot } from './snapshot';

/** One reading: when, the utilization, and the reset time the server gave with it. */
export type HistoryPoint = readonly [at: number, utilization: number, resetsAt: number | null];

/** Readings per window id, oldest first; what the sparkline, the pace and the projection read. */
export interface History {
  readonly version: 1;
  readonly series: Readonly<Record<string, readonly HistoryPoint[]>>;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Readings older than this are dropped. */
export const HISTORY_RETENTION_MS = 35 * DAY;
/** Readings this recent keep their resolution (down to one per 2 min). */
const RECENT_MS = 48 * HOUR;
const RECENT_BUCKET_MS = 2 * MINUTE;
const OLD_BUCKET_MS = 30 * MINUTE;
/** The hard cap per series, whatever the polling rate or clock. */
export const MAX_POINTS_PER_SERIES = 4000;

/** A history with no readings. */
export function emptyHistory(): History {
  return { version: 1, series: {} };
}

/** Adds one reading per window at the snapshot's fetchedAt; a repeat of that time is ignored. */
export function appendSnapshot(history: History, snapshot: Snapshot): History {
  const series: Record<string, readonly HistoryPoint[]> = { ...history.series };
  let changed = false;
  for (const window of snapshot.windows) {
    if (!Number.isFinite(window.utilization)) continue;
    const point: HistoryPoint = [snapshot.fetchedAt, window.utilization, window.resetsAt];
    const next = insertPoint(series[window.id] ?? [], point);
    if (next === null) continue;
    series[window.id] = next;
    changed = true;
  }
  return changed ? { version: 1, series } : history;
}

/** The series with `point` in time order; null when a reading at that time is already there. */
function insertPoint(points: readonly HistoryPoint[], point: HistoryPoint): HistoryPoint[] | null {
  const at = point[0];
  const last = points[points.length - 1];
  if (last === undefined || last[0] < at) return [...points, point];
  // Earlier than the last reading: the clock went back. Keep it, in order.
  let low = 0;
  let high = points.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((points[mid]?.[0] ?? Infinity) < at) low = mid + 1;
    else high = mid;
  }
  if (points[low]?.[0] === at) return null;
  return [...points.slice(0, low), point, ...points.slice(low)];
}

/**
 * Keeps history bounded whatever the uptime: drops readings older than 35 days (to the 30 min
 * bucket); older than
 * 48 h, keeps one reading per 30 min (the highest, so limit hits survive) and only the ends of
 * flat runs; newer, at most one per 2 min; at most 4000 per series (the newest).
 */
export function compactHistory(history: History, now: number): History {
  const series: Record<string, readonly HistoryPoint[]> = {};
  for (const [windowId, points] of Object.entries(history.series)) {
    const compacted = compactSeries(points, now);
    if (compacted.length > 0) series[windowId] = compacted;
  }
  return { version: 1, series };
}

function compactSeries(points: readonly HistoryPoint[], now: number): readonly HistoryPoint[] {
  const ordered = isOrdered(points) ? points : [...points].sort((a, b) => a[0] - b[0]);
  // The cutoff falls on a bucket boundary, so a bucket is kept or dropped whole.
  const cutoff = Math.floor((now - HISTORY_RETENTION_MS) / OLD_BUCKET_MS) * OLD_BUCKET_MS;
  const kept = ordered.filter((point) => point[0] >= cutoff);
  const old = kept.filter((point) => point[0] < now - RECENT_MS);
  const recent = kept.filter((point) => point[0] >= now - RECENT_MS);
  const compacted = [
    ...collapseFlatRuns(highestPerBucket(old, OLD_BUCKET_MS)),
    ...highestPerBucket(recent, RECENT_BUCKET_MS),
  ];
  return compacted.slice(-MAX_POINTS_PER_SERIES);
}

function isOrdered(points: readonly HistoryPoint[]): boolean {
  return points.every((point, i) => i === 0 || (points[i - 1]?.[0] ?? -Infinity) <= point[0]);
}

/**
 * One reading per clock-aligned bucket: the highest (the latest of equals). Buckets are aligned
 * to the epoch, so compacting again as readings age gives the same result as compacting once.
 */
function highestPerBucket(points: readonly HistoryPoint[], bucketMs: number): HistoryPoint[] {
  return highestBy(points, (point) => Math.floor(point[0] / bucketMs));
}

/** One reading per run of equal `bucketOf`: the highest (the latest of equals). */
function highestBy(
  points: readonly HistoryPoint[],
  bucketOf: (point: HistoryPoint) => number,
): HistoryPoint[] {
  const result: HistoryPoint[] = [];
  let bucket = NaN;
  for (const point of points) {
    const index = bucketOf(point);
    const best = result[result.length - 1];
    if (index !== bucket || best === undefined) {
      result.push(point);
      bucket = index;
    } else if (point[1] >= best[1]) {
      result[result.length - 1] = point;
    }
  }
  return result;
}

/** Drops the middle of runs with the same utilization in the same period; keeps both ends. */
function collapseFlatRuns(points: readonly HistoryPoint[]): HistoryPoint[] {
  const flat = (a: HistoryPoint | undefined, b: HistoryPoint | undefined) =>
    a !== undefined && b !== undefined && a[1] === b[1] && periodKey(a[2]) === periodKey(b[2]);
  return points.filter((point, i) => !flat(points[i - 1], point) || !flat(point, points[i + 1]));
}

/**
 * The readings of a window's current period, oldest first: those with the same rounded reset
 * time, or within the window's duration before it. Walking back from the newest, a reading whose
 * own reset had already passed by the later readings belongs to an earlier period: stop there.
 * With no reset time, the trailing readings that had none either.
 */
export function periodSamples(
  history: History,
  windowId: string,
  resetsAt: number | null,
  now: number,
): UsageSample[] {
  const points = history.series[windowId] ?? [];
  const key = periodKey(resetsAt);
  const start = (resetsAt ?? now) - windowDurationMs(windowId);
  const samples: UsageSample[] = [];
  let earliest = now;
  for (let i = points.length - 1; i >= 0; i--) {
    const point = points[i];
    if (point === undefined || point[0] > now) continue;
    const [at, utilization, pointReset] = point;
    if (at < start) break;
    if (key === null ? pointReset !== null : endedBefore(pointReset, key, earliest)) break;
    samples.push({ at, utilization });
    earliest = at;
  }
  return samples.reverse();
}

/** Whether a reading's period (not the current one) had ended before the later readings. */
function endedBefore(pointReset: number | null, currentKey: string, laterAt: number): boolean {
  return pointReset !== null && periodKey(pointReset) !== currentKey && pointReset <= laterAt;
}

/** Readings of the last `spanMs`, oldest first; with `maxPoints`, the highest per equal time slice. */
export function sparkline(
  history: History,
  windowId: string,
  now: number,
  spanMs: number,
  maxPoints?: number,
): UsageSample[] {
  const from = now - spanMs;
  const inSpan = (history.series[windowId] ?? []).filter(
    (point) => point[0] >= from && point[0] <= now,
  );
  const points =
    maxPoints !== undefined && maxPoints > 0 && inSpan.length > maxPoints
      ? highestPerSlice(inSpan, from, spanMs, maxPoints)
      : inSpan;
  return points.map(([at, utilization]) => ({ at, utilization }));
}

function highestPerSlice(
  points: readonly HistoryPoint[],
  from: number,
  spanMs: number,
  slices: number,
): HistoryPoint[] {
  return highestBy(points, (point) =>
    Math.min(slices - 1, Math.floor(((point[0] - from) / spanMs) * slices)),
  );
}

/**
 * How many distinct window periods reached 100% within the last `spanMs` (for plan advice).
 * Budget windows do not count: they are spend, not a plan limit.
 */
export function limitHits(history: History, now: number, spanMs: number): number {
  let hits = 0;
  for (const [windowId, points] of Object.entries(history.series)) {
    if (windowId === 'monthly_budget') continue;
    const counted = new Set<string>();
    let wasFull = false;
    for (const [at, utilization, resetsAt] of points) {
      if (at < now - spanMs || at > now) continue;
      const full = utilization >= 100;
      const key = periodKey(resetsAt);
      // Without a reset time, a run of full readings counts once.
      if (full && (key === null ? !wasFull : !counted.has(key))) {
        hits += 1;
        if (key !== null) counted.add(key);
      }
      wasFull = full;
    }
  }
  return hits;
}

import { formatDuration } from './format';
import { windowDurationMs, type UsageWindow } from './snapshot';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** More readings than this are thinned evenly before the fit: the pair count grows as n². */
const MAX_FIT_SAMPLES = 150;

/** One reading of a window's utilization. */
export interface UsageSample {
  readonly at: number;
  readonly utilization: number;
}

/** What the projection concluded for one window. */
export type ProjectionStatus = 'locked' | 'at-risk' | 'safe' | 'insufficient-data';

/** Burn rate and lockout outlook of one window. */
export interface WindowProjection {
  readonly windowId: string;
  readonly status: ProjectionStatus;
  /** Percentage points per hour, robust fit; null when there are too few readings. */
  readonly ratePerHour: number | null;
  /** When 100% is reached at this pace (even after the reset); null when not rising. */
  readonly projectedFullAt: number | null;
  /** at-risk: projectedFullAt (before the reset); locked: when it hit 100 (or now). */
  readonly lockoutAt: number | null;
  /** resetsAt − lockoutAt for at-risk and locked windows; otherwise null. */
  readonly blockedMs: number | null;
  /** insufficient-data: a plain sentence saying why there is no projection. */
  readonly note: string | null;
}

/** How much history a fit looks at and needs. */
export interface ProjectionOptions {
  /** Only readings this recent count. */
  readonly lookbackMs: number;
  /** Fewest readings to fit (never fewer than 3: two points are not a trend). */
  readonly minSamples: number;
  /** The readings must span at least this long. */
  readonly minSpanMs: number;
}

/** Defaults per window: 90 min / 10 min for the session, 48 h / 2 h for weekly and budget windows. */
export function defaultProjectionOptions(windowId: string): ProjectionOptions {
  return windowId === 'five_hour'
    ? { lookbackMs: 90 * MINUTE, minSamples: 3, minSpanMs: 10 * MINUTE }
    : { lookbackMs: 48 * HOUR, minSamples: 3, minSpanMs: 2 * HOUR };
}

/**
 * Projects when a window fills up at the current pace. The rate is a Theil–Sen fit over the
 * recent readings of the current period, so one odd reading does not swing it; the projection
 * starts from the latest reading.
 */
export function projectWindow(
  window: UsageWindow,
  samples: readonly UsageSample[],
  now: number,
  options?: Partial<ProjectionOptions>,
): WindowProjection {
  const settings = { ...defaultProjectionOptions(window.id), ...options };
  const period = periodReadings(window, samples, now);
  const recent = period.filter((sample) => sample.at >= now - settings.lookbackMs);
  const shortfall = fitShortfall(recent, settings);
  const slope = shortfall === null ? theilSenSlope(recent) : null;
  const ratePerHour = slope === null ? null : slope * HOUR;
  // Project from the window's own figure, at the time of the latest reading.
  const start = { at: period[period.length - 1]?.at ?? now, utilization: window.utilization };

  if (window.utilization >= 100) {
    const lockoutAt = period.find((sample) => sample.utilization >= 100)?.at ?? now;
    return {
      windowId: window.id,
      status: 'locked',
      ratePerHour,
      projectedFullAt: lockoutAt,
      lockoutAt,
      blockedMs: window.resetsAt === null ? null : Math.max(0, window.resetsAt - lockoutAt),
      note: null,
    };
  }
  if (slope === null) return insufficient(window.id, shortfall ?? '');

  const projectedFullAt = fullAt(start, slope, now);
  if (projectedFullAt !== null && window.resetsAt !== null && projectedFullAt < window.resetsAt) {
    return {
      windowId: window.id,
      status: 'at-risk',
      ratePerHour,
      projectedFullAt,
      lockoutAt: projectedFullAt,
      blockedMs: window.resetsAt - projectedFullAt,
      note: null,
    };
  }
  return {
    windowId: window.id,
    status: 'safe',
    ratePerHour,
    projectedFullAt,
    lockoutAt: null,
    blockedMs: null,
    note: null,
  };
}

/**
 * The readings of the current period up to `now`, oldest first, ending with the window's own
 * value. That value is added at `now` only when the last reading differs from it: repeating an
 * unchanged reading at a later time would invent a flat stretch that drags the rate down.
 */
function periodReadings(
  window: UsageWindow,
  samples: readonly UsageSample[],
  now: number,
): UsageSample[] {
  const start =
    window.resetsAt === null ? -Infinity : window.resetsAt - windowDurationMs(window.id);
  const readings = samples
    .filter(
      (sample) => sample.at <= now && sample.at >= start && Number.isFinite(sample.utilization),
    )
    .sort((a, b) => a.at - b.at);
  const distinct = readings.filter((sample, i) => readings[i + 1]?.at !== sample.at);
  const last = distinct[distinct.length - 1];
  if (last === undefined || (last.at < now && last.utilization !== window.utilization)) {
    distinct.push({ at: now, utilization: window.utilization });
  }
  return distinct;
}

/** The Theil–Sen slope (median of pairwise slopes), per millisecond; needs two distinct times. */
function theilSenSlope(samples: readonly UsageSample[]): number | null {
  const points = thin(samples, MAX_FIT_SAMPLES);
  const slopes: number[] = [];
  for (let i = 0; i < points.length; i++) {
    for (let j = i + 1; j < points.length; j++) {
      const a = points[i];
      const b = points[j];
      if (a !== undefined && b !== undefined && b.at !== a.at) {
        slopes.push((b.utilization - a.utilization) / (b.at - a.at));
      }
    }
  }
  if (slopes.length === 0) return null;
  slopes.sort((x, y) => x - y);
  const mid = slopes.length >> 1;
  const upper = slopes[mid] ?? 0;
  return slopes.length % 2 === 1 ? upper : ((slopes[mid - 1] ?? upper) + upper) / 2;
}

/** At most `max` readings, evenly spaced by index, always keeping the first and the last. */
function thin(samples: readonly UsageSample[], max: number): readonly UsageSample[] {
  if (samples.length <= max) return samples;
  const step = (samples.length - 1) / (max - 1);
  return Array.from({ length: max }, (_, k) => samples[Math.round(k * step)]).filter(
    (sample): sample is UsageSample => sample !== undefined,
  );
}

/** Why these readings cannot be fitted, as a sentence; null when they can. */
function fitShortfall(recent: readonly UsageSample[], options: ProjectionOptions): string | null {
  const needed = Math.max(3, options.minSamples);
  const lookback = lookbackPhrase(options.lookbackMs);
  if (recent.length < needed) {
    return `Not enough readings yet to project: ${recent.length} in the last ${lookback}, need ${needed}.`;
  }
  const span = (recent[recent.length - 1]?.at ?? 0) - (recent[0]?.at ?? 0);
  if (span < options.minSpanMs) {
    return `Not enough history yet to project: readings in the last ${lookback} span ${formatDuration(span)}, need ${formatDuration(options.minSpanMs)}.`;
  }
  return null;
}

/** "90 min", "48 h": how the lookback reads in a sentence. */
function lookbackPhrase(ms: number): string {
  if (ms >= 2 * HOUR && ms % HOUR === 0) return `${ms / HOUR} h`;
  return `${Math.round(ms / MINUTE)} min`;
}

/** When the line from `start` at this slope reaches 100; null when not rising. */
function fullAt(start: UsageSample, slopePerMs: number, now: number): number | null {
  if (!(slopePerMs * HOUR > 1e-9)) return null;
  const at = start.at + (100 - start.utilization) / slopePerMs;
  if (!Number.isFinite(at) || at > Number.MAX_SAFE_INTEGER) return null;
  // A stale reading can put the crossing in the past; the earliest it can still happen is now.
  return Math.max(Math.round(at), now);
}

function insufficient(windowId: string, note: string): WindowProjection {
  return {
    windowId,
    status: 'insufficient-data',
    ratePerHour: null,
    projectedFullAt: null,
    lockoutAt: null,
    blockedMs: null,
    note,
  };
}

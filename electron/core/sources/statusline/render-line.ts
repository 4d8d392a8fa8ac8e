import { formatClock } from '../../../../shared/domain/format';
import {
  bindingWindowId,
  projectWindow,
  type UsageSample,
  type WindowProjection,
} from '../../../../shared/domain/projection';
import type { UsageWindow } from '../../../../shared/domain/snapshot';

/** What the line is made from. */
export interface LineInput {
  readonly windows: readonly UsageWindow[];
  /** Earlier readings of a window (any order); the projection keeps its current period's. */
  readonly samples: (windowId: string) => readonly UsageSample[];
  readonly now: number;
  /** Set when the figures are from an earlier prompt, to say how old they are. */
  readonly readAt: number | null;
  /** Colours a part by its level; plain text without it. */
  readonly paint?: (level: LineLevel, text: string) => string;
}

/** The levels the line colours by, as the verdict names them (docs/PRODUCT.md "One verdict"). */
export type LineLevel = 'normal' | 'warning' | 'critical' | 'locked' | 'stale';

/** The default thresholds (docs/PRODUCT.md "Alerts"): the first warns, the last is critical. */
const WARNING_AT = 50;
const CRITICAL_AT = 90;
/** Figures from the cache older than this read as stale (twice the default 5-minute poll). */
const STALE_AFTER_MS = 10 * 60_000;

function levelOf(window: UsageWindow, projection: WindowProjection, stale: boolean): LineLevel {
  if (window.utilization >= 100 || projection.status === 'locked') return 'locked';
  if (stale) return 'stale';
  if (window.utilization >= CRITICAL_AT || projection.status === 'at-risk') return 'critical';
  return window.utilization >= WARNING_AT ? 'warning' : 'normal';
}

/** A window whose reset time has passed has reset: 0 % and no reset time, until new figures. */
function asOfNow(window: UsageWindow, now: number): UsageWindow {
  return window.resetsAt !== null && window.resetsAt <= now
    ? { ...window, utilization: 0, resetsAt: null }
    : window;
}

const DAY = 24 * 3_600_000;

/** "5h", "wk", "opus wk": the shortest name a window has on the line. */
function shortName(id: string): string {
  if (id === 'five_hour') return '5h';
  if (id === 'seven_day') return 'wk';
  return `${id.slice('seven_day_'.length).replace(/_/g, ' ')} wk`;
}

function windowPart(window: UsageWindow, now: number): string {
  // Whole percent, rounded down: the line is a glance, and it never overstates.
  const text = `${shortName(window.id)} ${Math.floor(window.utilization)}%`;
  const reset = window.resetsAt;
  const soon = window.id === 'five_hour' || (reset !== null && reset - now < DAY);
  return reset !== null && reset > now && soon ? `${text} ↻${formatClock(reset, now)}` : text;
}

function warning(window: UsageWindow, projection: WindowProjection, now: number): string | null {
  if (projection.status === 'locked') {
    const until = window.resetsAt === null ? '' : ` until ${formatClock(window.resetsAt, now)}`;
    return `⚠ ${shortName(window.id)} limit reached${until}`;
  }
  if (projection.status === 'at-risk' && projection.lockoutAt !== null) {
    return `⚠ lockout ~${formatClock(projection.lockoutAt, now)}`;
  }
  return null;
}

function age(readAt: number, now: number): string {
  const minutes = Math.floor((now - readAt) / 60_000);
  if (minutes < 1) return 'just now';
  return minutes < 60 ? `${minutes} min ago` : `${Math.floor(minutes / 60)} h ago`;
}

/**
 * The one compact line, e.g. `5h 42% ↻16:00 · wk 61% · ⚠ lockout ~15:42`: every window, the
 * session's reset (a week's only within a day), and the binding window's lockout or lock; each
 * window coloured by its level. A window whose reset has passed reads 0 % (it has reset).
 */
export function statuslineText(input: LineInput): string {
  const { now } = input;
  const paint = input.paint ?? ((_level: LineLevel, text: string) => text);
  const windows = input.windows.map((window) => asOfNow(window, now));
  if (windows.length === 0)
    return "Claude usage: no figures yet (they come with Claude's first reply)";
  const stale = input.readAt !== null && now - input.readAt > STALE_AFTER_MS;
  const projections = windows.map((window) => projectWindow(window, input.samples(window.id), now));
  const parts = windows.map((window, index) => {
    const projection = projections[index] ?? projectWindow(window, [], now);
    return paint(levelOf(window, projection, stale), windowPart(window, now));
  });
  const binding = bindingWindowId(windows, projections);
  const index = windows.findIndex((window) => window.id === binding);
  const bound = windows[index];
  const projection = projections[index];
  const alert = bound && projection ? warning(bound, projection, now) : null;
  if (alert !== null)
    parts.push(paint(projection?.status === 'locked' ? 'locked' : 'critical', alert));
  if (input.readAt !== null) {
    const ago = age(input.readAt, now);
    parts.push(stale ? paint('stale', `${ago}, stale`) : ago);
  }
  return parts.join(' · ');
}

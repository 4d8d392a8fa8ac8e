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
 * session's reset (a week's only within a day), and the binding window's lockout or lock.
 * Windows whose reset has passed are left out: their figure no longer holds.
 */
export function statuslineText(input: LineInput): string {
  const { now } = input;
  const windows = input.windows.filter(
    (window) => window.resetsAt === null || window.resetsAt > now,
  );
  if (windows.length === 0)
    return "Claude usage: no figures yet (they come with Claude's first reply)";
  const projections = windows.map((window) => projectWindow(window, input.samples(window.id), now));
  const parts = windows.map((window) => windowPart(window, now));
  const binding = bindingWindowId(windows, projections);
  const index = windows.findIndex((window) => window.id === binding);
  const bound = windows[index];
  const projection = projections[index];
  const alert = bound && projection ? warning(bound, projection, now) : null;
  if (alert !== null) parts.push(alert);
  if (input.readAt !== null) parts.push(age(input.readAt, now));
  return parts.join(' · ');
}

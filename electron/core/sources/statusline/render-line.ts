import { formatAgo, formatClock } from '../../../../shared/domain/format';
import { projectWindow, type UsageSample } from '../../../../shared/domain/projection';
import type { UsageWindow } from '../../../../shared/domain/snapshot';
import {
  DEFAULT_VERDICT_SETTINGS,
  percentText,
  verdict,
  type VerdictSettings,
  type WindowLevel,
  type WindowVerdict,
} from '../../../../shared/domain/verdict';

/** What the line is made from. */
export interface LineInput {
  readonly windows: readonly UsageWindow[];
  /** Earlier readings of a window (any order); the projection keeps its current period's. */
  readonly samples: (windowId: string) => readonly UsageSample[];
  readonly now: number;
  /** Set when the figures are from an earlier prompt, to say how old they are. */
  readonly readAt: number | null;
  /**
   * The figures are stale by the rule every surface applies (shared/domain/poll-policy.ts
   * `isStale`); the caller decides, since only it knows whether their last refresh failed.
   */
  readonly stale?: boolean;
  /** Colours a part by its level; plain text without it. */
  readonly paint?: (level: LineLevel, text: string) => string;
  /** The user's thresholds and lead time; the defaults when absent. */
  readonly settings?: VerdictSettings;
}

/** The levels the line colours by: the verdict's (shared/domain/verdict.ts). */
export type LineLevel = WindowLevel;

const DAY = 24 * 3_600_000;

/** "5h", "wk", "opus wk": the shortest name a window has on the line. */
function shortName(id: string): string {
  if (id === 'five_hour') return '5h';
  if (id === 'seven_day') return 'wk';
  return `${id.slice('seven_day_'.length).replace(/_/g, ' ')} wk`;
}

function windowPart(window: WindowVerdict, now: number): string {
  // The verdict's figure: whole percent, rounded down, so it never overstates.
  const text = `${shortName(window.id)} ${percentText(window.utilization)}`;
  // The verdict has no reset time for a window whose reset has passed.
  const reset = window.resetsAt;
  const soon = window.id === 'five_hour' || (reset !== null && reset - now < DAY);
  return reset !== null && soon ? `${text} ↻${formatClock(reset, now)}` : text;
}

function warning(window: WindowVerdict, now: number): string | null {
  if (window.level === 'locked') {
    const until = window.resetsAt === null ? '' : ` until ${formatClock(window.resetsAt, now)}`;
    return `⚠ ${shortName(window.id)} limit reached${until}`;
  }
  if (window.lockoutAt !== null) return `⚠ lockout ~${formatClock(window.lockoutAt, now)}`;
  return null;
}

/**
 * The one compact line, e.g. `5h 42% ↻16:00 · wk 61% · ⚠ lockout ~15:42`: every window as the
 * verdict reads it (shared/domain/verdict.ts: a window whose reset time has passed reads 0 %;
 * levels and the binding window are its), the session's reset (a week's only within a day), and
 * the binding window's lockout or lock; each window coloured by its level, by the user's
 * thresholds and lead time (`settings`).
 */
export function statuslineText(input: LineInput): string {
  const { now } = input;
  const paint = input.paint ?? ((_level: LineLevel, text: string) => text);
  if (input.windows.length === 0)
    return "Claude usage: no figures yet (they come with Claude's first reply)";
  const stale = input.stale === true;
  const judged = verdict({
    overview: {
      windows: input.windows.map((window: UsageWindow) => ({
        ...window,
        projection: projectWindow(window, input.samples(window.id), now),
        pace: null,
        chart: { recent: [], week: [], resets: [] },
        source: 'statusline',
        fetchedAt: input.readAt ?? now,
        stale,
      })),
      extraUsage: null,
      sources: [],
    },
    settings: input.settings ?? DEFAULT_VERDICT_SETTINGS,
    now,
  });
  const parts = judged.windows.map((window) => paint(window.level, windowPart(window, now)));
  const bound = judged.windows.find((window) => window.binding);
  const alert = bound === undefined ? null : warning(bound, now);
  // Coloured by the binding window's level: a lockout beyond the lead time is not critical.
  if (alert !== null && bound !== undefined) parts.push(paint(bound.level, alert));
  if (input.readAt !== null) {
    const ago = formatAgo(input.readAt, now);
    parts.push(stale ? paint('stale', `${ago}, stale`) : ago);
  }
  return parts.join(' · ');
}

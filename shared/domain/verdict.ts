import { formatResetPassed } from './format';
import type { WindowProjection } from './projection';
import type { SourceId } from './snapshot';
import type { SourceView } from './source-view';
import { usageOverview, type UsageOverview } from './usage-overview';

/**
 * How one window stands: `stale` when its figures could not be refreshed lately; otherwise by
 * severity, `locked` being the worst.
 */
export type WindowLevel = 'normal' | 'warning' | 'critical' | 'locked' | 'stale';

/** How everything stands, at a glance: a window level, or what stops Pacewatch from knowing. */
export type VerdictLevel = WindowLevel | 'error' | 'signed-out';

/** Every overall level, for icon sets and tests. */
export const VERDICT_LEVELS: readonly VerdictLevel[] = [
  'normal',
  'warning',
  'critical',
  'locked',
  'stale',
  'error',
  'signed-out',
];

/** What the user set that decides a level. */
export interface VerdictSettings {
  /** Utilization thresholds in percent: the first warns, the last is critical. */
  readonly thresholds: readonly number[];
  /** Per window id, thresholds that replace the general ones. */
  readonly windowThresholds: Readonly<Record<string, readonly number[]>>;
  /** A projected lockout this many minutes away or closer is critical; 0 disables. */
  readonly lockoutLeadMinutes: number;
}

/** The settings a new user gets (docs/PRODUCT.md §2 "Alerts"). */
export const DEFAULT_VERDICT_SETTINGS: VerdictSettings = {
  thresholds: [50, 75, 90],
  windowThresholds: {},
  lockoutLeadMinutes: 30,
};

/** One window as every surface shows it. */
export interface WindowVerdict {
  readonly id: string;
  /** "Session", "Week", "Week · Opus". */
  readonly label: string;
  /** "S", "W", "Opus", "$": the shortest name, for the tray title and the status line. */
  readonly short: string;
  /** "S 42%": the short name and the whole percent, rounded down (it never overstates). */
  readonly headline: string;
  readonly source: SourceId;
  readonly fetchedAt: number;
  readonly stale: boolean;
  /** As it holds now: 0 once the reset time has passed. */
  readonly utilization: number;
  /** The coming reset; null when unknown or already passed. */
  readonly resetsAt: number | null;
  /** When the window reset, if that happened after these figures were read; else null. */
  readonly resetAt: number | null;
  /** "reset at 14:00 — new figures with the next poll", while `resetAt` is set. */
  readonly resetNote: string | null;
  readonly level: WindowLevel;
  readonly binding: boolean;
  /** The thresholds in force for this window, ascending. */
  readonly thresholds: readonly number[];
  /** When the window locks (locked: when it did), at this pace; null when it will not. */
  readonly lockoutAt: number | null;
  /** From the lockout to the reset; null without a lockout or a reset time. */
  readonly blockedMs: number | null;
  /** The projected lockout is within the lead time (this is what makes it critical). */
  readonly lockoutSoon: boolean;
  /** A spend budget: it never binds and never locks Claude. */
  readonly money: boolean;
}

/** Extra usage (pay as you go) against its cap, with the same thresholds. */
export interface ExtraVerdict {
  readonly utilization: number | null;
  readonly level: WindowLevel;
}

/** Everything every surface shows: computed once per tick by the engine. */
export interface Verdict {
  readonly level: VerdictLevel;
  /** The window id that binds (see `bindingWindow`); null when none does. */
  readonly binding: string | null;
  /**
   * The binding window's headline ("S 42%"), followed by the worst window's when that one is more
   * severe ("S 42% · W 91%"), so a glance never hides a warning; "" without figures.
   */
  readonly headline: string;
  /** Session first, then the week, model-scoped weeks, and budgets last. */
  readonly windows: readonly WindowVerdict[];
  readonly extraUsage: ExtraVerdict | null;
  /** For `signed-out`, `error` or a stale glance without figures: the sentence that says why. */
  readonly message: string | null;
  /** The engine's polls fail as a whole: the level is `error`, the figures the last good ones. */
  readonly failed: boolean;
}

/** What the verdict is made from. */
export interface VerdictInput {
  /** The merged windows; null before the engine's first look at the sources. */
  readonly overview: UsageOverview | null;
  readonly settings: VerdictSettings;
  readonly now: number;
  /** Set while the engine's polls fail as a whole: the sentence that says what to do. */
  readonly failure?: string | null;
}

const MINUTE = 60_000;
const SEVERITY: readonly WindowLevel[] = ['normal', 'warning', 'critical', 'locked'];

/**
 * The one verdict. Per window: a window whose reset time has passed has reset (0 %, no reset
 * time, never binding, level normal) until new figures arrive; otherwise `locked` at 100 % (a
 * budget tops out at critical), `stale` when its source could not refresh, `critical` at the last
 * threshold or with a projected lockout within the lead time, `warning` from the first threshold.
 * Overall: `locked` when any window is; `signed-out` when the binding window's source (or, without
 * figures, any source) lost its sign-in; `error` without figures when a source failed; `stale` when
 * every window is stale; else the most severe window's level. While the engine's polls fail as a
 * whole (`failure`), the level is `error` over the last good figures.
 */
export function verdict(input: VerdictInput): Verdict {
  const judged = judge(input);
  const failure = input.failure ?? null;
  return failure === null ? judged : { ...judged, level: 'error', message: failure, failed: true };
}

function judge(input: VerdictInput): Verdict {
  const { overview, settings, now } = input;
  if (overview === null) {
    return empty('stale', 'Reading your Claude usage…');
  }
  const windows = [...overview.windows]
    .sort((a, b) => windowRank(a.id) - windowRank(b.id) || a.id.localeCompare(b.id))
    .map((window) => windowVerdict(window, settings, now));
  const binding = bindingWindow(
    windows.map((window) => {
      const merged = overview.windows.find((w) => w.id === window.id);
      return {
        ...window,
        active: merged?.active,
        projectedFullAt: merged?.projection.projectedFullAt ?? null,
      };
    }),
  );
  const marked = windows.map((window) => ({ ...window, binding: window.id === binding }));
  const extraUsage = extraVerdict(overview.extraUsage, settings);
  const signedOut = overview.sources.find(
    (view) => view.error?.kind === 'no-credentials' || view.error?.kind === 'auth',
  );
  const failed = overview.sources.find((view) => view.error !== null);
  const bound = marked.find((window) => window.binding) ?? null;
  if (marked.length === 0) {
    if (signedOut?.error) return empty('signed-out', signedOut.error.message);
    if (failed?.error) return empty('error', failed.error.message);
    if (extraUsage !== null) {
      return { ...empty(extraUsage.level, null), extraUsage };
    }
    return empty('stale', 'No usage figures yet.');
  }
  const fresh = marked.filter((window) => window.level !== 'stale');
  const worst = mostSevere(fresh);
  const level: VerdictLevel = marked.some((window) => window.level === 'locked')
    ? 'locked'
    : bound !== null && signedOut !== undefined && signedOut.source === bound.source
      ? 'signed-out'
      : worst === null
        ? 'stale'
        : worst.level;
  const shown = bound ?? worst;
  const headline = [
    shown?.headline,
    worst !== null && shown !== null && rank(worst.level) > rank(shown.level)
      ? worst.headline
      : undefined,
  ]
    .filter((text): text is string => text !== undefined)
    .join(' · ');
  const message = level === 'signed-out' ? (signedOut?.error?.message ?? null) : null;
  return { level, binding, headline, windows: marked, extraUsage, message, failed: false };
}

/** The sources merged and judged: what the engine computes once per tick. */
export function assessViews(
  views: readonly SourceView[],
  settings: VerdictSettings,
  now: number,
  failure: string | null = null,
): { readonly overview: UsageOverview; readonly verdict: Verdict } {
  const overview = usageOverview(views);
  return { overview, verdict: verdict({ overview, settings, now, failure }) };
}

function empty(level: VerdictLevel, message: string | null): Verdict {
  return {
    level,
    binding: null,
    headline: '',
    windows: [],
    extraUsage: null,
    message,
    failed: false,
  };
}

/** Session first, then the week, model-scoped weeks, and budgets last. */
function windowRank(id: string): number {
  if (id === 'five_hour') return 0;
  if (id === 'seven_day') return 1;
  return id.startsWith('seven_day_') ? 2 : 3;
}

function rank(level: WindowLevel): number {
  return SEVERITY.indexOf(level);
}

/** The most severe of these windows (the first of equals), or null when there are none. */
function mostSevere(windows: readonly WindowVerdict[]): WindowVerdict | null {
  let worst: WindowVerdict | null = null;
  for (const window of windows) {
    if (worst === null || rank(window.level) > rank(worst.level)) worst = window;
  }
  return worst;
}

/** The window as the overview carries it: figures, projection and freshness. */
interface MergedWindow {
  readonly id: string;
  readonly label: string;
  readonly utilization: number;
  readonly resetsAt: number | null;
  readonly money?: unknown;
  readonly projection: WindowProjection;
  readonly source: SourceId;
  readonly fetchedAt: number;
  readonly stale: boolean;
}

function windowVerdict(
  window: MergedWindow,
  settings: VerdictSettings,
  now: number,
): WindowVerdict {
  const names = windowNames(window.id, window.label);
  const thresholds = thresholdsFor(settings, window.id);
  const money = window.money !== undefined;
  const base = {
    id: window.id,
    label: window.label,
    short: names.short,
    source: window.source,
    fetchedAt: window.fetchedAt,
    stale: window.stale,
    binding: false,
    thresholds,
    money,
  };
  if (window.resetsAt !== null && window.resetsAt <= now) {
    return {
      ...base,
      headline: headlineOf(names.short, 0),
      utilization: 0,
      resetsAt: null,
      resetAt: window.resetsAt,
      resetNote: formatResetPassed(window.resetsAt, now),
      level: 'normal',
      lockoutAt: null,
      blockedMs: null,
      lockoutSoon: false,
    };
  }
  const { projection } = window;
  const lockoutAt =
    projection.status === 'at-risk' || projection.status === 'locked' ? projection.lockoutAt : null;
  const lockoutSoon = lockoutIsSoon(projection, settings.lockoutLeadMinutes, now);
  return {
    ...base,
    headline: headlineOf(names.short, window.utilization),
    utilization: window.utilization,
    resetsAt: window.resetsAt,
    resetAt: null,
    resetNote: null,
    level: windowLevel(window.utilization, thresholds, lockoutSoon, money, window.stale),
    lockoutAt,
    blockedMs: lockoutAt === null ? null : projection.blockedMs,
    lockoutSoon,
  };
}

/** Whether a projected lockout is close enough to be critical: within the lead time (0: never). */
export function lockoutIsSoon(
  projection: WindowProjection | undefined,
  leadMinutes: number,
  now: number,
): boolean {
  if (projection?.status !== 'at-risk' || projection.lockoutAt === null) return false;
  return leadMinutes > 0 && projection.lockoutAt - now <= leadMinutes * MINUTE;
}

/** "S 42%": the short name and the figure. */
function headlineOf(short: string, utilization: number): string {
  return `${short} ${percentText(utilization)}`;
}

/** "42%": whole percent rounded down, so "100%" only ever means the limit is reached. */
export function percentText(utilization: number): string {
  return `${Math.max(0, Math.floor(utilization))}%`;
}

function windowLevel(
  utilization: number,
  thresholds: readonly number[],
  lockoutSoon: boolean,
  money: boolean,
  stale: boolean,
): WindowLevel {
  if (utilization >= 100 && !money) return 'locked';
  if (stale) return 'stale';
  return severity(utilization, thresholds, lockoutSoon);
}

/** Critical at the last threshold or with a lockout due; warning from the first threshold. */
function severity(
  utilization: number,
  thresholds: readonly number[],
  lockoutSoon: boolean,
): WindowLevel {
  const last = thresholds[thresholds.length - 1];
  const first = thresholds[0];
  if (lockoutSoon || (last !== undefined && utilization >= last)) return 'critical';
  return first !== undefined && utilization >= first ? 'warning' : 'normal';
}

/** The thresholds for a window: its own list if set, else the general one; sorted, unique. */
export function thresholdsFor(settings: VerdictSettings, windowId: string): number[] {
  const chosen = settings.windowThresholds[windowId] ?? settings.thresholds;
  return [...new Set(chosen)].filter((t) => Number.isFinite(t) && t > 0).sort((a, b) => a - b);
}

function extraVerdict(
  extra: UsageOverview['extraUsage'],
  settings: VerdictSettings,
): ExtraVerdict | null {
  if (extra === null) return null;
  const utilization = extra.utilization;
  if (utilization === null) return { utilization, level: 'normal' };
  // With extra usage spent to its cap, Claude stops taking requests: that is a lock.
  const level = utilization >= 100 ? 'locked' : severity(utilization, settings.thresholds, false);
  return { utilization, level };
}

/** A window as the binding rule weighs it. */
export interface BindingCandidate {
  readonly id: string;
  /** As it holds now (0 after a reset). */
  readonly utilization: number;
  /** The coming reset; null when unknown or passed. */
  readonly resetsAt: number | null;
  /** Set once the reset time has passed: such a window never binds. */
  readonly resetAt: number | null;
  readonly money: boolean;
  /** The server's own `limits[].is_active`, where it sent one. */
  readonly active?: boolean | undefined;
  /** When the window locks at this pace (locked: when it did), before its reset. */
  readonly lockoutAt: number | null;
  /** When it reaches 100 % at this pace, whatever the reset; counts for a window with no reset time. */
  readonly projectedFullAt: number | null;
}

/**
 * The window that binds, i.e. would keep the user from Claude first. Budgets and windows that have
 * reset never bind. In order:
 * 1. the server's own flag (`limits[].is_active`), where it sent one (the fullest of several);
 * 2. a window at 100 %: the one that resets last, since that is the wait;
 * 3. the window projected to lock first: its lockout before the reset, or, for a window with no
 *    reset time, when it reaches 100 % (no reset is coming to save it);
 * 4. the fullest window (ties: the earlier reset, an unknown one last; then the listed order).
 * A window with no reset time takes part in every step.
 */
export function bindingWindow(candidates: readonly BindingCandidate[]): string | null {
  const open = candidates.filter((c) => !c.money && c.resetAt === null);
  const flagged = open.filter((c) => c.active === true);
  if (flagged.length > 0) return fullest(flagged);
  const locked = open.filter((c) => c.utilization >= 100);
  if (locked.length > 0) {
    return first(locked, (a, b) => resetOrLast(b) - resetOrLast(a));
  }
  const projected = open.flatMap((c) => {
    const at = c.resetsAt === null ? c.projectedFullAt : c.lockoutAt;
    return at === null ? [] : [{ id: c.id, at }];
  });
  if (projected.length > 0) return first(projected, (a, b) => a.at - b.at);
  return fullest(open);
}

function fullest(candidates: readonly BindingCandidate[]): string | null {
  return first(
    candidates,
    (a, b) => b.utilization - a.utilization || resetOrLast(a) - resetOrLast(b),
  );
}

/** An unknown reset sorts last: you cannot count on it coming soon. */
function resetOrLast(candidate: BindingCandidate): number {
  return candidate.resetsAt ?? Infinity;
}

/** The first item in `order` (stable: ties keep the listed order). */
function first<T extends { readonly id: string }>(
  items: readonly T[],
  order: (a: T, b: T) => number,
): string | null {
  const best = [...items].sort((a, b) => {
    const result = order(a, b);
    return Number.isNaN(result) ? 0 : result;
  })[0];
  return best?.id ?? null;
}

/** How a window is named in short: the tray title, the status line, a notification. */
export interface WindowNames {
  /** "S", "W", "Opus", "$". */
  readonly short: string;
  /** A model-scoped week's model, without the "Claude" its name may start with: "Opus 4.8". */
  readonly scope: string | null;
}

const SCOPE_MAX = 20;

/** The short names of a window, from its id and label ("Week · Claude Opus 4.8" → "Opus"). */
export function windowNames(windowId: string, label: string): WindowNames {
  if (windowId === 'five_hour') return { short: 'S', scope: null };
  if (windowId === 'seven_day') return { short: 'W', scope: null };
  if (windowId === 'monthly_budget') return { short: '$', scope: null };
  const named = label.includes(' · ') ? label.slice(label.indexOf(' · ') + 3) : label;
  const scope = shortenScope(named);
  return { short: scope.split(' ')[0] ?? scope, scope };
}

/** "Claude Opus 4.8" → "Opus 4.8"; a long name is cut at a word, with an ellipsis. */
function shortenScope(name: string): string {
  const words = name
    .trim()
    .replace(/^claude\s+/i, '')
    .split(/\s+/);
  let kept = words[0] ?? '';
  for (const word of words.slice(1)) {
    if (`${kept} ${word}`.length > SCOPE_MAX) return `${kept}…`;
    kept = `${kept} ${word}`;
  }
  return kept;
}

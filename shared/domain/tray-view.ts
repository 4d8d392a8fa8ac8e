import { formatAge, formatMoney, formatResetsIn } from './format';
import type { SourceView } from './source-view';
import { usageOverview, type ShownWindow } from './usage-overview';

/** What the tray icon says at a glance; each state has its own icon shape. */
export type TrayState =
  'normal' | 'warning' | 'critical' | 'locked' | 'stale' | 'error' | 'signed-out';

/** Every tray state, for icon sets and tests. */
export const TRAY_STATES: readonly TrayState[] = [
  'normal',
  'warning',
  'critical',
  'locked',
  'stale',
  'error',
  'signed-out',
];

/** How many steps the icon's fill has (0 = empty … TRAY_LEVELS = full). */
export const TRAY_LEVELS = 8;

/** The tray item: macOS title text, icon fill level and state, one-line tooltip. */
export interface TrayView {
  /** "42%", or "" when there is no figure to show. */
  readonly title: string;
  readonly level: number;
  readonly state: TrayState;
  readonly tooltip: string;
}

/** What the tray depends on. */
export interface TrayInput {
  /** The engine's source views; null before its first look. */
  readonly views: readonly SourceView[] | null;
  readonly thresholds: readonly number[];
  readonly windowThresholds: Readonly<Record<string, readonly number[]>>;
  readonly lockoutLeadMinutes: number;
  readonly now: number;
  /** Set while the engine's polls fail as a whole; the views are then the last good ones. */
  readonly failed?: boolean;
}

const MINUTE = 60_000;

/** The tray item for the binding window (the one that would lock the user out first). */
export function trayView(input: TrayInput): TrayView {
  const view = figuresView(input);
  if (input.failed !== true) return view;
  // The popover carries the sentence that says what to do; the tooltip points there.
  const shown = view.title === '' ? '' : ` (last good figure ${view.title})`;
  return {
    ...view,
    state: 'error',
    tooltip: `Pacewatch: could not update${shown} · open Pacewatch for details`,
  };
}

function figuresView(input: TrayInput): TrayView {
  if (input.views === null) {
    return {
      title: '',
      level: 0,
      state: 'stale',
      tooltip: 'Pacewatch: reading your Claude usage…',
    };
  }
  const overview = usageOverview(input.views);
  const binding = overview.windows.find((window) => window.binding) ?? null;
  const signedOut = input.views.find(
    (view) => view.error?.kind === 'no-credentials' || view.error?.kind === 'auth',
  );
  const failed = input.views.find((view) => view.error !== null);
  if (binding === null) {
    if (signedOut?.error) return blank('signed-out', signedOut.error.message);
    if (failed?.error) return blank('error', failed.error.message);
    const extra = overview.extraUsage;
    if (extra !== null) return spendView(extra, input);
    // API billing without a budget: no percentage, but the month's spend is worth a glance.
    const spend = input.views.find((view) => view.spend !== null)?.spend;
    if (spend !== undefined && spend !== null) {
      return {
        title: '',
        level: 0,
        state: 'normal',
        tooltip: `Pacewatch: ${formatMoney(spend.amount, spend.currency)} API spend this month`,
      };
    }
    return blank('stale', 'no usage figures yet.');
  }
  return windowView(binding, input, signedOut?.source === binding.source);
}

function windowView(window: ShownWindow, input: TrayInput, signedOut: boolean): TrayView {
  const { now } = input;
  const title = `${Math.round(window.utilization)}%`;
  const level = levelOf(window.utilization);
  const figure = `${window.label} ${title} · ${formatResetsIn(window.resetsAt, now)}`;
  const locked = window.utilization >= 100 && (window.resetsAt === null || window.resetsAt > now);
  if (locked) {
    return {
      title,
      level,
      state: 'locked',
      tooltip: `Pacewatch: ${window.label} limit reached · ${formatResetsIn(window.resetsAt, now)}`,
    };
  }
  if (signedOut) {
    return {
      title,
      level,
      state: 'signed-out',
      tooltip: `Pacewatch: ${figure} · sign in again to update`,
    };
  }
  if (window.stale) {
    return {
      title,
      level,
      state: 'stale',
      tooltip: `Pacewatch: ${figure} · stale, ${formatAge(window.fetchedAt, now)}`,
    };
  }
  const thresholds = input.windowThresholds[window.id] ?? input.thresholds;
  const lockoutAt = window.projection.status === 'at-risk' ? window.projection.lockoutAt : null;
  const lockoutSoon =
    lockoutAt !== null &&
    input.lockoutLeadMinutes > 0 &&
    lockoutAt - now <= input.lockoutLeadMinutes * MINUTE;
  const state = severity(window.utilization, thresholds, lockoutSoon);
  return { title, level, state, tooltip: `Pacewatch: ${figure}` };
}

function severity(
  utilization: number,
  thresholds: readonly number[],
  lockoutSoon: boolean,
): TrayState {
  if (thresholds.length === 0) return lockoutSoon ? 'critical' : 'normal';
  if (lockoutSoon || utilization >= Math.max(...thresholds)) return 'critical';
  return utilization >= Math.min(...thresholds) ? 'warning' : 'normal';
}

function spendView(
  extra: NonNullable<ReturnType<typeof usageOverview>['extraUsage']>,
  input: TrayInput,
): TrayView {
  const spent =
    extra.limit === null
      ? `${formatMoney(extra.used, extra.currency)} spent this month`
      : `${formatMoney(extra.used, extra.currency)} of ${formatMoney(extra.limit, extra.currency)} spent this month`;
  const utilization = extra.utilization;
  if (utilization === null)
    return { title: '', level: 0, state: 'normal', tooltip: `Pacewatch: ${spent}` };
  const state = utilization >= 100 ? 'locked' : severity(utilization, input.thresholds, false);
  return {
    title: `${Math.round(utilization)}%`,
    level: levelOf(utilization),
    state,
    tooltip: `Pacewatch: ${spent}`,
  };
}

function blank(state: TrayState, sentence: string): TrayView {
  return { title: '', level: 0, state, tooltip: `Pacewatch: ${firstSentence(sentence)}` };
}

/** Tooltips are one line: the first sentence of a message, which says what is wrong. */
function firstSentence(text: string): string {
  const end = text.search(/\.(\s|$)/);
  return end === -1 ? text : text.slice(0, end + 1);
}

function levelOf(utilization: number): number {
  const clamped = Math.min(100, Math.max(0, utilization));
  return Math.round((clamped / 100) * TRAY_LEVELS);
}

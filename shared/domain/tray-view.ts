import { formatAge, formatClock, formatMoney, formatResetsIn } from './format';
import type { TrayTitleChoice } from './settings';
import type { UsageOverview } from './usage-overview';
import {
  VERDICT_LEVELS,
  percentText,
  type Verdict,
  type VerdictLevel,
  type WindowVerdict,
} from './verdict';

/** What the tray icon says at a glance: the verdict's level; each has its own icon shape. */
export type TrayState = VerdictLevel;

/** Every tray state, for icon sets and tests. */
export const TRAY_STATES: readonly TrayState[] = VERDICT_LEVELS;

/** How many steps the icon's fill has (0 = empty … TRAY_LEVELS = full). */
export const TRAY_LEVELS = 8;

/** The tray item: title text, icon fill level and state, tooltip (one line per window). */
export interface TrayView {
  /** "S 42%", "W 73%", "S 42% · W 73%"; "" when there is no figure to show. */
  readonly title: string;
  readonly level: number;
  readonly state: TrayState;
  readonly tooltip: string;
}

/** What the tray depends on: the engine's verdict and the overview it was made from. */
export interface TrayInput {
  readonly verdict: Verdict;
  /** null before the engine's first look. */
  readonly overview: UsageOverview | null;
  /** What the title shows (settings `trayTitle`). */
  readonly show: TrayTitleChoice;
  readonly now: number;
}

/** The tray item: it only words the verdict, which decided the level and the binding window. */
export function trayView(input: TrayInput): TrayView {
  const { verdict, now } = input;
  if (verdict.windows.length === 0) return withoutWindows(input);
  const shown = titleWindows(verdict, input.show);
  const title =
    input.show === 'binding' || shown.length === 0
      ? verdict.headline
      : shown.map((window) => window.headline).join(' · ');
  const fillFrom =
    (input.show === 'binding' ? undefined : shown[0]) ??
    verdict.windows.find((window) => window.id === verdict.binding) ??
    verdict.windows[0];
  const lines = [
    headLine(verdict, now),
    ...verdict.windows.map((window) => windowLine(window, now)),
  ];
  return {
    title,
    level: fillOf(fillFrom?.utilization ?? 0),
    state: verdict.level,
    tooltip: lines.join('\n'),
  };
}

/** The windows a title choice names, in the verdict's order; empty when it has none of them. */
function titleWindows(verdict: Verdict, show: TrayTitleChoice): WindowVerdict[] {
  const ids =
    show === 'session'
      ? ['five_hour']
      : show === 'week'
        ? ['seven_day']
        : show === 'both'
          ? ['five_hour', 'seven_day']
          : [];
  return verdict.windows.filter((window) => ids.includes(window.id));
}

/** "Pacewatch", and what holds for every line below it: cannot update, signed out, stale. */
function headLine(verdict: Verdict, now: number): string {
  // The popover carries the sentence that says what to do; the tooltip points there.
  if (verdict.failed) return 'Pacewatch · could not update · open Pacewatch for details';
  if (verdict.level === 'signed-out') return 'Pacewatch · sign in again to update';
  if (verdict.level === 'stale') {
    const oldest = Math.min(...verdict.windows.map((window) => window.fetchedAt));
    return `Pacewatch · stale, ${formatAge(oldest, now)}`;
  }
  return 'Pacewatch';
}

/** "Session 42% · resets in 2 h 13 m (11:13)": one window, as the verdict reads it now. */
function windowLine(window: WindowVerdict, now: number): string {
  const figure = `${window.label} ${percentText(window.utilization)}`;
  if (window.resetNote !== null) return `${figure} · ${window.resetNote}`;
  const parts = [figure];
  if (window.level === 'locked') parts.push('limit reached');
  else if (window.lockoutAt !== null) parts.push(`locks ~${formatClock(window.lockoutAt, now)}`);
  parts.push(formatResetsIn(window.resetsAt, now));
  if (window.stale && window.level !== 'stale') parts.push('stale');
  return parts.join(' · ');
}

/** No windows: a spend-limit account's spend, API spend, or why there is nothing to show. */
function withoutWindows(input: TrayInput): TrayView {
  const { verdict, overview } = input;
  const extra = overview?.extraUsage ?? null;
  if (verdict.level !== 'signed-out' && verdict.level !== 'error' && extra !== null) {
    const spent =
      extra.limit === null
        ? `${formatMoney(extra.used, extra.currency)} spent this month`
        : `${formatMoney(extra.used, extra.currency)} of ${formatMoney(extra.limit, extra.currency)} spent this month`;
    const utilization = verdict.extraUsage?.utilization ?? null;
    return {
      title: utilization === null ? '' : `$ ${percentText(utilization)}`,
      level: fillOf(utilization ?? 0),
      state: verdict.level,
      tooltip: `Pacewatch: ${spent}`,
    };
  }
  // API billing without a budget: no percentage, but the month's spend is worth a glance.
  const spend = overview?.sources.find((view) => view.spend !== null)?.spend ?? null;
  if (verdict.level === 'stale' && overview !== null && spend !== null) {
    return {
      title: '',
      level: 0,
      state: 'normal',
      tooltip: `Pacewatch: ${formatMoney(spend.amount, spend.currency)} API spend this month`,
    };
  }
  const sentence = verdict.failed
    ? 'could not update · open Pacewatch for details'
    : firstSentence(verdict.message ?? '');
  return { title: '', level: 0, state: verdict.level, tooltip: `Pacewatch: ${sentence}` };
}

/** Tooltips stay short: the first sentence of a message, which says what is wrong. */
function firstSentence(text: string): string {
  const end = text.search(/\.(\s|$)/);
  return end === -1 ? text : text.slice(0, end + 1);
}

function fillOf(utilization: number): number {
  const clamped = Math.min(100, Math.max(0, utilization));
  return Math.round((clamped / 100) * TRAY_LEVELS);
}

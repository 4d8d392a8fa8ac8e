import type { Alert } from './alert';
import { LIMIT_REACHED } from './alerts';
import { clearsText } from './banked-resets';
import { formatClock, formatDuration, formatMoney, formatPercent, formatResetsIn } from './format';
import type { WindowProjection } from './projection';
import type { Money, UsageWindow } from './snapshot';
import { windowNames } from './verdict';

/** A notification's wording. */
export interface AlertText {
  readonly title: string;
  readonly message: string;
}

/** How a window is named in a sentence. */
interface WindowWords {
  /** Starts a sentence: "Session", "Week", "Opus week". */
  readonly name: string;
  /** After "Claude": "session", "week", "Opus week". */
  readonly claude: string;
  /** After "of": "your 5-hour session", "your weekly limit". */
  readonly limit: string;
}

function windowWords(windowId: string, label: string): WindowWords {
  if (windowId === 'five_hour')
    return { name: 'Session', claude: 'session', limit: 'your 5-hour session' };
  if (windowId === 'seven_day') return { name: 'Week', claude: 'week', limit: 'your weekly limit' };
  if (windowId === 'monthly_budget') {
    // The admin source names the amount in the label: "Month · $200 budget".
    const named = label.split(' · ')[1];
    const limit = named !== undefined && /\d/.test(named) ? `your ${named}` : 'your monthly budget';
    return { name: 'Monthly budget', claude: 'budget', limit };
  }
  // "Week · Claude Opus 4.8" → "Opus 4.8": never "Claude Claude Opus 4.8 … week".
  const scope = windowNames(windowId, label).scope;
  if (windowId.startsWith('seven_day_') && scope !== null) {
    return { name: `${scope} week`, claude: `${scope} week`, limit: `your weekly ${scope} limit` };
  }
  return { name: label, claude: label, limit: `your ${label} limit` };
}

/** The notification for one alert, in plain, specific words. */
export function alertNotification(alert: Alert, now: number): AlertText {
  const words = windowWords(alert.windowId, alert.label);
  switch (alert.kind) {
    case 'threshold':
      if (alert.threshold >= LIMIT_REACHED && alert.windowId !== 'monthly_budget') {
        return limitReached(words, alert, now);
      }
      return {
        // The highest threshold reached (one notification for several); the figure follows.
        title: `Claude ${words.claude} at ${formatPercent(alert.threshold)}`,
        message: `${formatPercent(alert.utilization)} of ${words.limit} used · ${formatResetsIn(alert.resetsAt, now)}`,
      };
    case 'lockout':
      if (alert.windowId === 'monthly_budget') {
        return {
          title: `On course to pass ${words.limit}`,
          message: `At this pace you will pass ${words.limit} ${dayPhrase(alert.lockoutAt, now)}.`,
        };
      }
      return {
        title: lockoutTitle(words, alert.lockoutAt - now),
        message: lockoutMessage(alert, now),
      };
    case 'reset': {
      const level =
        formatPercent(alert.utilization) === '0%'
          ? 'You are back to 0%.'
          : `Now at ${formatPercent(alert.utilization)}.`;
      const next =
        alert.nextResetAt === null ? '' : ` Next reset ${formatClock(alert.nextResetAt, now)}.`;
      return { title: `${words.name} limit reset`, message: `${level}${next}` };
    }
    case 'banked-expiry':
      return bankedExpiry(alert, now);
  }
}

/**
 * "Unused limit reset expires in 20 h": a banked grant about to lapse with resets left. Says
 * what a reset clears and how to spend one; Pacewatch never spends it (docs/PROTOCOLS.md).
 */
function bankedExpiry(alert: Extract<Alert, { kind: 'banked-expiry' }>, now: number): AlertText {
  const count = alert.left === 1 ? '1 reset' : `${alert.left} resets`;
  return {
    title: `Unused limit reset expires in ${formatDuration(Math.max(0, alert.endsAt - now))}`,
    message: `${alert.label}: ${count} left, each clears your ${clearsText(alert.clears)}. It expires ${formatClock(alert.endsAt, now)}, used or not; run /limit-reset in Claude Code before then if you need it.`,
  };
}

/** "Session limit reached — back at 16:00": Claude takes no requests until the reset. */
function limitReached(
  words: WindowWords,
  alert: Extract<Alert, { kind: 'threshold' }>,
  now: number,
): AlertText {
  const back = alert.resetsAt === null ? '' : ` — back at ${formatClock(alert.resetsAt, now)}`;
  const until =
    alert.resetsAt === null
      ? 'until it resets; the server has not said when'
      : `until it resets, ${formatResetsIn(alert.resetsAt, now).replace(/^resets /, '')}`;
  return {
    title: `${words.name} limit reached${back}`,
    message: `Claude will not take new requests on ${words.limit} ${until}.`,
  };
}

function lockoutTitle(words: WindowWords, leftMs: number): string {
  if (leftMs < 60_000) return `${words.name} lockout in under a minute`;
  return `${words.name} lockout in ~${formatDuration(leftMs)}`;
}

function lockoutMessage(alert: Extract<Alert, { kind: 'lockout' }>, now: number): string {
  const hit = `At this pace you hit the limit at ${formatClock(alert.lockoutAt, now)}`;
  if (alert.resetsAt === null || alert.blockedMs === null) return `${hit}.`;
  return `${hit} and wait ${formatDuration(alert.blockedMs)} until it resets at ${formatClock(alert.resetsAt, now)}.`;
}

/**
 * One notification for the alerts held while notifications were paused: per window, in order,
 * "Session reached 75%, 90%; Week reached 50%."
 */
export function heldSummary(alerts: readonly Alert[], now: number): AlertText {
  const byWindow = new Map<string, Alert[]>();
  for (const alert of alerts) {
    // By window, not source: two sources reporting the same session are one story to the user.
    byWindow.set(alert.windowId, [...(byWindow.get(alert.windowId) ?? []), alert]);
  }
  const clauses = [...byWindow.values()].flatMap((held) => windowClauses(held, now));
  return {
    title: 'While notifications were paused',
    message: clauses.length === 0 ? 'Nothing to report.' : `${clauses.join('; ')}.`,
  };
}

/**
 * One window's clauses, period by period: the thresholds reached ("Session reached 75%, 90%"),
 * any lockout warning, then the reset that ended the period.
 */
function windowClauses(alerts: readonly Alert[], now: number): string[] {
  const clauses: string[] = [];
  let reached: number[] = [];
  let lockouts: string[] = [];
  const flush = (name: string) => {
    if (reached.length > 0) clauses.push(`${name} reached ${reached.map(reachedText).join(', ')}`);
    clauses.push(...lockouts);
    reached = [];
    lockouts = [];
  };
  let name = '';
  for (const alert of alerts) {
    name = windowWords(alert.windowId, alert.label).name;
    if (alert.kind === 'threshold') {
      if (!reached.includes(alert.threshold)) reached.push(alert.threshold);
    } else if (alert.kind === 'lockout') {
      lockouts.push(`${name} was heading for a lockout at ${formatClock(alert.lockoutAt, now)}`);
    } else if (alert.kind === 'banked-expiry') {
      clauses.push(
        `${alert.label} (${alert.left === 1 ? '1 reset' : `${alert.left} resets`} left) expires ${formatClock(alert.endsAt, now)}`,
      );
    } else {
      flush(name);
      clauses.push(`${name} reset`);
    }
  }
  flush(name);
  return clauses.filter((clause, i) => clause !== clauses[i - 1]);
}

/** "75%", or "its limit" for 100 %. */
function reachedText(threshold: number): string {
  return threshold >= LIMIT_REACHED ? 'its limit' : formatPercent(threshold);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** 1st, 2nd, 3rd, 4th … 11th, 12th, 13th … 21st. */
function ordinal(day: number): string {
  const teen = day % 100 >= 11 && day % 100 <= 13;
  const suffix = teen ? 'th' : (['th', 'st', 'nd', 'rd'][day % 10] ?? 'th');
  return `${day}${suffix}`;
}

/** "today at 15:42", "on the 24th" (this month), "on Dec 2" (another month); local time. */
function dayPhrase(at: number, now: number): string {
  const date = new Date(at);
  const today = new Date(now);
  if (date.getFullYear() === today.getFullYear() && date.getMonth() === today.getMonth()) {
    return date.getDate() === today.getDate()
      ? `today at ${formatClock(at, now)}`
      : `on the ${ordinal(date.getDate())}`;
  }
  return `on ${MONTHS[date.getMonth()] ?? ''} ${date.getDate()}`;
}

/** "$200", "$150.50": a budget amount as a sentence says it. */
function budgetMoney(money: Money): string {
  return formatMoney(money.limit, money.currency).replace(/\.00$/, '');
}

/**
 * A budget window's outlook in words: "at this pace you will pass your $200 budget on the 24th",
 * "you passed your $200 budget on the 20th"; null when it is on course or cannot be projected.
 */
export function budgetOutlook(
  window: UsageWindow,
  projection: WindowProjection,
  now: number,
): string | null {
  if (window.money === undefined) return null;
  const budget = `your ${budgetMoney(window.money)} budget`;
  if (projection.status === 'locked' && projection.lockoutAt !== null) {
    return `you passed ${budget} ${dayPhrase(projection.lockoutAt, now)}`;
  }
  if (projection.status === 'at-risk' && projection.lockoutAt !== null) {
    return `at this pace you will pass ${budget} ${dayPhrase(projection.lockoutAt, now)}`;
  }
  return null;
}

import type { ExtraUsage, Snapshot, UsageWindow } from './snapshot';

// The one place that decides which numbers from outside (a server body, Claude Code's status-line
// input, a state or settings file, a transcript) are believable. Every boundary that turns bytes
// into values calls these, so a value no surface can show (1e300 as a reset time, "Infinity%",
// a negative percentage or price) is refused at the edge instead of breaking every surface later.
// Each helper returns the value to keep, or null for "not a reading": callers drop the field,
// never guess it.

/** The earliest time any figure can carry (2000-01-01 UTC, epoch ms). */
export const EPOCH_MIN_MS = 946_684_800_000;
/** The latest time any figure can carry (2100-01-01 UTC, epoch ms): far beyond any reset. */
export const EPOCH_MAX_MS = 4_102_444_800_000;
/** How far a percentage may fall below 0 and still be read as 0 (server rounding). */
export const UTILIZATION_BELOW = 1;
/** The highest percentage believed: a window may overshoot 100 briefly. */
export const UTILIZATION_MAX = 110;
/** The highest share of a budget the user set (a money window) believed, in percent. */
export const BUDGET_SHARE_MAX = 1e9;
/** The largest amount of money (major units) believed in one figure. */
export const MONEY_MAX = 1e12;
/** The largest token count believed in one figure (far beyond any real message or month). */
export const COUNT_MAX = 1e15;

/**
 * The most tokens one field of one response in a transcript can report. No response reports a
 * billion tokens in one field (the largest context windows are about a million).
 */
export const RESPONSE_TOKENS_MAX = 1_000_000_000;
/** The most one response in a transcript can cost, in US dollars. */
export const RESPONSE_COST_MAX_USD = 10_000;

const NUMERIC_TEXT = /^\s*[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?\s*$/;

/** A finite number, from a number or a numeric string ("23.5"); null for anything else. */
export function finiteNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && NUMERIC_TEXT.test(value)) {
    const number = Number(value);
    return Number.isFinite(number) ? number : null;
  }
  return null;
}

/** An epoch-milliseconds time within 2000…2100, or null (NaN, 1e300, negative, text). */
export function validEpochMs(value: unknown): number | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return null;
  return value >= EPOCH_MIN_MS && value <= EPOCH_MAX_MS ? value : null;
}

/**
 * A usage percentage: finite, 0…`max` (UTILIZATION_MAX for a server's figure, BUDGET_SHARE_MAX
 * for a share of a budget); a rounding dip just below 0 reads as 0. Numeric strings are accepted
 * (the server sometimes sends them); anything else is null.
 */
export function validUtilization(value: unknown, max: number = UTILIZATION_MAX): number | null {
  const number = finiteNumber(value);
  if (number === null || number < -UTILIZATION_BELOW || number > max) return null;
  return Math.max(0, number);
}

/** An amount of money in any unit: finite, 0…MONEY_MAX (numeric strings accepted), or null. */
export function validMoney(value: unknown): number | null {
  const number = finiteNumber(value);
  return number !== null && number >= 0 && number <= MONEY_MAX ? number : null;
}

/** A count (tokens, requests): a whole number 0…`max` (numeric strings accepted), or null. */
export function validCount(value: unknown, max: number = COUNT_MAX): number | null {
  const number = finiteNumber(value);
  return number !== null && Number.isInteger(number) && number >= 0 && number <= max
    ? number
    : null;
}

/**
 * A window whose figures every surface can show: its percentage in range (else the window is
 * dropped, null) and its reset time a real time (else unknown, null); a money window is dropped
 * unless both its amounts are believable.
 */
export function validWindow(window: UsageWindow): UsageWindow | null {
  const { money, ...rest } = window;
  // A money window's share of a budget the user set can be overspent many times over.
  const utilization = validUtilization(
    window.utilization,
    money === undefined ? UTILIZATION_MAX : BUDGET_SHARE_MAX,
  );
  if (utilization === null) return null;
  const resetsAt = window.resetsAt === null ? null : validEpochMs(window.resetsAt);
  const checked: UsageWindow = { ...rest, utilization, resetsAt };
  if (money === undefined) return checked;
  const used = validMoney(money.used);
  const limit = validMoney(money.limit);
  return used === null || limit === null ? null : { ...checked, money: { ...money, used, limit } };
}

/** Extra usage with believable amounts, or null when its spend is not one. */
export function validExtraUsage(extra: ExtraUsage | null): ExtraUsage | null {
  if (extra === null) return null;
  const used = validMoney(extra.used);
  if (used === null) return null;
  const limit = extra.limit === null ? null : validMoney(extra.limit);
  const utilization = extra.utilization === null ? null : validUtilization(extra.utilization);
  return { ...extra, used, limit, utilization };
}

/**
 * A snapshot every surface can show, or null when its time is not a real one: windows out of
 * range are dropped, unreal reset times become unknown, unbelievable spend is left out.
 */
export function validSnapshot<S extends Snapshot>(snapshot: S): S | null {
  if (validEpochMs(snapshot.fetchedAt) === null) return null;
  return {
    ...snapshot,
    windows: snapshot.windows
      .map(validWindow)
      .filter((window): window is UsageWindow => window !== null),
    extraUsage: validExtraUsage(snapshot.extraUsage),
  };
}

/**
 * A transcript's token count for one field of one response: a whole number 0…RESPONSE_TOKENS_MAX,
 * as a JSON number only (ccusage reads no strings there).
 */
export function isResponseTokenCount(value: unknown): value is number {
  return (
    typeof value === 'number' &&
    Number.isInteger(value) &&
    value >= 0 &&
    value <= RESPONSE_TOKENS_MAX
  );
}

/** A transcript's cost of one response in US dollars: 0…RESPONSE_COST_MAX_USD, a JSON number. */
export function isResponseCostUsd(value: unknown): value is number {
  return typeof value === 'number' && value >= 0 && value <= RESPONSE_COST_MAX_USD;
}

import type { Alert } from './alert';
import { ledgerKey, type AlertLedger, type WindowAlertState } from './alert-ledger';
import { expiringUnused } from './banked-resets';
import { periodKey } from './period';
import type { WindowProjection } from './projection';
import type { Snapshot, UsageWindow } from './snapshot';
import { DEFAULT_VERDICT_SETTINGS, lockoutIsSoon, thresholdsFor } from './verdict';

/** What the user asked to be told about. */
export interface AlertSettings {
  /** Utilization thresholds in percent; default [50, 75, 90]. */
  readonly thresholds: readonly number[];
  /** Per window id, thresholds that replace the general ones. */
  readonly windowThresholds: Readonly<Record<string, readonly number[]>>;
  /** Warn this many minutes before a projected lockout; 0 disables. Default 30. */
  readonly lockoutLeadMinutes: number;
  /** Say when a window that had alerted resets. Default true. */
  readonly notifyOnReset: boolean;
}

/** The settings a new user gets. */
export const DEFAULT_ALERT_SETTINGS: AlertSettings = {
  ...DEFAULT_VERDICT_SETTINGS,
  notifyOnReset: true,
};

/** A `threshold` alert at this level says the limit is reached: Claude stops taking requests. */
export const LIMIT_REACHED = 100;

/** A threshold fired earlier re-arms only once utilization is this far below it. */
const HYSTERESIS_POINTS = 5;

/**
 * Decides which alerts a snapshot triggers and returns the updated ledger. Each threshold fires
 * at most once per window period; several crossed at once fire only the highest, and 100 %
 * (LIMIT_REACHED) is always the highest of a limit window's; a period that ended re-arms
 * everything; a moved or missing reset time re-arms only by hysteresis, so wobbles never re-fire.
 * Windows absent from the snapshot keep their state. Thresholds and the lockout lead time are
 * the verdict's (shared/domain/verdict.ts), so a notification never disagrees with the tray.
 */
export function decideAlerts(
  ledger: AlertLedger,
  snapshot: Snapshot,
  projections: readonly WindowProjection[],
  settings: AlertSettings,
  now: number,
): { ledger: AlertLedger; alerts: Alert[] } {
  const windows = { ...ledger.windows };
  const alerts: Alert[] = [];
  // The snapshot tells what the server said when it was fetched, not at `now`.
  const observedAt = Math.min(now, snapshot.fetchedAt);
  for (const window of snapshot.windows) {
    const key = ledgerKey(window.id);
    const base = { source: snapshot.source, windowId: window.id, label: window.label };
    const carried = carryOver(windows[key], window, observedAt);
    if (carried.endedWithAlerts && settings.notifyOnReset) {
      alerts.push({
        kind: 'reset',
        ...base,
        nextResetAt: window.resetsAt,
        utilization: window.utilization,
        at: now,
      });
    }
    const crossed = crossThresholds(carried.state, window, alertThresholds(settings, window));
    if (crossed.threshold !== null) {
      alerts.push({
        kind: 'threshold',
        ...base,
        threshold: crossed.threshold,
        utilization: window.utilization,
        resetsAt: window.resetsAt,
        at: now,
      });
    }
    const projection = projections.find((candidate) => candidate.windowId === window.id);
    const lockoutAt = lockoutDue(crossed.state, window, projection, settings, now);
    if (lockoutAt !== null) {
      alerts.push({
        kind: 'lockout',
        ...base,
        lockoutAt,
        resetsAt: window.resetsAt,
        blockedMs: projection?.blockedMs ?? null,
        at: now,
      });
    }
    windows[key] = {
      ...crossed.state,
      lockoutWarned: crossed.state.lockoutWarned || lockoutAt !== null,
    };
  }
  const banked = bankedReminders(ledger.bankedReminded ?? {}, snapshot, now);
  alerts.push(...banked.alerts);
  return { ledger: { ...ledger, windows, bankedReminded: banked.reminded }, alerts };
}

/**
 * The reminder a day before a banked reset expires unused (`expiringUnused`): once per grant and
 * expiry, remembered in the ledger so no restart, second process or later poll repeats it. A
 * grant whose expiry the server moves is reminded of again; entries of expired grants are
 * dropped, so the ledger stays small.
 */
function bankedReminders(
  reminded: Readonly<Record<string, number>>,
  snapshot: Snapshot,
  now: number,
): { reminded: Record<string, number>; alerts: Alert[] } {
  const kept: Record<string, number> = {};
  for (const [id, endsAt] of Object.entries(reminded)) if (endsAt > now) kept[id] = endsAt;
  const alerts: Alert[] = [];
  for (const reset of expiringUnused(snapshot.bankedResets ?? [], now)) {
    if (reset.endsAt === null || kept[reset.id] === reset.endsAt) continue;
    kept[reset.id] = reset.endsAt;
    alerts.push({
      kind: 'banked-expiry',
      source: snapshot.source,
      windowId: `banked:${reset.id}`,
      label: reset.label,
      grantId: reset.id,
      left: reset.left,
      endsAt: reset.endsAt,
      clears: [...reset.clears],
      at: now,
    });
  }
  return { reminded: kept, alerts };
}

/** The state a window enters its new reading with, and whether an alerted period just ended. */
function carryOver(
  previous: WindowAlertState | undefined,
  window: UsageWindow,
  observedAt: number,
): { state: WindowAlertState; endedWithAlerts: boolean } {
  const period = periodKey(window.resetsAt);
  const kept = { state: previous ?? freshState(period, window.resetsAt), endedWithAlerts: false };
  if (previous === undefined) return kept;
  if (period === previous.period) {
    // Without a reset time there is no period to count in: only hysteresis can re-arm.
    return period === null ? { ...kept, state: rearmBelow(previous, window.utilization) } : kept;
  }
  if (previous.resetsAt !== null && previous.resetsAt <= observedAt) {
    return {
      state: freshState(period, window.resetsAt),
      endedWithAlerts: previous.fired.length > 0,
    };
  }
  const rearmed = rearmBelow(previous, window.utilization);
  // No reset time now (no active session) but the old one has not passed: keep counting in it.
  if (period === null) return { ...kept, state: rearmed };
  // The server moved the reset time: the same period goes on under a new key.
  return { ...kept, state: { ...rearmed, period, resetsAt: window.resetsAt } };
}

function freshState(period: string | null, resetsAt: number | null): WindowAlertState {
  return { period, resetsAt, fired: [], lockoutWarned: false, peak: 0 };
}

/** Re-arms the thresholds that utilization has fallen well below. */
function rearmBelow(state: WindowAlertState, utilization: number): WindowAlertState {
  return {
    ...state,
    fired: state.fired.filter((threshold) => utilization >= threshold - HYSTERESIS_POINTS),
  };
}

/** The window's thresholds (the verdict's), and the limit itself for a window that can lock. */
function alertThresholds(settings: AlertSettings, window: UsageWindow): number[] {
  const thresholds = thresholdsFor(settings, window.id);
  if (window.money !== undefined || thresholds.includes(LIMIT_REACHED)) return thresholds;
  return [...thresholds, LIMIT_REACHED];
}

/**
 * Marks every threshold the utilization has reached as fired; the highest of them fires unless
 * it already had. Lower ones are passed over: one notification says "at 90%", not three.
 */
function crossThresholds(
  state: WindowAlertState,
  window: UsageWindow,
  thresholds: readonly number[],
): { state: WindowAlertState; threshold: number | null } {
  const reached = thresholds.filter((threshold) => window.utilization >= threshold);
  const top = reached[reached.length - 1];
  const peak = Math.max(state.peak, window.utilization);
  if (top === undefined) return { state: { ...state, peak }, threshold: null };
  const fired = [...new Set([...state.fired, ...reached])].sort((a, b) => a - b);
  return { state: { ...state, fired, peak }, threshold: state.fired.includes(top) ? null : top };
}

/**
 * The lockout time to warn about now, or null: once per period, when the verdict calls it soon.
 * A budget is warned about as soon as the pace would pass it: days ahead is what helps there.
 */
function lockoutDue(
  state: WindowAlertState,
  window: UsageWindow,
  projection: WindowProjection | undefined,
  settings: AlertSettings,
  now: number,
): number | null {
  if (state.lockoutWarned || projection?.status !== 'at-risk') return null;
  const budget = window.money !== undefined && settings.lockoutLeadMinutes > 0;
  return budget || lockoutIsSoon(projection, settings.lockoutLeadMinutes, now)
    ? projection.lockoutAt
    : null;
}

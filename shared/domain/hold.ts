import type { AlertLedger } from './alert-ledger';
import type { Alert } from './alert';

/** When notifications wait instead of showing. */
export interface HoldSettings {
  /** Snoozed until this time, epoch ms; null when not snoozed. */
  readonly snoozeUntil: number | null;
  /** Daily quiet hours, "HH:MM" local time; `end` before `start` wraps past midnight. */
  readonly quietHours: { readonly start: string; readonly end: string } | null;
}

/** The most held alerts kept; older ones are dropped so the ledger stays bounded. */
export const MAX_HELD_ALERTS = 50;

/** Whether notifications are held at `now`: snoozed, or inside quiet hours (local time). */
export function isHeld(hold: HoldSettings, now: number): boolean {
  if (hold.snoozeUntil !== null && now < hold.snoozeUntil) return true;
  if (hold.quietHours === null) return false;
  const start = minuteOfDay(hold.quietHours.start);
  const end = minuteOfDay(hold.quietHours.end);
  // Unparseable or empty (start = end) quiet hours hold nothing.
  if (start === null || end === null || start === end) return false;
  const date = new Date(now);
  const minute = date.getHours() * 60 + date.getMinutes();
  return start < end ? minute >= start && minute < end : minute >= start || minute < end;
}

function minuteOfDay(text: string): number | null {
  const match = /^(\d{1,2}):(\d{2})$/.exec(text);
  if (match === null) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  return hours < 24 && minutes < 60 ? hours * 60 + minutes : null;
}

/** Delivers alerts now, or, while held, keeps them in the ledger (the newest 50) for later. */
export function routeAlerts(
  ledger: AlertLedger,
  alerts: readonly Alert[],
  held: boolean,
): { ledger: AlertLedger; deliver: Alert[] } {
  if (!held) return { ledger, deliver: [...alerts] };
  if (alerts.length === 0) return { ledger, deliver: [] };
  return {
    ledger: { ...ledger, held: [...ledger.held, ...alerts].slice(-MAX_HELD_ALERTS) },
    deliver: [],
  };
}

/** Once notifications are no longer held, hands back what was kept and clears it. */
export function releaseHeld(
  ledger: AlertLedger,
  held: boolean,
): { ledger: AlertLedger; deliver: Alert[] } {
  if (held || ledger.held.length === 0) return { ledger, deliver: [] };
  return { ledger: { ...ledger, held: [] }, deliver: ledger.held };
}

/** When a snooze ends: in one hour, or "until tomorrow", the next local 08:00. */
export function snoozeUntil(now: number, choice: '1h' | 'tomorrow'): number {
  if (choice === '1h') return now + 3_600_000;
  const morning = new Date(now);
  morning.setHours(8, 0, 0, 0);
  // setDate, not + 24 h: a day across a DST change is 23 or 25 hours long.
  if (morning.getTime() <= now) morning.setDate(morning.getDate() + 1);
  return morning.getTime();
}

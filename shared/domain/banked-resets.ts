import { formatClock, formatDuration } from './format';
import { windowLabel, type BankedReset, type UsageWindow } from './snapshot';

// Banked limit resets (docs/PROTOCOLS.md "Banked resets"): what the user can do with them, in
// plain words. Pacewatch reads grants and advises; spending one is `/limit-reset` in Claude Code.

const DAY = 24 * 3_600_000;

/** How long before an unused grant expires the reminder fires. */
export const EXPIRY_REMINDER_MS = DAY;

/** Whether a grant can still be spent at some point: resets left, started, not expired. */
export function isLive(reset: BankedReset, now: number): boolean {
  if (reset.left <= 0) return false;
  if (reset.endsAt !== null && reset.endsAt <= now) return false;
  return true;
}

/** The live grants, soonest expiry first (a grant without an end date last). */
export function liveResets(resets: readonly BankedReset[], now: number): BankedReset[] {
  const end = (reset: BankedReset) => reset.endsAt ?? Number.POSITIVE_INFINITY;
  return resets.filter((reset) => isLive(reset, now)).sort((a, b) => end(a) - end(b));
}

/** "session and week": the windows a grant clears, named as on screen, in lower case. */
export function clearsText(clears: readonly string[]): string {
  const names = clears.map((id) => {
    const label = windowLabel(id);
    return label === 'Session' || label === 'Week' ? label.toLowerCase() : label;
  });
  if (names.length <= 1) return names[0] ?? 'no window';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] ?? ''}`;
}

/** One line per live grant: "Launch reset: 1 of 2 left · clears session and week · expires Tue 16:00". */
export function bankedResetLines(resets: readonly BankedReset[], now: number): string[] {
  return liveResets(resets, now).map((reset) => {
    const count =
      reset.total === null ? `${reset.left} left` : `${reset.left} of ${reset.total} left`;
    const expires = reset.endsAt === null ? '' : ` · expires ${formatClock(reset.endsAt, now)}`;
    const state = reset.paused ? ' · paused' : reset.usableNow ? '' : ' · not usable yet';
    return `${reset.label}: ${count} · clears ${clearsText(reset.clears)}${expires}${state}`;
  });
}

/**
 * Advice in plain words, or null when there is nothing to say: when a usable grant would clear
 * a window the user is locked out of, "a reset would clear your week now; you are locked for
 * 2 d 4 h otherwise". Only windows at 100 % count: spending a reset earlier wastes it.
 */
export function bankedResetAdvice(
  resets: readonly BankedReset[],
  windows: readonly UsageWindow[],
  now: number,
): string | null {
  const usable = liveResets(resets, now).filter((reset) => reset.usableNow && !reset.paused);
  if (usable.length === 0) return null;
  const cleared = new Set(usable.flatMap((reset) => reset.clears));
  const locked = windows.filter(
    (window) =>
      window.utilization >= 100 &&
      cleared.has(window.id) &&
      window.resetsAt !== null &&
      window.resetsAt > now,
  );
  if (locked.length === 0) return null;
  const until = Math.max(...locked.map((window) => window.resetsAt ?? now));
  const names = clearsText(locked.map((window) => window.id));
  return `A reset would clear your ${names} now; you are locked for ${formatDuration(until - now)} otherwise. Run /limit-reset in Claude Code to use one.`;
}

/** The live grants that expire within a day and still hold resets: the reminder's subjects. */
export function expiringUnused(resets: readonly BankedReset[], now: number): BankedReset[] {
  return liveResets(resets, now).filter(
    (reset) => reset.endsAt !== null && reset.endsAt - now <= EXPIRY_REMINDER_MS,
  );
}

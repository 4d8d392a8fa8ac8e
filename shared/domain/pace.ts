import { windowDurationMs, type UsageWindow } from './snapshot';

/** Used share of a window against the share of its period that has elapsed. */
export interface WindowPace {
  /** Utilization, 0–100 as reported. */
  readonly usedPct: number;
  /** How much of the period has gone by, 0–100. */
  readonly elapsedPct: number;
  /** usedPct − elapsedPct: positive means ahead of an even pace (burning faster). */
  readonly deltaPct: number;
  /** "12 points ahead of an even pace", "on an even pace", "8 points under an even pace". */
  readonly sentence: string;
}

/** Within this many points of even, the pace reads "on an even pace". */
const EVEN_BAND = 2;

/** How a window's use compares with an even spread over its period; null without a reset time. */
export function windowPace(window: UsageWindow, now: number): WindowPace | null {
  if (window.resetsAt === null) return null;
  const duration = windowDurationMs(window.id);
  const start = window.resetsAt - duration;
  const elapsedPct = Math.min(100, Math.max(0, ((now - start) / duration) * 100));
  const deltaPct = window.utilization - elapsedPct;
  return { usedPct: window.utilization, elapsedPct, deltaPct, sentence: paceSentence(deltaPct) };
}

function paceSentence(deltaPct: number): string {
  if (Math.abs(deltaPct) < EVEN_BAND) return 'on an even pace';
  const points = Math.round(Math.abs(deltaPct));
  return deltaPct > 0
    ? `${points} points ahead of an even pace`
    : `${points} points under an even pace`;
}

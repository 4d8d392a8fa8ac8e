/**
 * Where a limit figure came from: one id per limit source (PRODUCT.md §1). The local-transcript
 * estimate is not a limit source: it has no windows, is never merged or alerted on, and has a
 * type of its own (`LogsSummary`, the engine's `logs`).
 */
export type SourceId = 'oauth' | 'web' | 'admin' | 'statusline';

/** Every limit source id, in the order surfaces list them. */
export const SOURCE_IDS: readonly SourceId[] = ['oauth', 'web', 'admin', 'statusline'];

/** An amount of money in major units (dollars, not cents): converted once, at the wire edge. */
export interface Money {
  readonly used: number;
  readonly limit: number;
  readonly currency: string;
}

/**
 * One limit window: `five_hour` (the session), `seven_day` (the week), `seven_day_<model>`
 * (a model-scoped week), or `monthly_budget` (an admin spend budget).
 */
export interface UsageWindow {
  readonly id: string;
  /** What the user reads: "Session", "Week", "Week · Opus". */
  readonly label: string;
  /** Percentage used, 0–100 as the server reports it (may exceed 100 briefly). */
  readonly utilization: number;
  /** When the window resets, epoch milliseconds; null when the server does not say. */
  readonly resetsAt: number | null;
  /** Set for money windows only. */
  readonly money?: Money;
  /** The server's own word that this limit binds now (`limits[].is_active`), where it sent one. */
  readonly active?: boolean;
}

/** Pay-as-you-go spend beyond the plan ("extra usage"), in major units. */
export interface ExtraUsage {
  readonly enabled: boolean;
  readonly used: number;
  /** null when there is no cap. */
  readonly limit: number | null;
  readonly currency: string;
  readonly utilization: number | null;
}

/** Tokens and cost of one model in a spend period (the admin source). */
export interface ModelSpend {
  readonly model: string;
  /** Major units; 0 when the cost report names no cost for this model. */
  readonly cost: number;
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly cacheCreationTokens: number;
  readonly cacheReadTokens: number;
}

/** Money spent since the start of a billing period, with or without a budget (the admin source). */
export interface Spend {
  /** Major units. */
  readonly amount: number;
  readonly currency: string;
  /** Start of the period, epoch ms (the first of the month, UTC). */
  readonly since: number;
  /** Per model, most expensive first. */
  readonly models: readonly ModelSpend[];
}

/** A prepaid credit balance (claude.ai), in major units. */
export interface PrepaidCredits {
  readonly amount: number;
  readonly currency: string;
}

/** What one source said at one moment. */
export interface Snapshot {
  readonly source: SourceId;
  /** epoch milliseconds */
  readonly fetchedAt: number;
  readonly windows: readonly UsageWindow[];
  readonly extraUsage: ExtraUsage | null;
  /** Month-to-date spend, when the source reports money spent (admin). */
  readonly spend?: Spend;
  /** The prepaid credit balance, when the source reports one (web). */
  readonly prepaidCredits?: PrepaidCredits;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** How long a window lasts, from its id: used to find the start of the current period. */
export function windowDurationMs(windowId: string): number {
  if (windowId === 'five_hour') return 5 * HOUR;
  if (windowId.startsWith('seven_day')) return 7 * DAY;
  if (windowId === 'monthly_budget') return 31 * DAY;
  return 7 * DAY;
}

/** The on-screen name of a window id: "Session", "Week", "Week · Opus". */
export function windowLabel(windowId: string, modelName?: string): string {
  if (windowId === 'five_hour') return 'Session';
  if (windowId === 'seven_day') return 'Week';
  if (windowId === 'monthly_budget') return 'Month · budget';
  if (windowId.startsWith('seven_day_')) {
    const name = modelName ?? windowId.slice('seven_day_'.length).replace(/_/g, ' ');
    return `Week · ${name.charAt(0).toUpperCase()}${name.slice(1)}`;
  }
  return windowId;
}

/** The window id for a model-scoped weekly limit: "Opus" → `seven_day_opus`. */
export function scopedWindowId(modelName: string): string {
  const slug = modelName
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return `seven_day_${slug}`;
}

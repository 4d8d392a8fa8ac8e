/**
 * Where a limit figure came from: one id per limit source (docs/PRODUCT.md §1). The local-transcript
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
  /** Set for money windows, and for windows the server reports in dollars too. */
  readonly money?: Money;
  /** The server's own word on whether this limit binds now (`limits[].is_active`). */
  readonly active?: boolean;
  /** The server's severity for this limit (`limits[].severity`, e.g. "normal"). */
  readonly severity?: string;
}

/** Pay-as-you-go spend beyond the plan ("extra usage"), in major units. */
export interface ExtraUsage {
  readonly enabled: boolean;
  readonly used: number;
  /** null when there is no cap. */
  readonly limit: number | null;
  readonly currency: string;
  readonly utilization: number | null;
  /** Why the server turned extra usage off (`disabled_reason`, e.g. "out_of_credits"). */
  readonly disabledReason?: string;
}

/** A one-off promotional credit (`cinder_cove`): how much of it is used and when it ends. */
export interface PromoCredit {
  readonly utilization: number;
  /** epoch ms; null when the server does not say. */
  readonly expiresAt: number | null;
  readonly money?: Money;
}

/**
 * A banked limit reset (docs/PROTOCOLS.md "Banked resets"): a grant the user may spend in
 * Claude Code with `/limit-reset`. Pacewatch only reads them, it never spends one.
 */
export interface BankedReset {
  readonly id: string;
  readonly label: string;
  /** Resets left in this grant. */
  readonly left: number;
  /** Resets the grant held at the start; null when the server does not say. */
  readonly total: number | null;
  /** epoch ms, or null. */
  readonly startsAt: number | null;
  /** epoch ms: the grant expires then, used or not; null when the server does not say. */
  readonly endsAt: number | null;
  /** The window ids a reset clears (`five_hour`, `seven_day`, `seven_day_overage_included`…). */
  readonly clears: readonly string[];
  readonly usableNow: boolean;
  readonly paused: boolean;
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

/** A cost not tied to a model (web search, code execution), in major units (the admin source). */
export interface ToolCost {
  /** The cost report's `cost_type` ("web_search", "code_execution", …). */
  readonly kind: string;
  readonly cost: number;
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
  /** Costs tied to no model, most expensive first; absent in records from before they were kept. */
  readonly toolCosts?: readonly ToolCost[];
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
  /** A promotional credit, when the server reports one (`cinder_cove`). */
  readonly promoCredit?: PromoCredit;
  /** Banked limit resets, when the source asked for them (oauth); [] when there are none. */
  readonly bankedResets?: readonly BankedReset[];
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

/** Windows whose name on screen is not "Week · <model>" (docs/PROTOCOLS.md "New windows"). */
const NAMED_WINDOWS: Readonly<Record<string, string>> = {
  five_hour: 'Session',
  seven_day: 'Week',
  monthly_budget: 'Month · budget',
  seven_day_overage_included: 'Week · Fable',
  seven_day_routines: 'Daily routines',
  seven_day_cowork: 'Cowork',
  seven_day_design: 'Claude Design',
};

/** The on-screen name of a window id: "Session", "Week", "Week · Opus", "Week · Fable". */
export function windowLabel(windowId: string, modelName?: string): string {
  const named = NAMED_WINDOWS[windowId];
  if (named !== undefined) return named;
  if (windowId.startsWith('seven_day_')) {
    const name = modelName ?? windowId.slice('seven_day_'.length).replace(/_/g, ' ');
    return `Week · ${name.charAt(0).toUpperCase()}${name.slice(1)}`;
  }
  return windowId;
}

/**
 * The window id for a model-scoped weekly limit: "Opus" → `seven_day_opus`. Fable's weekly
 * limit is the window the server also sends as `seven_day_overage_included`, so both land on it.
 */
export function scopedWindowId(modelName: string): string {
  const slug = modelName
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return slug === 'fable' ? 'seven_day_overage_included' : `seven_day_${slug}`;
}

import type { LogsSummary } from '../domain/logs-summary';
import type { WindowChart } from '../domain/history-chart';
import type { ProjectionStatus } from '../domain/projection';
import type { BankedReset, Money, SourceId } from '../domain/snapshot';
import type { VerdictLevel, WindowLevel } from '../domain/verdict';

/** A state the popover announces above the cards, most important first. */
export type BannerKind =
  'signed-out' | 'error' | 'rate-limited' | 'locked' | 'stale' | 'enterprise' | 'no-data';

/**
 * What a banner's buttons do: open settings, ask again now, copy the `claude` command (to sign in
 * again), or set up the status line (for a login that can run Claude but not read usage).
 */
export type BannerAction = 'settings' | 'refresh' | 'copy-claude' | 'statusline';

/** One announced state: a title, a sentence that says what to do, and the times it refers to. */
export interface BannerModel {
  readonly kind: BannerKind;
  readonly title: string;
  readonly message: string;
  /** The source it is about, when more than one source is on. */
  readonly source: SourceId | null;
  /** When Pacewatch asks again (rate-limited, error), epoch ms. */
  readonly retryAt: number | null;
  /** When a lock ends (locked), epoch ms. */
  readonly until: number | null;
  /** The buttons that fix it, the most direct first; none when there is nothing to do. */
  readonly actions: readonly BannerAction[];
}

/**
 * One limit window as a card: the verdict on it (shared/domain/verdict.ts) and its figures; the
 * renderer only words them, against its clock, and decides nothing.
 */
export interface CardModel {
  readonly id: string;
  readonly label: string;
  /** "S", "W", "Opus", "$". */
  readonly short: string;
  /** "S 42%": what the tray title says for this window. */
  readonly headline: string;
  /** As it holds now: 0 once the reset time has passed. */
  readonly utilization: number;
  /** The coming reset; null when unknown or already passed. */
  readonly resetsAt: number | null;
  /** Set when the reset time passed since these figures: "reset at 14:00 — new figures with the next poll". */
  readonly resetAt: number | null;
  /** The verdict's level: per-window thresholds and the lockout lead time applied. */
  readonly level: WindowLevel;
  /** The thresholds in force for this window, ascending. */
  readonly thresholds: readonly number[];
  /** A projected lockout within the lead time (what made it critical). */
  readonly lockoutSoon: boolean;
  readonly binding: boolean;
  readonly stale: boolean;
  readonly source: SourceId;
  readonly fetchedAt: number;
  readonly projection: {
    readonly status: ProjectionStatus;
    readonly lockoutAt: number | null;
    readonly blockedMs: number | null;
    readonly note: string | null;
    /** Points per hour at the current pace, for the chart's projection; null without one. */
    readonly ratePerHour: number | null;
  };
  /** Where an even pace would be now (0–100), and the sentence for it. */
  readonly pace: { readonly elapsedPct: number; readonly sentence: string } | null;
  /** The last 5 hours and 7 days of readings, and the resets in them. */
  readonly chart: WindowChart;
  readonly money: Money | null;
}

/** Pay-as-you-go spend beyond the plan. */
export interface ExtraUsageModel {
  /** The general thresholds applied to `utilization`; locked at 100 % of the cap. */
  readonly level: WindowLevel;
  readonly enabled: boolean;
  readonly used: number;
  readonly limit: number | null;
  readonly currency: string;
  readonly utilization: number | null;
  readonly source: SourceId;
}

/** Month-to-date API spend (the admin source), when no budget turns it into a window. */
export interface SpendModel {
  readonly amount: number;
  readonly currency: string;
  /** Start of the period, epoch ms. */
  readonly since: number;
  readonly source: SourceId;
}

/** A prepaid credit balance (claude.ai). */
export interface CreditsModel {
  readonly amount: number;
  readonly currency: string;
  readonly source: SourceId;
}

/** Everything the popover shows, assembled in main from the engine state. */
export interface PopoverModel {
  /** When main assembled it, epoch ms. */
  readonly assembledAt: number;
  /** `loading` until the engine's first look at every source finished. */
  readonly phase: 'loading' | 'ready';
  /** The overall verdict: what the tray shows. */
  readonly glance: {
    readonly level: VerdictLevel;
    /** The binding window's id. */
    readonly binding: string | null;
    /** "S 42%", "S 42% · W 91%"; "" without figures. */
    readonly headline: string;
  };
  readonly banners: readonly BannerModel[];
  readonly cards: readonly CardModel[];
  readonly extraUsage: ExtraUsageModel | null;
  readonly spend: SpendModel | null;
  readonly prepaidCredits: CreditsModel | null;
  /** The freshest reading shown, and whether any figure on screen is stale. */
  readonly updated: { readonly fetchedAt: number | null; readonly stale: boolean };
  /** The billing-route line ("Subscription (Max 5x)"), once the check ran. */
  readonly route: string | null;
  /** The local-transcript estimate, when the logs source is on and has been read. */
  readonly logs: LogsSummary | null;
  /** Endpoint overrides and rebuilt state files, as sentences. */
  readonly notices: readonly string[];
  /** Notifications are held until this time, epoch ms; null when not snoozed. */
  readonly snoozedUntil: number | null;
  /** The first general threshold (each card carries its own: `CardModel.thresholds`). */
  readonly warnAt: number;
  /** The last general threshold (each card carries its own: `CardModel.level`). */
  readonly criticalAt: number;
  /** A new version is downloaded: the "Restart to update" line. Absent while there is none. */
  readonly update?: { readonly version: string };
  /** Banked limit resets (docs/PROTOCOLS.md "Banked resets") and the advice on them. */
  readonly banked: BankedModel;
}

/** Banked limit resets the user can spend with `/limit-reset` in Claude Code; Pacewatch only reads them. */
export interface BankedModel {
  /** The grants still live (resets left, not expired), soonest expiry first; empty when none. */
  readonly resets: readonly BankedReset[];
  /** "A reset would clear your week now; …", when one would help now; else null. */
  readonly advice: string | null;
}

/** What the popover shows before the engine's first look at the sources: nothing to show yet. */
export const LOADING_CONTENT = {
  phase: 'loading',
  glance: { level: 'stale', binding: null, headline: '' },
  banners: [],
  cards: [],
  extraUsage: null,
  spend: null,
  prepaidCredits: null,
  updated: { fetchedAt: null, stale: false },
  logs: null,
  banked: { resets: [], advice: null },
} as const satisfies Partial<PopoverModel>;

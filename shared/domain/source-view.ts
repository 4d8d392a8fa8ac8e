import { periodSamples, type History } from './history';
import { windowChart, type WindowChart } from './history-chart';
import { windowPace, type WindowPace } from './pace';
import { isStale, type PollPolicy } from './poll-policy';
import { projectWindow, type WindowProjection } from './projection';
import {
  type BankedReset,
  type ExtraUsage,
  type PrepaidCredits,
  type PromoCredit,
  type SourceId,
  type Spend,
  type UsageWindow,
} from './snapshot';
import type { SourceRecord } from './source-record';
import type { UsageError } from './usage-error';

/** One window as every surface shows it: the figures plus what they mean for the user. */
export interface WindowView extends UsageWindow {
  readonly projection: WindowProjection;
  readonly pace: WindowPace | null;
  /** The last 5 hours and 7 days of readings, and the resets in them. */
  readonly chart: WindowChart;
}

/** One source as every surface shows it. */
export interface SourceView {
  readonly source: SourceId;
  /** When the figures shown were fetched; null when there are none. */
  readonly fetchedAt: number | null;
  readonly stale: boolean;
  readonly error: UsageError | null;
  readonly windows: readonly WindowView[];
  readonly extraUsage: ExtraUsage | null;
  /** Month-to-date API spend (admin), when reported. */
  readonly spend: Spend | null;
  /** Prepaid credit balance (claude.ai), when reported. */
  readonly prepaidCredits: PrepaidCredits | null;
  /** A promotional credit (`cinder_cove`), when reported. */
  readonly promoCredit: PromoCredit | null;
  /** Banked limit resets ([] when none, or when the source does not report them). */
  readonly bankedResets: readonly BankedReset[];
}

/** Builds the view of a source from its cached record and history, at `now`. */
export function buildSourceView(
  record: SourceRecord,
  history: History,
  policy: PollPolicy,
  now: number,
): SourceView {
  const snapshot = record.snapshot;
  const windows = snapshot?.windows ?? [];
  const projections = windows.map((window) =>
    projectWindow(window, periodSamples(history, window.id, window.resetsAt, now), now),
  );
  return {
    source: record.source,
    fetchedAt: snapshot?.fetchedAt ?? null,
    stale: isStale(record, policy, now),
    error: record.error,
    windows: windows.map((window, index) => ({
      ...window,
      projection: projections[index] ?? projectWindow(window, [], now),
      pace: windowPace(window, now),
      chart: windowChart(history, window.id, now),
    })),
    extraUsage: snapshot?.extraUsage ?? null,
    spend: snapshot?.spend ?? null,
    prepaidCredits: snapshot?.prepaidCredits ?? null,
    promoCredit: snapshot?.promoCredit ?? null,
    bankedResets: snapshot?.bankedResets ?? [],
  };
}

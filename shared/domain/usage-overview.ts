import type { ExtraUsage, SourceId } from './snapshot';
import type { SourceView, WindowView } from './source-view';

/** A window as the overview shows it: the figures, and which source they came from and when. */
export interface ShownWindow extends WindowView {
  readonly source: SourceId;
  readonly fetchedAt: number;
  readonly stale: boolean;
}

/** What every source says, merged: one entry per window, the freshest authoritative source wins. */
export interface UsageOverview {
  readonly windows: readonly ShownWindow[];
  readonly extraUsage: (ExtraUsage & { readonly source: SourceId }) | null;
  /** Each source's own view, for its freshness and errors. */
  readonly sources: readonly SourceView[];
}

/** Sources whose percentages the server enforces; `logs` is an estimate and never merged in. */
const AUTHORITATIVE: readonly SourceId[] = ['oauth', 'web', 'statusline', 'admin'];

/**
 * Merges source views: for each window id, the reading from the freshest authoritative source
 * that is not stale (or the freshest stale one when all are). What the windows mean (levels,
 * the binding window) is the verdict's to say (shared/domain/verdict.ts).
 */
export function usageOverview(views: readonly SourceView[]): UsageOverview {
  const chosen = new Map<string, ShownWindow>();
  let extraUsage: UsageOverview['extraUsage'] = null;
  let extraFrom: SourceView | null = null;
  for (const view of views) {
    if (!AUTHORITATIVE.includes(view.source) || view.fetchedAt === null) continue;
    const fetchedAt = view.fetchedAt;
    for (const window of view.windows) {
      const current = chosen.get(window.id);
      if (current === undefined || better({ stale: view.stale, fetchedAt }, current)) {
        chosen.set(window.id, { ...window, source: view.source, fetchedAt, stale: view.stale });
      }
    }
    if (
      view.extraUsage !== null &&
      (extraFrom === null || better(asReading(view), asReading(extraFrom)))
    ) {
      extraUsage = { ...view.extraUsage, source: view.source };
      extraFrom = view;
    }
  }
  return {
    windows: [...chosen.values()],
    extraUsage,
    sources: views,
  };
}

interface Reading {
  readonly stale: boolean;
  readonly fetchedAt: number;
}

function asReading(view: SourceView): Reading {
  return { stale: view.stale, fetchedAt: view.fetchedAt ?? -Infinity };
}

function better(candidate: Reading, current: Reading): boolean {
  if (candidate.stale !== current.stale) return !candidate.stale;
  return candidate.fetchedAt > current.fetchedAt;
}

import type { SourceView } from './source-view';
import type { UsageErrorKind } from './usage-error';
import type { Verdict } from './verdict';

/** The stable `pacewatch status --json` contract (docs/PRODUCT.md §3). */
export interface StatusJson {
  readonly source: string;
  readonly fetchedAt: string | null;
  readonly stale: boolean;
  readonly error: {
    readonly kind: UsageErrorKind;
    readonly message: string;
    readonly retryAt: string | null;
  } | null;
  readonly windows: readonly {
    readonly id: string;
    readonly label: string;
    readonly utilization: number;
    readonly resetsAt: string | null;
    readonly projectedLockoutAt: string | null;
    readonly binding: boolean;
  }[];
  readonly extraUsage: {
    readonly enabled: boolean;
    readonly used: number;
    readonly limit: number | null;
    readonly currency: string;
  } | null;
  /** Banked limit resets (docs/PROTOCOLS.md "Banked resets"); [] when there are none. */
  readonly bankedResets: readonly {
    readonly id: string;
    readonly label: string;
    readonly left: number;
    readonly total: number | null;
    readonly startsAt: string | null;
    readonly endsAt: string | null;
    readonly clears: readonly string[];
    readonly usableNow: boolean;
  }[];
}

const iso = (at: number | null): string | null => (at === null ? null : new Date(at).toISOString());

/**
 * Maps a source view onto the JSON contract: epoch ms become ISO strings, nothing else added.
 * The figures are as the verdict of this one source reads them now (a window whose reset time
 * has passed reads `utilization: 0, resetsAt: null`); `binding` names the window the merged
 * verdict found binding, when this source is the one that reported it.
 */
export function statusJson(view: SourceView, own: Verdict, binding: string | null): StatusJson {
  return {
    source: view.source,
    fetchedAt: iso(view.fetchedAt),
    stale: view.stale,
    error:
      view.error === null
        ? null
        : { kind: view.error.kind, message: view.error.message, retryAt: iso(view.error.retryAt) },
    windows: view.windows.map((window) => {
      const judged = own.windows.find((candidate) => candidate.id === window.id);
      return {
        id: window.id,
        label: window.label,
        utilization: judged?.utilization ?? window.utilization,
        resetsAt: iso(judged === undefined ? window.resetsAt : judged.resetsAt),
        projectedLockoutAt: iso(judged?.lockoutAt ?? null),
        binding: window.id === binding,
      };
    }),
    extraUsage:
      view.extraUsage === null
        ? null
        : {
            enabled: view.extraUsage.enabled,
            used: view.extraUsage.used,
            limit: view.extraUsage.limit,
            currency: view.extraUsage.currency,
          },
    bankedResets: view.bankedResets.map((reset) => ({
      id: reset.id,
      label: reset.label,
      left: reset.left,
      total: reset.total,
      startsAt: iso(reset.startsAt),
      endsAt: iso(reset.endsAt),
      clears: reset.clears,
      usableNow: reset.usableNow,
    })),
  };
}

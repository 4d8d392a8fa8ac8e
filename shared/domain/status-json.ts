import type { SourceView } from './source-view';
import type { UsageErrorKind } from './usage-error';

/** The stable `pacewatch status --json` contract (PRODUCT.md §3). */
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
}

const iso = (at: number | null): string | null => (at === null ? null : new Date(at).toISOString());

/** Maps a source view onto the JSON contract: epoch ms become ISO strings, nothing else added. */
export function statusJson(view: SourceView): StatusJson {
  return {
    source: view.source,
    fetchedAt: iso(view.fetchedAt),
    stale: view.stale,
    error:
      view.error === null
        ? null
        : { kind: view.error.kind, message: view.error.message, retryAt: iso(view.error.retryAt) },
    windows: view.windows.map((window) => ({
      id: window.id,
      label: window.label,
      utilization: window.utilization,
      resetsAt: iso(window.resetsAt),
      projectedLockoutAt: iso(window.projection.lockoutAt),
      binding: window.binding,
    })),
    extraUsage:
      view.extraUsage === null
        ? null
        : {
            enabled: view.extraUsage.enabled,
            used: view.extraUsage.used,
            limit: view.extraUsage.limit,
            currency: view.extraUsage.currency,
          },
  };
}

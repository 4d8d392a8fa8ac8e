import type { SourceId } from './snapshot';

/** One notification-worthy event, decided by `decideAlerts` (alerts.ts) and kept in the ledger. */
export type Alert =
  | {
      kind: 'threshold';
      source: SourceId;
      windowId: string;
      label: string;
      threshold: number;
      utilization: number;
      resetsAt: number | null;
      at: number;
    }
  | {
      kind: 'lockout';
      source: SourceId;
      windowId: string;
      label: string;
      lockoutAt: number;
      resetsAt: number | null;
      blockedMs: number | null;
      at: number;
    }
  | {
      kind: 'reset';
      source: SourceId;
      windowId: string;
      label: string;
      nextResetAt: number | null;
      /** Utilization when the reset was noticed (usually 0). */
      utilization: number;
      at: number;
    }
  | {
      /** A banked limit reset expires within a day with resets left (docs/PROTOCOLS.md "Banked resets"). */
      kind: 'banked-expiry';
      source: SourceId;
      /** `banked:<grant id>`: held alerts group by this, as window alerts do by window. */
      windowId: string;
      /** The grant's label ("Launch reset"). */
      label: string;
      grantId: string;
      left: number;
      endsAt: number;
      /** The window ids a reset clears. */
      clears: string[];
      at: number;
    };

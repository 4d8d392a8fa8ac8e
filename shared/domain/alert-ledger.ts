import { z } from 'zod';
import type { Alert } from './alert';
import { SOURCE_IDS } from './snapshot';

/** What the ledger remembers about one limit window, whichever source reported it. */
export interface WindowAlertState {
  /** The period's key (its reset time, rounded); null while the server gives no reset time. */
  period: string | null;
  /** The period's reset time as last reported, epoch ms. */
  resetsAt: number | null;
  /** Thresholds already fired (or passed over) in this period. */
  fired: number[];
  /** Whether the lockout-lead warning went out in this period. */
  lockoutWarned: boolean;
  /** The highest utilization seen in this period. */
  peak: number;
}

/** The persisted memory of what was notified, so a restart never repeats a notification. */
export interface AlertLedger {
  version: 1;
  /** Keyed by window id (see `ledgerKey`). */
  windows: Record<string, WindowAlertState>;
  /** Alerts decided while notifications were held (snooze, quiet hours), oldest first. */
  held: Alert[];
  /**
   * Banked-reset grants already reminded about, grant id → the expiry reminded of (epoch ms);
   * absent in ledgers written before reminders existed. Entries go once their grant expires.
   */
  bankedReminded?: Record<string, number> | undefined;
}

/** A ledger that has seen nothing. */
export function emptyLedger(): AlertLedger {
  return { version: 1, windows: {}, held: [], bankedReminded: {} };
}

/**
 * The ledger key of a window: its id alone. `five_hour` from the OAuth endpoint, claude.ai and
 * the status line is one limit of one account, so it alerts once, whichever source saw it first.
 */
export function ledgerKey(windowId: string): string {
  return windowId;
}

const sourceId = z.enum(SOURCE_IDS);
const alertBase = { source: sourceId, windowId: z.string(), label: z.string(), at: z.number() };

const alertSchema: z.ZodType<Alert> = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('threshold'),
    ...alertBase,
    threshold: z.number(),
    utilization: z.number(),
    resetsAt: z.number().nullable(),
  }),
  z.object({
    kind: z.literal('lockout'),
    ...alertBase,
    lockoutAt: z.number(),
    resetsAt: z.number().nullable(),
    blockedMs: z.number().nullable(),
  }),
  z.object({
    kind: z.literal('reset'),
    ...alertBase,
    nextResetAt: z.number().nullable(),
    utilization: z.number(),
  }),
  z.object({
    kind: z.literal('banked-expiry'),
    ...alertBase,
    grantId: z.string(),
    left: z.number(),
    endsAt: z.number(),
    clears: z.array(z.string()),
  }),
]);

const windowStateSchema = z.object({
  period: z.string().nullable(),
  resetsAt: z.number().nullable(),
  fired: z.array(z.number()),
  lockoutWarned: z.boolean(),
  peak: z.number(),
});

/** The shape of the persisted ledger file (`alerts.json`). */
export const alertLedgerSchema: z.ZodType<AlertLedger> = z.object({
  version: z.literal(1),
  windows: z.record(z.string(), windowStateSchema),
  held: z.array(alertSchema),
  bankedReminded: z.record(z.string(), z.number()).optional(),
});

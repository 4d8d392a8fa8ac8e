import { z } from 'zod';
import type { SourceRecord } from '../../../shared/domain/source-record';
import { SOURCE_IDS, type Snapshot, type SourceId } from '../../../shared/domain/snapshot';
import { validSnapshot } from '../../../shared/domain/valid';
import { USAGE_ERROR_KINDS } from '../../../shared/domain/usage-error';

const sourceId = z.enum(SOURCE_IDS as [SourceId, ...SourceId[]]);
const epoch = z.number();

const moneySchema = z.object({ used: z.number(), limit: z.number(), currency: z.string() });

const windowSchema = z.object({
  id: z.string().min(1),
  label: z.string(),
  utilization: z.number(),
  resetsAt: epoch.nullable(),
  money: moneySchema.optional(),
  active: z.boolean().optional(),
  severity: z.string().optional(),
});

const bankedResetSchema = z.object({
  id: z.string(),
  label: z.string(),
  left: z.number(),
  total: z.number().nullable(),
  startsAt: epoch.nullable(),
  endsAt: epoch.nullable(),
  clears: z.array(z.string()),
  usableNow: z.boolean(),
  paused: z.boolean(),
});

const snapshotSchema = z.object({
  source: sourceId,
  fetchedAt: epoch,
  windows: z.array(windowSchema),
  extraUsage: z
    .object({
      enabled: z.boolean(),
      used: z.number(),
      limit: z.number().nullable(),
      currency: z.string(),
      utilization: z.number().nullable(),
      disabledReason: z.string().optional(),
    })
    .nullable(),
  spend: z
    .object({
      amount: z.number(),
      currency: z.string(),
      since: epoch,
      models: z.array(
        z.object({
          model: z.string(),
          cost: z.number(),
          inputTokens: z.number(),
          outputTokens: z.number(),
          cacheCreationTokens: z.number(),
          cacheReadTokens: z.number(),
        }),
      ),
      toolCosts: z.array(z.object({ kind: z.string(), cost: z.number() })).optional(),
    })
    .optional(),
  prepaidCredits: z.object({ amount: z.number(), currency: z.string() }).optional(),
  promoCredit: z
    .object({ utilization: z.number(), expiresAt: epoch.nullable(), money: moneySchema.optional() })
    .optional(),
  bankedResets: z.array(bankedResetSchema).optional(),
});

// A snapshot stored by an older version may hold a value no surface can show (a reset time of
// 1e300): it is checked like fresh input on load, so it loses that value, not every surface.
const showableSnapshot = snapshotSchema.transform((snapshot) =>
  validSnapshot(snapshot as Snapshot),
);

const errorSchema = z.object({
  kind: z.enum(USAGE_ERROR_KINDS),
  message: z.string(),
  retryAt: epoch.nullable(),
});

/** The shape of a cached source record on disk (`<data dir>/cache/<source>.json`). */
export const sourceRecordSchema: z.ZodType<SourceRecord> = z.object({
  source: sourceId,
  snapshot: showableSnapshot.nullable(),
  error: errorSchema.nullable(),
  attemptedAt: epoch.nullable(),
  failures: z.number().int().min(0),
  nextAttemptAt: epoch.nullable(),
  cooldownUntil: epoch.nullable().default(null),
  haltedOn: z.string().nullable(),
  recentAttempts: z.array(epoch).max(1_000).default([]),
});

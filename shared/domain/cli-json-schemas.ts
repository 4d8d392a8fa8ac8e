import { z } from 'zod';
import { USAGE_ERROR_KINDS } from './usage-error';

// Every `pacewatch … --json` output, as a schema: the stable contracts scripts rely on. `status`
// follows the contract in docs/PRODUCT.md §3 (shared/domain/status-json.ts builds it); the
// reports keep ccusage's field names (shared/domain/logs/ccusage-json.ts). Objects are strict: a
// field added or dropped is a change of contract, and the schema test says so.

const isoTime = z.iso.datetime();
const count = z.number().int().nonnegative();
const money = z.number().nonnegative();

/** `pacewatch status --json`. */
export const statusJsonSchema = z.strictObject({
  source: z.enum(['oauth', 'web', 'admin', 'statusline']),
  fetchedAt: isoTime.nullable(),
  stale: z.boolean(),
  error: z
    .strictObject({
      kind: z.enum(USAGE_ERROR_KINDS),
      message: z.string().min(1),
      retryAt: isoTime.nullable(),
    })
    .nullable(),
  windows: z.array(
    z.strictObject({
      id: z.string().min(1),
      label: z.string().min(1),
      utilization: z.number().min(0),
      resetsAt: isoTime.nullable(),
      projectedLockoutAt: isoTime.nullable(),
      binding: z.boolean(),
    }),
  ),
  extraUsage: z
    .strictObject({
      enabled: z.boolean(),
      used: money,
      limit: money.nullable(),
      currency: z.string().min(1),
    })
    .nullable(),
  bankedResets: z.array(
    z.strictObject({
      id: z.string().min(1),
      label: z.string().min(1),
      left: count,
      total: count.nullable(),
      startsAt: isoTime.nullable(),
      endsAt: isoTime.nullable(),
      clears: z.array(z.string()),
      usableNow: z.boolean(),
    }),
  ),
});

const tokenSums = {
  inputTokens: count,
  outputTokens: count,
  cacheCreationTokens: count,
  cacheReadTokens: count,
  totalTokens: count,
};

const breakdown = z.strictObject({
  modelName: z.string().min(1),
  inputTokens: count,
  outputTokens: count,
  cacheCreationTokens: count,
  cacheReadTokens: count,
  cost: money,
  missingPricing: z.literal(true).optional(),
});

/** A cost that leaves unpriced tokens out: a lower bound, and the tokens per model it leaves out. */
const lowerBound = {
  costIsLowerBound: z.literal(true).optional(),
  unpricedTokens: z.record(z.string().min(1), count).optional(),
};

/** The token and cost fields of every daily, monthly and session row. */
const row = {
  ...tokenSums,
  totalCost: money,
  modelsUsed: z.array(z.string()),
  modelBreakdowns: z.array(breakdown),
  retained: z.literal(true).optional(),
  ...lowerBound,
};

const totals = z.strictObject({
  ...tokenSums,
  totalCost: money,
  unpricedModels: z.array(z.string()).optional(),
  ...lowerBound,
});

/** `pacewatch report daily --json`. */
export const dailyJsonSchema = z.strictObject({
  daily: z.array(z.strictObject({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), ...row })),
  totals,
});

/** `pacewatch report monthly --json`. */
export const monthlyJsonSchema = z.strictObject({
  monthly: z.array(z.strictObject({ month: z.string().regex(/^\d{4}-\d{2}$/), ...row })),
  totals,
});

/** `pacewatch report sessions --json`. */
export const sessionsJsonSchema = z.strictObject({
  sessions: z.array(
    z.strictObject({
      sessionId: z.string().min(1),
      projectPath: z.string(),
      firstActivity: isoTime,
      lastActivity: isoTime,
      ...row,
    }),
  ),
  totals,
});

/** `pacewatch report blocks --json`. */
export const blocksJsonSchema = z.strictObject({
  blocks: z.array(
    z.strictObject({
      id: z.string().min(1),
      startTime: isoTime,
      endTime: isoTime,
      actualEndTime: isoTime.nullable(),
      isActive: z.boolean(),
      isGap: z.boolean(),
      entries: count,
      tokenCounts: z.strictObject({
        inputTokens: count,
        outputTokens: count,
        cacheCreationInputTokens: count,
        cacheReadInputTokens: count,
      }),
      totalTokens: count,
      costUSD: money,
      models: z.array(z.string()),
      ...lowerBound,
      burnRate: z
        .strictObject({
          tokensPerMinute: z.number().nonnegative(),
          tokensPerMinuteForIndicator: z.number().nonnegative(),
          costPerHour: z.number().nonnegative(),
        })
        .nullable(),
      projection: z
        .strictObject({
          totalTokens: count,
          totalCost: money,
          remainingMinutes: z.number().nonnegative(),
        })
        .nullable(),
    }),
  ),
});

const planId = z.enum(['pro', 'max5x', 'max20x']);
const percentOrNull = z.number().nonnegative().nullable();

/** `pacewatch advise --json`. */
export const adviseJsonSchema = z.strictObject({
  costLast30DaysUsd: money,
  unpricedTokens: z.record(z.string().min(1), count),
  activeDays: count,
  blocks: count,
  peakBlockCostUsd: money,
  peakWeekCostUsd: money,
  limitHits: count.nullable(),
  currentPlan: z.string().min(1).nullable(),
  peakSessionPercent: percentOrNull,
  peakWeekPercent: percentOrNull,
  recommended: z.union([planId, z.literal('api')]),
  plans: z.array(
    z.strictObject({
      id: planId,
      name: z.string().min(1),
      monthlyUsd: money,
      savingUsd: z.number(),
      capacity: z.number().positive(),
      peakSessionPercent: percentOrNull,
      peakWeekPercent: percentOrNull,
      fit: z.enum(['fits', 'over', 'unknown']),
    }),
  ),
  sentence: z.string().min(1),
});

/** `pacewatch route --json`. */
export const routeJsonSchema = z.strictObject({
  route: z.enum([
    'subscription',
    'api-key',
    'auth-token',
    'api-key-helper',
    'oauth-token',
    'cloud',
    'unknown',
  ]),
  plan: z.string().min(1).nullable(),
  evidence: z.array(z.strictObject({ source: z.string().min(1), detail: z.string().min(1) })),
  fix: z.array(z.string().min(1)),
});

/** `pacewatch credentials status --json`. */
export const credentialsJsonSchema = z.array(
  z.strictObject({
    id: z.enum(['web', 'admin']),
    label: z.string().min(1),
    stored: z.boolean(),
    storedAt: isoTime.nullable(),
    /** Set when the keychain could not be read: what to do. */
    problem: z.string().min(1).optional(),
  }),
);

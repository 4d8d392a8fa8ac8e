import { z } from 'zod';

/** Token counts by kind, with their sum. */
export interface TokenCounts {
  input: number;
  output: number;
  cacheCreation: number;
  cacheRead: number;
  total: number;
}

/** The current (or last) 5-hour block from local logs, with its burn rate and projection. */
export interface LogsBlockSummary {
  /** epoch ms */
  startAt: number;
  endAt: number;
  lastActivityAt: number;
  isActive: boolean;
  tokens: TokenCounts;
  costUsd: number;
  /** null with fewer than two entries in the block. */
  tokensPerMinute: number | null;
  costPerHour: number | null;
  /** At the block's end if the pace holds; null when not active or no rate. */
  projectedTokens: number | null;
  projectedCostUsd: number | null;
}

/**
 * The `logs` source's snapshot: an estimate at API prices from Claude Code's local transcripts,
 * not the enforced quota. The engine caches it in the data dir; the popover shows it.
 */
export interface LogsSummary {
  /** epoch ms */
  computedAt: number;
  activeBlock: LogsBlockSummary | null;
  today: { tokens: TokenCounts; costUsd: number };
  last30Days: { costUsd: number; tokens: TokenCounts };
  /** Models the price table does not know: their tokens count, their cost is 0. */
  unpricedModels: string[];
  problems: { malformedLines: number; unreadableFiles: string[] };
}

const tokenCountsSchema = z.object({
  input: z.number(),
  output: z.number(),
  cacheCreation: z.number(),
  cacheRead: z.number(),
  total: z.number(),
});

const blockSchema = z.object({
  startAt: z.number(),
  endAt: z.number(),
  lastActivityAt: z.number(),
  isActive: z.boolean(),
  tokens: tokenCountsSchema,
  costUsd: z.number(),
  tokensPerMinute: z.number().nullable(),
  costPerHour: z.number().nullable(),
  projectedTokens: z.number().nullable(),
  projectedCostUsd: z.number().nullable(),
});

/** Validates a cached `LogsSummary` read from disk. */
export const logsSummarySchema: z.ZodType<LogsSummary> = z.object({
  computedAt: z.number(),
  activeBlock: blockSchema.nullable(),
  today: z.object({ tokens: tokenCountsSchema, costUsd: z.number() }),
  last30Days: z.object({ costUsd: z.number(), tokens: tokenCountsSchema }),
  unpricedModels: z.array(z.string()),
  problems: z.object({ malformedLines: z.number(), unreadableFiles: z.array(z.string()) }),
});

/** Zero tokens. */
export function emptyTokenCounts(): TokenCounts {
  return { input: 0, output: 0, cacheCreation: 0, cacheRead: 0, total: 0 };
}

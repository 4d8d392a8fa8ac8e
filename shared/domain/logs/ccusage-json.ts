import { totalsOf, type ModelBreakdown, type TokenSums, type UsageGroup } from './aggregate';
import { burnRate, projectBlock, type UsageBlock } from './blocks';
import { unpricedList } from './unpriced';

/** A model breakdown as ccusage prints it (`missingPricing` only when true). */
export type BreakdownJson = Omit<ModelBreakdown, 'missingPricing'> & { missingPricing?: true };

/** The token and cost fields every ccusage report row has. */
export interface RowJson extends TokenSums, LowerBoundJson {
  totalCost: number;
  modelsUsed: string[];
  modelBreakdowns: BreakdownJson[];
  /** Pacewatch's addition: some of this row comes from transcripts deleted since (kept in the index). */
  retained?: true;
}

/**
 * Pacewatch's addition when some tokens could not be priced: the cost is a lower bound, and the
 * unpriced tokens per model (largest first).
 */
export interface LowerBoundJson {
  costIsLowerBound?: true;
  unpricedTokens?: Record<string, number>;
}

/** `totals` of a daily / monthly / session report. */
export interface TotalsJson extends TokenSums, LowerBoundJson {
  totalCost: number;
  unpricedModels?: string[];
}

/** The lower-bound fields for a tally of unpriced tokens (none when it is empty). */
function lowerBound(tallies: readonly Record<string, number>[]): LowerBoundJson {
  const list = unpricedList(tallies);
  if (list.length === 0) return {};
  return {
    costIsLowerBound: true,
    unpricedTokens: Object.fromEntries(list.map(({ model, tokens }) => [model, tokens])),
  };
}

const iso = (at: number): string => new Date(at).toISOString();

/** Oldest first: `YYYY-MM-DD` / `YYYY-MM` keys sort as plain strings (no locale collation). */
const byKey = (a: UsageGroup, b: UsageGroup): number =>
  a.key < b.key ? -1 : a.key > b.key ? 1 : 0;

function row(group: UsageGroup): RowJson {
  return {
    inputTokens: group.inputTokens,
    outputTokens: group.outputTokens,
    cacheCreationTokens: group.cacheCreationTokens,
    cacheReadTokens: group.cacheReadTokens,
    totalTokens: group.totalTokens,
    totalCost: group.totalCost,
    modelsUsed: [...group.modelsUsed],
    modelBreakdowns: group.modelBreakdowns.map(({ missingPricing, ...rest }) =>
      missingPricing ? { ...rest, missingPricing: true as const } : rest,
    ),
    ...(group.retained ? { retained: true as const } : {}),
    ...lowerBound([group.unpricedTokens]),
  };
}

function totals(groups: readonly UsageGroup[]): TotalsJson {
  const { unpricedModels, ...sums } = totalsOf(groups);
  return unpricedModels.length > 0
    ? { ...sums, unpricedModels, ...lowerBound(groups.map((group) => group.unpricedTokens)) }
    : sums;
}

/** `ccusage claude daily --json`: `{ daily: [{ date, … }], totals }`, oldest day first. */
export function dailyJson(days: readonly UsageGroup[]): {
  daily: (RowJson & { date: string })[];
  totals: TotalsJson;
} {
  const sorted = [...days].sort(byKey);
  return {
    daily: sorted.map((group) => ({ date: group.key, ...row(group) })),
    totals: totals(sorted),
  };
}

/** `ccusage claude monthly --json`: `{ monthly: [{ month, … }], totals }`. */
export function monthlyJson(months: readonly UsageGroup[]): {
  monthly: (RowJson & { month: string })[];
  totals: TotalsJson;
} {
  const sorted = [...months].sort(byKey);
  return {
    monthly: sorted.map((group) => ({ month: group.key, ...row(group) })),
    totals: totals(sorted),
  };
}

/** A session group, with what its key stands for. */
export interface SessionGroup {
  readonly group: UsageGroup;
  readonly sessionId: string;
  readonly projectPath: string;
}

/** `ccusage claude session --json`: most expensive session first. */
export function sessionsJson(sessions: readonly SessionGroup[]): {
  sessions: (RowJson & {
    sessionId: string;
    projectPath: string;
    firstActivity: string;
    lastActivity: string;
  })[];
  totals: TotalsJson;
} {
  const sorted = [...sessions].sort(
    (a, b) =>
      b.group.totalCost - a.group.totalCost ||
      (a.sessionId < b.sessionId ? -1 : a.sessionId > b.sessionId ? 1 : 0),
  );
  return {
    sessions: sorted.map(({ group, sessionId, projectPath }) => ({
      sessionId,
      projectPath,
      firstActivity: iso(group.firstActivity),
      lastActivity: iso(group.lastActivity),
      ...row(group),
    })),
    totals: totals(sorted.map((session) => session.group)),
  };
}

/** One block as `ccusage blocks --json` prints it. */
export interface BlockJson extends LowerBoundJson {
  id: string;
  startTime: string;
  endTime: string;
  actualEndTime: string | null;
  isActive: boolean;
  isGap: boolean;
  entries: number;
  tokenCounts: {
    inputTokens: number;
    outputTokens: number;
    cacheCreationInputTokens: number;
    cacheReadInputTokens: number;
  };
  totalTokens: number;
  costUSD: number;
  models: string[];
  burnRate: {
    tokensPerMinute: number;
    tokensPerMinuteForIndicator: number;
    costPerHour: number;
  } | null;
  projection: { totalTokens: number; totalCost: number; remainingMinutes: number } | null;
}

/** `ccusage blocks --json`: `{ blocks: [...] }`, burn rate and projection on the active block only. */
export function blocksJson(blocks: readonly UsageBlock[], now: number): { blocks: BlockJson[] } {
  return {
    blocks: blocks.map((block) => {
      const projection = projectBlock(block, now);
      return {
        id: block.isGap ? `gap-${iso(block.startAt)}` : iso(block.startAt),
        startTime: iso(block.startAt),
        endTime: iso(block.endAt),
        actualEndTime: block.lastActivityAt === null ? null : iso(block.lastActivityAt),
        isActive: block.isActive,
        isGap: block.isGap,
        entries: block.entries,
        tokenCounts: {
          inputTokens: block.tokens.input,
          outputTokens: block.tokens.output,
          cacheCreationInputTokens: block.tokens.cacheCreation,
          cacheReadInputTokens: block.tokens.cacheRead,
        },
        totalTokens: block.totalTokens,
        costUSD: block.costUsd,
        models: [...block.models],
        burnRate: block.isActive ? burnRate(block) : null,
        projection:
          projection === null
            ? null
            : { ...projection, totalCost: Math.round(projection.totalCost * 100) / 100 },
        ...lowerBound([block.unpricedTokens]),
      };
    }),
  };
}

import { isLowerBound, type UnpricedTokens } from './logs/unpriced';

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
  /** Tokens the cost leaves out, per model: the cost is then a lower bound. */
  unpricedTokens: UnpricedTokens;
  /** null with fewer than two entries in the block. */
  tokensPerMinute: number | null;
  costPerHour: number | null;
  /** At the block's end if the pace holds; null when not active or no rate. */
  projectedTokens: number | null;
  projectedCostUsd: number | null;
}

/**
 * The `logs` source's snapshot: an estimate at API prices from Claude Code's local transcripts,
 * not the enforced quota; the popover and `watch` show it. A cost with unpriced tokens is a lower
 * bound (shared/domain/logs/unpriced.ts).
 */
export interface LogsSummary {
  /** epoch ms */
  computedAt: number;
  activeBlock: LogsBlockSummary | null;
  today: { tokens: TokenCounts; costUsd: number; unpricedTokens: UnpricedTokens };
  last30Days: { costUsd: number; tokens: TokenCounts; unpricedTokens: UnpricedTokens };
  problems: { malformedLines: number; unreadableFiles: string[] };
}

/**
 * What the estimate's costs leave out, for the note beside them (popover and `watch` alike):
 * today's unpriced tokens, else the active block's (a block may have begun yesterday).
 */
export function estimateUnpriced(logs: LogsSummary): UnpricedTokens {
  const block = logs.activeBlock;
  return isLowerBound(logs.today.unpricedTokens) || block === null || !block.isActive
    ? logs.today.unpricedTokens
    : block.unpricedTokens;
}

/** Zero tokens. */
export function emptyTokenCounts(): TokenCounts {
  return { input: 0, output: 0, cacheCreation: 0, cacheRead: 0, total: 0 };
}

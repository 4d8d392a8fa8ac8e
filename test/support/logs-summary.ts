import type { LogsSummary } from '../../shared/domain/logs-summary';

const HOUR = 3_600_000;

/**
 * A local estimate mid-block with a model the price table does not know (35,200 tokens of
 * claude-mystery-1): every cost in it is a lower bound.
 */
export function unpricedLogsSummary(now: number): LogsSummary {
  const tokens = { input: 0, output: 0, cacheCreation: 0, cacheRead: 0, total: 1_234_000 };
  const unpricedTokens = { 'claude-mystery-1': 35_200 };
  return {
    computedAt: now,
    activeBlock: {
      startAt: now - HOUR,
      endAt: now + 4 * HOUR,
      lastActivityAt: now,
      isActive: true,
      tokens,
      costUsd: 4.1,
      unpricedTokens,
      tokensPerMinute: 38_000,
      costPerHour: 4.1,
      projectedTokens: null,
      projectedCostUsd: null,
    },
    today: { tokens: { ...tokens, total: 3_400_000 }, costUsd: 12.3, unpricedTokens },
    last30Days: { tokens, costUsd: 143, unpricedTokens },
    problems: { malformedLines: 0, unreadableFiles: [] },
  };
}

import { describe, expect, it } from 'vitest';
import { estimateUnpriced, type LogsSummary } from '../../../shared/domain/logs-summary';
import { unpricedLogsSummary } from '../../support/logs-summary';

const NOW = Date.UTC(2026, 11, 5, 9);

/** The fixture with today's and the block's unpriced tokens replaced. */
function summary(today: Record<string, number>, block: Record<string, number> | null): LogsSummary {
  const base = unpricedLogsSummary(NOW);
  return {
    ...base,
    today: { ...base.today, unpricedTokens: today },
    activeBlock:
      block === null || base.activeBlock === null
        ? null
        : { ...base.activeBlock, unpricedTokens: block },
  };
}

describe('estimateUnpriced: what the estimate note says is left out (popover and watch)', () => {
  it("is today's tally when today has one", () => {
    expect(estimateUnpriced(summary({ 'claude-x': 5 }, { 'claude-y': 9 }))).toEqual({
      'claude-x': 5,
    });
  });

  it("is the active block's when today has none (the block began yesterday)", () => {
    expect(estimateUnpriced(summary({}, { 'claude-y': 9 }))).toEqual({ 'claude-y': 9 });
  });

  it("is today's (empty) without an active block", () => {
    expect(estimateUnpriced(summary({}, null))).toEqual({});
    const ended = summary({}, { 'claude-y': 9 });
    if (ended.activeBlock !== null) ended.activeBlock = { ...ended.activeBlock, isActive: false };
    expect(estimateUnpriced(ended)).toEqual({});
  });
});

import { describe, expect, it } from 'vitest';
import { summarizeEntries } from '../../../../shared/domain/logs/summary';
import { entriesOf } from './entries-factory';

const problems = { malformedLines: 2, unreadableFiles: ['/x/y.jsonl'] };

describe('the logs snapshot the popover shows', () => {
  const entries = entriesOf(
    [
      { at: '2026-08-01T10:00:00Z', output: 1000, cost: 50 },
      { at: '2026-09-29T23:00:00Z', input: 10, output: 100, cost: 1 },
      {
        at: '2026-09-30T09:10:00Z',
        input: 100,
        output: 1000,
        cacheRead: 4000,
        cost: 2,
        model: 'claude-mystery-1',
      },
      { at: '2026-09-30T10:10:00Z', input: 100, output: 1000, cacheWrite1h: 900, cost: 4 },
    ],
    ['claude-mystery-1'],
  );

  it('sums today and the last 30 days, and shows the active block with its pace and projection', () => {
    const now = Date.parse('2026-09-30T11:10:00Z');
    const summary = summarizeEntries(entries, now, 'UTC', problems);
    expect(summary.today).toEqual({
      tokens: { input: 200, output: 2000, cacheCreation: 900, cacheRead: 4000, total: 7100 },
      costUsd: 4,
      unpricedTokens: { 'claude-mystery-1': 5100 },
    });
    expect(summary.last30Days.costUsd).toBe(5);
    // The mystery model's tokens count; its cost is left out, so the costs are lower bounds.
    expect(summary.last30Days.unpricedTokens).toEqual({ 'claude-mystery-1': 5100 });
    expect(summary.problems).toEqual(problems);
    expect(summary.activeBlock).toEqual({
      startAt: Date.parse('2026-09-30T09:00:00Z'),
      endAt: Date.parse('2026-09-30T14:00:00Z'),
      lastActivityAt: Date.parse('2026-09-30T10:10:00Z'),
      isActive: true,
      tokens: { input: 200, output: 2000, cacheCreation: 900, cacheRead: 4000, total: 7100 },
      costUsd: 4,
      unpricedTokens: { 'claude-mystery-1': 5100 },
      tokensPerMinute: 7100 / 60,
      costPerHour: 4,
      projectedTokens: Math.round(7100 + (7100 / 60) * 170),
      projectedCostUsd: 4 + (4 / 60) * 170,
    });
  });

  it('keeps the last block, marked inactive, for a day after it ended; then drops it', () => {
    const later = summarizeEntries(entries, Date.parse('2026-09-30T20:00:00Z'), 'UTC', problems);
    expect(later.activeBlock).toMatchObject({
      isActive: false,
      projectedTokens: null,
      projectedCostUsd: null,
    });
    expect(
      summarizeEntries(entries, Date.parse('2026-10-02T12:00:00Z'), 'UTC', problems).activeBlock,
    ).toBeNull();
  });

  it('uses the local day of the given time zone for today', () => {
    const summary = summarizeEntries(
      entries,
      Date.parse('2026-09-30T01:00:00Z'),
      'America/Los_Angeles',
      problems,
    );
    // 01:00Z on the 30th is the 29th in Los Angeles: the 23:00Z entry counts, the morning ones are future.
    expect(summary.today.costUsd).toBe(1);
  });
});

import { describe, expect, it } from 'vitest';
import { buildBlocks, burnRate, projectBlock } from '../../../../shared/domain/logs/blocks';
import { blocksJson } from '../../../../shared/domain/logs/ccusage-json';
import { entriesOf } from './entries-factory';

const iso = (at: number): string => new Date(at).toISOString();

describe('5-hour blocks (ccusage’s rules)', () => {
  const entries = entriesOf([
    { at: '2026-09-01T10:20:00.000Z', input: 100, output: 900, cost: 1 },
    { at: '2026-09-01T12:20:00.000Z', input: 100, output: 900, cacheRead: 1000, cost: 2 },
    // more than 5 h after the block start (10:00): a new block, no gap (< 5 h since the last entry)
    { at: '2026-09-01T15:30:00.000Z', output: 10, cost: 0.5 },
    // more than 5 h after the previous entry: a gap block, then a new block
    {
      at: '2026-09-02T01:00:00.000Z',
      output: 20,
      cost: 0.25,
      model: 'claude-opus-4-6',
      fast: true,
    },
  ]);

  it('floors a block’s start to the UTC hour and starts anew after 5 h from its start or of silence', () => {
    const blocks = buildBlocks(entries, Date.parse('2026-09-03T00:00:00Z'), 'auto');
    expect(
      blocks.map((block) => [iso(block.startAt), iso(block.endAt), block.isGap, block.entries]),
    ).toEqual([
      ['2026-09-01T10:00:00.000Z', '2026-09-01T15:00:00.000Z', false, 2],
      ['2026-09-01T15:00:00.000Z', '2026-09-01T20:00:00.000Z', false, 1],
      ['2026-09-01T20:30:00.000Z', '2026-09-02T01:00:00.000Z', true, 0],
      ['2026-09-02T01:00:00.000Z', '2026-09-02T06:00:00.000Z', false, 1],
    ]);
    expect(blocks[3]?.models).toEqual(['claude-opus-4-6-fast']);
  });

  it('measures burn rate between the first and last entry (all tokens, and input + output)', () => {
    const [first] = buildBlocks(entries, 0, 'auto');
    expect(first === undefined ? null : burnRate(first)).toEqual({
      tokensPerMinute: 3000 / 120,
      tokensPerMinuteForIndicator: 2000 / 120,
      costPerHour: 1.5,
    });
  });

  it('marks a block active within 5 h of its last entry and before its end, and projects it', () => {
    const now = Date.parse('2026-09-01T13:00:00.000Z');
    const [block] = buildBlocks(entries, now, 'auto');
    expect(block?.isActive).toBe(true);
    // 120 min left: 3000 + 25/min × 120; $3 + $1.5/h × 2 h
    expect(block === undefined ? null : projectBlock(block, now)).toEqual({
      remainingMinutes: 120,
      totalTokens: 6000,
      totalCost: 6,
    });
    expect(blocksJson(block === undefined ? [] : [block], now).blocks[0]).toMatchObject({
      id: '2026-09-01T10:00:00.000Z',
      actualEndTime: '2026-09-01T12:20:00.000Z',
      isActive: true,
      tokenCounts: {
        inputTokens: 200,
        outputTokens: 1800,
        cacheCreationInputTokens: 0,
        cacheReadInputTokens: 1000,
      },
      totalTokens: 3000,
      costUSD: 3,
      burnRate: { tokensPerMinute: 25, tokensPerMinuteForIndicator: 2000 / 120, costPerHour: 1.5 },
      projection: { totalTokens: 6000, totalCost: 6, remainingMinutes: 120 },
    });
  });

  it('gives no burn rate for a single entry, and none outside the active block in JSON', () => {
    const blocks = buildBlocks(entries, Date.parse('2026-09-03T00:00:00Z'), 'auto');
    expect(blocks[1] === undefined ? 'missing' : burnRate(blocks[1])).toBeNull();
    expect(
      blocksJson(blocks, Date.parse('2026-09-03T00:00:00Z')).blocks.map((block) => block.burnRate),
    ).toEqual([null, null, null, null]);
    expect(blocksJson(blocks, 0).blocks[2]?.id).toBe('gap-2026-09-01T20:30:00.000Z');
  });
});

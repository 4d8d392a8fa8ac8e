import { describe, expect, it } from 'vitest';
import { chooseCost, isUnpriced, responseCostUsd } from '../../../../shared/domain/logs/cost';
import {
  DEFAULT_PRICE_ROWS,
  createPriceTable,
  normalizeModelId,
} from '../../../../shared/domain/logs/prices';

const table = createPriceTable(DEFAULT_PRICE_ROWS);
const million = { input: 0, output: 0, cacheWrite5m: 0, cacheWrite1h: 0, cacheRead: 0 };

const DEC_2026 = Date.parse('2026-12-01T12:00:00Z');

/** $ for one million tokens of one kind, priced at `at`. */
function perMillion(
  model: string,
  kind: keyof typeof million,
  fast = false,
  at = DEC_2026,
): number {
  const price = table.find(model, at);
  if (price === null) throw new Error(`no price for ${model}`);
  return Math.round(responseCostUsd({ ...million, [kind]: 1_000_000 }, price, fast) * 1e6) / 1e6;
}

describe('API prices (docs/PROTOCOLS.md), as ccusage v20 applies them', () => {
  it.each([
    ['claude-opus-4-6', [5, 6.25, 10, 0.5, 25]],
    ['claude-opus-4-5-20251101', [5, 6.25, 10, 0.5, 25]],
    ['claude-opus-4-1-20250805', [15, 18.75, 30, 1.5, 75]],
    ['claude-sonnet-4-6', [3, 3.75, 6, 0.3, 15]],
    ['claude-haiku-4-5-20251001', [1, 1.25, 2, 0.1, 5]],
    ['claude-3-5-haiku-20241022', [0.8, 1, 1.6, 0.08, 4]],
  ])('prices %s per kind of token', (model, expected) => {
    const kinds = ['input', 'cacheWrite5m', 'cacheWrite1h', 'cacheRead', 'output'] as const;
    expect(kinds.map((kind) => perMillion(model, kind))).toEqual(expected);
  });

  it('charges Sonnet 4 / 4.5 the long-context rate for each kind’s tokens beyond 200k in a response', () => {
    // 200k at $3 + 800k at $6; 200k at $15 + 800k at $22.50
    expect(perMillion('claude-sonnet-4-5-20250929', 'input')).toBe(5.4);
    expect(perMillion('claude-sonnet-4-20250514', 'output')).toBe(21);
    expect(perMillion('claude-sonnet-4-5-20250929', 'cacheWrite1h')).toBe(10.8);
    // Sonnet 4.6 has no tier.
    expect(perMillion('claude-sonnet-4-6', 'input')).toBe(3);
  });

  it('multiplies fast-mode responses by the model’s factor (Opus 4.6 / 4.7 ×6, 4.8 ×2 until 2026-11-30, others ×1)', () => {
    expect(perMillion('claude-opus-4-6', 'output', true)).toBe(150);
    expect(perMillion('claude-opus-4-7', 'input', true)).toBe(30);
    const nov29 = Date.parse('2026-11-29T23:59:59Z');
    expect(perMillion('claude-opus-4-8', 'output', true, nov29)).toBe(50);
    expect(perMillion('claude-opus-4-8', 'output', true, Date.parse('2026-11-30T00:00:00Z'))).toBe(
      25,
    );
    expect(perMillion('claude-sonnet-4-6', 'output', true)).toBe(15);
  });

  it('matches logged ids with dates, provider prefixes and context suffixes, and not other versions', () => {
    expect(normalizeModelId('anthropic/claude-sonnet-4-5@20250929')).toBe('claude-sonnet-4-5');
    expect(normalizeModelId('claude-opus-4-6[1m]')).toBe('claude-opus-4-6');
    expect(table.find('claude-opus-4-6-20260101', DEC_2026)).toBe(
      table.find('claude-opus-4-6', DEC_2026),
    );
    expect(table.find('claude-sonnet-4-5-20250929-fast', DEC_2026)).toBe(
      table.find('claude-sonnet-4-5', DEC_2026),
    );
    expect(table.find('claude-opus-4-9', DEC_2026)).toBeNull();
    expect(table.find('claude-mystery-1', DEC_2026)).toBeNull();
  });

  it('changes its version stamp with its rows, so stored costs are recomputed', () => {
    const edited = createPriceTable([
      { models: ['claude-x'], price: DEFAULT_PRICE_ROWS[0]?.price ?? (null as never) },
    ]);
    expect(edited.version).not.toBe(table.version);
  });
});

describe('cost modes (like ccusage --mode)', () => {
  it('auto prefers a logged costUSD, calculate ignores it, display shows only it', () => {
    expect(chooseCost('auto', 2, 1.5)).toBe(1.5);
    expect(chooseCost('auto', 2, null)).toBe(2);
    expect(chooseCost('calculate', 2, 1.5)).toBe(2);
    expect(chooseCost('display', 2, null)).toBe(0);
    expect(chooseCost('auto', null, null)).toBe(0);
  });

  it('calls a response unpriced only when a named model has no price and no logged cost to use', () => {
    expect(isUnpriced('auto', true, false, null)).toBe(true);
    expect(isUnpriced('auto', true, false, 0.25)).toBe(false);
    expect(isUnpriced('calculate', true, false, 0.25)).toBe(true);
    expect(isUnpriced('display', true, false, null)).toBe(false);
    expect(isUnpriced('auto', false, false, null)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { responseCostUsd } from '../../../../shared/domain/logs/cost';
import {
  DEFAULT_PRICE_ROWS,
  createPriceTable,
  normalizeModelId,
} from '../../../../shared/domain/logs/prices';

const table = createPriceTable(DEFAULT_PRICE_ROWS);
const none = { input: 0, output: 0, cacheWrite5m: 0, cacheWrite1h: 0, cacheRead: 0 };
const KINDS = ['input', 'cacheWrite5m', 'cacheWrite1h', 'cacheRead', 'output'] as const;

/** $ per million tokens of each kind (input, 5-min write, 1-h write, read, output) at a UTC time. */
function rates(model: string, at: string): number[] {
  const price = table.find(model, Date.parse(at));
  if (price === null) throw new Error(`no price for ${model}`);
  // 50k tokens of one kind (below every tier), scaled to a million.
  return KINDS.map(
    (kind) =>
      Math.round(responseCostUsd({ ...none, [kind]: 50_000 }, price, false) * 20 * 1e6) / 1e6,
  );
}

describe('built-in prices as of December 2026 (docs/PROTOCOLS.md "Model prices"), by message date', () => {
  it.each([
    ['claude-opus-5-5', '2026-12-01T00:00:00Z', [4, 5, 8, 0.2, 20]],
    ['claude-opus-5', '2026-12-01T00:00:00Z', [5, 6.25, 10, 0.5, 25]],
    ['claude-sonnet-5-5', '2026-10-06T23:59:59Z', [2, 2.5, 4, 0.2, 10]],
    ['claude-sonnet-5-5', '2026-10-07T00:00:00Z', [2, 2.5, 4, 0.1, 10]],
    ['claude-sonnet-5', '2026-12-01T00:00:00Z', [2, 2.5, 4, 0.2, 10]],
    ['claude-haiku-5-5', '2026-12-01T00:00:00Z', [0.1, 0.125, 0.2, 0.01, 0.5]],
    ['claude-fable-5-1', '2026-12-01T00:00:00Z', [10, 12.5, 20, 0.25, 50]],
    ['claude-fable-5-2', '2026-12-01T00:00:00Z', [8, 10, 16, 0.2, 40]],
    ['claude-fable-5', '2026-12-01T00:00:00Z', [10, 12.5, 20, 1, 50]],
    ['claude-opus-4-8', '2026-12-01T00:00:00Z', [5, 6.25, 10, 0.5, 25]],
  ])('%s at %s', (model, at, expected) => {
    expect(rates(model, at)).toEqual(expected);
  });

  it('reads the [1m] suffix and date suffixes as the same model', () => {
    expect(normalizeModelId('claude-opus-5-5[1m]')).toBe('claude-opus-5-5');
    expect(rates('claude-opus-5-5[1m]', '2026-12-01T00:00:00Z')).toEqual([4, 5, 8, 0.2, 20]);
    expect(rates('claude-sonnet-5-5-20260928', '2026-12-01T00:00:00Z')).toEqual([
      2, 2.5, 4, 0.1, 10,
    ]);
    // Sonnet 5.5 is not Sonnet 5, and Opus 5.5 is not Opus 5.
    expect(table.find('claude-sonnet-5-5', 0)).not.toBe(table.find('claude-sonnet-5', 0));
    expect(table.find('claude-opus-5-9', 0)).toBeNull();
  });

  it('prices a Haiku 5.5 response wholly at the higher tier once its prompt is over 100,000 tokens', () => {
    const haiku = table.find('claude-haiku-5-5', Date.parse('2026-12-01T00:00:00Z'));
    if (haiku === null) throw new Error('Haiku 5.5 unpriced');
    const at = (tokens: typeof none): number =>
      Math.round(responseCostUsd(tokens, haiku, false) * 1e8) / 1e8;
    // Prompt 100,000 (20k in + 80k read): low tier. 20k·0.10 + 80k·0.01 + 1k·0.50 = $0.0033
    expect(at({ ...none, input: 20_000, cacheRead: 80_000, output: 1_000 })).toBe(0.0033);
    // Prompt 100,001: every token at the high tier, output too.
    // 20,001·0.50 + 80k·0.05 + 1k·2.50 = $0.0165005
    expect(at({ ...none, input: 20_001, cacheRead: 80_000, output: 1_000 })).toBe(0.0165005);
    // Cache writes count toward the prompt: 60k 5-min + 50k 1-h writes = 110k prompt.
    // 60k·0.625 + 50k·1.00 = $0.0875
    expect(at({ ...none, cacheWrite5m: 60_000, cacheWrite1h: 50_000 })).toBe(0.0875);
  });

  it('lets a user row replace a built-in row with the same start day, and keeps later built-in rows', () => {
    const [sonnet55] = DEFAULT_PRICE_ROWS.filter((row) => row.models.includes('claude-sonnet-5-5'));
    if (sonnet55 === undefined) throw new Error('no Sonnet 5.5 row');
    const custom = createPriceTable([
      { models: ['claude-sonnet-5-5'], price: { ...sonnet55.price, output: { perMillion: 12 } } },
      ...DEFAULT_PRICE_ROWS,
    ]);
    expect(custom.find('claude-sonnet-5-5', Date.parse('2026-10-01T00:00:00Z'))?.output).toEqual({
      perMillion: 12,
    });
    expect(custom.find('claude-sonnet-5-5', Date.parse('2026-10-08T00:00:00Z'))?.output).toEqual({
      perMillion: 10,
    });
  });
});

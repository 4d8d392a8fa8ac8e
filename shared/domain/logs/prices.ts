/** $ per million tokens for one kind of token, with an optional rate above a token threshold. */
export interface Rate {
  readonly perMillion: number;
  /** The rate for the tokens beyond `TIER_THRESHOLD` in one response (long-context pricing). */
  readonly abovePerMillion?: number;
}

/** The five per-kind rates of a prompt-length tier, in $ per million tokens. */
export interface TierRates {
  readonly input: number;
  readonly cacheWrite5m: number;
  readonly cacheWrite1h: number;
  readonly cacheRead: number;
  readonly output: number;
}

/**
 * A prompt-length tier (Haiku 5.5, docs/PROTOCOLS.md "Model prices"): a response whose prompt
 * (input + cache writes + cache reads) is over `aboveTokens` is priced entirely at `rates`,
 * output included.
 */
export interface PromptTier {
  readonly aboveTokens: number;
  readonly rates: TierRates;
}

/** What one model costs, in $ per million tokens. */
export interface ModelPrice {
  readonly input: Rate;
  readonly cacheWrite5m: Rate;
  readonly cacheWrite1h: Rate;
  readonly cacheRead: Rate;
  readonly output: Rate;
  /** Multiplier for responses logged with `speed: "fast"`; 1 when the model has no fast mode. */
  readonly fastMultiplier: number;
  /** The whole-request rate above a prompt length, when the model has one. */
  readonly longPrompt?: PromptTier;
}

/**
 * One row of the price table: the model ids (without date suffix) it covers, from a UTC day on
 * (`from`, `YYYY-MM-DD`; a row without one applies from the beginning). A response is priced by
 * the row in effect at its timestamp.
 */
export interface PriceRow {
  readonly models: readonly string[];
  readonly price: ModelPrice;
  readonly from?: string;
}

/** Tokens of one kind in one response above which a tiered rate applies (as ccusage v20 does). */
export const TIER_THRESHOLD = 200_000;

const flat = (
  input: number,
  write5m: number,
  write1h: number,
  read: number,
  output: number,
  fastMultiplier = 1,
): ModelPrice => ({
  input: { perMillion: input },
  cacheWrite5m: { perMillion: write5m },
  cacheWrite1h: { perMillion: write1h },
  cacheRead: { perMillion: read },
  output: { perMillion: output },
  fastMultiplier,
});

const LONG_CONTEXT_SONNET: ModelPrice = {
  input: { perMillion: 3, abovePerMillion: 6 },
  cacheWrite5m: { perMillion: 3.75, abovePerMillion: 7.5 },
  cacheWrite1h: { perMillion: 6, abovePerMillion: 12 },
  cacheRead: { perMillion: 0.3, abovePerMillion: 0.6 },
  output: { perMillion: 15, abovePerMillion: 22.5 },
  fastMultiplier: 1,
};

const HAIKU_5_5: ModelPrice = {
  ...flat(0.1, 0.125, 0.2, 0.01, 0.5),
  longPrompt: {
    aboveTokens: 100_000,
    rates: { input: 0.5, cacheWrite5m: 0.625, cacheWrite1h: 1, cacheRead: 0.05, output: 2.5 },
  },
};

/**
 * Anthropic's API prices (docs/PROTOCOLS.md "Local transcripts" and "Model prices"), as data.
 * Sonnet 4 / 4.5 carry the 1M-context rates above 200k tokens and Opus 4.6–4.8 their fast-mode
 * multipliers, matching ccusage v20's LiteLLM snapshot. Dated rows: Sonnet 5.5's cache read cut
 * on 2026-10-07 and Opus 4.8's fast mode removed on 2026-11-30 (priced at the standard rate from
 * then on). Replace or extend it with `<data dir>/prices.json`
 * (see `electron/core/prices/price-file.ts`).
 */
export const DEFAULT_PRICE_ROWS: readonly PriceRow[] = [
  { models: ['claude-fable-5-2', 'claude-mythos-5-2'], price: flat(8, 10, 16, 0.2, 40) },
  { models: ['claude-fable-5-1', 'claude-mythos-5-1'], price: flat(10, 12.5, 20, 0.25, 50) },
  { models: ['claude-fable-5', 'claude-mythos-5'], price: flat(10, 12.5, 20, 1, 50) },
  { models: ['claude-opus-5-5'], price: flat(4, 5, 8, 0.2, 20) },
  { models: ['claude-opus-5'], price: flat(5, 6.25, 10, 0.5, 25) },
  { models: ['claude-sonnet-5-5'], price: flat(2, 2.5, 4, 0.2, 10) },
  { models: ['claude-sonnet-5-5'], price: flat(2, 2.5, 4, 0.1, 10), from: '2026-10-07' },
  { models: ['claude-sonnet-5'], price: flat(2, 2.5, 4, 0.2, 10) },
  { models: ['claude-haiku-5-5'], price: HAIKU_5_5 },
  { models: ['claude-opus-4-5'], price: flat(5, 6.25, 10, 0.5, 25) },
  { models: ['claude-opus-4-6', 'claude-opus-4-7'], price: flat(5, 6.25, 10, 0.5, 25, 6) },
  { models: ['claude-opus-4-8'], price: flat(5, 6.25, 10, 0.5, 25, 2) },
  { models: ['claude-opus-4-8'], price: flat(5, 6.25, 10, 0.5, 25), from: '2026-11-30' },
  {
    models: ['claude-opus-4', 'claude-opus-4-1', 'claude-3-opus'],
    price: flat(15, 18.75, 30, 1.5, 75),
  },
  { models: ['claude-sonnet-4', 'claude-sonnet-4-5'], price: LONG_CONTEXT_SONNET },
  {
    models: ['claude-sonnet-4-6', 'claude-3-7-sonnet', 'claude-3-5-sonnet'],
    price: flat(3, 3.75, 6, 0.3, 15),
  },
  { models: ['claude-haiku-4-5'], price: flat(1, 1.25, 2, 0.1, 5) },
  { models: ['claude-3-5-haiku'], price: flat(0.8, 1, 1.6, 0.08, 4) },
  { models: ['claude-3-haiku'], price: flat(0.25, 0.3, 0.5, 0.03, 1.25) },
];

/** The prices of one model over time: `from` (ms since epoch, ascending; the first is -Infinity). */
export type PricePeriods = readonly { readonly from: number; readonly price: ModelPrice }[];

/** Looks up model ids in a price table. */
export interface PriceTable {
  /** A short stamp that changes when the table does, so stored costs can be recomputed. */
  readonly version: string;
  /** The rows it was built from (plain data: it crosses to worker threads). */
  readonly rows: readonly PriceRow[];
  /** The price of a model as Claude Code logs it at a time (ms), or null when the table does not know it. */
  find(model: string, at: number): ModelPrice | null;
  /** A model's prices over time, or null when the table does not know it. */
  periods(model: string): PricePeriods | null;
}

/** The price in effect at `at` (ms): the last period starting at or before it. */
export function priceAt(periods: PricePeriods, at: number): ModelPrice {
  let chosen = periods[0] as PricePeriods[number];
  for (const period of periods) if (period.from <= at) chosen = period;
  return chosen.price;
}

/** Reduces a logged model id to the table's form: no provider prefix, date or context suffix. */
export function normalizeModelId(model: string): string {
  return model
    .toLowerCase()
    .replace(/^(?:anthropic[/.]|(?:us|eu|apac|global)\.anthropic\.)/, '')
    .replace(/\[[^\]]*\]$/, '')
    .replace(/-v\d+(?::\d+)?$/, '')
    .replace(/@\d{8}$/, '')
    .replace(/-\d{8}(?=-|$)/g, '');
}

/** Milliseconds of a row's `from` day (UTC midnight), -Infinity without one. */
function startOf(row: PriceRow): number {
  return row.from === undefined ? -Infinity : Date.parse(`${row.from}T00:00:00Z`);
}

/**
 * Builds a price table: the exact id first, else the longest table id followed by a non-version
 * suffix (`claude-opus-4-5-fast` is Opus 4.5; `claude-opus-4-9` is not Opus 4, it is unknown).
 * For one id and one start day, the first row listed wins (the user's rows come first).
 */
export function createPriceTable(rows: readonly PriceRow[]): PriceTable {
  const byId = new Map<string, { from: number; price: ModelPrice }[]>();
  for (const row of rows) {
    const from = startOf(row);
    for (const id of row.models) {
      const periods = byId.get(id) ?? [];
      if (!periods.some((period) => period.from === from)) periods.push({ from, price: row.price });
      byId.set(id, periods);
    }
  }
  for (const periods of byId.values()) periods.sort((a, b) => a.from - b.from);
  const ids = [...byId.keys()].sort((a, b) => b.length - a.length);
  const cache = new Map<string, PricePeriods | null>();
  const periodsOf = (model: string): PricePeriods | null => {
    const cached = cache.get(model);
    if (cached !== undefined) return cached;
    const id = normalizeModelId(model);
    const prefix = ids.find(
      (known) => id.startsWith(`${known}-`) && !/\d/.test(id.charAt(known.length + 1)),
    );
    const found = byId.get(id) ?? (prefix === undefined ? null : (byId.get(prefix) ?? null));
    cache.set(model, found);
    return found;
  };
  return {
    version: stamp(JSON.stringify(rows)),
    rows,
    periods: periodsOf,
    find(model, at) {
      const periods = periodsOf(model);
      return periods === null ? null : priceAt(periods, at);
    },
  };
}

function stamp(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

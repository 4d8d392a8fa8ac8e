/** $ per million tokens for one kind of token, with an optional rate above a token threshold. */
export interface Rate {
  readonly perMillion: number;
  /** The rate for the tokens beyond `TIER_THRESHOLD` in one response (long-context pricing). */
  readonly abovePerMillion?: number;
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
}

/** One row of the price table: the model ids (without date suffix) it covers. */
export interface PriceRow {
  readonly models: readonly string[];
  readonly price: ModelPrice;
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

/**
 * Anthropic's API prices (docs/PROTOCOLS.md "Local transcripts"), as data. Sonnet 4 / 4.5 carry the
 * 1M-context rates above 200k tokens and Opus 4.6–4.8 their fast-mode multipliers, matching
 * ccusage v20's LiteLLM snapshot. Replace or extend it with `<data dir>/prices.json`
 * (see `electron/core/sources/logs/price-file.ts`).
 */
export const DEFAULT_PRICE_ROWS: readonly PriceRow[] = [
  { models: ['claude-opus-4-5'], price: flat(5, 6.25, 10, 0.5, 25) },
  { models: ['claude-opus-4-6', 'claude-opus-4-7'], price: flat(5, 6.25, 10, 0.5, 25, 6) },
  { models: ['claude-opus-4-8'], price: flat(5, 6.25, 10, 0.5, 25, 2) },
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

/** Looks up model ids in a price table. */
export interface PriceTable {
  /** A short stamp that changes when the table does, so stored costs can be recomputed. */
  readonly version: string;
  /** The rows it was built from (plain data: it crosses to worker threads). */
  readonly rows: readonly PriceRow[];
  /** The price of a model as Claude Code logs it, or null when the table does not know it. */
  find(model: string): ModelPrice | null;
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

/**
 * Builds a price table: the exact id first, else the longest table id followed by a non-version
 * suffix (`claude-opus-4-5-fast` is Opus 4.5; `claude-opus-4-9` is not Opus 4, it is unknown).
 */
export function createPriceTable(rows: readonly PriceRow[]): PriceTable {
  const byId = new Map<string, ModelPrice>();
  for (const row of rows) for (const id of row.models) byId.set(id, row.price);
  const ids = [...byId.keys()].sort((a, b) => b.length - a.length);
  const cache = new Map<string, ModelPrice | null>();
  return {
    version: stamp(JSON.stringify(rows)),
    rows,
    find(model) {
      const cached = cache.get(model);
      if (cached !== undefined) return cached;
      const id = normalizeModelId(model);
      const prefix = ids.find(
        (known) => id.startsWith(`${known}-`) && !/\d/.test(id.charAt(known.length + 1)),
      );
      const price = byId.get(id) ?? (prefix === undefined ? null : (byId.get(prefix) ?? null));
      cache.set(model, price);
      return price;
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

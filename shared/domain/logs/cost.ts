import { TIER_THRESHOLD, type ModelPrice, type Rate } from './prices';

/** The tokens of one response, split the way they are billed. */
export interface ResponseTokens {
  readonly input: number;
  readonly output: number;
  /** 5-minute cache writes; all cache writes when the log has no 5m / 1h breakdown. */
  readonly cacheWrite5m: number;
  readonly cacheWrite1h: number;
  readonly cacheRead: number;
}

/**
 * How a logged `costUSD` is used, as in ccusage: `auto` prefers it and prices the rest,
 * `calculate` always prices from tokens, `display` shows only logged costs (0 without one).
 */
export type CostMode = 'auto' | 'calculate' | 'display';

/** Every cost mode, for option parsing. */
export const COST_MODES: readonly CostMode[] = ['auto', 'calculate', 'display'];

function tiered(tokens: number, rate: Rate): number {
  const base = rate.perMillion / 1e6;
  if (rate.abovePerMillion === undefined || tokens <= TIER_THRESHOLD) return tokens * base;
  return TIER_THRESHOLD * base + (tokens - TIER_THRESHOLD) * (rate.abovePerMillion / 1e6);
}

/** The tokens of a response's prompt: input, cache writes and cache reads. */
function promptTokens(tokens: ResponseTokens): number {
  return tokens.input + tokens.cacheWrite5m + tokens.cacheWrite1h + tokens.cacheRead;
}

/**
 * The API-equivalent cost of one response in dollars (docs/PROTOCOLS.md: per kind, tiered, fast).
 * Above a model's prompt-length tier the whole response takes the tier's rates.
 */
export function responseCostUsd(tokens: ResponseTokens, price: ModelPrice, fast: boolean): number {
  const tier = price.longPrompt;
  const cost =
    tier !== undefined && promptTokens(tokens) > tier.aboveTokens
      ? (tokens.input * tier.rates.input +
          tokens.output * tier.rates.output +
          tokens.cacheWrite5m * tier.rates.cacheWrite5m +
          tokens.cacheWrite1h * tier.rates.cacheWrite1h +
          tokens.cacheRead * tier.rates.cacheRead) /
        1e6
      : kindCosts(tokens, price);
  return fast ? cost * price.fastMultiplier : cost;
}

function kindCosts(tokens: ResponseTokens, price: ModelPrice): number {
  return (
    tiered(tokens.input, price.input) +
    tiered(tokens.output, price.output) +
    tiered(tokens.cacheWrite5m, price.cacheWrite5m) +
    tiered(tokens.cacheWrite1h, price.cacheWrite1h) +
    tiered(tokens.cacheRead, price.cacheRead)
  );
}

/**
 * The cost a report shows for one response. `calculated` is null for an unpriced model;
 * `logged` is the line's `costUSD`, null when absent.
 */
export function chooseCost(
  mode: CostMode,
  calculated: number | null,
  logged: number | null,
): number {
  if (mode === 'display') return logged ?? 0;
  if (mode === 'auto' && logged !== null) return logged;
  return calculated ?? 0;
}

/** Whether a response counts as unpriced: a named model the table lacks, with no cost to fall back on. */
export function isUnpriced(
  mode: CostMode,
  hasModel: boolean,
  priced: boolean,
  logged: number | null,
): boolean {
  if (mode === 'display' || !hasModel || priced) return false;
  return !(mode === 'auto' && logged !== null);
}

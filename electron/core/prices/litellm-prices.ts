import { z } from 'zod';
import {
  normalizeModelId,
  type ModelPrice,
  type PriceRow,
  type PriceTable,
} from '../../../shared/domain/logs/prices';

// LiteLLM's public price list (docs/PROTOCOLS.md "Price refresh"): one JSON object keyed by
// model id, $ per token. Only Anthropic's own Claude entries are read, each validated on its
// own: an entry that does not fit is skipped, never guessed at.

/** $ per token; anything above $1,000 per million is not a believable price. */
const perToken = z.number().nonnegative().max(0.001);

const entrySchema = z.object({
  litellm_provider: z.literal('anthropic'),
  input_cost_per_token: perToken,
  output_cost_per_token: perToken,
  cache_creation_input_token_cost: perToken.optional(),
  cache_creation_input_token_cost_above_1hr: perToken.optional(),
  cache_read_input_token_cost: perToken.optional(),
  input_cost_per_token_above_200k_tokens: perToken.optional(),
  output_cost_per_token_above_200k_tokens: perToken.optional(),
  cache_creation_input_token_cost_above_200k_tokens: perToken.optional(),
  cache_read_input_token_cost_above_200k_tokens: perToken.optional(),
});

const listSchema = z.record(z.string(), z.unknown());

/** $ per million, without float dust (3e-6 × 1e6 is 2.9999999999999996). */
const million = (perTokenCost: number): number => Math.round(perTokenCost * 1e12) / 1e6;

function rate(base: number, above: number | undefined) {
  return above === undefined
    ? { perMillion: million(base) }
    : { perMillion: million(base), abovePerMillion: million(above) };
}

function priceOf(entry: z.infer<typeof entrySchema>): ModelPrice {
  const input = entry.input_cost_per_token;
  return {
    input: rate(input, entry.input_cost_per_token_above_200k_tokens),
    output: rate(entry.output_cost_per_token, entry.output_cost_per_token_above_200k_tokens),
    // Anthropic's multipliers when an entry leaves a cache rate out: 1.25×, 2× and 0.1× input.
    cacheWrite5m: rate(
      entry.cache_creation_input_token_cost ?? input * 1.25,
      entry.cache_creation_input_token_cost_above_200k_tokens,
    ),
    cacheWrite1h: rate(entry.cache_creation_input_token_cost_above_1hr ?? input * 2, undefined),
    cacheRead: rate(
      entry.cache_read_input_token_cost ?? input * 0.1,
      entry.cache_read_input_token_cost_above_200k_tokens,
    ),
    fastMultiplier: 1,
  };
}

/**
 * The rows a LiteLLM price list adds: Claude models the built-in table does not know (its dated
 * rows stay authoritative for the models it has, since the list carries no effective dates).
 * A string when the text is not a price list at all.
 */
export function litellmRows(text: string, builtIn: PriceTable): PriceRow[] | string {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return 'not JSON';
  }
  const list = listSchema.safeParse(json);
  if (!list.success) return 'not a JSON object of models';
  const rows = new Map<string, PriceRow>();
  for (const [key, value] of Object.entries(list.data)) {
    const id = normalizeModelId(key);
    if (!id.startsWith('claude-') || rows.has(id) || builtIn.periods(id) !== null) continue;
    const entry = entrySchema.safeParse(value);
    if (entry.success) rows.set(id, { models: [id], price: priceOf(entry.data) });
  }
  if (rows.size === 0 && !Object.keys(list.data).some((key) => key.includes('claude')))
    return 'no Claude models in it';
  return [...rows.values()].sort((a, b) => ((a.models[0] ?? '') < (b.models[0] ?? '') ? -1 : 1));
}

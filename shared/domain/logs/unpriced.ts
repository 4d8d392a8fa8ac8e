/**
 * Unpriced tokens (a model the price table does not know): counted, never priced at $0. A cost
 * that leaves them out is a lower bound, shown as "≥ $4.10" with "+ N tokens of model-x not
 * priced" beside it (docs/PRODUCT.md §2; issue "Anthropic's December 2026 changes").
 */

/** Tokens per model that could not be priced. */
export type UnpricedTokens = Readonly<Record<string, number>>;

/** Whether a cost leaves tokens out, and so is a lower bound. */
export function isLowerBound(unpriced: UnpricedTokens | undefined): boolean {
  return unpriced !== undefined && Object.keys(unpriced).length > 0;
}

/** A formatted cost, marked `≥` when it is a lower bound. */
export function costText(formatted: string, unpriced: UnpricedTokens | undefined): string {
  return isLowerBound(unpriced) ? `≥ ${formatted}` : formatted;
}

/** Unpriced tokens per model, largest first (then by name), summed over one or more tallies. */
export function unpricedList(
  tallies: readonly UnpricedTokens[],
): { model: string; tokens: number }[] {
  const sums = new Map<string, number>();
  for (const tally of tallies)
    for (const [model, tokens] of Object.entries(tally))
      sums.set(model, (sums.get(model) ?? 0) + tokens);
  return [...sums]
    .map(([model, tokens]) => ({ model, tokens }))
    .sort((a, b) => b.tokens - a.tokens || (a.model < b.model ? -1 : a.model > b.model ? 1 : 0));
}

/** "+ 1,234 tokens of claude-x not priced", one per model, counts formatted by `count`. */
export function unpricedLines(
  tallies: readonly UnpricedTokens[],
  count: (tokens: number) => string,
): string[] {
  return unpricedList(tallies).map(
    ({ model, tokens }) => `+ ${count(tokens)} tokens of ${model} not priced`,
  );
}

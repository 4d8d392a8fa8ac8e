import { z } from 'zod';
import type { ModelPrice, PriceRow } from '../../../shared/domain/logs/prices';

const rate = z.object({
  perMillion: z.number().nonnegative(),
  abovePerMillion: z.number().nonnegative().optional(),
});
const tierRates = z.object({
  input: z.number().nonnegative(),
  cacheWrite5m: z.number().nonnegative(),
  cacheWrite1h: z.number().nonnegative(),
  cacheRead: z.number().nonnegative(),
  output: z.number().nonnegative(),
});
const rowSchema = z.object({
  models: z.array(z.string().min(1)).min(1),
  from: z.iso.date().optional(),
  price: z.object({
    input: rate,
    cacheWrite5m: rate,
    cacheWrite1h: rate,
    cacheRead: rate,
    output: rate,
    fastMultiplier: z.number().positive().default(1),
    longPrompt: z.object({ aboveTokens: z.number().int().positive(), rates: tierRates }).optional(),
  }),
});
/** Price rows as `prices.json` and the refreshed-prices cache store them. */
export const priceRowsSchema = z.array(rowSchema);
const fileSchema = z.object({ rows: priceRowsSchema });

/** The rows of a `prices.json` text, or why it is not a valid price table. */
export function parsePriceFile(text: string): PriceRow[] | string {
  try {
    return stripUndefined(fileSchema.parse(JSON.parse(text)).rows);
  } catch (error) {
    return error instanceof z.ZodError ? (error.issues[0]?.message ?? 'invalid') : 'not JSON';
  }
}

/** Parsed rows as the price table takes them (no `undefined` keys). */
export function stripUndefined(rows: z.infer<typeof priceRowsSchema>): PriceRow[] {
  const clean = (value: z.infer<typeof rate>) =>
    value.abovePerMillion === undefined
      ? { perMillion: value.perMillion }
      : { perMillion: value.perMillion, abovePerMillion: value.abovePerMillion };
  return rows.map((row) => {
    const price: ModelPrice = {
      input: clean(row.price.input),
      cacheWrite5m: clean(row.price.cacheWrite5m),
      cacheWrite1h: clean(row.price.cacheWrite1h),
      cacheRead: clean(row.price.cacheRead),
      output: clean(row.price.output),
      fastMultiplier: row.price.fastMultiplier,
      ...(row.price.longPrompt === undefined ? {} : { longPrompt: row.price.longPrompt }),
    };
    return row.from === undefined
      ? { models: row.models, price }
      : { models: row.models, price, from: row.from };
  });
}

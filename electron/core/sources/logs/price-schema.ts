import { z } from 'zod';
import type { PriceRow } from '../../../../shared/domain/logs/prices';

const rate = z.object({
  perMillion: z.number().nonnegative(),
  abovePerMillion: z.number().nonnegative().optional(),
});
const rowSchema = z.object({
  models: z.array(z.string().min(1)).min(1),
  price: z.object({
    input: rate,
    cacheWrite5m: rate,
    cacheWrite1h: rate,
    cacheRead: rate,
    output: rate,
    fastMultiplier: z.number().positive().default(1),
  }),
});
const fileSchema = z.object({ rows: z.array(rowSchema) });

/** The rows of a `prices.json` text, or why it is not a valid price table. */
export function parsePriceFile(text: string): PriceRow[] | string {
  try {
    return stripUndefined(fileSchema.parse(JSON.parse(text)).rows);
  } catch (error) {
    return error instanceof z.ZodError ? (error.issues[0]?.message ?? 'invalid') : 'not JSON';
  }
}

function stripUndefined(rows: z.infer<typeof fileSchema>['rows']): PriceRow[] {
  const clean = (value: z.infer<typeof rate>) =>
    value.abovePerMillion === undefined
      ? { perMillion: value.perMillion }
      : { perMillion: value.perMillion, abovePerMillion: value.abovePerMillion };
  return rows.map((row) => ({
    models: row.models,
    price: {
      input: clean(row.price.input),
      cacheWrite5m: clean(row.price.cacheWrite5m),
      cacheWrite1h: clean(row.price.cacheWrite1h),
      cacheRead: clean(row.price.cacheRead),
      output: clean(row.price.output),
      fastMultiplier: row.price.fastMultiplier,
    },
  }));
}
